package vn.motcua.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to HTML for the text component: the CommonMark constructs form designers use (headings,
 * paragraphs, line breaks, emphasis, strong, strike-through, inline and fenced code, links, bullet and
 * numbered lists, nested by indentation, block quotes, rules).
 *
 * <p>Raw HTML in the source is escaped, not interpreted, and links are kept only for http(s), mailto, tel
 * and relative targets. The output still goes through {@link SafeHtml#sanitize(String)}; this class only
 * has to be correct, the sanitiser makes it safe. (No Markdown library is on the classpath, and the Vaadin
 * Markdown component renders in the browser, where the server cannot vouch for the result.)
 */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}> ?(.*)$");
    private static final Pattern ITEM = Pattern.compile("^( {0,3})([-*+]|(\\d{1,9})[.)])([ \\t]+(.*)|[ \\t]*$)");

    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
    private static final Pattern BACKSLASH_ESCAPE = Pattern.compile("\\\\([!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~])");
    /** [label](url "title"); the URL may contain balanced parentheses, as CommonMark allows. */
    private static final Pattern LINK = Pattern.compile(
            "\\[([^\\]]+)]\\(\\s*((?:[^\\s()]|\\([^\\s()]*\\))+)(?:\\s+&quot;(.*?)&quot;)?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("&lt;((?:https?|mailto):[^\\s&]+)&gt;");
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    private static final Pattern STRONG_STARS = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*", FLAGS);
    private static final Pattern STRONG_UNDERSCORES = Pattern.compile("(?<!\\w)__(?=\\S)(.+?)(?<=\\S)__(?!\\w)", FLAGS);
    private static final Pattern EM_STAR = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*", FLAGS);
    private static final Pattern EM_UNDERSCORE = Pattern.compile("(?<!\\w)_(?=\\S)(.+?)(?<=\\S)_(?!\\w)", FLAGS);
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~", FLAGS);
    private static final Pattern HARD_BREAK = Pattern.compile("(?: {2,}|\\\\)\n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\u0000(\\d+)\u0000");

    private Markdown() {
    }

    /** The HTML for a Markdown text; empty for null. */
    static String toHtml(String source) {
        if (source == null || source.isEmpty()) {
            return "";
        }
        // NUL marks placeholders below; it has no business in a form text anyway.
        String normalized = source.replace("\u0000", "").replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
        StringBuilder out = new StringBuilder();
        blocks(Arrays.asList(normalized.split("\n", -1)), out);
        return out.toString();
    }

    private static void blocks(List<String> lines, StringBuilder out) {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (fence.find()) {
                i = codeBlock(lines, i, fence.group(1), out);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                int level = heading.group(1).length();
                String text = heading.group(2) == null ? "" : heading.group(2);
                out.append("<h").append(level).append('>').append(inline(text)).append("</h").append(level).append('>');
                i++;
                continue;
            }
            if (RULE.matcher(line).matches()) {
                out.append("<hr>");
                i++;
                continue;
            }
            if (QUOTE.matcher(line).matches()) {
                i = quote(lines, i, out);
                continue;
            }
            if (ITEM.matcher(line).matches()) {
                i = list(lines, i, out);
                continue;
            }
            i = paragraph(lines, i, out);
        }
    }

    private static int codeBlock(List<String> lines, int start, String marker, StringBuilder out) {
        List<String> code = new ArrayList<>();
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).strip().startsWith(marker)) {
            code.add(lines.get(i));
            i++;
        }
        out.append("<pre><code>").append(escape(String.join("\n", code))).append("</code></pre>");
        return Math.min(i + 1, lines.size());
    }

    private static int quote(List<String> lines, int start, StringBuilder out) {
        List<String> inner = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            Matcher m = QUOTE.matcher(lines.get(i));
            if (!m.matches()) {
                break;
            }
            inner.add(m.group(1));
            i++;
        }
        out.append("<blockquote>");
        blocks(inner, out);
        out.append("</blockquote>");
        return i;
    }

    private static int list(List<String> lines, int start, StringBuilder out) {
        Matcher first = ITEM.matcher(lines.get(start));
        first.matches();
        boolean ordered = first.group(3) != null;
        int baseIndent = first.group(1).length();
        if (ordered) {
            int number = Integer.parseInt(first.group(3));
            out.append(number == 1 ? "<ol>" : "<ol start=\"" + number + "\">");
        } else {
            out.append("<ul>");
        }
        int i = start;
        while (i < lines.size()) {
            Matcher m = ITEM.matcher(lines.get(i));
            if (!m.matches() || m.group(1).length() != baseIndent || (m.group(3) != null) != ordered) {
                break;
            }
            int contentIndent = m.group(0).length() - (m.group(5) == null ? 0 : m.group(5).length());
            List<String> item = new ArrayList<>();
            item.add(m.group(5) == null ? "" : m.group(5));
            i++;
            while (i < lines.size()) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    // A blank line continues the item only if indented content follows.
                    if (i + 1 < lines.size() && indentOf(lines.get(i + 1)) >= contentIndent
                            && !lines.get(i + 1).isBlank()) {
                        item.add("");
                        i++;
                        continue;
                    }
                    break;
                }
                if (indentOf(line) >= contentIndent) {
                    item.add(line.substring(Math.min(contentIndent, line.length())));
                } else if (ITEM.matcher(line).matches() || startsBlock(line)) {
                    break;
                } else {
                    item.add(line.strip()); // lazy continuation of the item's paragraph
                }
                i++;
            }
            StringBuilder content = new StringBuilder();
            blocks(item, content);
            out.append("<li>").append(tight(content.toString())).append("</li>");
            // Items of one list may be separated by a single blank line.
            if (i < lines.size() && lines.get(i).isBlank() && i + 1 < lines.size()) {
                Matcher next = ITEM.matcher(lines.get(i + 1));
                if (next.matches() && next.group(1).length() == baseIndent && (next.group(3) != null) == ordered) {
                    i++;
                }
            }
        }
        out.append(ordered ? "</ol>" : "</ul>");
        return i;
    }

    /** A list item made of one paragraph (and perhaps a nested list) shows without paragraph margins. */
    private static String tight(String html) {
        if (html.startsWith("<p>")) {
            int end = html.indexOf("</p>");
            if (end > 0 && html.indexOf("<p>", end) < 0) {
                return html.substring(3, end) + html.substring(end + 4);
            }
        }
        return html;
    }

    private static int paragraph(List<String> lines, int start, StringBuilder out) {
        List<String> text = new ArrayList<>();
        int i = start;
        while (i < lines.size() && !lines.get(i).isBlank() && (i == start || !startsBlock(lines.get(i)))) {
            text.add(i == start ? lines.get(i).stripLeading() : lines.get(i));
            i++;
        }
        String joined = String.join("\n", text).stripTrailing();
        out.append("<p>").append(inline(joined)).append("</p>");
        return i;
    }

    private static boolean startsBlock(String line) {
        return FENCE.matcher(line).find() || HEADING.matcher(line).matches() || RULE.matcher(line).matches()
                || QUOTE.matcher(line).matches() || ITEM.matcher(line).matches();
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** Inline Markdown of a (possibly multi-line) text; raw HTML is escaped. */
    static String inline(String text) {
        List<String> stash = new ArrayList<>();
        String result = replace(CODE_SPAN, text, m -> stash(stash, "<code>" + escape(m.group(2).strip()) + "</code>"));
        result = replace(BACKSLASH_ESCAPE, result, m -> stash(stash, escape(m.group(1))));
        result = escape(result);
        result = replace(LINK, result, m -> link(stash, m.group(2), m.group(1)));
        result = replace(AUTOLINK, result, m -> link(stash, m.group(1), m.group(1)));
        result = replace(STRONG_STARS, result, m -> "<strong>" + m.group(1) + "</strong>");
        result = replace(STRONG_UNDERSCORES, result, m -> "<strong>" + m.group(1) + "</strong>");
        result = replace(EM_STAR, result, m -> "<em>" + m.group(1) + "</em>");
        result = replace(EM_UNDERSCORE, result, m -> "<em>" + m.group(1) + "</em>");
        result = replace(STRIKE, result, m -> "<del>" + m.group(1) + "</del>");
        result = HARD_BREAK.matcher(result).replaceAll("<br>\n");
        // Placeholders may nest (a code span inside a link label), so restore until none is left.
        String previous;
        do {
            previous = result;
            result = replace(PLACEHOLDER, result, m -> stash.get(Integer.parseInt(m.group(1))));
        } while (!result.equals(previous));
        return result;
    }

    private static String link(List<String> stash, String escapedUrl, String label) {
        String url = unescape(escapedUrl);
        if (!isSafeUrl(url)) {
            return label;
        }
        return stash(stash, "<a href=\"" + escape(url) + "\">") + label + stash(stash, "</a>");
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

    private static String stash(List<String> stash, String html) {
        stash.add(html);
        return "\u0000" + (stash.size() - 1) + "\u0000";
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
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

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
