package vn.motcua.paperwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A flow of pages being written: a cursor moving down the page, text wrapped to a width and continued on a new page
 * when the page is full, rules, boxes and images. Positions are in points from the bottom-left corner, as in PDF;
 * {@link #y()} is the top of the next line.
 *
 * <p>Text is given as {@link Run}s. Lines break at spaces; a {@linkplain Run#kept kept} run (a name, a code, a
 * date) is never broken unless it is longer than a whole line, so that it reads, and extracts, in one piece. A line
 * feed inside a run ends the paragraph there.
 */
final class Sheet {

    /**
     * Line height as a multiple of the font size: between the single spacing and the 1.5 lines that Decree
     * 30/2020/NĐ-CP, Appendix I, allows for the body.
     */
    static final float LEADING = 1.38f;
    /**
     * From the top of a line to its baseline, as a multiple of the font size: Liberation Serif's ascender (1825/2048)
     * plus half the gap the leading leaves.
     */
    private static final float BASELINE = 1.03f;
    /** Justifying a line wider gaps than this many spaces looks broken; such a line is left-aligned instead. */
    private static final float MAX_JUSTIFY_GAP = 3f;
    private static final String BREAK_AFTER = "-/.,;:_";

    enum Style {
        REGULAR(false, false), BOLD(true, false), ITALIC(false, true), BOLD_ITALIC(true, true);

        final boolean bold;
        final boolean italic;

        Style(boolean bold, boolean italic) {
            this.bold = bold;
            this.italic = italic;
        }
    }

    enum Align { LEFT, CENTER, RIGHT, JUSTIFY }

    /** Text in one style; {@code kept} text is not broken across lines. */
    record Run(String text, Style style, boolean kept) {
        static Run text(String text) {
            return new Run(text, Style.REGULAR, false);
        }

        static Run bold(String text) {
            return new Run(text, Style.BOLD, false);
        }

        static Run italic(String text) {
            return new Run(text, Style.ITALIC, false);
        }

        static Run kept(String text) {
            return new Run(text, Style.REGULAR, true);
        }

        static Run keptBold(String text) {
            return new Run(text, Style.BOLD, true);
        }
    }

    /** Paper size and margins. */
    record PageFormat(PDRectangle size, float top, float right, float bottom, float left) {
        private static final float MM = 72f / 25.4f;

        /** A4 upright with the margins of Decree 30/2020/NĐ-CP: 20 mm top and bottom, 30 mm left, 15 mm right. */
        static PageFormat portrait() {
            return new PageFormat(PDRectangle.A4, 20 * MM, 15 * MM, 20 * MM, 30 * MM);
        }

        /** A4 on its side, for wide tables; the narrower left margin leaves room for the columns. */
        static PageFormat landscape() {
            return new PageFormat(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()),
                    15 * MM, 15 * MM, 15 * MM, 20 * MM);
        }
    }

    /**
     * A word (or kept run) placed on a line: its width, the width of a space in its style, and whether a space
     * precedes it.
     */
    record Piece(String text, Style style, float width, float spaceWidth, boolean spaceBefore) {
    }

    /**
     * One line of text. {@code last} marks the end of a paragraph: such a line is never justified.
     */
    record Line(List<Piece> pieces, float width, boolean last) {
    }

    private final PDDocument document;
    private final Typefaces fonts;
    private final PageFormat format;
    private final List<PDPage> pages = new ArrayList<>();
    /** The index of the first page of each section (a copy of a form); pages are numbered within their section. */
    private final List<Integer> sections = new ArrayList<>(List.of(0));
    private PDPageContentStream content;
    private float y;
    private float reservedWidth;
    private float reservedBottom = Float.NaN;

    Sheet(PDDocument document, Typefaces fonts, PageFormat format) {
        this.document = document;
        this.fonts = fonts;
        this.format = format;
        newPage();
    }

    // ---------------------------------------------------------------- geometry and cursor

    float left() {
        return format.left();
    }

    float right() {
        return format.size().getWidth() - format.right();
    }

    float width() {
        return right() - left();
    }

    float bottom() {
        return format.bottom();
    }

    /** The top of the writing area. */
    float top() {
        return format.size().getHeight() - format.top();
    }

    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void down(float amount) {
        y -= amount;
    }

    int pageCount() {
        return pages.size();
    }

    /** Whether a block of this height fits above the bottom margin. */
    boolean fits(float height) {
        return y - height >= bottom();
    }

    /** Starts a new page unless a block of this height fits on this one. */
    void ensure(float height) {
        if (!fits(height)) {
            newPage();
        }
    }

    /**
     * Leaves {@code space} before a block of {@code height} that must stay on one page (a signature block), or
     * starts a new page for it.
     */
    void keepTogether(float space, float height) {
        if (fits(space + height)) {
            down(space);
        } else {
            newPage();
        }
    }

    /** Starts a new section on a new page: another copy ("liên") of the form, numbered from 1 again. */
    void newSection() {
        newPage();
        sections.add(pages.size() - 1);
    }

    void newPage() {
        closeContent();
        PDPage page = new PDPage(format.size());
        document.addPage(page);
        pages.add(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = top();
        clearReservation();
    }

    /**
     * Keeps a strip on the right free (for an image) from the cursor down to {@code bottomY}: paragraphs flowing
     * beside it are narrowed.
     */
    void reserveRight(float stripWidth, float bottomY) {
        reservedWidth = stripWidth;
        reservedBottom = bottomY;
    }

    /** Ends the reserved strip, moving the cursor below it if it is still beside it. */
    void clearReservation() {
        if (!Float.isNaN(reservedBottom)) {
            y = Math.min(y, reservedBottom);
        }
        reservedWidth = 0;
        reservedBottom = Float.NaN;
    }

    private float reservedAt(float lineTop) {
        return !Float.isNaN(reservedBottom) && lineTop > reservedBottom ? reservedWidth : 0;
    }

    // ---------------------------------------------------------------- text

    static float leading(float size) {
        return size * LEADING;
    }

    /** The width of printable text. */
    float width(String text, Style style, float size) {
        try {
            return fonts.font(style).getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest size, at most {@code size}, at which the text fits the width on one line. */
    float fittingSize(String text, Style style, float size, float available) {
        String printable = fonts.printable(text);
        float natural = width(printable, style, size);
        return natural <= available ? size : size * available / natural;
    }

    /**
     * Flows a paragraph from the cursor, starting new pages as needed.
     *
     * @param firstIndent extra indent of the first line of the paragraph and of each one after a line feed
     * @param leftIndent  indent of every line (for hanging lists)
     */
    void paragraph(List<Run> runs, float size, Align align, float firstIndent, float leftIndent) {
        LineBreaker breaker = new LineBreaker(runs, size);
        float leading = leading(size);
        boolean startOfParagraph = true;
        while (breaker.hasNext()) {
            ensure(leading);
            float indent = leftIndent + (startOfParagraph ? firstIndent : 0);
            float available = width() - indent - reservedAt(y);
            Line line = breaker.next(available);
            drawLine(line, left() + indent, available, y, size, align);
            y -= leading;
            startOfParagraph = line.last();
        }
    }

    /** Breaks text into lines one at a time, each as wide as the caller needs (hanging indents). */
    LineBreaker breaker(List<Run> runs, float size) {
        return new LineBreaker(runs, size);
    }

    /** Wraps text to a fixed width, for blocks measured before they are drawn (columns, cells). */
    List<Line> wrap(List<Run> runs, float size, float available) {
        LineBreaker breaker = new LineBreaker(runs, size);
        List<Line> lines = new ArrayList<>();
        while (breaker.hasNext()) {
            lines.add(breaker.next(available));
        }
        return lines;
    }

    /** Draws one line whose top is at {@code lineTop}, within {@code [x, x + available]}. */
    void drawLine(Line line, float x, float available, float lineTop, float size, Align align) {
        float baseline = lineTop - size * BASELINE;
        float start = switch (align) {
            case CENTER -> x + (available - line.width()) / 2;
            case RIGHT -> x + available - line.width();
            case LEFT, JUSTIFY -> x;
        };
        float extra = 0;
        if (align == Align.JUSTIFY && !line.last()) {
            long gaps = line.pieces().stream().skip(1).filter(Piece::spaceBefore).count();
            if (gaps > 0) {
                extra = (available - line.width()) / gaps;
                float space = line.pieces().get(0).spaceWidth();
                if (extra > MAX_JUSTIFY_GAP * space) {
                    extra = 0;
                }
            }
        }
        if (extra == 0) {
            drawMerged(line, start, baseline, size);
        } else {
            float cursor = start;
            boolean first = true;
            for (Piece piece : line.pieces()) {
                if (piece.spaceBefore() && !first) {
                    cursor += piece.spaceWidth() + extra;
                }
                text(piece.text(), piece.style(), size, cursor, baseline);
                cursor += piece.width();
                first = false;
            }
        }
    }

    /** Draws a line as few strings as possible, so that its words keep their natural spaces. */
    private void drawMerged(Line line, float start, float baseline, float size) {
        float cursor = start;
        StringBuilder segment = new StringBuilder();
        Style style = null;
        float segmentStart = cursor;
        boolean first = true;
        for (Piece piece : line.pieces()) {
            boolean space = piece.spaceBefore() && !first;
            if (style != null && piece.style() != style) {
                text(segment.toString(), style, size, segmentStart, baseline);
                segment.setLength(0);
                if (space) {
                    cursor += piece.spaceWidth();
                    space = false;
                }
                segmentStart = cursor;
            }
            if (space) {
                segment.append(' ');
                cursor += piece.spaceWidth();
            }
            segment.append(piece.text());
            cursor += piece.width();
            style = piece.style();
            first = false;
        }
        if (style != null && !segment.isEmpty()) {
            text(segment.toString(), style, size, segmentStart, baseline);
        }
    }

    /** Draws printable text with its baseline at {@code baseline}. */
    void text(String text, Style style, float size, float x, float baseline) {
        PDType0Font font = fonts.font(style);
        try {
            content.beginText();
            content.setFont(font, size);
            content.setTextMatrix(new Matrix(1, 0, 0, 1, x, baseline));
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- graphics

    /** A horizontal rule. */
    void rule(float fromX, float toX, float atY, float lineWidth) {
        try {
            content.setLineWidth(lineWidth);
            content.moveTo(fromX, atY);
            content.lineTo(toX, atY);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outline of a box. */
    void box(float x, float bottomY, float boxWidth, float height, float lineWidth) {
        try {
            content.setLineWidth(lineWidth);
            content.addRect(x, bottomY, boxWidth, height);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void image(PDImageXObject image, float x, float bottomY, float imageWidth, float imageHeight) {
        try {
            content.drawImage(image, x, bottomY, imageWidth, imageHeight);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends the flow: closes the last page and numbers the pages of each section from its second one on, at the
     * top centre, as Decree 30/2020/NĐ-CP asks of multi-page documents.
     */
    void finish(float numberSize) {
        closeContent();
        for (int i = 1; i < pages.size(); i++) {
            int pageIndex = i;
            int start = sections.stream().filter(first -> first <= pageIndex).reduce((a, b) -> b).orElse(0);
            if (i == start) {
                continue;
            }
            PDPage page = pages.get(i);
            String number = String.valueOf(i - start + 1);
            float x = (left() + right() - width(number, Style.REGULAR, numberSize)) / 2;
            float baseline = page.getMediaBox().getHeight() - format.top() / 2 - numberSize / 3;
            try (PDPageContentStream stream = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream.beginText();
                stream.setFont(fonts.font(Style.REGULAR), numberSize);
                stream.newLineAtOffset(x, baseline);
                stream.showText(number);
                stream.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    // ---------------------------------------------------------------- line breaking

    /** A fragment of one style inside a box. */
    private record Part(String text, Style style) {
    }

    /**
     * Text that must stay together on a line: a word, a kept run, or several glued without a space between
     * ("Lệ" followed by ","). {@code spaceBefore} and {@code breakBefore} record what separated it from the box
     * before.
     */
    private static final class Box {
        final List<Part> parts = new ArrayList<>();
        boolean spaceBefore;
        boolean breakBefore;

        void append(String text, Style style) {
            if (!parts.isEmpty() && parts.get(parts.size() - 1).style() == style) {
                Part last = parts.remove(parts.size() - 1);
                parts.add(new Part(last.text() + text, style));
            } else {
                parts.add(new Part(text, style));
            }
        }
    }

    /** Greedy line breaking of runs into lines of the widths the caller asks for, one line at a time. */
    final class LineBreaker {
        private final List<Box> boxes;
        private final float size;
        private int index;

        LineBreaker(List<Run> runs, float size) {
            this.boxes = boxes(runs);
            this.size = size;
        }

        boolean hasNext() {
            return index < boxes.size();
        }

        Line next(float available) {
            List<Piece> pieces = new ArrayList<>();
            float used = 0;
            while (index < boxes.size()) {
                Box box = boxes.get(index);
                if (box.breakBefore && !pieces.isEmpty()) {
                    return new Line(pieces, used, true);
                }
                // A space is measured, and drawn, in the style of the word after it.
                float space = pieces.isEmpty() || !box.spaceBefore ? 0 : spaceWidth(box.parts.get(0).style());
                float boxWidth = boxWidth(box);
                if (used + space + boxWidth <= available) {
                    used = place(box, pieces, used, space);
                    index++;
                    continue;
                }
                if (!pieces.isEmpty()) {
                    return new Line(pieces, used, false);
                }
                // Alone and still too wide (a long code or address without spaces): split it.
                used = split(box, pieces, available);
                return new Line(pieces, used, false);
            }
            return new Line(pieces, used, true);
        }

        private float place(Box box, List<Piece> pieces, float used, float space) {
            boolean first = true;
            for (Part part : box.parts) {
                float partWidth = width(part.text(), part.style(), size);
                boolean spaceBefore = first && box.spaceBefore && !pieces.isEmpty();
                pieces.add(new Piece(part.text(), part.style(), partWidth, spaceWidth(part.style()), spaceBefore));
                used += (spaceBefore ? space : 0) + partWidth;
                first = false;
            }
            return used;
        }

        /** Places as much of a too-wide box as fits and leaves the rest as the next box. */
        private float split(Box box, List<Piece> pieces, float available) {
            float used = 0;
            Box rest = new Box();
            boolean overflowed = false;
            for (Part part : box.parts) {
                if (overflowed) {
                    rest.parts.add(part);
                    continue;
                }
                float partWidth = width(part.text(), part.style(), size);
                if (used + partWidth <= available) {
                    pieces.add(new Piece(part.text(), part.style(), partWidth, spaceWidth(part.style()), false));
                    used += partWidth;
                    continue;
                }
                int cut = cut(part, available - used, pieces.isEmpty());
                if (cut > 0) {
                    String head = part.text().substring(0, cut);
                    float headWidth = width(head, part.style(), size);
                    pieces.add(new Piece(head, part.style(), headWidth, spaceWidth(part.style()), false));
                    used += headWidth;
                }
                if (cut < part.text().length()) {
                    rest.parts.add(new Part(part.text().substring(cut), part.style()));
                }
                overflowed = true;
            }
            if (rest.parts.isEmpty()) {
                index++;
            } else {
                boxes.set(index, rest);
            }
            return used;
        }

        /**
         * Where to cut a part so that the head fits: after the last break character ("-", "/", "."...) that fits,
         * else at the last character that fits; at least one character on an empty line, so that lines progress.
         */
        private int cut(Part part, float available, boolean lineEmpty) {
            String text = part.text();
            int fit = 0;
            int offset = 0;
            while (offset < text.length()) {
                int next = offset + Character.charCount(text.codePointAt(offset));
                if (width(text.substring(0, next), part.style(), size) > available) {
                    break;
                }
                offset = next;
                fit = offset;
            }
            if (fit == 0) {
                return lineEmpty ? Character.charCount(text.codePointAt(0)) : 0;
            }
            for (int i = fit; i > fit / 2; i--) {
                if (BREAK_AFTER.indexOf(text.charAt(i - 1)) >= 0) {
                    return i;
                }
            }
            return fit;
        }

        private float boxWidth(Box box) {
            float total = 0;
            for (Part part : box.parts) {
                total += width(part.text(), part.style(), size);
            }
            return total;
        }

        private float spaceWidth(Style style) {
            return width(" ", style, size);
        }
    }

    private List<Box> boxes(List<Run> runs) {
        List<Box> boxes = new ArrayList<>();
        Box current = null;
        boolean space = false;
        boolean lineBreak = false;
        for (Run run : runs) {
            if (run.text() == null || run.text().isEmpty()) {
                continue;
            }
            String text = fonts.printable(run.text());
            List<String> chunks = run.kept() ? keptChunks(text) : looseChunks(text);
            for (String chunk : chunks) {
                if (chunk.equals("\n")) {
                    current = null;
                    lineBreak = !boxes.isEmpty();
                    space = false;
                } else if (chunk.equals(" ")) {
                    current = null;
                    space = true;
                } else {
                    if (current == null) {
                        current = new Box();
                        current.spaceBefore = space;
                        current.breakBefore = lineBreak;
                        boxes.add(current);
                        space = false;
                        lineBreak = false;
                    }
                    current.append(chunk, run.style());
                }
            }
        }
        return boxes;
    }

    /** Words, single spaces and line feeds. */
    private static List<String> looseChunks(String text) {
        List<String> chunks = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                if (!word.isEmpty()) {
                    chunks.add(word.toString());
                    word.setLength(0);
                }
                chunks.add(String.valueOf(c));
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            chunks.add(word.toString());
        }
        return chunks;
    }

    /** A kept run as one word, its outer spaces and line feeds still separating it from its neighbours. */
    private static List<String> keptChunks(String text) {
        List<String> chunks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                chunks.add("\n");
            }
            String line = lines[i];
            String inner = line.strip().replaceAll(" {2,}", " ");
            if (line.startsWith(" ")) {
                chunks.add(" ");
            }
            if (!inner.isEmpty()) {
                chunks.add(inner);
            }
            if (line.endsWith(" ") && !inner.isEmpty()) {
                chunks.add(" ");
            }
        }
        return chunks;
    }
}
