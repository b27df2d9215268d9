package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsDiacriticsCaseAndPunctuationIntoWords() {
        assertThat(SearchText.fold("Giấy CHỨNG nhận, quyền sử-dụng đất!")).isEqualTo(" giay chung nhan quyen su dung dat ");
        assertThat(SearchText.fold("ĐƠN ĐỀ NGHỊ")).isEqualTo(" don de nghi ");
        assertThat(SearchText.fold("000.01.15.H33-261127-0001")).isEqualTo(" 000 01 15 h33 261127 0001 ");
        assertThat(SearchText.fold("")).isEqualTo(" ");
    }

    @Test
    void foldsDecomposedTextLikeComposedText() {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Thị Hồng Nhung", java.text.Normalizer.Form.NFD);
        assertThat(SearchText.fold(decomposed)).isEqualTo(SearchText.fold("Nguyễn Thị Hồng Nhung"));
    }

    @Test
    void queryWordsAreFoldedDistinctAndBounded() {
        assertThat(SearchText.words("  Giấy chứng NHẬN giấy ")).containsExactly("giay", "chung", "nhan");
        assertThat(SearchText.words("a b c d e f g h i j k l")).hasSize(10);
        assertThat(SearchText.words(" ,.; ")).isEmpty();
    }

    @Test
    void aWordMatchesTheStartOfAWord() {
        var words = SearchText.words("giay chung nhan");
        assertThat(SearchText.matches("Giấy chứng nhận quyền sử dụng đất", words)).isEqualTo(3);
        assertThat(SearchText.matches("Giấy chứng sinh", words)).isEqualTo(2);
        assertThat(SearchText.matches("nhanh chóng", SearchText.words("nhan"))).isEqualTo(1);
        assertThat(SearchText.matches("thanh nhan", SearchText.words("han"))).isZero();
    }

    @Test
    void aSnippetIsCutFromTheOriginalTextAroundTheMatch() {
        String text = "Phần mở đầu dài dòng ".repeat(20) + "Căn cứ Giấy chứng nhận quyền sử dụng đất số 123 " + "phần sau ".repeat(40);
        String snippet = SearchText.snippet(text, SearchText.words("giay chung nhan"), 120);
        assertThat(snippet).contains("Giấy chứng nhận").startsWith("…").endsWith("…");
        assertThat(snippet.length()).isLessThanOrEqualTo(124);
        assertThat(SearchText.snippet("Ngắn gọn", List.of("khong"), 100)).isEqualTo("Ngắn gọn");
    }
}
