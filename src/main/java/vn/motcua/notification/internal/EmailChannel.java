package vn.motcua.notification.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.motcua.notification.NotificationChannel;

/**
 * E-mail through the SMTP server of Spring's {@code spring.mail.*} settings, as UTF-8 plain text. Without
 * {@code spring.mail.host} Spring Boot makes no mail sender and the channel is off.
 */
@Component
class EmailChannel implements NotificationChannel {
    static final String PROVIDER = "smtp";

    private final ObjectProvider<JavaMailSender> sender;
    private final NotificationSettings settings;

    EmailChannel(ObjectProvider<JavaMailSender> sender, NotificationSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public Kind kind() { return Kind.EMAIL; }

    @Override
    public String provider() { return PROVIDER; }

    @Override
    public String unavailableReason() {
        return sender.getIfAvailable() == null ? "no SMTP server configured (spring.mail.host)" : null;
    }

    @Override
    public void send(Message message) throws Exception {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) throw new IllegalStateException(unavailableReason());
        MimeMessage mime = mail.createMimeMessage();
        var helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(message.to());
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        mail.send(mime);
    }
}
