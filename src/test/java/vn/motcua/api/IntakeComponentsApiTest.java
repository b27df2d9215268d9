package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;

/**
 * What the desk checked on paper at intake is kept with the dossier and counts as handed in (issue 13, point 5):
 * {@code checkedComponents} of {@code POST /api/dossiers}, the reason asked for required components missing at the
 * desk or at the acceptance of an online submission, the refusal of an online submission without them, the
 * receipt (form 01) listing what was handed in and the components view counting a paper check as present.
 */
@MotCuaTest
class IntakeComponentsApiTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired StagedUploadService staged;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void thePapersCheckedAtTheDeskAreStoredAndCountAsPresentInTheComponentsView() throws Exception {
        var request = request(List.of("TO_KHAI", "GIAY_CHUNG_SINH"));
        String code = body(clerk().postForEntity("/api/dossiers", entity(request, "vi"), String.class), HttpStatus.CREATED)
                .get("code").asText();

        JsonNode components = body(clerk().getForEntity("/api/dossiers/" + code + "/components", String.class), HttpStatus.OK);
        var byCode = new HashMap<String, JsonNode>();
        components.forEach(c -> byCode.put(c.get("code").asText(), c));
        assertThat(byCode.get("TO_KHAI").get("status").asText()).isEqualTo("CHECKED");
        assertThat(byCode.get("TO_KHAI").get("checkedOnPaper").asBoolean()).isTrue();
        assertThat(byCode.get("TO_KHAI").get("checkedBy").asText()).isEqualTo("clerk");
        assertThat(byCode.get("GIAY_CHUNG_SINH").get("status").asText()).isEqualTo("CHECKED");
        assertThat(byCode.get("GIAY_TO_TUY_THAN").get("status").asText()).as("not ticked, not uploaded").isEqualTo("MISSING");
        assertThat(byCode.get("GIAY_TO_TUY_THAN").get("checkedOnPaper").asBoolean()).isFalse();
    }

    @Test
    void anUnknownComponentCodeIsRefusedNamingTheField() throws Exception {
        var refused = clerk().postForEntity("/api/dossiers", entity(request(List.of("TO_KHAI", "GIAY_CHUNG_SINH", "SO_HO_KHAU")), "vi"),
                String.class);
        JsonNode error = body(refused, HttpStatus.BAD_REQUEST);
        assertThat(error.findValuesAsText("field")).contains("checkedComponents");
        assertThat(refused.getBody()).contains("SO_HO_KHAU");
    }

    @Test
    void theDeskReceivesWithoutRequiredComponentsOnlyWithAReasonWhichTheAuditTrailKeeps() throws Exception {
        var without = request(List.of("TO_KHAI"));
        var refused = clerk().postForEntity("/api/dossiers", entity(without, "vi"), String.class);
        JsonNode error = body(refused, HttpStatus.BAD_REQUEST);
        assertThat(errorFields(error)).containsExactly("missingComponentsReason");
        assertThat(error.get("message").asText()).startsWith("Còn thiếu thành phần hồ sơ bắt buộc")
                .contains("Giấy chứng sinh").doesNotContain("Tờ khai đăng ký khai sinh");

        var english = body(clerk().postForEntity("/api/dossiers", entity(without, "en"), String.class), HttpStatus.BAD_REQUEST);
        assertThat(english.get("message").asText()).startsWith("Required dossier components missing")
                .contains("Birth certificate from the health facility");

        without.put("missingComponentsReason", "Giấy chứng sinh bản gốc nộp bổ sung trước khi thẩm định");
        String code = body(clerk().postForEntity("/api/dossiers", entity(without, "vi"), String.class), HttpStatus.CREATED)
                .get("code").asText();
        JsonNode history = body(clerk().getForEntity("/api/dossiers/" + code + "/history", String.class), HttpStatus.OK);
        var missing = new ArrayList<JsonNode>();
        history.forEach(e -> { if ("COMPONENTS_MISSING".equals(e.get("action").asText())) missing.add(e); });
        assertThat(missing).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("clerk");
            assertThat(e.get("detail").asText()).isEqualTo("GIAY_CHUNG_SINH: Giấy chứng sinh bản gốc nộp bổ sung trước khi thẩm định");
        });
    }

    @Test
    void theReceiptListsWhatWasHandedInNotTheProceduresWholeList() throws Exception {
        var request = request(List.of("TO_KHAI", "GIAY_CHUNG_SINH"));
        String code = body(clerk().postForEntity("/api/dossiers", entity(request, "vi"), String.class), HttpStatus.CREATED)
                .get("code").asText();
        String receipt = pdfText(clerk().getForEntity("/api/dossiers/" + code + "/documents/01", byte[].class));
        assertThat(receipt).contains("Tờ khai đăng ký khai sinh theo mẫu").contains("Giấy chứng sinh")
                .doesNotContain("Giấy tờ tùy thân của người đi đăng ký");

        var nothing = request(List.of());
        nothing.put("missingComponentsReason", "Công dân chỉ xuất trình bản chụp trên điện thoại");
        String bare = body(clerk().postForEntity("/api/dossiers", entity(nothing, "vi"), String.class), HttpStatus.CREATED)
                .get("code").asText();
        String empty = pdfText(clerk().getForEntity("/api/dossiers/" + bare + "/documents/01", byte[].class));
        assertThat(empty).contains("Không có giấy tờ nào được nộp").doesNotContain("Tờ khai đăng ký khai sinh theo mẫu");
    }

    @Test
    void aCitizensOnlineSubmissionWithoutRequiredComponentsIsRefusedNamingThem() throws Exception {
        var request = request(List.of());
        request.put("channel", "ONLINE");
        request.put("unit", BirthRegistrationSample.WARD);
        var refused = http.withBasicAuth("citizen", "demo").postForEntity("/api/dossiers", entity(request, "vi"), String.class);
        JsonNode error = body(refused, HttpStatus.BAD_REQUEST);
        assertThat(errorFields(error)).containsExactly("stagedFiles");
        assertThat(error.get("message").asText()).startsWith("Chưa tải lên thành phần hồ sơ bắt buộc")
                .contains("Tờ khai đăng ký khai sinh theo mẫu").contains("Giấy chứng sinh");

        request.put("checkedComponents", BirthRegistrationSample.CHECKED);
        var ticking = http.withBasicAuth("citizen", "demo").postForEntity("/api/dossiers", entity(request, "vi"), String.class);
        assertThat(body(ticking, HttpStatus.BAD_REQUEST).findValuesAsText("field")).as("only the desk checks papers")
                .contains("checkedComponents");
    }

    @Test
    void acceptingAnOnlineSubmissionWithoutItsRequiredComponentsNeedsTheDesksReason() throws Exception {
        // A complete online submission (every required component uploaded) is accepted without a reason
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        var online = new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, sample.applicant(), sample.data(),
                BirthRegistrationSample.WARD);
        String code = dossiers.receive(Intakes.uploaded(online, staged)).code();
        users.signOut();
        body(clerk().postForEntity("/api/dossiers/" + code + "/actions/accept", entity(Map.of(), "vi"), String.class), HttpStatus.OK);

        // An online submission with nothing handed in (stored before the rule, or imported) needs the reason to be accepted
        String bare = submittedWithoutComponents();
        var refused = clerk().postForEntity("/api/dossiers/" + bare + "/actions/accept", entity(Map.of(), "vi"), String.class);
        JsonNode error = body(refused, HttpStatus.BAD_REQUEST);
        assertThat(errorFields(error)).containsExactly("missingComponentsReason");
        assertThat(error.get("message").asText()).contains("Giấy chứng sinh").contains("Tờ khai đăng ký khai sinh theo mẫu");
        assertThat(body(clerk().getForEntity("/api/dossiers/" + bare, String.class), HttpStatus.OK).get("statusCode").asInt())
                .as("still waiting").isEqualTo(1);

        var accepted = clerk().postForEntity("/api/dossiers/" + bare + "/actions/accept",
                entity(Map.of("missingComponentsReason", "Công dân mang bản giấy đến khi nhận kết quả"), "vi"), String.class);
        assertThat(body(accepted, HttpStatus.OK).get("statusCode").asInt()).isIn(2, 4);
        JsonNode history = body(clerk().getForEntity("/api/dossiers/" + bare + "/history", String.class), HttpStatus.OK);
        var actions = new ArrayList<String>();
        history.forEach(e -> actions.add(e.get("action").asText() + (e.path("detail").isMissingNode() || e.path("detail").isNull() ? "" : " " + e.get("detail").asText())));
        assertThat(actions).contains("COMPONENTS_MISSING TO_KHAI, GIAY_CHUNG_SINH: Công dân mang bản giấy đến khi nhận kết quả");
    }

    /**
     * An online submission in status 1 with nothing handed in, as one submitted before this rule or imported from
     * another system: written through the dossier module's import, as every past dossier is, a year back.
     */
    @Autowired vn.motcua.dossier.DossierImport imports;
    @Autowired vn.motcua.organisation.OrganisationService organisation;

    private String submittedWithoutComponents() {
        var ward = organisation.unitByIdentifier(BirthRegistrationSample.WARD).orElseThrow();
        var now = java.time.Instant.now().minus(java.time.Duration.ofDays(365)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String code = vn.motcua.dossier.DossierCode.of(ward.identifier(), now.atZone(vn.motcua.shared.Formats.ZONE).toLocalDate(),
                1 + (int) Math.floorMod(System.nanoTime(), 9000L));
        var sample = BirthRegistrationSample.inPerson();
        vn.motcua.security.SystemAccess.run(() -> imports.importDossiers(List.of(new vn.motcua.dossier.ImportedDossier(code, sample.procedureCode(), ward.id(),
                Channel.ONLINE, vn.motcua.dossier.DossierStatus.NEW, sample.applicant(), "test-import",
                new vn.motcua.dossier.ImportedDossier.Dates(now, null, null, null, null, null),
                vn.motcua.dossier.ImportedDossier.Facts.none(), null,
                List.of(new vn.motcua.dossier.ImportedDossier.Event(now, "citizen", Channel.ONLINE, "SUBMITTED", null,
                        vn.motcua.dossier.DossierStatus.NEW, sample.procedureCode())), List.of(), null))));
        return code;
    }

    private Map<String, Object> request(List<String> checked) {
        var applicant = new HashMap<String, Object>();
        applicant.put("fullName", "Trần Thị Mỹ Lệ");
        applicant.put("phone", "0912345678");
        var request = new HashMap<String, Object>();
        request.put("procedureCode", BirthRegistrationSample.PROCEDURE);
        request.put("channel", "IN_PERSON");
        request.put("applicant", applicant);
        request.put("data", new HashMap<>(BirthRegistrationSample.intakeData()));
        request.put("checkedComponents", checked);
        return request;
    }

    /** The fields of the violations listed in a 400 answer ({@code errors}), in order. */
    private static List<String> errorFields(JsonNode error) {
        var fields = new ArrayList<String>();
        error.get("errors").forEach(v -> fields.add(v.get("field").asText()));
        return fields;
    }

    private TestRestTemplate clerk() { return http.withBasicAuth("clerk", "demo"); }

    private static HttpEntity<Object> entity(Object body, String language) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(Locale.forLanguageTag(language)));
        return new HttpEntity<>(body, headers);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static String pdfText(ResponseEntity<byte[]> pdf) throws IOException {
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }
}
