package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.InTestSmtp;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestClock;
import vn.motcua.TestUsers;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;
import vn.motcua.shared.Messages;

/**
 * Notifications by e-mail, read from an SMTP server running inside the test (GreenMail): the applicant receives the
 * e-mails of receipt, supplement and result in Vietnamese (then English) with their diacritics intact; an SMTP outage
 * leaves the dossier's work committed and the message is retried, then delivered once the server is back; the staff
 * see each message in the dossier's log; administrators change the templates (an unknown placeholder is refused,
 * named); the applicant stops a channel from their account or from the tracking page.
 */
@MotCuaTest
class NotificationsByEmailTest {
    /** 2.000815 Chứng thực bản sao từ bản chính: a commune procedure citizens submit online. */
    private static final String APPLICANT_EMAIL = "myle@example.vn";
    /** The settings' defaults: 5 attempts, 1 minute of backoff doubled each time. */
    private static final int MAX_ATTEMPTS = 5;
    private static GreenMail smtp() { return InTestSmtp.server(); }

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired NotificationService notifications;
    @Autowired StagedUploadService staged;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired TestClock clock;

    @BeforeEach
    void emptyMailbox() throws Exception {
        // the sender of this test is fixed by the settings' default; the server is the one every test shares
        smtp().purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void cleanUp() {
        users.signOut();
        clock.reset();
    }

    @Test
    void theApplicantReceivesTheEmailsOfReceiptSupplementAndResultInVietnameseWithTheirDiacritics() throws Exception {
        // receipt at the desk: the code and the appointment date
        users.signInAs("clerk");
        var received = dossiers.receive(Intakes.checked(BirthRegistrationSample.inPerson()));
        users.signOut();
        deliver();
        MimeMessage receipt = mailOf(received.code(), 1).get(0);
        assertThat(receipt.getSubject()).isEqualTo("Hồ sơ " + received.code() + " đã được tiếp nhận");
        assertThat(receipt.getAllRecipients()).extracting(Object::toString).containsExactly(APPLICANT_EMAIL);
        assertThat(receipt.getFrom()).extracting(Object::toString).containsExactly("no-reply@motcua.local");
        assertThat(receipt.getContentType()).containsIgnoringCase("charset=UTF-8");
        String receiptText = (String) receipt.getContent();
        assertThat(receiptText).contains("Kính gửi ông/bà Trần Thị Mỹ Lệ")
                .contains("thủ tục «" + catalogue.procedure(BirthRegistrationSample.PROCEDURE).orElseThrow().name(Messages.VIETNAMESE) + "»")
                .contains("Ngày hẹn trả kết quả: " + Formats.date(received.dueAt()))
                .as("the receipt's tracking key, to follow the dossier without an account")
                .contains("mã hồ sơ và mã tra cứu " + SystemAccess.call(() -> dossiers.trackingKey(received.code())).orElseThrow())
                // Vietnamese first, then English
                .contains("Dossier " + received.code() + " has been received");
        assertThat(receiptText.indexOf("Kính gửi")).isLessThan(receiptText.indexOf("Dear"));

        // an online submission: accepted, a supplement asked, the result ready
        String code = acceptedOnline();
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.REQUEST_SUPPLEMENT, "Bổ sung bản chính bằng tốt nghiệp để đối chiếu");
        dossiers.act(code, DossierAction.RECEIVE_SUPPLEMENT, null);
        users.signOut();
        SystemAccess.run(() -> dossiers.markProcessed(code, "leader"));
        assertThat(SystemAccess.call(() -> dossiers.get(code)).status()).isEqualTo(DossierStatus.PROCESSED);
        deliver();

        var mails = mailOf(code, 3);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "Hồ sơ nộp trực tuyến " + code + " đã được tiếp nhận",
                "Yêu cầu bổ sung, hoàn thiện hồ sơ " + code,
                "Hồ sơ " + code + " đã có kết quả");
        assertThat((String) mails.get(1).getContent()).contains("Nội dung cần bổ sung: Bổ sung bản chính bằng tốt nghiệp để đối chiếu");
        assertThat((String) mails.get(2).getContent()).contains("đã có kết quả giải quyết");

        // the staff's log of the dossier: one row per message and channel, the phone masked
        JsonNode log = json.readTree(get("clerk", "/api/dossiers/" + code + "/notifications").getBody());
        assertThat(log).hasSize(9);
        for (JsonNode entry : log) {
            assertThat(entry.get("status").asText()).as(entry.toString()).isEqualTo("SENT");
            assertThat(entry.get("attempts").asInt()).isEqualTo(1);
            assertThat(entry.get("sentAt").asText()).isNotBlank();
            assertThat(entry.get("createdAt").asText()).isNotBlank();
        }
        assertThat(log).filteredOn(e -> e.get("channel").asText().equals("EMAIL"))
                .extracting(e -> e.get("template").asText() + " " + e.get("to").asText())
                .containsExactly("ACCEPTED " + APPLICANT_EMAIL, "SUPPLEMENT_REQUESTED " + APPLICANT_EMAIL, "RESULT_READY " + APPLICANT_EMAIL);
        assertThat(log).filteredOn(e -> !e.get("channel").asText().equals("EMAIL"))
                .allSatisfy(e -> {
                    assertThat(e.get("to").asText()).isEqualTo("*******678");
                    assertThat(e.get("provider").asText()).isEqualTo("logging");
                });
        // staff who may see the dossier only: not citizens, not another unit's clerk
        assertThat(get("supervisor", "/api/dossiers/" + code + "/notifications").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("citizen", "/api/dossiers/" + code + "/notifications").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("clerk2", "/api/dossiers/" + code + "/notifications").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anApologyWithANewDateTellsTheApplicantThatDate() throws Exception {
        String code = acceptedOnline();
        var dossier = SystemAccess.call(() -> dossiers.get(code));
        Instant newDue = dossier.dueAt().plus(Duration.ofDays(5));
        SystemAccess.run(() -> dossiers.extend(code, newDue, "Cần xác minh thêm tại nơi cấp văn bằng", "leader"));
        deliver();
        var apology = mailOf(code, 2).get(1);
        assertThat(apology.getSubject()).isEqualTo("Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ " + code);
        assertThat((String) apology.getContent()).contains("Ngày hẹn trả kết quả mới: " + Formats.date(newDue))
                .contains("Lý do: Cần xác minh thêm tại nơi cấp văn bằng");
    }

    @Test
    void anSmtpOutageLeavesTheDossiersWorkCommittedAndTheMessageIsRetriedThenDelivered() throws Exception {
        String code = acceptedOnline();
        deliver();
        mailOf(code, 1);
        InTestSmtp.stop();
        try {
            users.signInAs("clerk");
            dossiers.act(code, DossierAction.REQUEST_SUPPLEMENT, "Bổ sung tờ khai có chữ ký");
            users.signOut();
            deliver();
            // the dossier's work stands; the message waits for another attempt, its error without the address
            assertThat(SystemAccess.call(() -> dossiers.get(code)).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
            var email = emailOf(code, TemplateKey.SUPPLEMENT_REQUESTED);
            assertThat(email.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(email.attempts()).isEqualTo(1);
            assertThat(email.lastError()).isNotBlank().doesNotContain(APPLICANT_EMAIL).doesNotContain("myle");
            assertThat(email.nextAttemptAt()).isAfter(Instant.now().plusSeconds(30));
            // not due before its backoff: nothing is tried again yet
            deliver();
            assertThat(emailOf(code, TemplateKey.SUPPLEMENT_REQUESTED).attempts()).isEqualTo(1);
        } finally {
            InTestSmtp.restart();
        }
        clock.setTo(Instant.now().plus(Duration.ofMinutes(2)));
        deliver();
        var email = emailOf(code, TemplateKey.SUPPLEMENT_REQUESTED);
        assertThat(email.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(email.attempts()).isEqualTo(2);
        assertThat(email.lastError()).isNull();
        assertThat(mailOf(code, 1).get(0).getSubject()).isEqualTo("Yêu cầu bổ sung, hoàn thiện hồ sơ " + code);
    }

    @Test
    void aMessageThatKeepsFailingIsFailedAfterTheLastAttemptAndTheDossierIsUntouched() throws Exception {
        String code = acceptedOnline();
        deliver();
        InTestSmtp.stop();
        try {
            users.signInAs("clerk");
            dossiers.act(code, DossierAction.REQUEST_PAYMENT, "Nộp lệ phí chứng thực");
            users.signOut();
            Instant at = Instant.now();
            for (int minutes : new int[] {0, 2, 5, 10, 20}) { // after 1, 2, 4 and 8 minutes of backoff
                clock.setTo(at.plus(Duration.ofMinutes(minutes)));
                deliver();
            }
        } finally {
            InTestSmtp.restart();
        }
        var email = emailOf(code, TemplateKey.PAYMENT_REQUESTED);
        assertThat(email.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(email.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(email.nextAttemptAt()).isNull();
        assertThat(SystemAccess.call(() -> dossiers.get(code)).status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
    }

    @Test
    void administratorsChangeATemplateAndAnUnknownPlaceholderIsRefusedNamingIt() throws Exception {
        var refused = put("admin", "/api/admin/notification-templates/RECEIVED",
                Map.of("language", "vi", "subject", "Hồ sơ {code}", "body", "Kính gửi {hoTen}, hồ sơ {code} đã nhận."));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("body").contains("{hoTen}");
        assertThat(put("clerk", "/api/admin/notification-templates/RECEIVED",
                Map.of("language", "vi", "subject", "x", "body", "y")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("admin", "/api/admin/notification-templates/NO_SUCH",
                Map.of("language", "vi", "subject", "x", "body", "y")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        try {
            var saved = put("admin", "/api/admin/notification-templates/RECEIVED", Map.of("language", "vi",
                    "subject", "UBND phường đã nhận hồ sơ {code}", "body", "Hẹn trả ngày {appointmentDate}. Xin cảm ơn {applicant}."));
            assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);
            JsonNode list = json.readTree(get("admin", "/api/admin/notification-templates").getBody());
            assertThat(list).hasSize(TemplateKey.values().length * 2);
            assertThat(list).filteredOn(t -> t.get("key").asText().equals("RECEIVED") && t.get("language").asText().equals("vi"))
                    .singleElement().satisfies(t -> {
                        assertThat(t.get("customised").asBoolean()).isTrue();
                        assertThat(t.get("updatedBy").asText()).isEqualTo("admin");
                    });

            users.signInAs("clerk");
            var received = dossiers.receive(Intakes.checked(BirthRegistrationSample.inPerson()));
            users.signOut();
            deliver();
            var mail = mailOf(received.code(), 1).get(0);
            assertThat(mail.getSubject()).isEqualTo("UBND phường đã nhận hồ sơ " + received.code());
            assertThat((String) mail.getContent()).startsWith("Hẹn trả ngày " + Formats.date(received.dueAt()) + ". Xin cảm ơn Trần Thị Mỹ Lệ.");
        } finally {
            var reset = http.withBasicAuth("admin", "demo").exchange("/api/admin/notification-templates/RECEIVED?language=vi",
                    HttpMethod.DELETE, null, String.class);
            assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(reset.getBody()).get("customised").asBoolean()).isFalse();
        }
    }

    @Test
    void theApplicantStopsTheEmailsOfADossierAndItsMessagesAreRecordedAsSkipped() throws Exception {
        String code = acceptedOnline();
        var stopped = put("citizen", "/api/dossiers/" + code + "/notification-channels/EMAIL", Map.of("enabled", false));
        assertThat(stopped.getStatusCode()).as(stopped.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(stopped.getBody())).extracting(c -> c.get("channel").asText() + "=" + c.get("enabled").asBoolean())
                .containsExactly("EMAIL=false", "SMS=true", "ZALO=true");
        // only the applicant: not the staff; a wrong channel: refused, naming the field
        assertThat(put("clerk", "/api/dossiers/" + code + "/notification-channels/EMAIL", Map.of("enabled", true))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var wrong = put("citizen", "/api/dossiers/" + code + "/notification-channels/FAX", Map.of("enabled", false));
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody()).contains("channel");

        // the acceptance e-mail written before the opt-out is not sent either; later ones are recorded as skipped
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.REQUEST_SUPPLEMENT, "Bổ sung tờ khai");
        users.signOut();
        deliver();
        assertThat(mailsOf(code)).isEmpty();
        assertThat(emailOf(code, TemplateKey.ACCEPTED).status()).isEqualTo(NotificationStatus.SKIPPED_OPTED_OUT);
        assertThat(emailOf(code, TemplateKey.SUPPLEMENT_REQUESTED).status()).isEqualTo(NotificationStatus.SKIPPED_OPTED_OUT);

        // from the tracking page, with the key (the phone's last digits): a wrong key is "not found"
        assertThat(putPublic(code, "EMAIL", Map.of("key", "0000", "enabled", true)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        var restarted = putPublic(code, "EMAIL", Map.of("key", "5678", "enabled", true));
        assertThat(restarted.getStatusCode()).as(restarted.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(restarted.getBody()).doesNotContain("Trần").doesNotContain(APPLICANT_EMAIL);
        var stoppedSms = putPublic(code, "sms", Map.of("key", "5678", "enabled", false));
        assertThat(json.readTree(stoppedSms.getBody())).extracting(c -> c.get("channel").asText() + "=" + c.get("enabled").asBoolean())
                .containsExactly("EMAIL=true", "SMS=false", "ZALO=true");

        users.signInAs("clerk");
        dossiers.act(code, DossierAction.RECEIVE_SUPPLEMENT, null);
        dossiers.act(code, DossierAction.REQUEST_PAYMENT, "Nộp lệ phí");
        users.signOut();
        deliver();
        assertThat(mailsOf(code)).extracting(MimeMessage::getSubject).containsExactly("Đề nghị nộp phí, lệ phí cho hồ sơ " + code);
        var sms = logOf(code).stream().filter(e -> e.channel() == NotificationChannel.Kind.SMS && e.template() == TemplateKey.PAYMENT_REQUESTED)
                .findFirst().orElseThrow();
        assertThat(sms.status()).isEqualTo(NotificationStatus.SKIPPED_OPTED_OUT);
    }

    // --- helpers

    /** A certified copy the citizen submitted online with the sample applicant (e-mail and phone), accepted by the desk. */
    private String acceptedOnline() {
        users.signInAs("citizen");
        var applicant = BirthRegistrationSample.inPerson().applicant();
        String code = dossiers.receive(vn.motcua.CertifiedCopySample.online(applicant, staged)).code();
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.ACCEPT, null);
        users.signOut();
        return code;
    }

    /**
     * Sends everything due, as the sender does batch after batch: the other tests of this shared context leave their own
     * dossiers' messages in the outbox (no sender runs on its own in tests), more than one batch of them.
     */
    private void deliver() {
        for (int batch = 0; batch < 200 && SystemAccess.call(notifications::deliverDue) > 0; batch++) {
            // the next batch
        }
    }

    private List<MimeMessage> mailsOf(String code) throws Exception {
        var result = new java.util.ArrayList<MimeMessage>();
        for (MimeMessage m : smtp().getReceivedMessages()) if (m.getSubject().contains(code)) result.add(m);
        return result;
    }

    /** The e-mails about a dossier, in the order received, once there are {@code count} of them. */
    private List<MimeMessage> mailOf(String code, int count) throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mailsOf(code).size() >= count);
        var mails = mailsOf(code);
        assertThat(mails).hasSize(count);
        return mails;
    }

    private List<NotificationLogEntry> logOf(String code) {
        users.signInAs("clerk");
        try {
            return notifications.log(code);
        } finally {
            users.signOut();
        }
    }

    private NotificationLogEntry emailOf(String code, TemplateKey key) {
        return logOf(code).stream().filter(e -> e.channel() == NotificationChannel.Kind.EMAIL && e.template() == key)
                .findFirst().orElseThrow(() -> new AssertionError("no e-mail " + key + " in " + Arrays.toString(logOf(code).toArray())));
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> put(String user, String path, Map<String, Object> body) throws Exception {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, jsonBody(body), String.class);
    }

    private ResponseEntity<String> putPublic(String code, String channel, Map<String, Object> body) throws Exception {
        return http.exchange("/api/public/dossiers/" + code + "/notification-channels/" + channel, HttpMethod.PUT,
                jsonBody(body), String.class);
    }

    private HttpEntity<String> jsonBody(Map<String, Object> body) throws Exception {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json.writeValueAsString(body), headers);
    }
}
