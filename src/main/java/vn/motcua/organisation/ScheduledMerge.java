package vn.motcua.organisation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A merge planned for a day to come and what became of it.
 *
 * @param state   {@code PENDING} (waiting for its day), {@code DONE}, {@code FAILED} (why in {@code outcome}) or
 *                {@code CANCELLED}
 * @param outcome what moved (DONE) or why it could not be done (FAILED)
 */
public record ScheduledMerge(String unit, String successor, LocalDate effectiveOn, String scheduledBy, Instant scheduledAt,
                             String state, String outcome, Instant doneAt) { }
