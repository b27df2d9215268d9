package vn.motcua.attachment.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * File names as users give them, made safe to store and show: the last path segment only, in NFC (Vietnamese
 * letters kept), without control or format characters (a right-to-left override can make "exe.pdf" read as
 * "fdp.exe"), without characters file systems or headers reserve, without leading or trailing dots and spaces, at
 * most 200 characters with the extension kept, never a Windows device name, never empty. Storage never uses the
 * name: content is addressed by its hash.
 */
public final class FileNames {
    /** The name given to a file whose name has nothing left. */
    public static final String FALLBACK = "tep-dinh-kem";
    private static final int MAX_LENGTH = 200;
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FileNames() { }

    public static String sanitize(String name) {
        if (name == null) return FALLBACK;
        String last = name;
        int slash = Math.max(last.lastIndexOf('/'), last.lastIndexOf('\\'));
        if (slash >= 0) last = last.substring(slash + 1);
        last = Normalizer.normalize(last, Normalizer.Form.NFC);
        var clean = new StringBuilder(last.length());
        last.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) return;
            if ("<>:\"/\\|?*".indexOf(cp) >= 0) {
                clean.append('_');
                return;
            }
            clean.appendCodePoint(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp);
        });
        String result = clean.toString().replaceAll(" {2,}", " ");
        result = strip(result);
        if (result.length() > MAX_LENGTH) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
            result = strip(cut(result, MAX_LENGTH - extension.length())) + extension;
        }
        if (result.isEmpty()) return FALLBACK;
        int dot = result.indexOf('.');
        String stem = (dot < 0 ? result : result.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (DEVICES.contains(stem)) result = "_" + result;
        return result;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) start++;
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) end--;
        return s.substring(start, end);
    }

    /** At most {@code length} UTF-16 units without splitting a surrogate pair. */
    private static String cut(String s, int length) {
        if (s.length() <= length) return s;
        int end = Character.isHighSurrogate(s.charAt(length - 1)) ? length - 1 : length;
        return s.substring(0, end);
    }
}
