package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.dossier.AuditEntry;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.SandboxGateway;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * Paying a dossier's fee online through the sandbox payment service, over HTTP: the owner starts a payment of a dossier
 * waiting for it, the sandbox's signed callback pays it once, the dossier runs again with an online payment and a
 * receipt; repeated, late, out-of-order and badly signed callbacks change nothing; a double click gives one payment;
 * the reconciliation lists what MotCua and the payment service disagree on.
 */
@MotCuaTest
class PaymentApiTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired StagedUploadService staged;
    @Autowired SandboxGateway sandbox;
    @Autowired PaymentRepository payments;
    @Autowired PaymentService service;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired vn.motcua.monitoring.IndicatorService indicators;

    @Autowired vn.motcua.organisation.OrganisationService organisation;

    /** Another citizen, who does not own the dossiers. */
    @org.junit.jupiter.api.BeforeEach
    void anotherCitizen() {
        SystemAccess.run(() -> {
            if (organisation.user("citizen2").isEmpty()) {
                organisation.createUser("citizen2", "demo", "Người Thử citizen2", "citizen2@test.motcua.vn", null,
                        java.util.EnumSet.of(vn.motcua.organisation.Role.CITIZEN));
            }
        });
    }

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void aCitizenPaysThroughTheSandboxOnceAndTheDossierRunsAgainWithAnOnlinePaymentAndAReceipt() throws Exception {
        String code = waitingForPayment();

        var started = startPayment("citizen", code);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode payment = json.readTree(started.getBody());
        String id = payment.get("paymentId").asText();
        assertThat(payment.get("payUrl").asText()).startsWith("/sandbox-payment/");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("2000");
        assertThat(payment.get("status").asText()).isEqualTo("CREATED");
        String transaction = payment.get("providerRef").asText();

        var paid = sandbox.settle(transaction, PaymentStatus.PAID);
        var answer = post(paid);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("APPLIED");

        var dossier = asSystem(() -> dossiers.get(code));
        assertThat(dossier.status()).isEqualTo(DossierStatus.IN_PROCESS);
        // what indicator 3.6 counts: a dossier with a fee, paid, by the method ONLINE
        assertThat(dossier.paymentMethod()).isEqualTo("ONLINE");
        assertThat(dossier.paidAt()).isNotNull();
        assertThat(dossier.feeAmount()).isPositive();
        assertThat(dossier.clockStoppedAt()).isNull();

        for (String user : List.of("citizen", "clerk")) {
            JsonNode list = json.readTree(get(user, "/api/dossiers/" + code + "/payments").getBody());
            assertThat(list).as(user).hasSize(1);
            assertThat(list.get(0).get("paymentId").asText()).isEqualTo(id);
            assertThat(list.get(0).get("status").asText()).isEqualTo("PAID");
            assertThat(list.get(0).get("receiptNumber").asText()).startsWith("BL-");
        }
        assertThat(get("citizen2", "/api/dossiers/" + code + "/payments").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var receipt = http.withBasicAuth("citizen", "demo")
                .getForEntity("/api/dossiers/" + code + "/payments/" + id + "/receipt", byte[].class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(receipt.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = text(receipt.getBody());
        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ").contains(code).contains("2.000 đồng")
                .contains("Trần Thị Mỹ Lệ").contains(transaction);

        // the same callback again, then a late FAILED for the paid payment: acknowledged, nothing changes
        var again = post(paid);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).contains("DUPLICATE");
        var failedLate = post(sandbox.callback(transaction, PaymentStatus.FAILED));
        assertThat(failedLate.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(failedLate.getBody()).contains("OUT_OF_ORDER");

        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(json.readTree(get("clerk", "/api/dossiers/" + code + "/payments").getBody())).hasSize(1);
        assertThat(asSystem(() -> dossiers.get(code)).status()).isEqualTo(DossierStatus.IN_PROCESS);
        List<AuditEntry> history = asSystem(() -> dossiers.history(code));
        assertThat(history).filteredOn(e -> e.action().equals("CONFIRM_PAYMENT")).hasSize(1)
                .allSatisfy(e -> assertThat(e.detail()).contains(id).contains("ONLINE"));
        assertThat(payments.callbackOutcomes(id))
                .containsExactly(CallbackOutcome.APPLIED, CallbackOutcome.DUPLICATE, CallbackOutcome.OUT_OF_ORDER);
    }

    @Test
    void theSandboxsLateRepeatedCallbacksOverHttpPayOnce() throws Exception {
        String code = waitingForPayment();
        JsonNode payment = json.readTree(startPayment("citizen", code).getBody());
        String id = payment.get("paymentId").asText();

        sandbox.deliver(sandbox.settle(payment.get("providerRef").asText(), PaymentStatus.PAID), Duration.ofMillis(300), 3);

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> payments.callbackOutcomes(id).size() == 3);
        assertThat(payments.callbackOutcomes(id)).containsExactly(CallbackOutcome.APPLIED, CallbackOutcome.DUPLICATE,
                CallbackOutcome.DUPLICATE);
        assertThat(asSystem(() -> dossiers.get(code)).status()).isEqualTo(DossierStatus.IN_PROCESS);
        assertThat(asSystem(() -> dossiers.history(code))).filteredOn(e -> e.action().equals("CONFIRM_PAYMENT")).hasSize(1);
    }

    @Test
    void aCallbackWithABadOrMissingSignatureIsRefusedLoggedAndChangesNothing() throws Exception {
        String code = waitingForPayment();
        JsonNode payment = json.readTree(startPayment("citizen", code).getBody());
        String id = payment.get("paymentId").asText();
        var genuine = sandbox.settle(payment.get("providerRef").asText(), PaymentStatus.PAID);
        int refusedBefore = badSignatures();

        var forged = new PaymentGateway.SignedCallback(genuine.body(), "sha256=" + "0".repeat(64));
        assertThat(post(forged).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a body changed after signing (another amount) no longer matches its signature
        byte[] changed = new String(genuine.body(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"2000\"", "\"1\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(post(new PaymentGateway.SignedCallback(changed, genuine.signature())).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post(new PaymentGateway.SignedCallback(genuine.body(), null)).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(badSignatures()).isEqualTo(refusedBefore + 3);
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(payments.callbackOutcomes(id)).isEmpty();
        var dossier = asSystem(() -> dossiers.get(code));
        assertThat(dossier.status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
        assertThat(dossier.paidAt()).isNull();
    }

    @Test
    void aDoubleClickGivesTheSameOpenPaymentAndOnlyTheOwnerOfADossierWaitingForItStartsOne() throws Exception {
        String code = waitingForPayment();
        assertThat(startPayment("clerk", code).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(startPayment("citizen2", code).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var pool = Executors.newFixedThreadPool(2);
        try {
            Callable<ResponseEntity<String>> click = () -> startPayment("citizen", code);
            var answers = pool.invokeAll(List.of(click, click));
            var first = answers.get(0).get();
            var second = answers.get(1).get();
            assertThat(List.of(first.getStatusCode(), second.getStatusCode()))
                    .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK);
            assertThat(json.readTree(first.getBody()).get("paymentId").asText())
                    .isEqualTo(json.readTree(second.getBody()).get("paymentId").asText());
            assertThat(json.readTree(second.getBody()).get("payUrl").asText()).startsWith("/sandbox-payment/");
        } finally {
            pool.shutdown();
        }
        var third = startPayment("citizen", code);
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(get("citizen", "/api/dossiers/" + code + "/payments").getBody())).hasSize(1);

        // a dossier that is not waiting for a payment: 409, nothing created
        String running = waitingForPayment();
        users.signInAs("clerk");
        dossiers.act(running, DossierAction.CONFIRM_PAYMENT, null, "CASH");
        users.signOut();
        var refused = startPayment("citizen", running);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(get("citizen", "/api/dossiers/" + running + "/payments").getBody())).isEmpty();
    }

    @Test
    void theDailyReconciliationListsAPaymentTheServiceSaysIsPaidWhoseCallbackNeverCame() throws Exception {
        String code = waitingForPayment();
        JsonNode payment = json.readTree(startPayment("citizen", code).getBody());
        String id = payment.get("paymentId").asText();
        sandbox.settle(payment.get("providerRef").asText(), PaymentStatus.PAID); // the callback is lost

        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        int checked = SystemAccess.call(() -> service.reconcile(today));
        assertThat(checked).isPositive();
        assertThat(SystemAccess.call(() -> service.reconcile(today))).as("a day is reconciled once").isEqualTo(-1);

        var report = get("admin", "/api/reports/payments/reconciliation?date=" + today);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(report.getBody());
        assertThat(body.get("checked").asInt()).isEqualTo(checked);
        JsonNode mismatch = null;
        for (JsonNode m : body.get("mismatches")) if (m.get("paymentId").asText().equals(id)) mismatch = m;
        assertThat(mismatch).as(report.getBody()).isNotNull();
        assertThat(mismatch.get("kind").asText()).isEqualTo("STATUS");
        assertThat(mismatch.get("localStatus").asText()).isEqualTo("CREATED");
        assertThat(mismatch.get("providerStatus").asText()).isEqualTo("PAID");
        assertThat(mismatch.get("dossierCode").asText()).isEqualTo(code);
        // the paid and confirmed payments of the other tests agree with the service: none of them is listed
        for (JsonNode m : body.get("mismatches")) {
            assertThat(payments.find(m.get("paymentId").asText()).orElseThrow().status()).isNotEqualTo(PaymentStatus.PAID);
        }
        assertThat(get("clerk", "/api/reports/payments/reconciliation?date=" + today).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdministratorRunsAPastDaysReconciliationAgainAndItFindsWhatChangedSince() throws Exception {
        var test = (vn.motcua.TestClock) clock;
        // a day of its own, far ahead: the other tests reconcile today
        Instant day = Instant.parse("2032-05-05T03:00:00Z");
        LocalDate date = LocalDate.ofInstant(day, Formats.ZONE);
        test.setTo(day);
        try {
            String code = waitingForPayment();
            JsonNode payment = json.readTree(startPayment("citizen", code).getBody());
            String id = payment.get("paymentId").asText();
            test.setTo(day.plus(java.time.Duration.ofDays(1)));
            SystemAccess.call(() -> service.reconcile(date)); // both sides say CREATED: nothing to list
            assertThat(mismatchOf(get("admin", "/api/reports/payments/reconciliation?date=" + date).getBody(), id)).isNull();

            sandbox.settle(payment.get("providerRef").asText(), PaymentStatus.PAID); // paid; the callback is lost
            assertThat(rerun("clerk", date).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rerun("supervisor", date).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            var today = rerun("admin", date.plusDays(1));
            assertThat(today.getStatusCode()).as("a day not over yet").isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json.readTree(today.getBody()).get("field").asText()).isEqualTo("date");

            var again = rerun("admin", date);
            assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
            JsonNode mismatch = mismatchOf(again.getBody(), id);
            assertThat(mismatch).as(again.getBody()).isNotNull();
            assertThat(mismatch.get("kind").asText()).isEqualTo("STATUS");
            assertThat(mismatch.get("providerStatus").asText()).isEqualTo("PAID");
            assertThat(json.readTree(again.getBody()).get("reconciledAt").isNull()).isFalse();
            assertThat(mismatchOf(get("admin", "/api/reports/payments/reconciliation?date=" + date).getBody(), id))
                    .as("kept").isNotNull();
            var log = get("admin", "/api/admin/log?from=" + date.plusDays(1) + "&to=" + date.plusDays(1));
            assertThat(log.getBody()).contains("PAYMENT_RECONCILIATION_RERUN", date.toString());
        } finally {
            test.reset();
        }
    }

    @Test
    void aDossierPaidOnlineCountsInIndicatorThreeSix() throws Exception {
        var test = (vn.motcua.TestClock) clock;
        // a working day of its own, far ahead; earlier runs' dossiers of that day stay on PostgreSQL (received at the
        // same instant, paid half an hour later): every reading is compared with one taken an hour in, before this run
        Instant day = Instant.parse("2032-06-08T03:00:00Z");
        test.setTo(day.plus(Duration.ofHours(1)));
        try {
            var initial = onlinePayment();
            test.setTo(day);
            String code = waitingForPayment();
            JsonNode payment = json.readTree(startPayment("citizen", code).getBody());
            test.setTo(day.plus(Duration.ofMinutes(10))); // the report counts what was received before it is read
            // the formula sheet's population: dossiers with a fee to pay, paid or not (from the desk's acceptance)
            assertThat(onlinePayment().denominator().subtract(initial.denominator()))
                    .as("one more dossier with a fee to pay, not paid yet").isEqualByComparingTo(java.math.BigDecimal.ONE);
            test.setTo(day.plus(Duration.ofMinutes(30)));
            var answer = post(sandbox.settle(payment.get("providerRef").asText(), PaymentStatus.PAID));
            assertThat(answer.getBody()).contains("APPLIED");
            test.setTo(day.plus(Duration.ofHours(1))); // the report counts what was paid before it is read
            var after = onlinePayment();
            assertThat(after.denominator().subtract(initial.denominator())).as("paying does not add to the population")
                    .isEqualByComparingTo(java.math.BigDecimal.ONE);
            assertThat(after.numerator().subtract(initial.numerator())).as("paid online")
                    .isEqualByComparingTo(java.math.BigDecimal.ONE);
        } finally {
            test.reset();
        }
    }

    /** Indicator 3.6 of the ward on 8 June 2032, as the supervisor reads it. */
    private vn.motcua.monitoring.Indicator onlinePayment() {
        return vn.motcua.monitoring.IndicatorReading.of(indicators, users, "2032-06-08", vn.motcua.BirthRegistrationSample.WARD,
                null, "3.6");
    }

    private JsonNode mismatchOf(String report, String paymentId) throws Exception {
        for (JsonNode m : json.readTree(report).get("mismatches")) if (m.get("paymentId").asText().equals(paymentId)) return m;
        return null;
    }

    private ResponseEntity<String> rerun(String user, LocalDate date) {
        return http.withBasicAuth(user, "demo").postForEntity("/api/reports/payments/reconciliation/run?date=" + date,
                null, String.class);
    }

    // --- fixtures

    /** A certified copy the citizen submitted online to the ward, accepted, then its fee requested (status 6). */
    private String waitingForPayment() {
        users.signInAs("citizen");
        var applicant = BirthRegistrationSample.inPerson().applicant();
        String code = dossiers.receive(vn.motcua.CertifiedCopySample.online(applicant, staged)).code();
        users.signInAs("clerk");
        dossiers.act(code, DossierAction.ACCEPT, null);
        assertThat(dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROCESS);
        dossiers.act(code, DossierAction.REQUEST_PAYMENT, "Nộp phí chứng thực bản sao");
        assertThat(dossiers.get(code).status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
        users.signOut();
        return code;
    }

    private ResponseEntity<String> startPayment(String user, String code) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity("/api/dossiers/" + code + "/payments",
                new HttpEntity<>("{}", headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    /** Posts a callback as the payment service does: anonymous, JSON, the signature in its header. */
    private ResponseEntity<String> post(PaymentGateway.SignedCallback callback) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (callback.signature() != null) headers.set(SandboxGateway.SIGNATURE_HEADER, callback.signature());
        return http.postForEntity("/api/payments/callback", new HttpEntity<>(callback.body(), headers), String.class);
    }

    private int badSignatures() {
        return jdbc.sql("select count(*) from payment_callback where outcome = 'BAD_SIGNATURE'").query(Integer.class).single();
    }

    private static <T> T asSystem(java.util.function.Supplier<T> work) { return SystemAccess.call(work); }

    private static String text(byte[] pdf) throws java.io.IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }
}
