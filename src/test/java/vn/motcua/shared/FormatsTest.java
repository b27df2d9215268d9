package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Numbers as each language writes them: 1.892 and 89,74 % in Vietnamese, 1,892 and 89.74% in English. */
class FormatsTest {
    private static final Locale VI = Formats.VIETNAMESE;
    private static final Locale EN = Locale.ENGLISH;

    @Test
    void vietnameseGroupsThousandsWithADotAndWritesDecimalsAfterAComma() {
        assertThat(Formats.number(1892, VI)).isEqualTo("1.892");
        assertThat(Formats.number(1_000_000, VI)).isEqualTo("1.000.000");
        assertThat(Formats.number(new BigDecimal("1234.5"), VI)).isEqualTo("1.234,5");
        assertThat(Formats.number(7, VI)).isEqualTo("7");
        assertThat(Formats.number(-1892, VI)).isEqualTo("-1.892");
    }

    @Test
    void englishGroupsThousandsWithACommaAndWritesDecimalsAfterADot() {
        assertThat(Formats.number(1892, EN)).isEqualTo("1,892");
        assertThat(Formats.number(new BigDecimal("1234.5"), EN)).isEqualTo("1,234.5");
        assertThat(Formats.number(1_000_000, Locale.UK)).isEqualTo("1,000,000");
    }

    @Test
    void percentagesKeepTheirDigitsWithASpaceBeforeTheSignInVietnameseOnly() {
        assertThat(Formats.percent(new BigDecimal("89.74"), VI)).isEqualTo("89,74 %");
        assertThat(Formats.percent(new BigDecimal("89.74"), EN)).isEqualTo("89.74%");
        assertThat(Formats.percent(new BigDecimal("100.00"), VI)).as("the scale is kept").isEqualTo("100,00 %");
        assertThat(Formats.percent(new BigDecimal("1234.50"), EN)).isEqualTo("1,234.50%");
        assertThat(Formats.percent(null, VI)).isEqualTo(Formats.NOT_AVAILABLE);
    }

    @Test
    void compactDropsTrailingZerosAndSignedShowsThePlus() {
        assertThat(Formats.compact(new BigDecimal("20.00"), VI)).isEqualTo("20");
        assertThat(Formats.compact(new BigDecimal("12.50"), VI)).isEqualTo("12,5");
        assertThat(Formats.compact(new BigDecimal("1E+3"), EN)).isEqualTo("1,000");
        assertThat(Formats.signed(new BigDecimal("12.50"), VI)).isEqualTo("+12,50");
        assertThat(Formats.signed(new BigDecimal("-33.33"), EN)).isEqualTo("-33.33");
        assertThat(Formats.signed(BigDecimal.ZERO, VI)).isEqualTo("0");
        assertThat(Formats.signed(null, EN)).isEqualTo("N/A");
    }

    @Test
    void everyLanguageButEnglishAndAMissingLocaleReadVietnamese() {
        assertThat(Formats.number(1892, null)).isEqualTo("1.892");
        assertThat(Formats.number(1892, Locale.FRENCH)).isEqualTo("1.892");
        assertThat(Formats.number(1892, Locale.forLanguageTag("vi-VN"))).isEqualTo("1.892");
        assertThat(Formats.numberLocaleTag(VI)).isEqualTo("vi-VN");
        assertThat(Formats.numberLocaleTag(Locale.US)).isEqualTo("en-US");
    }

    @Test
    void datesStayVietnameseInTheProvincesTimeZone() {
        assertThat(Formats.date(LocalDate.of(2026, 11, 27))).isEqualTo("27/11/2026");
        assertThat(Formats.dateTime(java.time.Instant.parse("2026-11-27T09:30:00Z"))).isEqualTo("27/11/2026 16:30");
    }
}
