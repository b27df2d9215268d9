package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.tasklist.TaskListService;

/**
 * What the demo citizen may read, over every endpoint the running application serves (discovered from its request
 * mappings, as {@link SecuritySmokeTest} does, so that a new endpoint is covered as soon as it exists):
 * <ul>
 *   <li>every endpoint about one dossier answers 403 or 404 for another applicant's dossier, whatever the method;</li>
 *   <li>the staff's parts of their own dossier — the register (07), the control sheet (06), the internal notes, the
 *       completed steps with their opinions, the audit check — answer 403 or 404;</li>
 *   <li>no list, search, export or report names another applicant's dossier;</li>
 *   <li>what they do read of their own dossier carries no civil servant's login, no step name and no hash chain.</li>
 * </ul>
 */
@MotCuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenReachTest {
    /** Endpoints about a dossier open to anyone holding its code and key (the public tracking page): not the account's. */
    private static final String PUBLIC = "/api/public/";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired AttachmentService attachments;
    @Autowired TaskListService tasks;
    @Autowired ObjectMapper json;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** The citizen's own online birth registration, accepted by the ward and at the specialist's step. */
    private String own;
    /** A file the ward's clerk added to the citizen's own dossier. */
    private long ownClerkFile;
    /** A file the ward's clerk added to the citizen's own dossier and gave them to see. */
    private long ownSharedFile;
    /** Another applicant's dossier, received at the ward's desk. */
    private String other;
    private long otherFile;

    @BeforeAll
    void dossiers() {
        try {
            users.signInAs("citizen");
            own = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE,
                    Channel.ONLINE, new Applicant("Ngô Thị Công Dân", null, "0987654321", null, null),
                    BirthRegistrationSample.intakeData(), BirthRegistrationSample.WARD, List.of()), staged)).code();
            users.signInAs("clerk");
            dossiers.act(own, DossierAction.ACCEPT, null);
            ownClerkFile = attachments.upload(own, null, "phieu-kiem-tra.pdf",
                    new ByteArrayInputStream(TestDocuments.pdf(List.of("Phiếu kiểm tra nội bộ")))).id();
            ownSharedFile = attachments.upload(own, null, "ket-qua-scan.pdf",
                    new ByteArrayInputStream(TestDocuments.pdf(List.of("Bản chụp kết quả"))), true).id();
            other = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(BirthRegistrationSample.PROCEDURE,
                    Channel.IN_PERSON, new Applicant("Lâm Thị Người Khác", null, "0911222333", null, null),
                    BirthRegistrationSample.intakeData(), null, List.of()))).code();
            otherFile = attachments.upload(other, null, "giay-chung-sinh.pdf",
                    new ByteArrayInputStream(TestDocuments.pdf(List.of("Giấy chứng sinh")))).id();
            // a completed step of the specialist, with its opinion, on the citizen's own dossier
            users.signInAs("specialist");
            String task = tasks.tasksOf(own).stream().findFirst().orElseThrow().id();
            tasks.claim(task);
        } finally {
            users.signOut();
        }
    }

    @AfterAll
    void signOut() { users.signOut(); }

    @Test
    void everyEndpointAboutADossierRefusesTheCitizenAnotherApplicantsDossier() {
        List<Endpoint> aboutADossier = endpoints().stream()
                .filter(e -> e.pattern().contains("{code}") && !e.pattern().startsWith(PUBLIC)).toList();
        assertThat(aboutADossier).as("endpoints about one dossier found in the request mappings").hasSizeGreaterThan(15);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : aboutADossier) {
            String path = fill(e.pattern(), other, otherFile);
            var response = call("citizen", e.method(), path, e.multipart());
            if (response.statusCode() != 403 && response.statusCode() != 404) {
                wrong.add(e.method() + " " + path + " answered " + response.statusCode() + " " + shortly(response.body()));
            }
            assertThat(response.body()).as(e.method() + " " + path).doesNotContain("Lâm Thị Người Khác");
        }
        assertThat(wrong).as("another applicant's dossier must be 403 or 404 for the citizen").isEmpty();
    }

    @Test
    void theStaffsPartsOfTheirOwnDossierAreRefusedToTheCitizen() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/documents/06", "/documents/07", "/notes", "/steps", "/history/verify")) {
            var response = call("citizen", "GET", "/api/dossiers/" + own + path, false);
            if (response.statusCode() != 403 && response.statusCode() != 404) wrong.add("GET " + path + " answered " + response.statusCode());
        }
        var note = call("citizen", "POST", "/api/dossiers/" + own + "/notes", false);
        if (note.statusCode() != 403) wrong.add("POST /notes answered " + note.statusCode());
        assertThat(wrong).as("the staff's parts of the citizen's own dossier").isEmpty();
        // the papers addressed to them stay theirs
        assertThat(call("citizen", "GET", "/api/dossiers/" + own + "/documents/01", false).statusCode()).isEqualTo(200);
    }

    @Test
    void noListSearchExportOrReportNamesAnotherApplicantsDossier() {
        List<Endpoint> lists = endpoints().stream()
                .filter(e -> e.method().equals("GET") && e.pattern().startsWith("/api/") && !e.pattern().contains("{"))
                .toList();
        assertThat(lists).as("collections found in the request mappings").hasSizeGreaterThan(10);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : lists) {
            for (String query : List.of("", "?q=" + other, "?q=Người+Khác")) {
                var response = call("citizen", "GET", e.pattern() + query, false);
                if (response.body().contains(other) || response.body().contains("Người Khác")) {
                    wrong.add("GET " + e.pattern() + query + " names the other dossier");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(call("citizen", "GET", "/api/dossiers?q=" + own, false).body()).as("their own is listed").contains(own);
    }

    @Test
    void whatTheCitizenReadsOfTheirOwnDossierNamesNoCivilServantNorStep() throws Exception {
        JsonNode dossier = json.readTree(call("citizen", "GET", "/api/dossiers/" + own, false).body());
        assertThat(dossier.get("code").asText()).isEqualTo(own);
        assertThat(absent(dossier, "currentStep")).as("the step inside the unit is the staff's").isTrue();
        assertThat(absent(json.readTree(call("clerk", "GET", "/api/dossiers/" + own, false).body()), "currentStep"))
                .as("the staff read it").isFalse();

        String staffNames = "clerk|specialist|leader|system";
        JsonNode history = json.readTree(call("citizen", "GET", "/api/dossiers/" + own + "/history", false).body());
        assertThat(history).as("a history of statuses").isNotEmpty();
        Set<String> actors = new TreeSet<>();
        for (JsonNode e : history) {
            actors.add(absent(e, "actor") ? "-" : e.get("actor").asText());
            assertThat(e.get("action").asText()).isNotIn("STEP_COMPLETED", "NOTE_ADDED", "CLAIMED");
            assertThat(absent(e, "hash")).as("the hash chain is the auditors'").isTrue();
        }
        assertThat(actors).as("only the citizen's own name, never a civil servant's login").containsOnly("citizen", "-");
        String staffHistory = call("clerk", "GET", "/api/dossiers/" + own + "/history", false).body();
        assertThat(staffHistory).as("the staff read who did what").contains("\"actor\":\"clerk\"");

        String files = call("citizen", "GET", "/api/dossiers/" + own + "/attachments", false).body();
        assertThat(files).as("the clerk's internal check slip is the unit's").doesNotContain("phieu-kiem-tra.pdf")
                .as("the file the clerk gave them").contains("ket-qua-scan.pdf")
                .doesNotContainPattern("\"uploadedBy\":\"(" + staffNames + ")\"");
        for (String part : List.of("", "/content", "/text")) {
            assertThat(call("citizen", "GET", "/api/dossiers/" + own + "/attachments/" + ownClerkFile + part, false).statusCode())
                    .as("the internal file" + part).isEqualTo(404);
        }
        String file = call("citizen", "GET", "/api/dossiers/" + own + "/attachments/" + ownSharedFile, false).body();
        assertThat(file).contains("\"internal\":false").doesNotContainPattern("\"uploadedBy\":\"(" + staffNames + ")\"");
        assertThat(call("clerk", "GET", "/api/dossiers/" + own + "/attachments/" + ownClerkFile, false).body())
                .contains("\"uploadedBy\":\"clerk\"", "\"internal\":true");
        // nor is it found by its words, once its text is read
        String query = "/api/search?q=" + java.net.URLEncoder.encode("kiểm tra nội bộ", StandardCharsets.UTF_8);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> call("clerk", "GET", query, false).body().contains("phieu-kiem-tra.pdf"));
        assertThat(call("citizen", "GET", query, false).body()).doesNotContain("phieu-kiem-tra.pdf");
        String shared = "/api/search?q=" + java.net.URLEncoder.encode("chụp kết quả", StandardCharsets.UTF_8);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> call("citizen", "GET", shared, false).body().contains("ket-qua-scan.pdf"));
        String components = call("citizen", "GET", "/api/dossiers/" + own + "/components", false).body();
        assertThat(components).doesNotContainPattern("\"checkedBy\":\"(" + staffNames + ")\"");
    }

    // --- the application's endpoints

    private record Endpoint(String method, String pattern, boolean multipart) { }

    private List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> found = new ArrayList<>();
        for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
                var methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    List<String> names = methods.isEmpty() ? List.of("GET", "POST") : methods.stream().map(Enum::name).toList();
                    for (String m : names) if (seen.add(m + " " + pattern)) found.add(new Endpoint(m, pattern, multipart));
                }
            }
        }
        return found;
    }

    /** The pattern with the dossier's code, one of its files, form 01 and the withdrawal (what a citizen may do). */
    private static String fill(String pattern, String code, long file) {
        return pattern.replace("{code}", code).replace("{form}", "01").replace("{action}", "withdraw")
                .replace("{id}", String.valueOf(file)).replaceAll("\\{[^}]+}", "x");
    }

    private HttpResponse<String> call(String user, String method, String path, boolean multipart) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (multipart) {
            String boundary = "motcua-citizen-boundary";
            String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            // a body an allowed caller could act on: a reason, a score, a note's text
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    "{\"reason\":\"Tôi nộp nhầm\",\"score\":5,\"text\":\"Ghi chú\",\"data\":{}}"));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    /** A field the JSON leaves out or gives as null. */
    private static boolean absent(JsonNode node, String field) { return node.path(field).isMissingNode() || node.path(field).isNull(); }

    private static String shortly(String body) {
        return body == null ? "" : body.substring(0, Math.min(160, body.length())).replace('\n', ' ');
    }
}
