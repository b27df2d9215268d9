package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void tellsVietnameseFromEnglish() {
        assertThat(LanguageGuess.of("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Tờ khai đăng ký khai sinh."))
                .isEqualTo("vi");
        assertThat(LanguageGuess.of("This is the birth certificate of the child, issued by the hospital for the registration."))
                .isEqualTo("en");
    }

    @Test
    void leavesShortOrOtherTextUnknown() {
        assertThat(LanguageGuess.of("12345 ---")).isNull();
        assertThat(LanguageGuess.of("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod")).isNull();
        assertThat(LanguageGuess.of(null)).isNull();
    }

    @Test
    void reducesDeclaredLanguagesToTheirPrimaryTag() {
        assertThat(LanguageGuess.declared("vi-VN")).isEqualTo("vi");
        assertThat(LanguageGuess.declared("en_US")).isEqualTo("en");
        assertThat(LanguageGuess.declared("x")).isNull();
    }
}
