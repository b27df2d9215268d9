package vn.motcua.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON shape of every error of the API, {@code {"status": 404, "error": "NOT_FOUND", "message": "..."}}, for the
 * answers written outside Spring MVC's controllers (a rejected address, an unknown path, the servlet container's
 * own refusals); {@link ApiExceptionHandler} gives the same shape to the controllers' errors.
 */
public final class ErrorJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorJson() { }

    /** The body of an error answer. */
    public static String body(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("an error body is always serialisable", e);
        }
    }

    /** Writes an error answer, replacing anything buffered but not yet sent. */
    public static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(status, error, message));
        response.flushBuffer();
    }
}
