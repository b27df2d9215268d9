package vn.motcua.paperwork;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseDatesTest {

    private final VietnameseDates dates = new VietnameseDates(PaperworkMessages.vietnamese());

    @Test
    void daysBelowTenAndTheMonthsJanuaryAndFebruaryTakeALeadingZero() {
        assertThat(dates.longDate(LocalDate.of(2026, 2, 5))).isEqualTo("ngày 05 tháng 02 năm 2026");
        assertThat(dates.longDate(LocalDate.of(2026, 1, 31))).isEqualTo("ngày 31 tháng 01 năm 2026");
        assertThat(dates.longDate(LocalDate.of(2026, 3, 9))).isEqualTo("ngày 09 tháng 3 năm 2026");
        assertThat(dates.longDate(LocalDate.of(2026, 11, 27))).isEqualTo("ngày 27 tháng 11 năm 2026");
    }

    @Test
    void instantsAreShownInVietnamTimeWhateverTheServerZone() {
        Instant lateEveningUtc = Instant.parse("2026-11-26T17:30:00Z");

        assertThat(dates.longDateTime(lateEveningUtc)).isEqualTo("00 giờ 30 phút, ngày 27 tháng 11 năm 2026");
        assertThat(dates.shortDate(lateEveningUtc)).isEqualTo("27/11/2026");
        assertThat(dates.shortTime(lateEveningUtc)).isEqualTo("00:30");
    }

    @Test
    void thePlaceAndDateLineReadsAsOnAnOfficialDocument() {
        assertThat(dates.placeAndDate("Rạch Giá", PaperworkSamples.vietnam(2026, 11, 27, 16, 30)))
                .isEqualTo("Rạch Giá, ngày 27 tháng 11 năm 2026");
        assertThat(dates.longDateTime(PaperworkSamples.vietnam(2026, 11, 27, 8, 5)))
                .isEqualTo("08 giờ 05 phút, ngày 27 tháng 11 năm 2026");
    }
}
