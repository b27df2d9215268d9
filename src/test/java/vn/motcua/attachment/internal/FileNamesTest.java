package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsVietnameseNamesAsTheyAreInNfc() {
        assertThat(FileNames.sanitize("Giấy chứng sinh.pdf")).isEqualTo("Giấy chứng sinh.pdf");
        String decomposed = java.text.Normalizer.normalize("Tờ khai.pdf", java.text.Normalizer.Form.NFD);
        assertThat(FileNames.sanitize(decomposed)).isEqualTo("Tờ khai.pdf");
    }

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\an\\Desktop\\don.docx")).isEqualTo("don.docx");
    }

    @Test
    void removesControlAndBidiCharactersThatDisguiseExtensions() {
        assertThat(FileNames.sanitize("hoa-don\u202Efdp.exe")).isEqualTo("hoa-donfdp.exe");
        assertThat(FileNames.sanitize("a\u0000b\r\nc.txt")).isEqualTo("abc.txt");
    }

    @Test
    void replacesReservedCharactersAndTrimsDotsAndSpaces() {
        assertThat(FileNames.sanitize("  ..a<b>c:d\"e|f?g*h.pdf. ")).isEqualTo("a_b_c_d_e_f_g_h.pdf");
        assertThat(FileNames.sanitize("con.txt")).isEqualTo("_con.txt");
    }

    @Test
    void cutsLongNamesButKeepsTheExtension() {
        String name = FileNames.sanitize("đ".repeat(300) + ".pdf");
        assertThat(name).hasSize(200).endsWith(".pdf").startsWith("đđđ");
    }

    @Test
    void neverEmpty() {
        assertThat(FileNames.sanitize(null)).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize(" .. ")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize("/")).isEqualTo(FileNames.FALLBACK);
    }
}
