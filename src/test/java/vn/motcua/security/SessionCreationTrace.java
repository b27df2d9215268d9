package vn.motcua.security;

import java.io.PrintWriter;
import java.io.StringWriter;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.stereotype.Component;

/** Where the last HTTP session was created (a test's explanation when a call that should keep none made one). */
@Component
public class SessionCreationTrace implements HttpSessionListener {
    private static volatile String last = "";

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        var text = new StringWriter();
        new Throwable("session created").printStackTrace(new PrintWriter(text));
        last = text.toString();
    }

    public static String last() { return last; }
}
