package vn.motcua.attachment.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.motcua.shared.TextSearch;

/**
 * Text as the search index holds it: folded with {@link TextSearch#fold} (no diacritics, đ → d, lower case), every
 * character that is not a letter or digit turned into a space, words separated by one space, a space at both ends
 * (" giay chung nhan "). A query word matches a word of the text that starts with it, on PostgreSQL (full-text
 * prefix match) and on H2 (LIKE '% word%') alike. Folding keeps, for each character, where it came from, so that a
 * snippet of the original text can be cut around a match.
 */
public final class SearchText {
    /** Characters of a text the index reads (PostgreSQL full-text vectors are limited to 1 MB). */
    public static final int INDEXED_CHARS = 200_000;
    private static final int MAX_WORDS = 10;
    private static final int MAX_WORD = 64;
    private static final String[] FOLDED = new String[65536];

    private SearchText() { }

    /** The folded form of a text, as stored in the index. */
    public static String fold(String text) {
        return folded(text).text();
    }

    /** The distinct folded words of a query (at most ten, each at most 64 characters). */
    public static List<String> words(String query) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : fold(query).trim().split(" ")) {
            if (w.isEmpty()) continue;
            words.add(w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w);
            if (words.size() == MAX_WORDS) break;
        }
        return new ArrayList<>(words);
    }

    /** How many of the query words start a word of the text. */
    public static int matches(String text, List<String> words) {
        String folded = fold(text);
        int n = 0;
        for (String w : words) if (folded.contains(" " + w)) n++;
        return n;
    }

    /**
     * A piece of the original text around the first match of any word (about {@code width} characters, "…" where
     * cut), or the text's beginning when nothing matches.
     */
    public static String snippet(String text, List<String> words, int width) {
        if (text == null || text.isEmpty()) return "";
        Folded f = folded(text);
        int first = -1;
        for (String w : words) {
            int at = f.text().indexOf(" " + w);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        int origin = first < 0 ? 0 : f.origin(first + 1);
        int start = Math.max(0, origin - width / 3);
        while (start > 0 && start < origin && !Character.isWhitespace(text.charAt(start - 1))) start++;
        int end = Math.min(text.length(), start + width);
        while (end < text.length() && end > origin && !Character.isWhitespace(text.charAt(end))) end--;
        if (end <= start) end = Math.min(text.length(), start + width);
        String piece = text.substring(start, end).replaceAll("\\s+", " ").strip();
        return (start > 0 ? "…" : "") + piece + (end < text.length() ? "…" : "");
    }

    static Folded folded(String text) {
        String source = text == null ? "" : text;
        var out = new StringBuilder(source.length() + 2);
        var origin = new int[source.length() + 2];
        out.append(' ');
        origin[0] = 0;
        for (int i = 0; i < source.length(); i++) {
            String piece = foldChar(source.charAt(i));
            for (int k = 0; k < piece.length(); k++) {
                char c = piece.charAt(k);
                if (c == ' ' && out.charAt(out.length() - 1) == ' ') continue;
                if (out.length() >= origin.length) origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                origin[out.length()] = i;
                out.append(c);
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            if (out.length() >= origin.length) origin = java.util.Arrays.copyOf(origin, origin.length + 1);
            origin[out.length()] = source.length();
            out.append(' ');
        }
        return new Folded(out.toString(), origin);
    }

    private static String foldChar(char c) {
        if (c < 128) {
            if (c >= 'A' && c <= 'Z') return String.valueOf((char) (c + 32));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return String.valueOf(c);
            return " ";
        }
        if (Character.isSurrogate(c)) return " ";
        String cached = FOLDED[c];
        if (cached == null) {
            var b = new StringBuilder();
            for (char f : TextSearch.fold(String.valueOf(c)).toCharArray()) {
                b.append(Character.isLetterOrDigit(f) ? Character.toLowerCase(f) : ' ');
            }
            cached = b.toString();
            FOLDED[c] = cached;
        }
        return cached;
    }

    /** Folded text and, for each of its characters, the index of the original character it came from. */
    record Folded(String text, int[] origins) {
        int origin(int index) { return origins[Math.min(index, text.length() - 1)]; }
    }
}
