package vn.motcua.attachment.internal;

import java.util.Arrays;
import java.util.List;

import vn.motcua.catalogue.DossierComponent;

/**
 * Which dossier component a file looks like, from its name and the beginning of its text: a component is suggested
 * when a run of consecutive words of its name (the part before any parenthesis or comma, e.g. "Giấy chứng sinh",
 * "Tờ khai đăng ký khai sinh") appears in the file, at least two words and at least half of the name; the longest
 * share wins. Vietnamese or English names, with or without diacritics.
 */
public final class ComponentSuggester {
    /** Characters of text looked at: titles are at the top. */
    static final int HEAD = 20_000;

    private ComponentSuggester() { }

    /** The code of the component the file looks like, or null. */
    public static String suggest(List<DossierComponent> components, String fileName, String title, String text) {
        String head = text == null ? "" : text.length() > HEAD ? text.substring(0, HEAD) : text;
        String haystack = SearchText.fold((fileName == null ? "" : fileName) + " \n " + (title == null ? "" : title) + " \n " + head);
        String best = null;
        double bestScore = 0;
        int bestRun = 0;
        for (DossierComponent c : components) {
            for (String name : List.of(c.name().vi(), c.name().en() == null ? "" : c.name().en())) {
                String[] words = SearchText.fold(lead(name)).trim().split(" ");
                if (words.length < 2 || words[0].isEmpty()) continue;
                int run = longestRun(words, haystack);
                double score = (double) run / words.length;
                if (run >= 2 && score >= 0.5 && (score > bestScore || (score == bestScore && run > bestRun))) {
                    best = c.code();
                    bestScore = score;
                    bestRun = run;
                }
            }
        }
        return best;
    }

    private static String lead(String name) {
        int cut = name.length();
        for (char stop : new char[] {'(', ',', ';'}) {
            int at = name.indexOf(stop);
            if (at > 0) cut = Math.min(cut, at);
        }
        return name.substring(0, cut);
    }

    /** The most consecutive words of the name found together in the text. */
    private static int longestRun(String[] words, String haystack) {
        for (int length = words.length; length >= 2; length--) {
            for (int start = 0; start + length <= words.length; start++) {
                String phrase = " " + String.join(" ", Arrays.copyOfRange(words, start, start + length)) + " ";
                if (haystack.contains(phrase)) return length;
            }
        }
        return 0;
    }
}
