package vn.motcua.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.notification.NotificationChannel;

/**
 * The default provider of SMS and Zalo: writes one line to the log instead of sending, with the phone number masked
 * and neither the name nor the text (personal data). For a province without an SMS or Zalo contract, and for demos.
 */
class LoggingChannel implements NotificationChannel {
    static final String PROVIDER = "logging";
    private static final Logger log = LoggerFactory.getLogger(LoggingChannel.class);

    private final Kind kind;

    LoggingChannel(Kind kind) { this.kind = kind; }

    @Override
    public Kind kind() { return kind; }

    @Override
    public String provider() { return PROVIDER; }

    @Override
    public void send(Message message) {
        log.info("{} to {} (logging provider, not sent): template {}, dossier {}, {} characters", kind,
                NotificationChannel.maskPhone(message.to()), message.template(), message.dossierCode(),
                message.body() == null ? 0 : message.body().length());
    }
}
