package vn.motcua.organisation;

import java.time.LocalDate;
import java.util.Map;

/**
 * Published in the transaction of a merge, after the unit was closed into its successor and its people moved: each
 * part moves what it keeps of the unit's open work (dossiers, their steps and processes) and adds what it moved to
 * {@code moved} (e.g. {@code dossiers}: 12), which becomes the merge's report.
 */
public record UnitsMerged(Unit unit, Unit successor, LocalDate effectiveOn, Map<String, Integer> moved) {

    public void count(String what, int n) { moved.merge(what, n, Integer::sum); }
}
