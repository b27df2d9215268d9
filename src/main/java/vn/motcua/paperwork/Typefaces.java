package vn.motcua.paperwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two faces of one document: DejaVu Sans regular and bold, shipped in {@code paperwork/fonts} (licence next
 * to them) and embedded as subsets, so that every Vietnamese letter prints and the PDF looks the same everywhere.
 * Italic is drawn by slanting these faces (see {@link Sheet}), which keeps the application to two font files.
 */
final class Typefaces {

    static final String REGULAR_RESOURCE = "/paperwork/fonts/DejaVuSans.ttf";
    static final String BOLD_RESOURCE = "/paperwork/fonts/DejaVuSans-Bold.ttf";

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    /** Printed instead of a character the font has no glyph for (emoji, rare scripts). */
    private static final int REPLACEMENT = '?';

    private final PDType0Font regular;
    private final PDType0Font bold;
    private final CmapLookup regularCmap;
    private final CmapLookup boldCmap;

    private Typefaces(PDType0Font regular, PDType0Font bold, CmapLookup regularCmap, CmapLookup boldCmap) {
        this.regular = regular;
        this.bold = bold;
        this.regularCmap = regularCmap;
        this.boldCmap = boldCmap;
    }

    /** Loads both faces into a document; the document closes them. */
    static Typefaces load(PDDocument document) {
        try {
            TrueTypeFont regular = parse(document, file(REGULAR_RESOURCE));
            TrueTypeFont bold = parse(document, file(BOLD_RESOURCE));
            return new Typefaces(PDType0Font.load(document, regular, true), PDType0Font.load(document, bold, true),
                    regular.getUnicodeCmapLookup(), bold.getUnicodeCmapLookup());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded DejaVu fonts cannot be read", e);
        }
    }

    PDType0Font font(boolean isBold) {
        return isBold ? bold : regular;
    }

    /**
     * Text made safe to print: composed to NFC (input typed with combining accents prints with the font's
     * precomposed Vietnamese letters), tabs and other whitespace as spaces, other control characters dropped, and
     * characters that neither face can draw replaced by "?" instead of failing the whole document.
     * Line feeds are kept: callers use them as paragraph breaks.
     */
    String printable(String text) {
        String composed = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (regularCmap.getGlyphId(cp) == 0 || boldCmap.getGlyphId(cp) == 0) {
                out.appendCodePoint(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static TrueTypeFont parse(PDDocument document, byte[] file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
        // The subset is written when the document is saved, so the parsed font must live as long as the document.
        document.registerTrueTypeFontForClosing(font);
        return font;
    }

    /**
     * A font file, read from the classpath once: parsing is per document, reading the jar is not. A failed read is
     * not cached, so the error is reported again, clearly, on the next attempt.
     */
    private static byte[] file(String resource) {
        return FILES.computeIfAbsent(resource, Typefaces::read);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Typefaces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("font " + resource + " cannot be read", e);
        }
    }
}
