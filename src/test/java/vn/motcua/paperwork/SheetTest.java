package vn.motcua.paperwork;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.paperwork.Sheet.Line;
import vn.motcua.paperwork.Sheet.Piece;
import vn.motcua.paperwork.Sheet.Run;

import static org.assertj.core.api.Assertions.assertThat;

class SheetTest {

    private PDDocument document;
    private Typefaces fonts;
    private Sheet sheet;

    @BeforeEach
    void open() {
        document = new PDDocument();
        fonts = Typefaces.load(document);
        sheet = new Sheet(document, fonts, Sheet.PageFormat.portrait());
    }

    @AfterEach
    void close() throws IOException {
        sheet.finish(11);
        document.close();
        fonts.close();
    }

    @Test
    void linesBreakAtSpacesAndNeverExceedTheWidth() {
        String text = "Qua xem xét, Bộ phận Một cửa UBND phường Vĩnh Thanh Vân thông báo không tiếp nhận, giải quyết"
                + " hồ sơ này với lý do cụ thể như sau";

        List<Line> lines = sheet.wrap(List.of(Run.text(text)), 12, 200);

        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line.width()).isLessThanOrEqualTo(200));
        assertThat(lines.stream().map(SheetTest::text).reduce((a, b) -> a + " " + b).orElseThrow()).isEqualTo(text);
        assertThat(lines.get(lines.size() - 1).last()).isTrue();
        assertThat(lines.get(0).last()).isFalse();
    }

    @Test
    void aKeptNameMovesWholeToTheNextLineRatherThanBreaking() {
        List<Run> runs = List.of(Run.text("Tiếp nhận hồ sơ của bà"), Run.text(" "),
                Run.kept(PaperworkSamples.MOTHER));
        float withoutName = sheet.width("Tiếp nhận hồ sơ của bà Trần", Sheet.Style.REGULAR, 12);

        List<Line> lines = sheet.wrap(runs, 12, withoutName + 2);

        assertThat(lines).extracting(SheetTest::text)
                .containsExactly("Tiếp nhận hồ sơ của bà", PaperworkSamples.MOTHER);
    }

    @Test
    void aWordLongerThanTheLineIsSplitAfterAPunctuationMark() {
        String url = "https://dichvucong.kiengiang.gov.vn/tra-cuu-ho-so/000.01.15.H33-261127-0001";

        List<Line> lines = sheet.wrap(List.of(Run.text(url)), 12, 150);

        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.width()).isLessThanOrEqualTo(150));
        assertThat(lines.stream().map(SheetTest::text).reduce("", String::concat)).isEqualTo(url);
        assertThat(text(lines.get(0))).matches(".*[-/.]");
    }

    @Test
    void aLineFeedEndsTheParagraph() {
        List<Line> lines = sheet.wrap(List.of(Run.text("Dòng một.\nDòng hai.")), 12, 400);

        assertThat(lines).extracting(SheetTest::text).containsExactly("Dòng một.", "Dòng hai.");
        assertThat(lines.get(0).last()).isTrue();
    }

    @Test
    void punctuationGluedToAKeptNameMovesWithIt() {
        List<Run> runs = List.of(Run.text("của"), Run.text(" "), Run.kept(PaperworkSamples.MOTHER),
                Run.text(", số điện thoại"));
        float nameButNotComma = sheet.width("của " + PaperworkSamples.MOTHER, Sheet.Style.REGULAR, 12) + 1;

        List<Line> lines = sheet.wrap(runs, 12, nameButNotComma);

        assertThat(text(lines.get(0))).isEqualTo("của");
        assertThat(text(lines.get(1))).startsWith(PaperworkSamples.MOTHER + ",");
    }

    @Test
    void decomposedAccentsAreComposedAndUnprintableCharactersReplaced() {
        String decomposed = "Tra\u0302\u0300n Thi\u0323 My\u0303 Le\u0323\u0302";

        assertThat(fonts.printable(decomposed)).isEqualTo(PaperworkSamples.MOTHER);
        assertThat(fonts.printable("Lệ \u4E2D\tđã\u200Bnộp\r\n")).isEqualTo("Lệ ? đãnộp\n");
    }

    @Test
    void aParagraphRunningOffThePageContinuesOnANewOne() {
        String longText = "Lý do cần bổ sung hồ sơ được ghi đầy đủ để công dân chỉ phải bổ sung một lần. ".repeat(80);

        sheet.paragraph(List.of(Run.text(longText)), 12, Sheet.Align.JUSTIFY, 28, 0);

        assertThat(sheet.pageCount()).isGreaterThan(1);
        assertThat(sheet.y()).isGreaterThanOrEqualTo(sheet.bottom());
    }

    private static String text(Line line) {
        StringBuilder text = new StringBuilder();
        for (Piece piece : line.pieces()) {
            if (piece.spaceBefore()) {
                text.append(' ');
            }
            text.append(piece.text());
        }
        return text.toString();
    }
}
