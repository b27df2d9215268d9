package vn.motcua;

import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server running inside the tests (GreenMail), on a free port of 127.0.0.1 taken when first asked, and the
 * application's mail sender pointed at it (as {@code spring.mail.host}/{@code port} would): every {@link MotCuaTest}
 * shares it with the application, in one context (a second context would install a second security-context
 * strategy). Tests read the e-mails the applicant receives from {@link #server()}, and may stop it and start it again
 * on the same port ({@link #restart()}) to play an outage.
 */
public final class InTestSmtp {
    private static GreenMail server;
    private static int port;

    private InTestSmtp() { }

    /** The running server (started on first use). */
    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            port = server.getSmtp().getPort();
        }
        return server;
    }

    /** Stops the server: the application's SMTP is down until {@link #restart()}. */
    public static synchronized void stop() {
        server().stop();
        server = null;
    }

    /** Starts the server again on the same port, with an empty mailbox. */
    public static synchronized GreenMail restart() {
        if (server != null) server.stop();
        server = null;
        return server();
    }

    static synchronized int port() {
        server();
        return port;
    }

    /** The application's mail sender, on the in-test server. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        JavaMailSender inTestMailSender() {
            var sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(port());
            sender.setDefaultEncoding("UTF-8");
            var properties = new Properties();
            properties.setProperty("mail.smtp.connectiontimeout", "2000");
            properties.setProperty("mail.smtp.timeout", "2000");
            sender.setJavaMailProperties(properties);
            return sender;
        }
    }
}
