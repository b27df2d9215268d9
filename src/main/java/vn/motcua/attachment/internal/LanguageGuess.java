package vn.motcua.attachment.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The language of an extracted text, guessed from its letters: Vietnamese when enough of them carry Vietnamese
 * diacritics, English when the letters are plain and common English words are frequent; otherwise unknown. A
 * deliberate heuristic (Tika's standard package ships no language detector): the two languages the province's
 * documents are written in are told apart reliably, anything else is left unknown rather than guessed.
 */
final class LanguageGuess {
    private static final String VIETNAMESE_LETTERS =
            "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "in", "is", "for", "that", "with",
            "on", "this", "be", "are", "by", "as", "an", "or", "it");
    private static final int SAMPLE = 20_000;

    private LanguageGuess() { }

    /** "vi", "en", or null when unknown. */
    static String of(String text) {
        if (text == null) return null;
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        int letters = 0;
        int ascii = 0;
        int vietnamese = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (!Character.isLetter(c)) continue;
            letters++;
            if (c < 128) ascii++;
            else if (VIETNAMESE_LETTERS.indexOf(Character.toLowerCase(c)) >= 0) vietnamese++;
        }
        if (letters < 20) return null;
        if (vietnamese * 100 >= letters * 4) return "vi";
        if (ascii * 100 >= letters * 95) {
            String[] words = sample.toLowerCase(Locale.ROOT).split("[^a-z]+");
            int total = 0;
            int common = 0;
            for (String w : words) {
                if (w.isEmpty()) continue;
                total++;
                if (ENGLISH_WORDS.contains(w)) common++;
            }
            if (total > 0 && common * 100 >= total * 5) return "en";
        }
        return null;
    }

    /** A document's declared language (e.g. "vi-VN") reduced to its primary tag, or null. */
    static String declared(String value) {
        if (value == null || value.isBlank()) return null;
        String tag = value.trim().replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
        return tag.matches("[a-z]{2,3}") ? tag : null;
    }
}
