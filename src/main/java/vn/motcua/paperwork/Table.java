package vn.motcua.paperwork;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.paperwork.Sheet.Align;
import vn.motcua.paperwork.Sheet.Line;
import vn.motcua.paperwork.Sheet.Run;
import vn.motcua.paperwork.Sheet.Style;

/**
 * A ruled table flowing down the sheet. Its header is drawn again at the top of every page the table continues on;
 * a row that does not fit the rest of a page moves to the next one whole, and only a row taller than a whole page
 * is split.
 */
final class Table {

    private static final float PAD_X = 3f;
    private static final float PAD_Y = 2.5f;
    private static final float RULE = 0.6f;

    /**
     * A column: its header, its share of the table width, how its cells align, and whether its text sits at the
     * bottom of the row (a signer's name under the room left to sign).
     */
    record Column(String header, float weight, Align align, boolean bottom) {
        Column(String header, float weight, Align align) {
            this(header, weight, align, false);
        }
    }

    private final Sheet sheet;
    private final List<Column> columns;
    private final float[] widths;
    private final float size;
    private final float leading;
    private final boolean numbered;
    private int headerPage = -1;
    private int linesPerFreshPage;

    /**
     * @param numbered whether the header has a second row numbering the columns "(1)", "(2)"..., as registers do
     */
    Table(Sheet sheet, List<Column> columns, float size, boolean numbered) {
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        this.size = size;
        this.leading = Sheet.leading(size);
        this.numbered = numbered;
        float total = (float) columns.stream().mapToDouble(Column::weight).sum();
        this.widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = sheet.width() * columns.get(i).weight() / total;
        }
        // Nothing flows beside a table.
        sheet.clearReservation();
    }

    /** Adds a row of plain cells; a line feed in a cell starts a new line in it. */
    void row(List<String> cells) {
        row(cells, 1);
    }

    /**
     * Adds a row at least {@code minLines} lines high (room to sign in it); a line feed in a cell starts a new line
     * in it.
     */
    void row(List<String> cells, int minLines) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells for " + columns.size()
                    + " columns");
        }
        List<List<Line>> lines = new ArrayList<>();
        int height = Math.max(1, minLines);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            List<Line> cellLines = sheet.wrap(List.of(Run.text(cell)), size, widths[i] - 2 * PAD_X);
            lines.add(cellLines);
            height = Math.max(height, cellLines.size());
        }
        int done = 0;
        while (done < height) {
            if (headerPage != sheet.pageCount()) {
                header(Math.min(height - done, 2));
            }
            int fitting = (int) Math.floor((sheet.y() - sheet.bottom() - 2 * PAD_Y) / leading);
            int remaining = height - done;
            boolean fitsFreshPage = remaining <= linesPerFreshPage();
            if (fitting < 1 || (fitting < remaining && fitsFreshPage)) {
                sheet.newPage();
                continue;
            }
            int count = Math.min(fitting, remaining);
            drawFragment(lines, done, count, false);
            done += count;
        }
    }

    /** A row spanning all columns, e.g. "no dossier in this period". */
    void fullWidthRow(String text) {
        List<Line> lines = sheet.wrap(List.of(Run.italic(text)), size, sheet.width() - 2 * PAD_X);
        float height = lines.size() * leading + 2 * PAD_Y;
        if (headerPage == sheet.pageCount() && !sheet.fits(height)) {
            sheet.newPage();
        }
        if (headerPage != sheet.pageCount()) {
            header(lines.size());
        }
        float top = sheet.y();
        sheet.box(sheet.left(), top - height, sheet.width(), height, RULE);
        for (int i = 0; i < lines.size(); i++) {
            sheet.drawLine(lines.get(i), sheet.left() + PAD_X, sheet.width() - 2 * PAD_X, top - PAD_Y - i * leading,
                    size, Align.CENTER);
        }
        sheet.down(height);
    }

    /** Draws the header, first moving to a new page unless it fits here with the next rows' first lines. */
    private void header(int followingLines) {
        List<List<Line>> labels = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < columns.size(); i++) {
            List<Line> lines = sheet.wrap(List.of(Run.bold(columns.get(i).header())), size, widths[i] - 2 * PAD_X);
            labels.add(lines);
            height = Math.max(height, lines.size());
        }
        float needed = headerHeight(height) + followingLines * leading + 2 * PAD_Y;
        if (!sheet.fits(needed) && sheet.y() < sheet.top()) {
            sheet.newPage();
        }
        drawFragment(labels, 0, height, true);
        if (numbered) {
            List<List<Line>> numbers = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                numbers.add(sheet.wrap(List.of(new Run("(" + (i + 1) + ")", Style.ITALIC, true)), size,
                        widths[i] - 2 * PAD_X));
            }
            drawFragment(numbers, 0, 1, true);
        }
        headerPage = sheet.pageCount();
    }

    private float headerHeight(int labelLines) {
        float height = labelLines * leading + 2 * PAD_Y;
        return numbered ? height + leading + 2 * PAD_Y : height;
    }

    /** How many body lines a page holds under the header, the test for splitting a row. */
    private int linesPerFreshPage() {
        if (linesPerFreshPage > 0) {
            return linesPerFreshPage;
        }
        int labelLines = 1;
        for (int i = 0; i < columns.size(); i++) {
            labelLines = Math.max(labelLines,
                    sheet.wrap(List.of(Run.bold(columns.get(i).header())), size, widths[i] - 2 * PAD_X).size());
        }
        float available = sheet.top() - sheet.bottom() - headerHeight(labelLines) - 2 * PAD_Y;
        linesPerFreshPage = Math.max(1, (int) Math.floor(available / leading));
        return linesPerFreshPage;
    }

    /** Draws lines {@code [from, from + count)} of each cell as one band of ruled cells, then moves below it. */
    private void drawFragment(List<List<Line>> cells, int from, int count, boolean header) {
        float top = sheet.y();
        float height = count * leading + 2 * PAD_Y;
        float x = sheet.left();
        for (int i = 0; i < cells.size(); i++) {
            sheet.box(x, top - height, widths[i], height, RULE);
            List<Line> lines = cells.get(i);
            int shown = Math.max(0, Math.min(count, lines.size() - from));
            // Header labels are centred vertically; body cells start at the top, as in a register, except a
            // bottom-aligned cell of a row drawn whole.
            float offset = header ? (count - shown) * leading / 2
                    : columns.get(i).bottom() && from == 0 && lines.size() <= count ? (count - shown) * leading : 0;
            Align align = header ? Align.CENTER : columns.get(i).align();
            for (int line = 0; line < shown; line++) {
                sheet.drawLine(lines.get(from + line), x + PAD_X, widths[i] - 2 * PAD_X,
                        top - PAD_Y - offset - line * leading, size, align);
            }
            x += widths[i];
        }
        sheet.down(height);
    }
}
