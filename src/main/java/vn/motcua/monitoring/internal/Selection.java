package vn.motcua.monitoring.internal;

import java.time.Instant;
import java.util.List;

/**
 * Which dossiers a query reads: those of the period [{@code from}, {@code asOf}) in the sense of
 * {@code IndicatorService}, of the units whose tree path starts with {@code treePath}, at {@code level}, of the
 * procedures {@code procedureCodes}; null criteria select everything, an empty procedure list nothing.
 *
 * @param from           the period's first instant (its first day, 00:00 in Asia/Ho_Chi_Minh)
 * @param asOf           the instant the dossiers are judged at: the period's end, or now when earlier
 */
public record Selection(Instant from, Instant asOf, String treePath, String level, List<String> procedureCodes) {
    public Selection {
        if (from == null || asOf == null) throw new IllegalArgumentException("from and asOf are required");
        procedureCodes = procedureCodes == null ? null : List.copyOf(procedureCodes);
    }

    /** True when no dossier can match (an empty procedure list, e.g. a sector without procedures). */
    public boolean empty() { return procedureCodes != null && procedureCodes.isEmpty(); }
}
