package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** The text rules every stored field follows: NFC, no control characters, line breaks only where multi-line. */
class PlainTextTest {

    @Test
    void controlCharactersAreProblemsAnywhereButInTheOuterWhiteSpace() {
        for (String control : new String[] {"\u0000", "\u0007", "\u001b", "\u007f", "\u009b"}) {
            assertThat(PlainText.problem("Trần" + control + "Thị", false)).as(control).isEqualTo(PlainText.Problem.CONTROL);
            assertThat(PlainText.problem("Trần" + control + "Thị", true)).as(control).isEqualTo(PlainText.Problem.CONTROL);
        }
        assertThat(PlainText.problem("Trần Thị\u0007", false)).as("BEL is no white space").isEqualTo(PlainText.Problem.CONTROL);
        assertThat(PlainText.problem("  Trần Thị\r\n", false)).as("outer line breaks are trimmed").isNull();
        assertThat(PlainText.problem("Trần\tThị", false)).as("a tab is a space").isNull();
        assertThat(PlainText.problem(null, false)).isNull();
    }

    @Test
    void lineBreaksAreForMultiLineFieldsOnly() {
        for (String lineBreak : new String[] {"\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029"}) {
            assertThat(PlainText.problem("Dòng một" + lineBreak + "Dòng hai", false)).isEqualTo(PlainText.Problem.LINE_BREAK);
            assertThat(PlainText.problem("Dòng một" + lineBreak + "Dòng hai", true)).isNull();
            assertThat(PlainText.normalize("Dòng một" + lineBreak + "Dòng hai", true)).isEqualTo("Dòng một\nDòng hai");
        }
    }

    @Test
    void storedTextIsNfcAndTrimmedWithTabsAsSpacesOnOneLine() {
        String decomposed = Normalizer.normalize("Lưu Thị Ngọc Ánh", Normalizer.Form.NFD);
        assertThat(decomposed).hasSizeGreaterThan("Lưu Thị Ngọc Ánh".length());
        assertThat(PlainText.normalize("  " + decomposed + "\t", false)).isEqualTo("Lưu Thị Ngọc Ánh");
        assertThat(PlainText.normalize("Lưu\tThị", false)).isEqualTo("Lưu Thị");
        assertThat(PlainText.normalize("Lưu\tThị", true)).isEqualTo("Lưu\tThị");
    }

    @Test
    void oneLineFlattensWhatWouldPrintAsAForgedLine() {
        assertThat(PlainText.oneLine("Trần Thị Mỹ Lệ\r\nNgày hẹn trả: 01/01/2020\u0000")).isEqualTo("Trần Thị Mỹ Lệ Ngày hẹn trả: 01/01/2020");
        assertThat(PlainText.oneLine(null)).isNull();
    }
}
