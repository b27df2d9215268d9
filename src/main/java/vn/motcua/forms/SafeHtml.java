package vn.motcua.forms;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Texts of form components made ready for display: templates filled in from the data, Markdown turned into
 * HTML ({@link Markdown}, commonmark-java), and every piece of HTML cleaned by jsoup (the sanitiser Vaadin itself
 * ships) before it reaches an {@link com.vaadin.flow.component.Html} component. Form files are uploaded by
 * administrators, but their templates insert citizens' data, so nothing is trusted.
 */
final class SafeHtml {


    /**
     * Formatting, lists, tables (with Markdown's column alignment), links and images over http(s) only; no scripts,
     * styles, event handlers, frames or forms. Links open in a new tab so that following a help link never loses a
     * half-filled form.
     */
    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addProtocols("a", "href", "tel")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank")
            .addTags("hr", "del", "s")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .preserveRelativeLinks(true);

    private static final String RELATIVE_BASE = "https://motcua.invalid/";

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private SafeHtml() {
    }

    /** The HTML with everything outside the safe list removed. */
    static String sanitize(String html) {
        // jsoup checks link protocols on resolved URLs: a base lets relative links pass (they are kept as written).
        return Jsoup.clean(html == null ? "" : html, RELATIVE_BASE, SAFELIST, OUTPUT);
    }

    /** Markdown rendered and sanitised. */
    static String markdown(String source) {
        return sanitize(Markdown.toHtml(source));
    }

    /**
     * Fills in a form-js text: a FEEL expression ({@code =...}) gives the whole text, markup included (the
     * designer wrote it; the result is still sanitised); otherwise the template's placeholders and blocks
     * ({@link Template}) are filled, each inserted value escaped so that data shows as typed and never becomes markup.
     *
     * @param template  the text as written in the form, may be null
     * @param variables the FEEL variables of the component's scope
     * @param evaluator evaluates a FEEL expression against variables
     * @param escape    applied to every value inserted into a placeholder (Markdown or HTML escaping)
     * @return the text, empty for null
     */
    static String fill(String template, Map<String, Object> variables, BiFunction<String, Map<String, Object>, Object> evaluator,
                       Function<String, String> escape) {
        if (template == null) {
            return "";
        }
        if (Feel.isExpression(template)) {
            return Values.toText(evaluator.apply(template, variables));
        }
        return Template.fill(template, variables, evaluator, escape);
    }

    /** A plain text (label, description, adorner) filled in from the data. */
    static String text(String template, Map<String, Object> variables, BiFunction<String, Map<String, Object>, Object> evaluator) {
        return fill(template, variables, evaluator, Function.identity());
    }

    /** True when the text depends on the data and must be refreshed when the data changes. */
    static boolean isDynamic(String template) {
        return template != null && (Feel.isExpression(template) || template.contains("{{"));
    }

    /** Escapes text for inclusion in HTML. */
    static String escape(String text) {
        return Markdown.escape(text);
    }
}
