package vn.motcua.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a merge moved to the successor: the people of the merged unit and its open work, counted by what it is
 * ({@code dossiers}, {@code dossiers.status.4}, {@code processInstances}, {@code tasks}...).
 *
 * @param scheduled true for a merge planned for a day to come: nothing has moved yet (it will on that day)
 */
public record UnitMergeReport(String unit, String successor, LocalDate effectiveOn, List<String> users,
                              Map<String, Integer> moved, boolean scheduled) { }
