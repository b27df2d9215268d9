package vn.motcua.payment.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.payment.PaymentGateway;
import vn.motcua.payment.PaymentStatus;

/**
 * A payment service inside the application that behaves like the national payment platform, for the demo and the
 * tests: it keeps its own ledger ({@code sandbox_payment}), shows its payment page ({@code /sandbox-payment/{id}}),
 * and reports the outcome to MotCua's callback endpoint in a JSON body signed with HMAC-SHA256 (header
 * {@value #SIGNATURE_HEADER}: {@code sha256=<hex>}) under {@code motcua.payment.sandbox.secret}; callbacks may be sent
 * late and repeatedly ({@code motcua.payment.sandbox.callback-delay}, {@code -repeat}), and a test may have it sign
 * any report it likes (out of order).
 */
@Component
public class SandboxGateway implements PaymentGateway {
    public static final String PROVIDER = "sandbox";
    public static final String SIGNATURE_HEADER = "X-Payment-Signature";
    public static final String ROUTE = "sandbox-payment";
    private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);

    /** A transaction as the sandbox's ledger keeps it. */
    public record Transaction(String id, String merchantRef, BigDecimal amount, String description, String payer,
                              PaymentStatus status, Instant createdAt, Instant settledAt) { }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final PaymentSettings settings;
    private final Environment environment;
    private final byte[] secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService deliveries = vn.motcua.shared.BackgroundRounds.scheduler("sandbox-payment-callbacks");

    SandboxGateway(JdbcClient jdbc, ObjectMapper json, Clock clock, PaymentSettings settings, Environment environment) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.environment = environment;
        if (settings.sandboxSecret().isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.secret = random;
            if (PROVIDER.equals(settings.provider())) {
                log.warn("motcua.payment.sandbox.secret is not set: the sandbox signs its callbacks with a random key of this run");
            }
        } else {
            this.secret = settings.sandboxSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public String provider() { return PROVIDER; }

    @Override
    public String displayName() { return "Cổng thanh toán thử nghiệm (sandbox)"; }

    @Override
    @Transactional
    public Checkout createPayment(PaymentOrder order) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into sandbox_payment (id, merchant_ref, amount, description, payer, status, created_at)
                values (:id, :ref, :amount, :description, :payer, 'CREATED', :at)
                """).param("id", id).param("ref", order.paymentId()).param("amount", order.amount())
                .param("description", order.description()).param("payer", order.payer())
                .param("at", PaymentRepository.utc(now())).update();
        String path = "/" + ROUTE + "/" + id;
        return new Checkout(id, path, (settings.publicUrl().isEmpty() ? "" : settings.publicUrl()) + path);
    }

    @Override
    public Optional<Notice> verifyCallback(SignedCallback callback) {
        if (callback == null || callback.body() == null || callback.signature() == null) return Optional.empty();
        byte[] expected = ("sha256=" + HexFormat.of().formatHex(hmac(callback.body()))).getBytes(StandardCharsets.US_ASCII);
        byte[] given = callback.signature().trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) return Optional.empty();
        try {
            JsonNode body = json.readTree(callback.body());
            return Optional.of(new Notice(body.path("transactionId").asText(null), body.path("merchantRef").asText(null),
                    PaymentStatus.valueOf(body.path("status").asText()), new BigDecimal(body.path("amount").asText()),
                    body.hasNonNull("settledAt") ? Instant.parse(body.get("settledAt").asText()) : null));
        } catch (java.io.IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ProviderStatus> queryStatus(String providerRef) {
        return transaction(providerRef).map(t -> new ProviderStatus(t.status(), t.amount(), t.settledAt()));
    }

    /** A transaction of the ledger. */
    public Optional<Transaction> transaction(String id) {
        if (id == null) return Optional.empty();
        return jdbc.sql("select * from sandbox_payment where id = :id").param("id", id)
                .query(SandboxGateway::transaction).optional();
    }

    /**
     * The payer pays or cancels on the sandbox's page: an open transaction takes that outcome (a settled one keeps
     * its own), and the callback reporting the transaction's status is returned, signed, ready to be delivered.
     */
    @Transactional
    public SignedCallback settle(String id, PaymentStatus outcome) {
        if (outcome == null || !outcome.isFinal()) throw new IllegalArgumentException("a payment settles as paid, failed or cancelled");
        jdbc.sql("update sandbox_payment set status = :s, settled_at = :at where id = :id and status = 'CREATED'")
                .param("s", outcome.name()).param("at", PaymentRepository.utc(now())).param("id", id).update();
        Transaction t = transaction(id).orElseThrow(() -> new IllegalArgumentException("no sandbox transaction " + id));
        return callback(id, t.status());
    }

    /**
     * A signed callback reporting {@code reported} for a transaction, whatever the ledger says: how the platform's
     * late and out-of-order callbacks are made.
     */
    public SignedCallback callback(String id, PaymentStatus reported) {
        Transaction t = transaction(id).orElseThrow(() -> new IllegalArgumentException("no sandbox transaction " + id));
        var body = new LinkedHashMap<String, Object>();
        body.put("transactionId", t.id());
        body.put("merchantRef", t.merchantRef());
        body.put("status", reported.name());
        body.put("amount", t.amount().toPlainString());
        body.put("currency", "VND");
        body.put("settledAt", t.settledAt() == null ? null : t.settledAt().toString());
        body.put("sentAt", now().toString());
        try {
            return sign(json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body signed as the sandbox signs its callbacks. */
    public SignedCallback sign(byte[] body) {
        return new SignedCallback(body, "sha256=" + HexFormat.of().formatHex(hmac(body)));
    }

    /**
     * Sends a callback to MotCua's endpoint in the background, after {@code delay}, {@code times} times (a late or
     * repeated callback); the settings' delay and repetitions when null.
     */
    public void deliver(SignedCallback callback, Duration delay, Integer times) {
        Duration wait = delay == null ? settings.sandboxCallbackDelay() : delay;
        int count = times == null ? settings.sandboxCallbackRepeat() : Math.max(1, times);
        for (int i = 0; i < count; i++) {
            deliveries.schedule(() -> post(callback), wait.toMillis() + i * 200L, TimeUnit.MILLISECONDS);
        }
    }

    private void post(SignedCallback callback) {
        try {
            var request = HttpRequest.newBuilder(URI.create(callbackUrl())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header(SIGNATURE_HEADER, callback.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body())).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            log.info("Sandbox payment callback delivered: HTTP {}", status);
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("Sandbox payment callback not delivered: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String callbackUrl() {
        if (!settings.sandboxCallbackUrl().isEmpty()) return settings.sandboxCallbackUrl();
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String context = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + context + "/api/payments/callback";
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }

    private static Transaction transaction(ResultSet rs, int n) throws SQLException {
        return new Transaction(rs.getString("id"), rs.getString("merchant_ref"), rs.getBigDecimal("amount"),
                rs.getString("description"), rs.getString("payer"), PaymentStatus.valueOf(rs.getString("status")),
                PaymentRepository.instant(rs, "created_at"), PaymentRepository.instant(rs, "settled_at"));
    }

    @jakarta.annotation.PreDestroy
    void stop() { deliveries.shutdownNow(); }
}
