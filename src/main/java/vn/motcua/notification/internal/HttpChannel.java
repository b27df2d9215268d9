package vn.motcua.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.notification.NotificationChannel;

/**
 * SMS or Zalo through a provider's HTTP API (provider {@code http}): one POST per message to
 * {@code motcua.notifications.<sms|zalo>.http.url}, its body written from {@code .http.body} with the placeholders
 * {@code {to}} (the phone number), {@code {text}}, {@code {subject}}, {@code {dossier}} and {@code {template}} — escaped
 * for JSON when the content type ({@code .http.content-type}) is JSON, URL-encoded when it is a form — and, when set,
 * the header {@code Authorization: <.http.authorization>}. An answer 2xx is a message sent; any other answer, or no
 * answer within {@code .http.timeout}, is a failure the outbox retries. Neither the number nor the text reaches the
 * log or the error kept with the message, nor does the provider's answer (it may repeat them).
 */
class HttpChannel implements NotificationChannel {
    static final String PROVIDER = "http";
    static final String DEFAULT_BODY = "{\"to\":\"{to}\",\"text\":\"{text}\",\"reference\":\"{dossier}\"}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(to|text|subject|dossier|template)}");

    /** What the settings say of one channel's HTTP provider. */
    record Settings(String url, String body, String contentType, String authorization, Duration timeout) {
        Settings {
            url = url == null ? "" : url.trim();
            body = body == null || body.isBlank() ? DEFAULT_BODY : body;
            contentType = contentType == null || contentType.isBlank() ? "application/json" : contentType.trim();
            authorization = authorization == null ? "" : authorization.trim();
            timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(10) : timeout;
        }
    }

    private final Kind kind;
    private final Settings settings;
    private final HttpClient client;

    HttpChannel(Kind kind, Settings settings) {
        this.kind = kind;
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Kind kind() { return kind; }

    @Override
    public String provider() { return PROVIDER; }

    @Override
    public String unavailableReason() {
        String setting = "motcua.notifications." + kind.name().toLowerCase(Locale.ROOT) + ".http.url";
        if (settings.url().isEmpty()) return setting + " is not set";
        try {
            URI uri = URI.create(settings.url());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) return setting + " is not an http(s) address";
        } catch (IllegalArgumentException e) {
            return setting + " is not an address";
        }
        return null;
    }

    @Override
    public void send(Message message) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(settings.url())).timeout(settings.timeout())
                .header("Content-Type", settings.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8));
        if (!settings.authorization().isEmpty()) request.header("Authorization", settings.authorization());
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the " + kind + " provider answered HTTP " + response.statusCode());
        }
    }

    /** The request's body: the template with each placeholder's value escaped for the content type. */
    String body(Message message) {
        Map<String, String> values = Map.of("to", nz(message.to()), "text", nz(message.body()),
                "subject", nz(message.subject()), "dossier", nz(message.dossierCode()), "template", nz(message.template()));
        boolean json = settings.contentType().toLowerCase(Locale.ROOT).contains("json");
        boolean form = settings.contentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        Matcher m = PLACEHOLDER.matcher(settings.body());
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            String escaped = json ? json(value) : form ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
            m.appendReplacement(out, Matcher.quoteReplacement(escaped));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A JSON string's content (without the quotes), escaped by Jackson. */
    private static String json(String value) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(value));
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
