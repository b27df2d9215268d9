package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;

/**
 * The attachment API's tests ({@link AttachmentApiTest}, every one of them) with the content in the S3 store; and the
 * content is there, in the bucket under its hash, not on the local disk.
 */
@OnS3Store
class AttachmentApiOnS3IT extends AttachmentApiTest {
    @Value("${motcua.data-dir}") String dataDir;

    @Test
    void theContentIsStoredInTheBucketUnderItsHashAndNotOnTheDisk() throws Exception {
        byte[] pdf = TestDocuments.pdf(List.of("GIẤY CHỨNG SINH", "Lưu trong kho đối tượng " + System.nanoTime()));
        var response = uploads.upload("clerk", code, "giay-chung-sinh.pdf", pdf, "GIAY_CHUNG_SINH");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String sha256 = uploads.read(response).get("sha256").asText();
        String key = "app/sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
        try (var s3 = S3TestServer.client()) {
            var object = s3.headObject(h -> h.bucket(S3TestServer.BUCKET).key(key));
            assertThat(object.contentLength()).isEqualTo(pdf.length);
        }
        assertThat(Files.exists(Path.of(dataDir, "attachments", "sha256", sha256.substring(0, 2)))).isFalse();
        // no temporary copy of the extraction stays behind
        long id = uploads.read(response).get("id").asLong();
        assertThat(uploads.extracted("clerk", code, id).get("state").asText()).isEqualTo("EXTRACTED");
        try (var staging = Files.list(Path.of(dataDir, "attachments", "staging"))) {
            assertThat(staging.filter(f -> f.getFileName().toString().startsWith("read-"))).isEmpty();
        }
    }
}
