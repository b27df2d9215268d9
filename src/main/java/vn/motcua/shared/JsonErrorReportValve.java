package vn.motcua.shared;

import java.io.IOException;
import java.io.Writer;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report as JSON ({@link ErrorJson}): what the servlet container answers itself, when no part of the
 * application wrote an answer (a request line or headers too long, a malformed request line, an error before the
 * application's error page), without server information or stack trace. Worded from the {@code i18n/messages}
 * bundles (Vietnamese unless the request's Accept-Language asks for English), read here directly because Tomcat may
 * report before the application has a request to work with.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        Locale locale = english(request) ? Locale.ENGLISH : Messages.VIETNAMESE;
        String body = switch (status) {
            case 400 -> ErrorJson.body(400, "BAD_REQUEST", text(locale, "error.request.malformed"));
            case 404 -> ErrorJson.body(404, "NOT_FOUND", text(locale, "error.request.status", status));
            default -> status >= 500 ? ErrorJson.body(status, "INTERNAL_ERROR", text(locale, "error.unexpected"))
                    : ErrorJson.body(status, "HTTP_" + status, text(locale, "error.request.status", status));
        };
        try {
            response.setContentType(ErrorJson.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) writer.write(body);
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer was already sent: nothing more to say
        }
    }

    private static boolean english(Request request) {
        try {
            String accepted = request.getHeader("Accept-Language");
            return accepted != null && accepted.trim().toLowerCase(Locale.ROOT).startsWith("en");
        } catch (RuntimeException headersUnreadable) {
            return false;
        }
    }

    private static String text(Locale locale, String key, Object... args) {
        try {
            var bundle = ResourceBundle.getBundle("i18n/messages", locale, JsonErrorReportValve.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
