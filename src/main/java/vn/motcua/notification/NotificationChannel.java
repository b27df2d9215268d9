package vn.motcua.notification;

/**
 * One way of reaching an applicant (e-mail, SMS, Zalo) through one provider. Every Spring bean implementing it is a
 * provider; for each channel the one named by the settings sends ({@code motcua.notifications.sms.provider},
 * {@code motcua.notifications.zalo.provider}; e-mail always goes through SMTP).
 */
public interface NotificationChannel {

    /** The channels an applicant can be reached by. */
    enum Kind {
        EMAIL, SMS, ZALO;

        public String messageKey() { return "notification.channel." + name(); }
    }

    /** The channel this provider sends by. */
    Kind kind();

    /** The provider's name, as the settings give it ({@code logging}, {@code smtp}, ...). */
    String provider();

    /**
     * Why this provider cannot send at all now (e.g. no SMTP server configured), in English for the log; null when it
     * can. Messages for an unavailable channel are recorded as not sent, with this reason.
     */
    default String unavailableReason() { return null; }

    /**
     * Sends one message; throws when it was not delivered (the sender retries it later). Must not log the recipient
     * nor the text (personal data).
     */
    void send(Message message) throws Exception;

    /**
     * A message to one recipient: an e-mail address or a phone number. Personal data: never logged, hence the masked
     * {@link #toString()}.
     */
    record Message(String to, String subject, String body, String dossierCode, String template) {
        @Override
        public String toString() { return "Message[" + template + ", " + dossierCode + ", ***]"; }
    }

    /** A phone number for logs and screens: only its last three digits. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) return "";
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 3) return "***";
        return "*".repeat(digits.length() - 3) + digits.substring(digits.length() - 3);
    }
}
