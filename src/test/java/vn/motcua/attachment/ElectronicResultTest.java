package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.internal.PdfSignatures;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.security.SystemAccess;
import vn.motcua.tasklist.TaskListService;

/**
 * The electronic result (issue 16, point 2): when the leader approves, the dossier's result is issued as a PDF signed
 * in PAdES with the unit's key (demo keys here), filed for the applicant, downloadable by staff who see the dossier,
 * by its owner and from tracking with the receipt's key, and nobody else; it verifies with MotCua's own check and with
 * poppler's pdfsig. The papers sent to the applicant (01 to 05) are signed too, the staff's (06, 07) not.
 */
@MotCuaTest
class ElectronicResultTest {
    @Autowired TestRestTemplate http;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired IssuedResults results;
    @Autowired AttachmentService attachments;
    @Autowired StagedUploadService staged;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired vn.motcua.monitoring.IndicatorService indicators;
    @Autowired java.time.Clock clock;

    private static final String CERTIFIED_COPY = vn.motcua.CertifiedCopySample.PROCEDURE;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    @SuppressWarnings("unchecked")
    void theLeadersApprovalIssuesTheResultSignedWithTheWardsKeyForStaffAndTracking() throws Exception {
        String code = received();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
        assertThat(get("clerk", code).getStatusCode()).as("no result before the approval").isEqualTo(HttpStatus.NOT_FOUND);

        complete("leader", code, Map.of("decision", "APPROVE"));

        assertThat(SystemAccess.call(() -> dossiers.get(code)).status()).isEqualTo(DossierStatus.PROCESSED);
        var issued = SystemAccess.call(() -> results.find(code)).orElseThrow();
        assertThat(issued.signed()).isTrue();
        assertThat(issued.signingUnit()).isEqualTo(BirthRegistrationSample.WARD);
        assertThat(issued.timestamped()).isFalse();

        ResponseEntity<byte[]> pdf = get("clerk", code);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = text(pdf.getBody());
        String result = catalogue.procedure(BirthRegistrationSample.PROCEDURE).orElseThrow().result().vi();
        assertThat(text).contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ").contains(code).contains(result)
                .contains("Trần Thị Mỹ Lệ").contains("Võ Thị Lãnh Đạo");
        Path file = Files.createTempFile("ket-qua", ".pdf");
        Files.write(file, pdf.getBody());
        assertThat(PdfSignatures.verify(file)).singleElement().satisfies(c -> {
            assertThat(c.valid()).isTrue();
            assertThat(c.coversWholeDocument()).isTrue();
            assertThat(c.signer()).isEqualTo(issued.signer());
        });
        if (Files.isExecutable(Path.of("/usr/bin/pdfsig"))) {
            Process p = new ProcessBuilder("/usr/bin/pdfsig", file.toString()).redirectErrorStream(true).start();
            String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertThat(report).contains("Signature is Valid").contains("Total document signed");
        }
        Files.delete(file);

        // the same file for the ward's leader, its supervisor above it and from tracking with the receipt's key
        assertThat(get("leader", code).getBody()).isEqualTo(pdf.getBody());
        assertThat(get("supervisor", code).getStatusCode()).isEqualTo(HttpStatus.OK);
        String key = SystemAccess.call(() -> dossiers.trackingKey(code)).orElseThrow();
        var tracked = http.getForEntity("/api/public/dossiers/" + code + "/result?key=" + key, byte[].class);
        assertThat(tracked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tracked.getBody()).isEqualTo(pdf.getBody());

        // nobody else: another unit's clerk, a citizen who is not the applicant, no one signed in, a wrong key
        assertThat(get("clerk2", code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("citizen", code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/dossiers/" + code + "/result", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String wrong = key.equals("00000000") ? "11111111" : "00000000";
        assertThat(http.getForEntity("/api/public/dossiers/" + code + "/result?key=" + wrong, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // MotCua's own check of its signatures; kept apart from the papers handed in (indicator 4.2's digitised input)
        var info = http.withBasicAuth("clerk", "demo").getForEntity("/api/dossiers/" + code + "/result/info", Map.class);
        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) info.getBody().get("signatures")).singleElement().satisfies(sig -> {
            assertThat(sig).containsEntry("valid", true).containsEntry("coversWholeDocument", true)
                    .containsEntry("signer", issued.signer());
        });
        users.signInAs("clerk");
        assertThat(attachments.list(code)).noneSatisfy(a -> assertThat(a.fileName()).isEqualTo(issued.fileName()));
    }

    @Test
    void theApplicantDownloadsTheResultOfTheirOnlineSubmissionFromTheirAccountAndItIsIssuedOnce() throws Exception {
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String code = dossiers.receive(Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE,
                sample.applicant(), sample.data(), BirthRegistrationSample.WARD), staged)).code();
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.ACCEPT, null);
        users.signOut();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ, hợp lệ"));
        complete("leader", code, Map.of("decision", "APPROVE"));

        ResponseEntity<byte[]> mine = get("citizen", code);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(mine.getBody())).contains(code);
        var info = http.withBasicAuth("citizen", "demo").getForEntity("/api/dossiers/" + code + "/result/info", Map.class);
        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(info.getBody()).containsEntry("signingUnit", BirthRegistrationSample.WARD);

        // issued again by an administrator: the same result, not a second one
        var first = SystemAccess.call(() -> results.find(code)).orElseThrow();
        var again = http.withBasicAuth("admin", "demo").postForEntity("/api/dossiers/" + code + "/result", null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("fileName", first.fileName())
                .containsEntry("issuedAt", first.issuedAt().toString());
        assertThat(get("citizen", code).getBody()).isEqualTo(mine.getBody());
        assertThat(http.withBasicAuth("clerk", "demo").postForEntity("/api/dossiers/" + code + "/result", null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theReceiptSentToTheApplicantIsSignedAndTheStaffsControlSheetIsNot() throws Exception {
        String code = received();
        Path receipt = Files.createTempFile("mau-01", ".pdf");
        Path sheet = Files.createTempFile("mau-06", ".pdf");
        Files.write(receipt, http.withBasicAuth("clerk", "demo").getForEntity("/api/dossiers/" + code + "/documents/01", byte[].class).getBody());
        Files.write(sheet, http.withBasicAuth("clerk", "demo").getForEntity("/api/dossiers/" + code + "/documents/06", byte[].class).getBody());

        assertThat(PdfSignatures.verify(receipt)).singleElement().satisfies(c -> {
            assertThat(c.valid()).isTrue();
            assertThat(c.coversWholeDocument()).isTrue();
        });
        assertThat(PdfSignatures.verify(sheet)).isEmpty();
        Files.delete(receipt);
        Files.delete(sheet);
    }

    @Test
    void aDossierWhoseResultIsNotReadyCannotBeGivenOneByAnAdministrator() {
        String code = received();
        var response = http.withBasicAuth("admin", "demo").postForEntity("/api/dossiers/" + code + "/result", null, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(String.valueOf(response.getBody().get("message"))).contains(code);
    }

    @Test
    void aSignedResultOfAProcedureWhosePaperResultIsTheRuleCountsInIndicatorFourOne() {
        var test = (vn.motcua.TestClock) clock;
        // a working day of its own, far ahead (earlier runs' dossiers of that day stay on PostgreSQL: counted as deltas)
        java.time.Instant day = java.time.Instant.parse("2032-06-15T02:00:00Z");
        test.setTo(day);
        try {
            assertThat(catalogue.procedure(CERTIFIED_COPY).orElseThrow().resultType())
                    .as("the certified copy's result is a paper document").isEqualTo(vn.motcua.catalogue.Procedure.ResultType.PAPER);
            var before = electronicResults();
            users.signInAs("citizen");
            var applicant = BirthRegistrationSample.inPerson().applicant();
            String code = dossiers.receive(vn.motcua.CertifiedCopySample.online(applicant, staged)).code();
            users.signInAs("clerk");
            dossiers.act(code, DossierAction.ACCEPT, null);
            users.signOut();
            test.setTo(day.plus(java.time.Duration.ofHours(1)));
            SystemAccess.run(() -> dossiers.markProcessed(code, "leader"));
            assertThat(SystemAccess.call(() -> results.find(code)).orElseThrow().signed()).isTrue();
            test.setTo(day.plus(java.time.Duration.ofHours(2)));
            SystemAccess.run(() -> dossiers.returnResult(code, "clerk"));
            test.setTo(day.plus(java.time.Duration.ofHours(3)));

            var after = electronicResults();
            assertThat(after.denominator().subtract(before.denominator())).as("one more result returned of a procedure whose result is a document")
                    .isEqualByComparingTo(java.math.BigDecimal.ONE);
            assertThat(after.numerator().subtract(before.numerator())).as("issued electronically, signed")
                    .isEqualByComparingTo(java.math.BigDecimal.ONE);
        } finally {
            test.reset();
        }
    }

    /** Indicator 4.1 of the ward on 15 June 2032, as the supervisor reads it. */
    private vn.motcua.monitoring.Indicator electronicResults() {
        return vn.motcua.monitoring.IndicatorReading.of(indicators, users, "2032-06-15", BirthRegistrationSample.WARD, null, "4.1");
    }

    private String received() {
        users.signInAs("clerk");
        String code = dossiers.receive(Intakes.checked(BirthRegistrationSample.inPerson())).code();
        users.signOut();
        return code;
    }

    private void complete(String username, String code, Map<String, Object> data) {
        users.signInAs(username);
        var task = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        tasks.complete(task.id(), data);
        users.signOut();
    }

    private ResponseEntity<byte[]> get(String user, String code) {
        return http.withBasicAuth(user, "demo").getForEntity("/api/dossiers/" + code + "/result", byte[].class);
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }

}
