package vn.motcua.paperwork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.paperwork.Sheet.Align;
import vn.motcua.paperwork.Sheet.Line;
import vn.motcua.paperwork.Sheet.Run;
import vn.motcua.paperwork.Sheet.Style;

/**
 * The parts every administrative document shares, laid out after Decree 30/2020/NĐ-CP and the templates of
 * Circular 03/2025/TT-VPCP: the letterhead (issuing authority on the left, national motto on the right, number and
 * place-date line below), the title, body lines and paragraphs, the signature blocks and "Nơi nhận". All wording
 * comes from the bundle.
 */
final class Composer {

    // Sizes in points, from Decree 30/2020/NĐ-CP, Appendix I, part II (presentation of an administrative document,
    // in Times New Roman, here its metric twin Liberation Serif): each the smallest size the rule allows unless said.

    /** The national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": capitals, 12 to 13, upright, bold. */
    static final float NATIONAL_TITLE = 12f;
    /** The motto "Độc lập - Tự do - Hạnh phúc": 13 to 14, upright, bold, a full-length rule under it. */
    static final float MOTTO = 13f;
    /** The issuing body and the authority above it: capitals, 12 to 13, upright, the issuing body bold. */
    static final float AUTHORITY = 12f;
    /** "Số: ...": 13, upright. */
    static final float NUMBER = 13f;
    /** Place and date: 13 to 14, italic. */
    static final float PLACE_DATE = 13f;
    /** The document's name: capitals, 13 to 14, upright, bold (14, as the templates print it). */
    static final float TITLE = 14f;
    /** The body, and "Kính gửi": 13 to 14, upright. */
    static final float BODY = 13f;
    /** The signer's capacity, position and name: 13 to 14, upright, bold. */
    static final float SIGNER = 13f;
    /** "Nơi nhận:": 12, italic, bold. */
    private static final float RECIPIENTS_HEADING = 12f;
    /** The recipients listed under it: 11, upright. */
    private static final float RECIPIENTS = 11f;
    /** The page number, from the second page on: 13 to 14, upright. */
    static final float PAGE_NUMBER = 13f;
    /**
     * Hints the templates print in parentheses ("(Ký và ghi rõ họ tên)"), the tracking note and the QR caption: the
     * decree sets no size for them; one size smaller than the recipients keeps them apart from the body.
     */
    static final float NOTE = 11f;
    /** First-line indent of prose paragraphs, about 1 cm. */
    private static final float INDENT = 28f;
    /** Space after a paragraph of prose: Decree 30/2020/NĐ-CP asks for at least 6 pt. */
    private static final float PARAGRAPH_SPACE = 6f;
    /** The hanging indent of numbered items. */
    private static final float HANG = 18f;
    /** Room left blank above a signer's name for the signature and seal. */
    private static final float SIGNING_SPACE = 64f;
    private static final float RULE = 0.6f;
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    /** A signature block: its title lines (bold capitals), an optional hint in italics, and the signer's name. */
    record Signature(List<String> titles, String hint, String name) {
    }

    private final Sheet sheet;
    private final PaperworkMessages messages;
    private final VietnameseDates dates;

    Composer(Sheet sheet, PaperworkMessages messages, VietnameseDates dates) {
        this.sheet = sheet;
        this.messages = messages;
        this.dates = dates;
    }

    Sheet sheet() {
        return sheet;
    }

    VietnameseDates dates() {
        return dates;
    }

    String message(String key, Object... args) {
        return messages.get(key, args);
    }

    /**
     * A message as runs: the pattern's words may wrap, each argument is placed as given — a {@link Run} as is, any
     * other value as kept text (names, codes and dates must not break across lines).
     */
    List<Run> phrase(String key, Object... args) {
        String pattern = messages.get(key);
        List<Run> runs = new ArrayList<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        int from = 0;
        while (matcher.find()) {
            if (matcher.start() > from) {
                runs.add(Run.text(pattern.substring(from, matcher.start())));
            }
            Object arg = args[Integer.parseInt(matcher.group(1))];
            runs.add(arg instanceof Run run ? run : Run.kept(String.valueOf(arg)));
            from = matcher.end();
        }
        if (from < pattern.length()) {
            runs.add(Run.text(pattern.substring(from)));
        }
        return runs;
    }

    // ---------------------------------------------------------------- letterhead and title

    /**
     * The letterhead after Decree 30/2020/NĐ-CP: on the left the body above (capitals, upright) and the issuing
     * body (capitals, bold) with a short rule under it, a third of its width; on the right the national title and
     * the motto with a rule as long as the motto; then the number under the left block and the place and date
     * under the right one, on one line. Names too long for the column wrap at their size rather than shrink below
     * it.
     *
     * @param above    the body above the issuing one, in regular capitals; null or blank for none
     * @param issuer   the issuing body, in bold capitals
     * @param place    the place name of the date line
     * @param numbered whether the document has a number line
     * @param number   the text after "Số:", null for a blank to fill in by hand
     */
    void letterhead(String above, String issuer, String place, Instant issuedAt, boolean numbered, String number) {
        float top = sheet.y();
        float leftWidth = sheet.width() * (sheet.width() > 600 ? 0.38f : 0.45f);
        float leftX = sheet.left();
        float rightX = leftX + leftWidth;
        float rightWidth = sheet.width() - leftWidth;

        float leftBottom = top;
        if (above != null && !above.isBlank()) {
            leftBottom = centred(upper(above), Style.REGULAR, AUTHORITY, leftX, leftWidth, leftBottom);
        }
        String name = upper(issuer);
        float nameWidth = Math.min(leftWidth, sheet.width(name, Style.BOLD, AUTHORITY));
        leftBottom = centred(name, Style.BOLD, AUTHORITY, leftX, leftWidth, leftBottom);
        float unitRule = leftBottom - 1;
        sheet.rule(leftX + (leftWidth - nameWidth / 3) / 2, leftX + (leftWidth + nameWidth / 3) / 2, unitRule, RULE);

        String country = message("paperwork.motto.country");
        String slogan = message("paperwork.motto.slogan");
        float rightBottom = centred(country, Style.BOLD, NATIONAL_TITLE, rightX, rightWidth, top);
        rightBottom = centred(slogan, Style.BOLD, MOTTO, rightX, rightWidth, rightBottom);
        float sloganWidth = sheet.width(slogan, Style.BOLD, MOTTO);
        float sloganRule = rightBottom - 1;
        sheet.rule(rightX + (rightWidth - sloganWidth) / 2, rightX + (rightWidth + sloganWidth) / 2, sloganRule, RULE);

        float lineTop = Math.min(unitRule, sloganRule) - 6;
        float below = lineTop;
        if (numbered) {
            String numberLine = number == null || number.isBlank()
                    ? message("paperwork.number.blank") : message("paperwork.number", number);
            below = Math.min(below, centred(numberLine, Style.REGULAR, NUMBER, leftX, leftWidth, lineTop));
        }
        String placeDate = dates.placeAndDate(place, issuedAt);
        below = Math.min(below, centredRuns(List.of(new Run(placeDate, Style.ITALIC, false)), PLACE_DATE, rightX,
                rightWidth, lineTop));
        sheet.moveTo(below - 16);
    }

    /** The title: bold capitals, centred. */
    void title(String title) {
        sheet.ensure(Sheet.leading(TITLE) * 3);
        sheet.paragraph(List.of(Run.bold(upper(title))), TITLE, Align.CENTER, 0, 0);
        sheet.down(4);
    }

    /** A centred line under the title, e.g. "Mã hồ sơ: ..." or "Kính gửi: ...". */
    void centred(List<Run> runs, float size) {
        sheet.paragraph(runs, size, Align.CENTER, 0, 0);
    }

    // ---------------------------------------------------------------- body

    /** A body line such as "Địa chỉ: ...": left-aligned, continued lines at the margin. */
    void line(List<Run> runs) {
        sheet.paragraph(runs, BODY, Align.LEFT, 0, 0);
    }

    /** A paragraph of prose: justified, first line indented; a line feed in a run starts another paragraph. */
    void prose(List<Run> runs) {
        sheet.paragraph(runs, BODY, Align.JUSTIFY, INDENT, 0);
        sheet.down(PARAGRAPH_SPACE);
    }

    /** An item of a list ("1.", "-"), its following lines hanging under the text. */
    void item(String marker, List<Run> runs) {
        List<Run> all = new ArrayList<>();
        all.add(Run.kept(marker + " "));
        all.addAll(runs);
        sheet.paragraph(all, BODY, Align.JUSTIFY, -HANG, INDENT + HANG);
    }

    void gap(float points) {
        sheet.down(points);
    }

    // ---------------------------------------------------------------- signatures and recipients

    /**
     * Signature blocks side by side, each centred in its half of the page, kept together on one page.
     *
     * @param left null to leave the left half empty
     */
    void signatures(Signature left, Signature right) {
        float half = sheet.width() / 2;
        float height = Math.max(left == null ? 0 : signatureHeight(left, half), signatureHeight(right, half));
        sheet.keepTogether(8, height);
        float top = sheet.y();
        if (left != null) {
            drawSignature(left, sheet.left(), half, top);
        }
        drawSignature(right, sheet.left() + half, half, top);
        sheet.moveTo(top - height);
    }

    /**
     * "Nơi nhận" on the left and the signature block on the right, their tops aligned, as Decree 30/2020/NĐ-CP
     * lays out the end of a letter. The addressee ("Như trên") comes first and the archive copy last.
     */
    void recipientsAndSignature(List<String> recipients, Signature right) {
        float half = sheet.width() / 2;
        float listWidth = half - 12;
        List<String> items = new ArrayList<>();
        items.add(message("paperwork.recipients.addressee"));
        for (String recipient : recipients) {
            items.add(message("paperwork.recipients.item", recipient));
        }
        items.add(message("paperwork.recipients.archive"));
        List<Placed> lines = new ArrayList<>();
        for (Line line : sheet.wrap(List.of(new Run(message("paperwork.recipients"), Style.BOLD_ITALIC, false)),
                RECIPIENTS_HEADING, listWidth)) {
            lines.add(new Placed(line, 0, RECIPIENTS_HEADING));
        }
        // Each item's wrapped lines hang under its text, clear of the dash.
        float hang = sheet.width("- ", Style.REGULAR, RECIPIENTS);
        for (String item : items) {
            Sheet.LineBreaker breaker = sheet.breaker(List.of(Run.text(item)), RECIPIENTS);
            float indent = 0;
            while (breaker.hasNext()) {
                lines.add(new Placed(breaker.next(listWidth - indent), indent, RECIPIENTS));
                indent = hang;
            }
        }
        float listHeight = (float) lines.stream().mapToDouble(line -> Sheet.leading(line.size())).sum();
        float height = Math.max(listHeight, signatureHeight(right, half));
        sheet.keepTogether(12, height);
        float top = sheet.y();
        float lineTop = top;
        for (Placed placed : lines) {
            sheet.drawLine(placed.line(), sheet.left() + placed.indent(), listWidth - placed.indent(), lineTop,
                    placed.size(), Align.LEFT);
            lineTop -= Sheet.leading(placed.size());
        }
        drawSignature(right, sheet.left() + half, half, top);
        sheet.moveTo(top - height);
    }

    /** A line of the recipients list with its indent and size. */
    private record Placed(Line line, float indent, float size) {
    }

    private float signatureHeight(Signature signature, float width) {
        float height = 0;
        for (String title : signature.titles()) {
            height += sheet.wrap(List.of(Run.bold(upper(title))), SIGNER, width).size() * Sheet.leading(SIGNER);
        }
        if (signature.hint() != null) {
            height += Sheet.leading(NOTE);
        }
        return height + SIGNING_SPACE + Sheet.leading(SIGNER);
    }

    private void drawSignature(Signature signature, float x, float width, float top) {
        float y = top;
        for (String title : signature.titles()) {
            y = centred(upper(title), Style.BOLD, SIGNER, x, width, y);
        }
        if (signature.hint() != null) {
            y = centred(signature.hint(), Style.ITALIC, NOTE, x, width, y);
        }
        centredRuns(List.of(Run.keptBold(signature.name())), SIGNER, x, width, y - SIGNING_SPACE);
    }

    // ---------------------------------------------------------------- helpers

    /** Centred lines in a column at a fixed place, outside the page flow; returns the bottom of the last line. */
    private float centred(String text, Style style, float size, float x, float width, float top) {
        return centredRuns(List.of(new Run(text, style, false)), size, x, width, top);
    }

    private float centredRuns(List<Run> runs, float size, float x, float width, float top) {
        float y = top;
        for (Line line : sheet.wrap(runs, size, width)) {
            sheet.drawLine(line, x, width, y, size, Align.CENTER);
            y -= Sheet.leading(size);
        }
        return y;
    }

    static String upper(String text) {
        return text.toUpperCase(PaperworkMessages.VIETNAMESE);
    }

    /** "ngày 27 tháng 11..." at the start of a sentence. */
    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(PaperworkMessages.VIETNAMESE)
                + text.substring(1);
    }
}
