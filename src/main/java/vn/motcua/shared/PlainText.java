package vn.motcua.shared;

import java.text.Normalizer;

/**
 * Text as MotCua stores it: Unicode NFC (a Vietnamese letter typed as a base letter and combining marks is stored as
 * the one composed character, so that lists, searches and printed documents match however it was typed), outer
 * white space removed, and no control character: NUL, ESC, BEL, DEL and the like would be stored as they are and
 * printed into the official documents. A single-line field (a name, an address, an identity number) holds no line
 * break either, since a line break in it would print as a forged line of the document; a multi-line field (a
 * reason, an opinion) keeps its line breaks as LF. A tab counts as a space.
 */
public final class PlainText {

    /** What is wrong with a text. */
    public enum Problem {
        /** A control character other than a tab or a line break. */
        CONTROL,
        /** A line break in a single-line field. */
        LINE_BREAK
    }

    private PlainText() { }

    /**
     * The problem of a text once its outer white space is removed, or null when it has none (also for null). Line
     * breaks are CR, LF, NEL and the Unicode line and paragraph separators.
     */
    public static Problem problem(String text, boolean multiLine) {
        if (text == null) return null;
        String inner = text.strip();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (isLineBreak(c)) {
                if (!multiLine) return Problem.LINE_BREAK;
            } else if (c != '\t' && Character.isISOControl(c)) {
                return Problem.CONTROL;
            }
        }
        return null;
    }

    /** True when the text has no {@link #problem}. */
    public static boolean clean(String text, boolean multiLine) {
        return problem(text, multiLine) == null;
    }

    /**
     * The text to store: NFC, outer white space removed, line breaks as LF (multi-line) and tabs as spaces
     * (single-line); null stays null. Meant for text without a {@link #problem}.
     */
    public static String normalize(String text, boolean multiLine) {
        if (text == null) return null;
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        return multiLine ? lineFeeds(composed) : composed.replace('\t', ' ');
    }

    /** Every line break (CR LF, CR, NEL, line and paragraph separators) as one LF. */
    public static String lineFeeds(String text) {
        if (text == null) return null;
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u0085', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n');
    }

    /** True for no text or only white space. */
    public static boolean blank(String text) { return text == null || text.isBlank(); }

    /** NFC only, for search queries and other text compared with stored text. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * One line of text for a single-line place of a printed document: every line break and control character (also
     * in text stored before they were refused) becomes a space.
     */
    public static String oneLine(String text) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isLineBreak(c) || Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().strip().replaceAll(" {2,}", " ");
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
