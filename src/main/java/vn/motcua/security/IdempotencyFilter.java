package vn.motcua.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.motcua.shared.ErrorJson;
import vn.motcua.shared.Messages;

/**
 * {@code Idempotency-Key} on the API's write requests (POST, PUT, PATCH, DELETE under {@code /api}): the first request
 * with a key does the work and its answer (status and body) is kept for that user and key for 24 hours; a retry with
 * the same key gets the same answer again, marked {@code Idempotent-Replayed: true}, without doing anything. The same
 * key on another request answers 422; a retry while the first is still running answers 409. A server error (5xx) is
 * not kept, so the retry runs again. Requests without the header are not affected.
 *
 * <p>A request with a key runs in one transaction with the keeping of its answer (the services' transactions join
 * it): either the work and its answer are both committed, or neither is. So a node killed after the work but before
 * the answer was kept cannot happen, and a retry never does the work twice. A request in progress on a node that
 * died frees its key as soon as the other nodes see the node dead ({@link vn.motcua.shared.ClusterNode}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT = Duration.ofHours(24);
    /** A request in progress longer than this was abandoned (its node died): its key may be used again. */
    static final Duration ABANDONED = Duration.ofMinutes(2);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private record Kept(String method, String path, Integer status, String contentType, String body, Instant createdAt,
                        String node, String requestHash) { }

    private final JdbcClient jdbc;
    private final vn.motcua.shared.ClusterNode node;
    private final TransactionTemplate separate;
    private final PlatformTransactionManager transactions;
    private final Messages messages;
    private final Clock clock;

    public IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, Messages messages, Clock clock,
                             vn.motcua.shared.ClusterNode node) {
        this.node = node;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (!KEY.matcher(key).matches()) {
            ErrorJson.write(response, 400, "INVALID_INPUT", messages.get("idempotency.key.invalid"));
            return;
        }
        String user = authentication.getName();
        // The body is read once here (a JSON request is small) so that its fingerprint can be compared; an upload is not
        var read = BodyOnce.of(request);
        request = read.request();
        String hash = read.sha256();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (path.length() > 500) path = path.substring(0, 500);
        Instant now = clock.instant();
        Optional<Kept> kept = find(user, key);
        if (kept.isPresent() && (kept.get().createdAt().isBefore(now.minus(KEPT))
                || (kept.get().status() == null && abandoned(kept.get(), now)))) {
            forget(user, key);
            kept = Optional.empty();
        }
        if (kept.isEmpty()) {
            if (!claim(user, key, request.getMethod(), path, hash, now)) kept = find(user, key);
        }
        if (kept.isPresent()) {
            replay(kept.get(), request.getMethod(), path, hash, response);
            return;
        }
        var wrapper = new ContentCachingResponseWrapper(response);
        // The work and its kept answer commit together: a node that dies after the work committed has kept its answer
        // (the retry gets it), one that dies before has done nothing (the retry, once the node is seen dead, does it)
        TransactionStatus work = transactions.getTransaction(TransactionDefinition.withDefaults());
        boolean ended = false;
        boolean answerKept = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (work.isRollbackOnly()) {
                ended = true;
                transactions.rollback(work);
                if (status < 400) {
                    // the work was undone though the answer says it was done: never tell the client so
                    wrapper.resetBuffer();
                    ErrorJson.write(wrapper, 500, "INTERNAL_ERROR", messages.get("error.unexpected"));
                } else if (status < 500) {
                    keep(user, key, status, wrapper, separate); // a refusal: nothing was done, the retry is refused alike
                    answerKept = true;
                }
            } else if (status < 500) {
                String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
                jdbc.sql("update idempotency_record set status = ?, content_type = ?, body = ? where username = ? and idem_key = ?")
                        .params(status, wrapper.getContentType(), body, user, key).update();
                ended = true;
                transactions.commit(work);
                answerKept = true;
            } else {
                ended = true;
                transactions.rollback(work);
            }
        } catch (IOException | ServletException | RuntimeException | Error e) {
            if (!ended) transactions.rollback(work);
            wrapper.resetBuffer(); // nothing of an answer whose work did not commit reaches the client
            if (!answerKept) forget(user, key);
            throw e;
        }
        if (!answerKept) forget(user, key);
        wrapper.copyBodyToResponse();
    }

    private void keep(String user, String key, int status, ContentCachingResponseWrapper wrapper, TransactionTemplate in) {
        String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
        in.executeWithoutResult(s -> jdbc.sql(
                        "update idempotency_record set status = ?, content_type = ?, body = ? where username = ? and idem_key = ?")
                .params(status, wrapper.getContentType(), body, user, key).update());
    }

    private void replay(Kept kept, String method, String path, String hash, HttpServletResponse response) throws IOException {
        if (!kept.method().equals(method) || !kept.path().equals(path)
                || (kept.requestHash() != null && hash != null && !kept.requestHash().equals(hash))) {
            ErrorJson.write(response, 422, "IDEMPOTENCY_KEY_REUSED", messages.get("idempotency.key.reused"));
            return;
        }
        if (kept.status() == null) {
            ErrorJson.write(response, 409, "IDEMPOTENCY_IN_PROGRESS", messages.get("idempotency.inProgress"));
            return;
        }
        response.setStatus(kept.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (kept.contentType() != null) response.setContentType(kept.contentType());
        if (kept.body() != null && !kept.body().isEmpty()) {
            byte[] bytes = kept.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /**
     * A request in progress whose node is dead (its heartbeat stopped: killed, or stopped), or which has run longer
     * than {@link #ABANDONED}: its key may be used again.
     */
    private boolean abandoned(Kept kept, Instant now) {
        return kept.createdAt().isBefore(now.minus(ABANDONED)) || (kept.node() != null && !node.isAlive(kept.node()));
    }

    /** Records that this request runs with the key; false when another one holds it already. */
    private boolean claim(String user, String key, String method, String path, String hash, Instant now) {
        try {
            separate.executeWithoutResult(s -> jdbc.sql(
                            "insert into idempotency_record (username, idem_key, method, path, created_at, node_id, request_hash) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(user, key, method, path, now.atOffset(ZoneOffset.UTC), node.id(), hash).update());
            if (Math.floorMod(key.hashCode(), 50) == 0) {
                separate.executeWithoutResult(s -> jdbc.sql("delete from idempotency_record where created_at < ?")
                        .param(now.minus(KEPT).atOffset(ZoneOffset.UTC)).update());
            }
            return true;
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // the key's row exists already (DuplicateKeyException is one of these): another request holds the key
            return false;
        }
    }

    private Optional<Kept> find(String user, String key) {
        return separate.execute(s -> jdbc.sql(
                        "select method, path, status, content_type, body, created_at, node_id, request_hash from idempotency_record where username = ? and idem_key = ?")
                .params(user, key)
                .query((rs, n) -> new Kept(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant(), rs.getString(7), rs.getString(8)))
                .optional());
    }

    private void forget(String user, String key) {
        separate.executeWithoutResult(s -> jdbc.sql("delete from idempotency_record where username = ? and idem_key = ?")
                .params(user, key).update());
    }
}
