package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The desk's queues carry their statuses (DOMAIN: 1 submitted online, 2 and 4 in processing, 5 supplement, 6 payment,
 * 9 to return) and, for overdue and nearly due, the due-date range that moves with the clock; every list, counter and
 * tally of the queues reads them, so each open status is in exactly one queue of statuses.
 */
class DeskQueueTest {
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-12-09T03:00:00Z");

    @Test
    void everyOpenStatusIsInExactlyOneQueueOfStatuses() {
        assertThat(DeskQueue.openStatuses()).isEqualTo("1, 2, 4, 5, 6, 9");
        assertThat(DeskQueue.ofStatus(1)).isEqualTo(DeskQueue.AWAITING_ACCEPTANCE);
        assertThat(DeskQueue.ofStatus(2)).isEqualTo(DeskQueue.IN_PROCESSING);
        assertThat(DeskQueue.ofStatus(4)).isEqualTo(DeskQueue.IN_PROCESSING);
        assertThat(DeskQueue.ofStatus(5)).isEqualTo(DeskQueue.AWAITING_SUPPLEMENT);
        assertThat(DeskQueue.ofStatus(6)).isEqualTo(DeskQueue.AWAITING_PAYMENT);
        assertThat(DeskQueue.ofStatus(9)).isEqualTo(DeskQueue.TO_RETURN);
        assertThatThrownBy(() -> DeskQueue.ofStatus(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overdueAndNearlyDueAreTheDossiersInProcessingDueBeforeNowOrWithinTheWindow() {
        assertThat(DeskQueue.OVERDUE.condition()).isEqualTo("d.status in (2, 4) and d.due_at < ?");
        assertThat(DeskQueue.OVERDUE.clock(NOW, WINDOW_END)).containsExactly(NOW.atOffset(ZoneOffset.UTC));
        assertThat(DeskQueue.NEARLY_DUE.condition()).isEqualTo("d.status in (2, 4) and d.due_at >= ? and d.due_at < ?");
        assertThat(DeskQueue.NEARLY_DUE.clock(NOW, WINDOW_END))
                .containsExactly(NOW.atOffset(ZoneOffset.UTC), WINDOW_END.atOffset(ZoneOffset.UTC));
        assertThat(DeskQueue.NEARLY_DUE.needsWindow()).isTrue();
        assertThat(DeskQueue.OVERDUE.needsWindow()).isFalse();
        assertThat(List.of(DeskQueue.values())).filteredOn(DeskQueue::movesWithClock)
                .containsExactly(DeskQueue.OVERDUE, DeskQueue.NEARLY_DUE);
    }

    @Test
    void aQueueOfStatusesTakesAnyDueDate() {
        assertThat(DeskQueue.AWAITING_ACCEPTANCE.condition()).isEqualTo("d.status = 1");
        assertThat(DeskQueue.IN_PROCESSING.condition()).isEqualTo("d.status in (2, 4)");
        assertThat(DeskQueue.TO_RETURN.condition()).isEqualTo("d.status = 9");
        assertThat(DeskQueue.TO_RETURN.clock(NOW, WINDOW_END)).isEmpty();
    }
}
