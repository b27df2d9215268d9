package vn.motcua.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese text folded for search: no diacritics, đ → d, lower case ("Giấy chứng nhận" → "giay chung nhan"). */
public final class TextSearch {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextSearch() { }

    public static String fold(String text) {
        if (text == null) return "";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** True when every word of the query occurs in the text, ignoring diacritics and case. */
    public static boolean matches(String text, String query) {
        String haystack = fold(text);
        for (String word : fold(query).trim().split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) return false;
        }
        return true;
    }
}
