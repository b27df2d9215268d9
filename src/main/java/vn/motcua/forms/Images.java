package vn.motcua.forms;

import java.util.regex.Pattern;

/**
 * Which image and document addresses a form may show: {@code data:} URIs of raster images (never SVG, which can carry
 * script) and paths of this site. Anything else would be refused by the pages' Content-Security-Policy
 * ({@code img-src 'self' data:}) or would send the user's browser elsewhere.
 */
final class Images {
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]+");
    private static final Pattern SITE_PATH = Pattern.compile("/(?![/\\\\])[^\\s\"'<>\\\\]*");
    /** The longest data URI shown (about 1.5 MB of image). */
    static final int MAX_DATA_URI = 2_000_000;

    private Images() { }

    /** True for a raster-image data URI or a path of this site. */
    static boolean allowed(String source) {
        if (source == null) return false;
        String s = source.strip();
        if (s.startsWith("data:")) return s.length() <= MAX_DATA_URI && DATA_IMAGE.matcher(s).matches();
        return sitePath(s);
    }

    /** True for a path of this site ({@code /api/...}), never another site's address ({@code //host}). */
    static boolean sitePath(String source) {
        return source != null && SITE_PATH.matcher(source.strip()).matches();
    }
}
