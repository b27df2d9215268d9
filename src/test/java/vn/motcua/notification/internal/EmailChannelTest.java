package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import vn.motcua.notification.NotificationChannel;

/**
 * Without {@code spring.mail.host} Spring Boot makes no mail sender: the e-mail channel is then off and says why, so
 * that its messages are recorded as not sent (SKIPPED_CHANNEL_OFF) with that reason, and the application still starts.
 */
class EmailChannelTest {

    @Test
    void withoutAnSmtpServerTheEmailChannelIsOffAndSaysWhy() {
        var settings = new NotificationSettings(true, "", 5, Duration.ofMinutes(1), Duration.ofSeconds(15), "", null);
        var channel = new EmailChannel(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), settings);
        assertThat(channel.kind()).isEqualTo(NotificationChannel.Kind.EMAIL);
        assertThat(channel.unavailableReason()).contains("spring.mail.host");
        assertThatThrownBy(() -> channel.send(new NotificationChannel.Message("a@b.vn", "s", "b", "X", "RECEIVED")))
                .hasMessageContaining("spring.mail.host");
        // blank settings fall back to their defaults
        assertThat(settings.from()).isEqualTo("no-reply@motcua.local");
        assertThat(settings.provider(NotificationChannel.Kind.SMS)).isEqualTo("logging");
        assertThat(settings.provider(NotificationChannel.Kind.ZALO)).isEqualTo("logging");
    }
}
