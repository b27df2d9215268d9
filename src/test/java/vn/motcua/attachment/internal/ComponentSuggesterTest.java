package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Localized;

class ComponentSuggesterTest {
    private static final List<DossierComponent> BIRTH = List.of(
            new DossierComponent("TO_KHAI", new Localized("Tờ khai đăng ký khai sinh theo mẫu", "Birth registration declaration (standard form)"), true, List.of()),
            new DossierComponent("GIAY_CHUNG_SINH", new Localized("Giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan về việc sinh)",
                    "Birth certificate from the health facility"), true, List.of()),
            new DossierComponent("GIAY_TO_TUY_THAN", new Localized("Giấy tờ tùy thân của người đi đăng ký (xuất trình)", "Identity document"), false, List.of()));

    @Test
    void suggestsTheComponentTheTextNames() {
        assertThat(ComponentSuggester.suggest(BIRTH, "scan-001.pdf", null,
                "BỆNH VIỆN ĐA KHOA TỈNH KIÊN GIANG\nGIẤY CHỨNG SINH\nHọ và tên mẹ: Trần Thị Mỹ Lệ")).isEqualTo("GIAY_CHUNG_SINH");
        assertThat(ComponentSuggester.suggest(BIRTH, "a.pdf", null,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỜ KHAI ĐĂNG KÝ KHAI SINH\nKính gửi: UBND phường")).isEqualTo("TO_KHAI");
    }

    @Test
    void usesTheFileNameWithoutDiacritics() {
        assertThat(ComponentSuggester.suggest(BIRTH, "giay-chung-sinh-be-nhung.jpg", null, "")).isEqualTo("GIAY_CHUNG_SINH");
    }

    @Test
    void suggestsNothingWhenNothingFits() {
        assertThat(ComponentSuggester.suggest(BIRTH, "hoa-don-dien.pdf", null, "Hóa đơn tiền điện tháng 11")).isNull();
        assertThat(ComponentSuggester.suggest(List.of(), "giay-chung-sinh.pdf", null, "")).isNull();
    }

    @Test
    void preferTheComponentWhoseWholeNameAppears() {
        // A birth certificate mentions the registration, but names itself fully
        assertThat(ComponentSuggester.suggest(BIRTH, "x.pdf", null,
                "GIẤY CHỨNG SINH\nDùng để làm thủ tục đăng ký khai sinh")).isEqualTo("GIAY_CHUNG_SINH");
    }
}
