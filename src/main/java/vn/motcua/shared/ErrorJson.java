package vn.motcua.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every error answer of the API, as an RFC 9457 problem detail ({@code application/problem+json}): {@code type}
 * ({@code urn:motcua:problem:<error>}), {@code title} (the HTTP status's phrase), {@code status}, {@code detail} (the
 * message in the caller's language) and {@code instance} (the request's path), with MotCua's own members kept beside
 * them for the clients written before: {@code error} (e.g. {@code INVALID_INPUT}), {@code message} (the same text as
 * {@code detail}), and, for invalid input, the offending {@code field} and every violation in {@code errors}.
 */
public final class ErrorJson {
    /** The problem details media type. */
    public static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorJson() { }

    /** The problem's members: RFC 9457's, MotCua's {@code error} and {@code message}, then {@code extra}'s. */
    public static Map<String, Object> problem(int status, String error, String message, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:motcua:problem:" + error.toLowerCase(Locale.ROOT).replace('_', '-'));
        HttpStatus known = HttpStatus.resolve(status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", message);
        String instance = instance();
        if (instance != null) body.put("instance", instance);
        body.put("error", error);
        body.put("message", message);
        if (extra != null) body.putAll(extra);
        return body;
    }

    /** As {@link #problem(int, String, String, Map)} for a request answered before Spring MVC (a filter): its path. */
    public static Map<String, Object> problem(jakarta.servlet.http.HttpServletRequest request, int status, String error,
                                              String message, Map<String, ?> extra) {
        Map<String, Object> problem = problem(status, error, message, extra);
        problem.putIfAbsent("instance", request.getRequestURI());
        return problem;
    }

    /** An error answer of a controller or an exception handler. */
    public static ResponseEntity<Map<String, Object>> entity(int status, String error, String message, Map<String, ?> extra) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status, error, message, extra));
    }

    /** The body of an error answer. */
    public static String body(int status, String error, String message) {
        return body(problem(status, error, message, null));
    }

    /** A problem written as JSON. */
    public static String body(Map<String, Object> problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (IOException e) {
            throw new IllegalStateException("an error body is always serialisable", e);
        }
    }

    /** Writes an error answer, replacing anything buffered but not yet sent. */
    public static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        write(response, problem(status, error, message, null));
    }

    /** Writes a problem (its {@code status} member is the answer's status), replacing anything buffered but not yet sent. */
    public static void write(HttpServletResponse response, Map<String, Object> problem) throws IOException {
        response.resetBuffer();
        response.setStatus((Integer) problem.get("status"));
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(problem));
        response.flushBuffer();
    }

    /** The path of the request being answered, when there is one. */
    private static String instance() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRequestURI() : null;
    }
}
