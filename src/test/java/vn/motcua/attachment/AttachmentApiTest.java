package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.unit.DataSize;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;

/** The attachment API: upload, detection, limits, who may do what, extraction in the background, checks. */
@MotCuaTest
class AttachmentApiTest {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired AttachmentSettings settings;
    Uploads uploads;
    String code;

    @BeforeEach
    void setUp() {
        uploads = new Uploads(http, json);
        users.signInAs("clerk");
        // Received with no paper checked (the scans come later, below): each component's status comes from the files
        code = dossiers.receive(BirthRegistrationSample.inPerson().withCheckedComponents(List.of())
                .withMissingComponentsReason("Công dân gửi bản quét sau khi tiếp nhận")).code();
        users.signOut();
    }

    @AfterEach
    void signOut() { users.signOut(); }

    private String attachments() { return "/api/dossiers/" + code + "/attachments"; }

    @Test
    void aClerkUploadsAPdfWhoseTextIsExtractedInTheBackground() throws Exception {
        byte[] pdf = TestDocuments.pdf(List.of("BỆNH VIỆN ĐA KHOA TỈNH KIÊN GIANG", "GIẤY CHỨNG SINH",
                "Họ và tên mẹ: Trần Thị Mỹ Lệ", "Đã sinh con vào lúc 08 giờ 30 phút ngày 20 tháng 11 năm 2026"));
        var response = uploads.upload("clerk", code, "Giấy chứng sinh bé Nhung.pdf", pdf, "GIAY_CHUNG_SINH");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode created = uploads.read(response);
        long id = created.get("id").asLong();
        assertThat(response.getHeaders().getLocation()).hasToString(attachments() + "/" + id);
        assertThat(created.get("fileName").asText()).isEqualTo("Giấy chứng sinh bé Nhung.pdf");
        assertThat(created.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(created.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(created.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(created.get("component").asText()).isEqualTo("GIAY_CHUNG_SINH");

        JsonNode done = uploads.extracted("clerk", code, id);
        assertThat(done.get("state").asText()).isEqualTo("EXTRACTED");
        assertThat(done.get("stateName").asText()).isEqualTo("Đã trích xuất nội dung");
        assertThat(done.get("pages").asInt()).isEqualTo(1);
        assertThat(done.get("language").asText()).isEqualTo("vi");
        assertThat(done.get("textExcerpt").asText()).contains("GIẤY CHỨNG SINH", "Trần Thị Mỹ Lệ");
        assertThat(done.get("suggestedComponent").asText()).isEqualTo("GIAY_CHUNG_SINH");
        assertThat(done.get("signatures")).isEmpty();

        // whoever may see the dossier reads its attachments
        assertThat(uploads.get("specialist", attachments()).findValuesAsText("fileName")).contains("Giấy chứng sinh bé Nhung.pdf");
        assertThat(uploads.get("supervisor", attachments() + "/" + id).get("state").asText()).isEqualTo("EXTRACTED");
        var content = uploads.as("leader").getForEntity(attachments() + "/" + id + "/content", byte[].class);
        assertThat(content.getBody()).isEqualTo(pdf);
        assertThat(content.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(content.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
        assertThat(content.getHeaders().getContentDisposition().getFilename()).isEqualTo("Giấy chứng sinh bé Nhung.pdf");
        var text = uploads.as("clerk").getForEntity(attachments() + "/" + id + "/text", String.class);
        assertThat(text.getBody()).contains("Đã sinh con vào lúc 08 giờ 30 phút");

        JsonNode components = uploads.get("clerk", "/api/dossiers/" + code + "/components");
        JsonNode birthCertificate = find(components, "GIAY_CHUNG_SINH");
        assertThat(birthCertificate.get("status").asText()).isEqualTo("FILLED");
        assertThat(birthCertificate.get("required").asBoolean()).isTrue();
        assertThat(birthCertificate.get("chosen").findValuesAsText("fileName")).containsExactly("Giấy chứng sinh bé Nhung.pdf");
        assertThat(find(components, "TO_KHAI").get("status").asText()).isEqualTo("MISSING");
    }

    @Test
    void theContentSuggestsWhichComponentAFileIs() throws Exception {
        byte[] docx = TestDocuments.docx(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ KHAI ĐĂNG KÝ KHAI SINH",
                "Kính gửi: Ủy ban nhân dân phường Vĩnh Thanh Vân"));
        long id = uploads.read(uploads.upload("citizen", code, "scan.docx", docx, null)).path("id").asLong(-1);
        assertThat(id).as("the citizen does not own this dossier").isEqualTo(-1);

        var response = uploads.upload("specialist", code, "tai-lieu-1.docx", docx, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        id = uploads.read(response).get("id").asLong();
        JsonNode done = uploads.extracted("specialist", code, id);
        assertThat(done.get("mediaType").asText()).isEqualTo(DOCX);
        assertThat(done.get("suggestedComponent").asText()).isEqualTo("TO_KHAI");
        JsonNode declaration = find(uploads.get("clerk", "/api/dossiers/" + code + "/components"), "TO_KHAI");
        assertThat(declaration.get("status").asText()).isEqualTo("SUGGESTED");
        assertThat(declaration.get("statusName").asText()).isEqualTo("Có thể là");
        assertThat(declaration.get("suggested").findValuesAsText("fileName")).containsExactly("tai-lieu-1.docx");
    }

    @Test
    void theTypeComesFromTheContentAndMustBeAccepted() throws Exception {
        var elf = uploads.upload("clerk", code, "giay-chung-sinh.pdf", TestDocuments.elfExecutable(), null);
        assertThat(elf.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploads.read(elf).get("message").asText()).startsWith("Loại tệp không được chấp nhận").contains("PDF");
        assertThat(uploads.read(elf).get("field").asText()).isEqualTo("file");

        var exe = uploads.upload("clerk", code, "to-khai.pdf", TestDocuments.windowsExecutable(), "TO_KHAI");
        assertThat(exe.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploads.read(exe).get("detected").asText()).startsWith("application/x-");

        var html = uploads.upload("clerk", code, Uploads.named(TestDocuments.html(), "to-khai.docx"), null, "en");
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploads.read(html).get("detected").asText()).isEqualTo("text/html");
        assertThat(uploads.read(html).get("message").asText()).startsWith("File type not accepted: the file's content is HTML");

        // the birth certificate component takes PDF and pictures only
        var word = uploads.upload("clerk", code, "giay-chung-sinh.docx", TestDocuments.docx(List.of("Giấy chứng sinh")), "GIAY_CHUNG_SINH");
        assertThat(word.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploads.read(word).get("accepted").toString()).contains("application/pdf", "image/png").doesNotContain("word");
        assertThat(uploads.read(word).get("message").asText()).contains("DOCX").contains("PDF").contains("PNG");

        assertThat(uploads.get("clerk", attachments())).as("nothing refused was stored").isEmpty();
    }

    @Test
    void filesOverTheSizeAllowedAreRefusedWithTheLimitInTheMessage() throws Exception {
        DataSize configured = settings.getMaxSize();
        settings.setMaxSize(DataSize.ofMegabytes(1));
        try {
            var response = uploads.upload("clerk", code, Uploads.generated(1_500_000, "ban-ve.pdf"), null, null);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(uploads.read(response).get("message").asText()).isEqualTo("Tệp vượt quá dung lượng cho phép (1 MB).");
        } finally {
            settings.setMaxSize(configured);
        }
        assertThat(uploads.get("clerk", attachments())).isEmpty();
    }

    @Test
    void whoMaySeeReadsWhoWorksOnItAdds() throws Exception {
        byte[] text = "Biên bản xác minh nơi cư trú".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(uploads.upload("leader", code, "bien-ban.txt", text, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(uploads.upload(null, code, Uploads.named(text, "x.txt"), null, null).getStatusCode())
                .as("a form post without a CSRF token").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(uploads.as(null).getForEntity(attachments(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(uploads.upload("clerk2", code, "x.txt", text, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(uploads.upload("citizen", code, "x.txt", text, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(uploads.upload("supervisor", code, "x.txt", text, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(uploads.as("clerk2").getForEntity(attachments(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(uploads.as("citizen").getForEntity(attachments(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        long id = uploads.get("clerk", attachments()).get(0).get("id").asLong();
        assertThat(uploads.as("clerk2").getForEntity(attachments() + "/" + id + "/content", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(uploads.as("clerk").getForEntity("/api/dossiers/" + code + "/attachments/999999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(uploads.get("admin", attachments())).hasSize(1);
    }

    @Test
    void theCitizenAddsFilesToTheirOwnDossierUntilItIsFinished() throws Exception {
        users.signInAs("citizen");
        var applicant = new Applicant("Trần Thị Mỹ Lệ", null, null, null, null);
        String online = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE,
                Channel.ONLINE, applicant, BirthRegistrationSample.intakeData(), BirthRegistrationSample.WARD), staged)).code();
        users.signOut();
        byte[] png = TestDocuments.png(List.of("GIẤY CHỨNG SINH"));
        assertThat(uploads.upload("citizen", online, "anh-giay-chung-sinh.png", png, "GIAY_CHUNG_SINH").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        users.signInAs("clerk");
        dossiers.act(online, DossierAction.REFUSE, "Hồ sơ không thuộc thẩm quyền");
        users.signOut();
        var late = uploads.upload("citizen", online, "them.png", png, null);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(uploads.read(late).get("message").asText()).contains(online).contains("đã kết thúc");
        assertThat(uploads.upload("clerk", online, "them.png", png, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(uploads.get("citizen", "/api/dossiers/" + online + "/attachments"))
                .as("the two submitted with it and the one added before the refusal").hasSize(3);
    }

    @Test
    void badUploadsNameTheField() throws Exception {
        var unknown = uploads.upload("clerk", code, "a.txt", "abc".getBytes(), "KHONG_CO");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(uploads.read(unknown).get("field").asText()).isEqualTo("component");

        var empty = uploads.upload("clerk", code, "rong.txt", new byte[0], null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(uploads.read(empty).get("field").asText()).isEqualTo("file");

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var noFile = new LinkedMultiValueMap<String, Object>();
        noFile.add("component", "TO_KHAI");
        var missing = uploads.as("clerk").postForEntity(attachments(), new HttpEntity<>(noFile, headers), String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(uploads.read(missing).get("field").asText()).isEqualTo("file");
    }

    @Test
    void hostileUploadsEndInAClearStateTheUserCanRead() throws Exception {
        var bomb = uploads.upload("clerk", code, "hop-dong.docx", TestDocuments.docxBomb(100), null);
        assertThat(bomb.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(uploads.read(bomb).get("mediaType").asText()).isEqualTo(DOCX);
        var encrypted = uploads.upload("clerk", code, "mat.pdf", TestDocuments.encryptedPdf(List.of("Bí mật")), null);

        JsonNode refused = uploads.extracted("clerk", code, uploads.read(bomb).get("id").asLong());
        assertThat(refused.get("state").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("reasonCode").asText()).isEqualTo("zipBomb");
        assertThat(refused.get("reason").asText()).contains("bom nén");
        JsonNode locked = uploads.extracted("clerk", code, uploads.read(encrypted).get("id").asLong());
        assertThat(locked.get("state").asText()).isEqualTo("REJECTED");
        assertThat(locked.get("reason").asText()).isEqualTo("Tệp được mã hóa bằng mật khẩu nên không đọc được nội dung.");
    }

    @Test
    void signaturesArePresentedVerified() throws Exception {
        byte[] signed = TestDocuments.sign(TestDocuments.pdf(List.of("QUYẾT ĐỊNH", "Về việc cấp giấy khai sinh")),
                TestDocuments.Signer.selfSigned("Lãnh Đạo Phường"));
        long good = uploads.read(uploads.upload("leader", code, "quyet-dinh.pdf", signed, null)).get("id").asLong();
        long bad = uploads.read(uploads.upload("leader", code, "quyet-dinh-sua.pdf", TestDocuments.tampered(signed), null)).get("id").asLong();

        JsonNode valid = uploads.extracted("clerk", code, good).get("signatures").get(0);
        assertThat(valid.get("signer").asText()).isEqualTo("Lãnh Đạo Phường");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("coversWholeDocument").asBoolean()).isTrue();
        assertThat(valid.get("signedAt").asText()).isNotBlank();
        // No trust store is configured in the tests: trust is not checked, and the answer says so
        assertThat(valid.has("trusted")).as("trusted is always present").isTrue();
        assertThat(valid.get("trusted").isNull()).isTrue();
        assertThat(valid.get("trustProblem").asText()).isEqualTo("notChecked");
        assertThat(valid.get("trustMessage").asText()).startsWith("Chưa kiểm tra độ tin cậy của chứng thư số");
        JsonNode invalid = uploads.extracted("clerk", code, bad).get("signatures").get(0);
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(invalid.get("problem").asText()).isEqualTo("digestMismatch");
    }

    private static JsonNode find(JsonNode components, String code) {
        for (JsonNode c : components) if (code.equals(c.get("code").asText())) return c;
        throw new AssertionError("no component " + code);
    }
}
