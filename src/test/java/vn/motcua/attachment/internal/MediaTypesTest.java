package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.attachment.TestDocuments;

/** The type comes from the content: the name cannot make an executable a PDF or an HTML page a Word document. */
class MediaTypesTest {
    private final MediaTypes mediaTypes = new MediaTypes();
    @TempDir Path dir;

    private String detect(byte[] content, String name) throws IOException {
        Path file = Files.write(dir.resolve("f" + System.nanoTime()), content);
        return mediaTypes.detect(file, name);
    }

    @Test
    void detectsOrdinaryDocumentsFromTheirContent() throws IOException {
        assertThat(detect(TestDocuments.pdf(List.of("Tờ khai")), "to-khai")).isEqualTo("application/pdf");
        assertThat(detect(TestDocuments.docx(List.of("Đơn đề nghị")), "don.bin"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detect(TestDocuments.xlsx(List.of("a;b")), "bang.xlsx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(detect(TestDocuments.png(List.of("Ảnh")), "anh.jpg")).isEqualTo("image/png");
        assertThat(detect("Giấy chứng nhận quyền sử dụng đất\n".getBytes(StandardCharsets.UTF_8), "ghi-chu.txt")).isEqualTo("text/plain");
    }

    @Test
    void everyFileIsDetectedAsTikasDefaultConfigurationDetectsIt() throws Exception {
        var tika = org.apache.tika.config.TikaConfig.getDefaultConfig().getDetector();
        var files = java.util.Map.of("to-khai.pdf", TestDocuments.pdf(List.of("Tờ khai")),
                "don.docx", TestDocuments.docx(List.of("Đơn đề nghị")), "bang.xlsx", TestDocuments.xlsx(List.of("a;b")),
                "anh.png", TestDocuments.png(List.of("Ảnh")), "bom.zip", TestDocuments.zipBomb(1),
                "khoa.pdf", TestDocuments.encryptedPdf(List.of("Mật")), "a.pdf", TestDocuments.elfExecutable(),
                "b.pdf", TestDocuments.windowsExecutable(), "c.docx", TestDocuments.html(),
                "d.txt", "Giấy chứng nhận\n".getBytes(StandardCharsets.UTF_8));
        for (var file : files.entrySet()) {
            var metadata = new org.apache.tika.metadata.Metadata();
            metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, file.getKey());
            String expected;
            try (var in = org.apache.tika.io.TikaInputStream.get(file.getValue())) {
                expected = tika.detect(in, metadata).getBaseType().toString();
            }
            assertThat(detect(file.getValue(), file.getKey())).as(file.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void aRenamedExecutableOrWebPageKeepsItsRealType() throws IOException {
        String elf = detect(TestDocuments.elfExecutable(), "giay-chung-sinh.pdf");
        String exe = detect(TestDocuments.windowsExecutable(), "to-khai.pdf");
        String html = detect(TestDocuments.html(), "to-khai.docx");
        assertThat(List.of(elf, exe, html)).noneMatch(t -> MediaTypes.accepts(MediaTypes.DEFAULT_ACCEPTED, t));
        assertThat(html).isEqualTo("text/html");
        assertThat(elf).startsWith("application/x-");
        assertThat(exe).startsWith("application/x-");
    }

    @Test
    void componentsAcceptTheirOwnTypesOrTheDefaultList() {
        var birth = MediaTypes.accepted(List.of("application/pdf", "image/jpeg", "image/png"));
        assertThat(MediaTypes.accepts(birth, "application/pdf")).isTrue();
        assertThat(MediaTypes.accepts(birth, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).isFalse();
        assertThat(MediaTypes.accepts(MediaTypes.accepted(List.of()), "text/plain")).isTrue();
        assertThat(MediaTypes.accepts(MediaTypes.accepted(List.of("image/*")), "image/tiff")).isTrue();
        assertThat(mediaTypes.pickerFilter(birth)).contains("application/pdf", ".pdf", ".png", ".jpg");
    }
}
