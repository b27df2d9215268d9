package vn.motcua.forms;

import java.util.List;
import java.util.Locale;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML for the text component, by commonmark-java: CommonMark (headings, paragraphs, line breaks,
 * emphasis, code, links, images, lists, block quotes, rules) with GitHub's strike-through ({@code ~~text~~}; a single
 * tilde stays a tilde, as in "8~10 ngày") and tables.
 *
 * <p>Raw HTML in the source is escaped, shown as text, never interpreted; a link or image whose target is not http(s),
 * mailto, tel or relative keeps only its text. The output still goes through {@link SafeHtml#sanitize(String)}: this
 * class only has to be correct, the sanitiser makes it safe. (The Vaadin Markdown component renders in the browser,
 * where the server cannot vouch for the result.)
 */
final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(
            StrikethroughExtension.builder().requireTwoTildes(true).build(), TablesExtension.create());
    /** Both are immutable and thread-safe. */
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    private Markdown() {
    }

    /** The HTML for a Markdown text; empty for null. */
    static String toHtml(String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        Node document = PARSER.parse(source);
        document.accept(new UnsafeTargets());
        return RENDERER.render(document).strip();
    }

    /** Replaces each link or image with an unsafe target by its text (an image's text is its description). */
    private static final class UnsafeTargets extends AbstractVisitor {
        @Override
        public void visit(Link link) {
            visitChildren(link);
            if (!isSafeUrl(link.getDestination())) {
                unwrap(link);
            }
        }

        @Override
        public void visit(Image image) {
            visitChildren(image);
            if (!isSafeUrl(image.getDestination())) {
                unwrap(image);
            }
        }

        private static void unwrap(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                node.insertBefore(child);
                child = next;
            }
            node.unlink();
        }
    }

    /** http(s), mailto and tel links, and relative ones; never javascript:, data: and the like. */
    static boolean isSafeUrl(String url) {
        String trimmed = url.trim();
        int colon = trimmed.indexOf(':');
        int delimiter = firstIndexOf(trimmed, '/', '?', '#');
        if (colon < 0 || (delimiter >= 0 && delimiter < colon)) {
            return !trimmed.isEmpty();
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto") || scheme.equals("tel");
    }

    private static int firstIndexOf(String text, char... chars) {
        int best = -1;
        for (char c : chars) {
            int index = text.indexOf(c);
            if (index >= 0 && (best < 0 || index < best)) {
                best = index;
            }
        }
        return best;
    }

    /**
     * Backslash-escapes Markdown syntax in a value inserted into a Markdown template, so that a citizen's
     * data shows as typed and cannot turn into a link or a heading in an officer's view.
     */
    static String escapeMarkdown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_{}[]()#+-.!~<>|&\"'".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }

    /** HTML-escapes text for element content and attribute values. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
