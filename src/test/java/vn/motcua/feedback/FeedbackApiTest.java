package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;

/**
 * Feedback and complaints: anyone sends one and gets a reference; bad input is refused naming the field; a dossier is
 * named only by its owner or with its tracking key; it goes to the dossier's unit, whose leader (not its clerk, not
 * another unit's leader) takes and answers it once; the sender reads the answer; one address cannot flood it.
 */
@MotCuaTest
@RecordApplicationEvents
class FeedbackApiTest {
    /** A fresh run starts elsewhere: counts kept in a database from an earlier run within the hour do not apply. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 60000));

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired StagedUploadService staged;
    @Autowired FeedbackService feedback;
    @Autowired ApplicationEvents events;
    @Autowired vn.motcua.organisation.OrganisationService organisation;

    /** Each test sends from addresses of its own (believed from the loopback proxy), so that no limit is shared. */
    private final String address = "10.77." + (ADDRESSES.get() / 250 % 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void withoutAnAccountFeedbackGetsAReferenceAndGoesToTheProvincesOneStopUnit() throws Exception {
        var sent = send(null, Map.of("text", "Bộ phận một cửa đóng cửa sớm hơn giờ niêm yết.", "contact", "0987 654 321"), null);
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(sent.getBody()).get("reference").asText();
        assertThat(reference).matches("PA-\\d{8}-\\d{4}");
        assertThat(sent.getHeaders().getLocation()).hasToString("/api/feedback/" + reference);

        JsonNode seen = json.readTree(get("supervisor", "/api/feedback/" + reference).getBody());
        assertThat(seen.get("status").asText()).isEqualTo("new");
        assertThat(seen.get("statusText").asText()).isEqualTo("Mới");
        assertThat(seen.get("unit").get("identifier").asText()).as("no dossier, no unit chosen: the province's")
                .endsWith(".H33");
        assertThat(seen.get("fromAccount").asBoolean()).isFalse();
        assertThat(get("leader", "/api/feedback/" + reference).getStatusCode()).as("not the ward's")
                .isEqualTo(HttpStatus.NOT_FOUND);

        // the sender reads it with the contact as they wrote it or written otherwise, not with another
        var mine = http.getForEntity("/api/public/feedback/" + reference + "?contact=0987654321", String.class);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(mine.getBody()).get("status").asText()).isEqualTo("NEW");
        assertThat(http.getForEntity("/api/public/feedback/" + reference + "?contact=098.765.4321", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        var wrong = http.getForEntity("/api/public/feedback/" + reference + "?contact=0912345678", String.class);
        var unknown = http.getForEntity("/api/public/feedback/PA-19990101-0001?contact=0987654321", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(wrong.getBody()).get("message").asText())
                .isEqualTo(json.readTree(unknown.getBody()).get("message").asText());
    }

    @Test
    void badInputIsRefusedNamingEachFieldInTheCallersLanguage() throws Exception {
        var empty = send(null, Map.of(), null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json.readTree(empty.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("text", "contact");
        assertThat(errors.findValuesAsText("message")).contains("Nội dung phản ánh, kiến nghị (text): trường này là bắt buộc.");

        var english = send(null, Map.of("text", "x".repeat(4001), "contact", "not a contact"), "en");
        assertThat(english.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(english.getBody()).get("errors").findValuesAsText("message")).containsExactlyInAnyOrder(
                "Your feedback or complaint (text): at most 4,000 characters.",
                "Phone number or e-mail address to reach you (contact): must be a phone number (e.g. 0912345678) or an e-mail address.");

        var unit = send(null, Map.of("text", "Góp ý", "contact", "a@example.vn", "unit", "999.99.99.H99"), null);
        assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(unit.getBody()).get("field").asText()).isEqualTo("unit");

        var noKey = send(null, Map.of("text", "Góp ý", "contact", "a@example.vn", "dossierCode", "000.01.15.H33-200101-0001"), null);
        assertThat(json.readTree(noKey.getBody()).get("field").asText()).as("a dossier without an account needs its key")
                .isEqualTo("key");

        var staff = send("clerk", Map.of("text", "Góp ý"), null);
        assertThat(staff.getStatusCode()).as("civil servants do not send feedback").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aComplaintAboutADossierGoesToItsUnitWhoseLeaderTakesAndAnswersItOnce() throws Exception {
        String code = receive();
        // a wrong key and an unknown dossier are refused alike, without saying which
        var wrongKey = send(null, Map.of("text", "Hồ sơ trễ hẹn", "contact", "0912345678", "dossierCode", code, "key", "1111"), null);
        var unknown = send(null, Map.of("text", "Hồ sơ trễ hẹn", "contact", "0912345678",
                "dossierCode", "000.01.15.H33-200101-9876", "key", "5678"), null);
        assertThat(wrongKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(wrongKey.getBody()).get("field").asText()).isEqualTo("dossierCode");
        assertThat(wrongKey.getBody()).isEqualTo(unknown.getBody());

        var sent = send(null, Map.of("text", "Hồ sơ khai sinh của con tôi đã quá hẹn mà chưa có kết quả.",
                "contact", "0912345678", "dossierCode", code, "key", "5678"), null);
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(sent.getBody()).get("reference").asText();

        // the ward's leader sees it; the ward's clerk and specialist do not; another commune's leader does not find it
        JsonNode list = json.readTree(get("leader", "/api/feedback?status=new&size=1000").getBody());
        assertThat(list.get("items").findValuesAsText("reference")).contains(reference);
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(get("clerk", "/api/feedback").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("specialist", "/api/feedback/" + reference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("leader2", "/api/feedback/" + reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("leader2", "/api/feedback/" + reference + "/answer", Map.of("text", "Trả lời")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("clerk", "/api/feedback/" + reference + "/answer", Map.of("text", "Trả lời")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(get("supervisor", "/api/feedback/" + reference).getBody()).get("dossierCode").asText())
                .isEqualTo(code);

        // the leader's worklist counts it
        JsonNode worklist = json.readTree(get("leader", "/api/worklist").getBody());
        assertThat(worklist.findValues("key").stream().map(JsonNode::asText)).contains("feedback-new");

        var taken = post("leader", "/api/feedback/" + reference + "/take", null);
        assertThat(json.readTree(taken.getBody()).get("status").asText()).isEqualTo("in-progress");
        assertThat(json.readTree(taken.getBody()).get("takenBy").asText()).isEqualTo("leader");
        assertThat(post("leader", "/api/feedback/" + reference + "/answer", Map.of("text", "  ")).getStatusCode())
                .as("an empty answer").isEqualTo(HttpStatus.BAD_REQUEST);
        var answered = post("leader", "/api/feedback/" + reference + "/answer",
                Map.of("text", "Hồ sơ đã được giải quyết ngày hôm nay; xin lỗi ông/bà vì sự chậm trễ."));
        assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode a = json.readTree(answered.getBody());
        assertThat(a.get("status").asText()).isEqualTo("answered");
        assertThat(a.get("answeredBy").asText()).isEqualTo("leader");
        assertThat(a.get("answeredAt").asText()).isNotBlank();
        assertThat(post("leader", "/api/feedback/" + reference + "/answer", Map.of("text", "Lần nữa")).getStatusCode())
                .as("answered once").isEqualTo(HttpStatus.CONFLICT);

        // the sender reads the answer; the dossier's timeline records both, by reference, never the text
        JsonNode mine = json.readTree(http.getForEntity("/api/public/feedback/" + reference + "?contact=0912345678",
                String.class).getBody());
        assertThat(mine.get("answer").asText()).startsWith("Hồ sơ đã được giải quyết");
        users.signInAs("clerk");
        var trail = dossiers.history(code);
        assertThat(trail).extracting(AuditEntry::action).contains("FEEDBACK_RECEIVED", "FEEDBACK_ANSWERED");
        assertThat(trail).filteredOn(e -> e.action().startsWith("FEEDBACK")).allSatisfy(e ->
                assertThat(e.detail()).isEqualTo(reference));
    }

    @Test
    void aSignedInCitizenNamesOnlyTheirOwnDossierAndSeesOnlyTheirOwnFeedback() throws Exception {
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String own = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE,
                sample.applicant(), sample.data(), BirthRegistrationSample.WARD), staged)).code();
        users.signOut();
        String someoneElses = receive();
        vn.motcua.security.SystemAccess.run(() -> {
            if (organisation.user("feedback-citizen").isEmpty()) {
                organisation.createUser("feedback-citizen", "demo", "Người Thử Phản Ánh", "feedback-citizen@test.motcua.vn",
                        null, java.util.EnumSet.of(vn.motcua.organisation.Role.CITIZEN));
            }
        });

        var refused = send("citizen", Map.of("text", "Góp ý", "dossierCode", someoneElses), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(refused.getBody()).get("field").asText()).isEqualTo("dossierCode");

        var sent = send("citizen", Map.of("text", "Xin hướng dẫn bổ sung giấy tờ.", "dossierCode", own), null);
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(sent.getBody()).get("reference").asText();
        JsonNode mine = json.readTree(get("citizen", "/api/feedback/" + reference).getBody());
        assertThat(mine.get("fromAccount").asBoolean()).isTrue();
        assertThat(json.readTree(get("citizen", "/api/feedback?size=1000").getBody()).get("items").findValuesAsText("reference"))
                .contains(reference);
        assertThat(get("feedback-citizen", "/api/feedback/" + reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(get("feedback-citizen", "/api/feedback?size=1000").getBody()).get("items").findValuesAsText("reference"))
                .doesNotContain(reference);

        // answering publishes the event a notification module listens to
        users.signInAs("leader");
        feedback.answer(reference, "Đã liên hệ hướng dẫn.");
        assertThat(events.stream(FeedbackAnswered.class)).singleElement().satisfies(e -> {
            assertThat(e.reference()).isEqualTo(reference);
            assertThat(e.ownerUsername()).isEqualTo("citizen");
            assertThat(e.answeredBy()).isEqualTo("leader");
        });
    }

    @Test
    void theSenderRatesTheAnswerOnceWithTheirContactOrTheirAccountAndTheStaffSeeIt() throws Exception {
        var sent = send(null, Map.of("text", "Xin hỏi giờ làm việc thứ Bảy.", "contact", "0977 111 222"), null);
        String reference = json.readTree(sent.getBody()).get("reference").asText();
        String verdict = "/api/public/feedback/" + reference + "/verdict?contact=0977111222";

        var early = judge(null, verdict, Map.of("satisfied", true), null);
        assertThat(early.getStatusCode()).as("not answered yet").isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(early.getBody()).get("message").asText()).contains("chưa được trả lời");
        assertThat(post("supervisor", "/api/feedback/" + reference + "/answer",
                Map.of("text", "Bộ phận một cửa làm việc sáng thứ Bảy.")).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(judge("supervisor", verdict, Map.of("satisfied", true), null).getStatusCode())
                .as("never from a civil servant's account, even with the contact").isEqualTo(HttpStatus.FORBIDDEN);
        var wrong = judge(null, "/api/public/feedback/" + reference + "/verdict?contact=0912000000", Map.of("satisfied", true), null);
        assertThat(wrong.getStatusCode()).as("another contact").isEqualTo(HttpStatus.NOT_FOUND);
        var missing = judge(null, verdict, Map.of(), "en");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(missing.getBody()).get("field").asText()).isEqualTo("satisfied");
        assertThat(json.readTree(get("supervisor", "/api/feedback/" + reference).getBody()).hasNonNull("verdict"))
                .as("a refused verdict changes nothing").isFalse();

        var judged = judge(null, verdict, Map.of("satisfied", false), null);
        assertThat(judged.getStatusCode()).as(judged.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(judged.getBody()).get("verdict").asText()).isEqualTo("unsatisfied");
        assertThat(json.readTree(judged.getBody()).get("verdictText").asText()).isEqualTo("Không hài lòng");
        var again = judge(null, verdict, Map.of("satisfied", true), null);
        assertThat(again.getStatusCode()).as("once").isEqualTo(HttpStatus.CONFLICT);
        JsonNode staff = json.readTree(get("supervisor", "/api/feedback/" + reference).getBody());
        assertThat(staff.get("verdict").asText()).as("the first verdict stays").isEqualTo("unsatisfied");
        assertThat(staff.get("judgedAt").asText()).isNotBlank();
        assertThat(json.readTree(http.getForEntity("/api/public/feedback/" + reference + "?contact=0977111222",
                String.class).getBody()).get("verdict").asText()).isEqualTo("unsatisfied");

        // a signed-in citizen rates their own answer without a contact; another citizen does not find it
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String own = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE,
                sample.applicant(), sample.data(), BirthRegistrationSample.WARD), staged)).code();
        users.signOut();
        String mine = json.readTree(send("citizen", Map.of("text", "Xin hướng dẫn.", "dossierCode", own), null).getBody())
                .get("reference").asText();
        users.signInAs("leader");
        feedback.answer(mine, "Đã hướng dẫn qua điện thoại.");
        users.signOut();
        String path = "/api/public/feedback/" + mine + "/verdict";
        vn.motcua.security.SystemAccess.run(() -> {
            if (organisation.user("feedback-citizen").isEmpty()) {
                organisation.createUser("feedback-citizen", "demo", "Người Thử Phản Ánh", "feedback-citizen@test.motcua.vn",
                        null, java.util.EnumSet.of(vn.motcua.organisation.Role.CITIZEN));
            }
        });
        assertThat(judge("feedback-citizen", path, Map.of("satisfied", false), null).getStatusCode())
                .as("another citizen's").isEqualTo(HttpStatus.NOT_FOUND);
        var own2 = judge("citizen", path, Map.of("satisfied", true), null);
        assertThat(own2.getStatusCode()).as(own2.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(own2.getBody()).get("verdict").asText()).isEqualTo("satisfied");
        users.signInAs("clerk");
        assertThat(dossiers.history(own)).filteredOn(e -> e.action().equals("FEEDBACK_JUDGED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("citizen");
                    assertThat(e.detail()).as("the reference, never the verdict's words").isEqualTo(mine);
                });
    }

    @Test
    void oneAddressSendsAtMostFiveAnHour() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(send(null, Map.of("text", "Góp ý số " + i, "contact", "a" + i + "@example.vn"), null).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        var refused = send(null, Map.of("text", "Góp ý số 6", "contact", "a6@example.vn"), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(json.readTree(refused.getBody()).get("message").asText()).contains("thử lại sau");
    }

    private ResponseEntity<String> send(String user, Map<String, ?> body, String language) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", address);
        if (language != null) headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        var client = user == null ? http : http.withBasicAuth(user, "demo");
        return client.exchange("/api/feedback", HttpMethod.POST, new HttpEntity<>(new HashMap<>(body), headers), String.class);
    }

    private ResponseEntity<String> judge(String user, String path, Map<String, ?> body, String language) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", address);
        if (language != null) headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        var client = user == null ? http : http.withBasicAuth(user, "demo");
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(new HashMap<>(body), headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path, Map<String, ?> body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
                new HttpEntity<>(body == null ? Map.of() : body, headers), String.class);
    }

    private String receive() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signOut();
        return code;
    }
}
