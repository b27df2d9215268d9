package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** Search without diacritics: "ha noi" finds "Hà Nội", "phuong ba dinh" finds "Phường Ba Đình" (đ folds to d). */
class TextSearchTest {

    @Test
    void foldingDropsTheMarksAndTurnsDIntoD() {
        assertThat(TextSearch.fold("Hà Nội")).isEqualTo("ha noi");
        assertThat(TextSearch.fold("Phường Ba Đình")).isEqualTo("phuong ba dinh");
        assertThat(TextSearch.fold("đặc khu Côn Đảo")).isEqualTo("dac khu con dao");
        assertThat(TextSearch.fold("ĐỒNG THÁP")).isEqualTo("dong thap");
        assertThat(TextSearch.fold(null)).isEmpty();
    }

    @Test
    void decomposedTextFoldsLikePrecomposedText() {
        String nfd = Normalizer.normalize("Sở Tư pháp", Normalizer.Form.NFD);
        assertThat(TextSearch.fold(nfd)).isEqualTo(TextSearch.fold("Sở Tư pháp")).isEqualTo("so tu phap");
    }

    @Test
    void everyWordOfTheQueryMustOccurIgnoringMarksCaseAndSpacing() {
        assertThat(TextSearch.matches("Thành phố Hà Nội", "ha noi")).isTrue();
        assertThat(TextSearch.matches("UBND Phường Ba Đình", "phuong ba dinh")).isTrue();
        assertThat(TextSearch.matches("UBND Phường Ba Đình", "  BA   đình ")).isTrue();
        assertThat(TextSearch.matches("UBND Phường Ba Đình", "dinh ba")).as("words in any order").isTrue();
        assertThat(TextSearch.matches("UBND Phường Ba Đình", "ba dinh hanoi")).isFalse();
        assertThat(TextSearch.matches("Phường Hà Đông", "ha noi")).isFalse();
        assertThat(TextSearch.matches("Phường Hà Đông", "")).as("an empty query finds everything").isTrue();
        assertThat(TextSearch.matches("Phường Hà Đông", null)).isTrue();
    }
}
