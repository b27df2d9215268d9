package vn.motcua.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import vn.motcua.notification.TemplateKey;
import vn.motcua.notification.TemplateText;

/**
 * The notification templates: Vietnamese and English defaults from {@code notification/templates_vi.properties} and
 * {@code notification/templates.properties} (keys {@code RECEIVED.subject}, {@code RECEIVED.body}, ...), each
 * replaced by an administrator's text when there is one. Placeholders are written {@code {code}}; only those of
 * {@link #PLACEHOLDERS} exist.
 */
@Component
public class Templates {
    /** The languages a template is written in: Vietnamese first. */
    public static final List<String> LANGUAGES = List.of("vi", "en");

    /** The placeholders a template may use, in the order the administrators' screen lists them. */
    public static final List<String> PLACEHOLDERS = List.of("code", "procedure", "applicant", "unit", "appointmentDate",
            "newDate", "reason", "status", "trackingKey");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final Map<String, Properties> defaults;
    private final NotificationRepository repository;

    Templates(NotificationRepository repository) {
        this.repository = repository;
        this.defaults = Map.of("vi", load("notification/templates_vi.properties"), "en", load("notification/templates.properties"));
        for (String language : LANGUAGES) {
            for (TemplateKey key : TemplateKey.values()) {
                var d = defaults.get(language);
                for (String part : List.of(key.name() + ".subject", key.name() + ".body")) {
                    String text = d.getProperty(part);
                    if (text == null || text.isBlank()) throw new IllegalStateException("no default template " + part + " (" + language + ")");
                    if (!unknownPlaceholders(text).isEmpty()) {
                        throw new IllegalStateException("default template " + part + " (" + language + ") uses " + unknownPlaceholders(text));
                    }
                }
            }
        }
    }

    private static Properties load(String resource) {
        var properties = new Properties();
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Every template in every language, as it is used now. */
    public List<TemplateText> all() {
        var stored = repository.templates();
        var result = new ArrayList<TemplateText>();
        for (TemplateKey key : TemplateKey.values()) {
            for (String language : LANGUAGES) {
                var custom = stored.stream().filter(t -> t.key() == key && t.language().equals(language)).findFirst();
                result.add(custom.map(t -> new TemplateText(key, language, t.subject(), t.body(), true, t.updatedAt(), t.updatedBy(), PLACEHOLDERS))
                        .orElseGet(() -> byDefault(key, language)));
            }
        }
        return result;
    }

    /** A template as it is used now. */
    public TemplateText text(TemplateKey key, String language) {
        return all().stream().filter(t -> t.key() == key && t.language().equals(language)).findFirst().orElseThrow();
    }

    /** The default text of a template. */
    public TemplateText byDefault(TemplateKey key, String language) {
        var d = defaults.get(language);
        return new TemplateText(key, language, d.getProperty(key.name() + ".subject"), d.getProperty(key.name() + ".body"),
                false, null, null, PLACEHOLDERS);
    }

    /** The placeholders of a text that do not exist, in the order they appear. */
    public static List<String> unknownPlaceholders(String text) {
        var unknown = new LinkedHashSet<String>();
        if (text == null) return List.of();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) unknown.add("{" + m.group(1) + "}");
        }
        return List.copyOf(unknown);
    }

    /** The text with its placeholders replaced by the values (an absent value: empty). */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) return "";
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = PLACEHOLDERS.contains(name) ? values.getOrDefault(name, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
