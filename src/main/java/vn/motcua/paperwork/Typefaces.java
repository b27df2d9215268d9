package vn.motcua.paperwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import vn.motcua.paperwork.Sheet.Style;

/**
 * The four faces of one document: Liberation Serif regular, bold, italic and bold italic, embedded as subsets.
 * Decree 30/2020/NĐ-CP (Appendix I) asks for a Unicode Times New Roman; Liberation Serif has Times New Roman's
 * metrics (every letter as wide), is free, and comes from Debian's packages, never from a download:
 * {@code fonts-liberation2} (Debian 12, {@value #DEBIAN_12}) or {@code fonts-liberation} 2.x (Debian 13, Ubuntu
 * 24.04, {@value #DEBIAN_13}). The older {@code fonts-liberation} 1.07 of Debian 12 lacks most Vietnamese letters
 * (ơ, ư, ạ, ế...); a face that lacks them is refused, so the documents never print "?" for a Vietnamese letter.
 *
 * <p>A server without the fonts fails loudly: rendering throws {@link IllegalStateException} naming the package to
 * install (and the directories searched), rather than printing in some other font.
 *
 * <p>Parsing a face is most of the cost of embedding it (its tables, character map, metrics): a face parsed for one
 * document is lent to the next once the first is saved ({@link #close()}), never to two documents at a time (a parsed
 * face reads its file as it goes and is not safe for concurrent use). A few spare ones per face are kept
 * ({@value #SPARES_PER_FACE}, as many as documents are usually drawn at once on a node); beyond that, one is
 * parsed for the document and closed after.
 */
final class Typefaces implements AutoCloseable {

    /** Where Debian 12's {@code fonts-liberation2} puts the files. */
    static final String DEBIAN_12 = "/usr/share/fonts/truetype/liberation2";
    /** Where {@code fonts-liberation} 2.x (Debian 13, Ubuntu 24.04) puts them. */
    static final String DEBIAN_13 = "/usr/share/fonts/truetype/liberation";
    static final List<Path> DIRECTORIES = List.of(Path.of(DEBIAN_12), Path.of(DEBIAN_13));
    /** The PostScript name of the regular face, as the PDF's font dictionary names it (after the subset tag). */
    static final String FAMILY = "LiberationSerif";

    /** Letters a Vietnamese text cannot do without; a face lacking one of them is not used. */
    private static final String VIETNAMESE = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƠƯỰ";

    private static final Map<Style, String> FILES = Map.of(
            Style.REGULAR, "LiberationSerif-Regular.ttf",
            Style.BOLD, "LiberationSerif-Bold.ttf",
            Style.ITALIC, "LiberationSerif-Italic.ttf",
            Style.BOLD_ITALIC, "LiberationSerif-BoldItalic.ttf");

    private static final Map<Style, byte[]> CACHE = new ConcurrentHashMap<>();

    /** Printed instead of a character the font has no glyph for (emoji, rare scripts). */
    private static final int REPLACEMENT = '?';

    /** Each face's character map, read once per process: which characters the face can draw. */
    private static final Map<Style, CmapLookup> CMAPS = new ConcurrentHashMap<>();

    /** Parsed faces kept for the next documents, at most this many per face. */
    static final int SPARES_PER_FACE = 4;
    private static final Map<Style, ConcurrentLinkedDeque<TrueTypeFont>> SPARES = new EnumMap<>(Map.of(
            Style.REGULAR, new ConcurrentLinkedDeque<>(), Style.BOLD, new ConcurrentLinkedDeque<>(),
            Style.ITALIC, new ConcurrentLinkedDeque<>(), Style.BOLD_ITALIC, new ConcurrentLinkedDeque<>()));

    private final PDDocument document;
    private final Map<Style, PDType0Font> fonts = new EnumMap<>(Style.class);
    /** The parsed faces this document uses, given back when it has been saved. */
    private final Map<Style, TrueTypeFont> lent = new EnumMap<>(Style.class);
    private final List<CmapLookup> cmaps;

    private Typefaces(PDDocument document, List<CmapLookup> cmaps) {
        this.document = document;
        this.cmaps = cmaps;
    }

    /**
     * The four faces for a document; each is embedded in it the first time the document uses it (a face a document
     * never uses is not embedded). Close it once the document is saved (the subsets are written then), before or
     * after the document itself.
     *
     * @throws IllegalStateException if a face is missing or lacks Vietnamese letters
     */
    static Typefaces load(PDDocument document) {
        List<CmapLookup> cmaps = new java.util.ArrayList<>();
        for (Style style : Style.values()) {
            cmaps.add(CMAPS.computeIfAbsent(style, Typefaces::cmap));
        }
        return new Typefaces(document, cmaps);
    }

    PDType0Font font(Style style) {
        return fonts.computeIfAbsent(style, this::embed);
    }

    private PDType0Font embed(Style style) {
        try {
            TrueTypeFont font = SPARES.get(style).pollFirst();
            if (font == null) font = parse(style);
            // The subset is written when the document is saved, so the parsed font stays this document's until then
            lent.put(style, font);
            return PDType0Font.load(document, font, true);
        } catch (IOException e) {
            throw new UncheckedIOException("the Liberation Serif fonts cannot be read", e);
        }
    }

    /** A face parsed for drawing. */
    private static TrueTypeFont parse(Style style) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file(style)));
        // Glyph substitution off: the text is composed to NFC and drawn with the face's precomposed letters,
        // one glyph per character (Liberation Serif's only Latin substitutions are glyph compositions,
        // subscripts and superscripts, which composed text never asks for). With it on, PDFBox rewrites
        // every string shown through its substitution rules, compiling patterns each time: a sixth of the
        // processor's time in a busy node's receipts and results went there.
        font.setEnableGsub(false);
        return font;
    }

    /** Gives the parsed faces back for the next documents (or closes those beyond the spares kept). */
    @Override
    public void close() {
        lent.forEach((style, font) -> {
            var spares = SPARES.get(style);
            if (spares.size() < SPARES_PER_FACE) {
                spares.offerFirst(font);
            } else {
                try {
                    font.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        lent.clear();
    }

    /** How many parsed faces wait for a document, per face (for tests). */
    static int spares(Style style) {
        return SPARES.get(style).size();
    }

    /**
     * A face's character map. Parsing reads the whole map into memory, so it outlives the parse and is then only
     * read, by any thread.
     */
    private static CmapLookup cmap(Style style) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file(style)))) {
            return font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("the Liberation Serif fonts cannot be read", e);
        }
    }

    /**
     * Text made safe to print: composed to NFC (input typed with combining accents prints with the font's
     * precomposed Vietnamese letters), tabs and other whitespace as spaces, other control characters dropped, and
     * characters that some face cannot draw replaced by "?" instead of failing the whole document.
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
            } else if (cmaps.stream().anyMatch(cmap -> cmap.getGlyphId(cp) == 0)) {
                out.appendCodePoint(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A face's file, read once and checked for Vietnamese; a failure is not cached, so it is reported again. */
    private static byte[] file(Style style) {
        return CACHE.computeIfAbsent(style, Typefaces::read);
    }

    private static byte[] read(Style style) {
        return find(FILES.get(style), DIRECTORIES);
    }

    /**
     * The first file of that name, in the directories in order, that has the Vietnamese letters.
     *
     * @throws IllegalStateException naming the Debian package to install when none has
     */
    static byte[] find(String name, List<Path> directories) {
        for (Path directory : directories) {
            Path path = directory.resolve(name);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(path);
                if (coversVietnamese(bytes)) {
                    return bytes;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("font " + path + " cannot be read", e);
            }
        }
        throw new IllegalStateException("font " + name + " with Vietnamese letters is missing: install Debian's"
                + " package fonts-liberation2 (Debian 12) or fonts-liberation 2.x (Debian 13, Ubuntu 24.04);"
                + " searched " + directories);
    }

    private static boolean coversVietnamese(byte[] bytes) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            return VIETNAMESE.codePoints().allMatch(cp -> cmap.getGlyphId(cp) != 0);
        }
    }
}
