package vn.motcua.organisation;

import java.util.List;

/**
 * What an imported list did, row by row: created, changed (and how), left as it was, or refused (and why).
 *
 * @param dryRun true when nothing was kept: the report says what the import would do
 */
public record ImportReport(List<Row> rows, int created, int changed, int unchanged, int refused, boolean dryRun) {

    public enum Outcome { CREATED, CHANGED, UNCHANGED, REFUSED }

    /**
     * One row of the file.
     *
     * @param line    its line in the file (the header is line 1)
     * @param key     the unit's identifier or the user's username given on it
     * @param message what changed, or why it was refused; null otherwise
     */
    public record Row(int line, String key, Outcome outcome, String message) { }

    public static ImportReport of(List<Row> rows, boolean dryRun) {
        var sorted = rows.stream().sorted(java.util.Comparator.comparingInt(Row::line)).toList();
        return new ImportReport(sorted, count(sorted, Outcome.CREATED), count(sorted, Outcome.CHANGED),
                count(sorted, Outcome.UNCHANGED), count(sorted, Outcome.REFUSED), dryRun);
    }

    /** "3 created, 1 changed, 10 unchanged, 2 refused". */
    public String summary() {
        return created + " created, " + changed + " changed, " + unchanged + " unchanged, " + refused + " refused";
    }

    private static int count(List<Row> rows, Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
