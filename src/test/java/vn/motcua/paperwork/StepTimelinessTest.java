package vn.motcua.paperwork;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.paperwork.PaperworkSamples.vietnam;

class StepTimelinessTest {

    private static final Instant DUE = vietnam(2026, 11, 27, 14, 30);

    @Test
    void doneOnAnEarlierDayIsEarly() {
        assertThat(StepTimeliness.of(DUE, vietnam(2026, 11, 26, 16, 0))).isEqualTo(StepTimeliness.EARLY);
    }

    @Test
    void doneOnTheDueDayUpToTheDueTimeIsOnTime() {
        assertThat(StepTimeliness.of(DUE, vietnam(2026, 11, 27, 7, 30))).isEqualTo(StepTimeliness.ON_TIME);
        assertThat(StepTimeliness.of(DUE, DUE)).isEqualTo(StepTimeliness.ON_TIME);
    }

    @Test
    void doneAfterTheDueTimeIsLateEvenOnTheSameDay() {
        assertThat(StepTimeliness.of(DUE, DUE.plusSeconds(60))).isEqualTo(StepTimeliness.LATE);
    }

    @Test
    void daysAreCountedInVietnamTimeNotUtc() {
        // 23:30 on the 26th in Vietnam is still the 26th in UTC, but 06:30 on the 27th is the 26th in UTC.
        Instant dueEarlyMorning = vietnam(2026, 11, 27, 8, 0);
        Instant sameVietnamDayBefore = vietnam(2026, 11, 27, 6, 30);

        assertThat(StepTimeliness.of(dueEarlyMorning, sameVietnamDayBefore)).isEqualTo(StepTimeliness.ON_TIME);
    }

    @Test
    void notDoneIsPendingAndWithoutADueTimeThereIsNothingToJudge() {
        assertThat(StepTimeliness.of(DUE, null)).isEqualTo(StepTimeliness.PENDING);
        assertThat(StepTimeliness.of(null, DUE)).isNull();
    }
}
