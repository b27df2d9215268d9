package vn.motcua.catalogue.internal;

/**
 * A known problem accepted for now, so that the catalogue starts while the file's owner fixes it. A waived problem
 * is logged as a warning at every check; a waiver that matches nothing any more is reported as stale.
 *
 * @param file      as in {@link LintProblem#file()}
 * @param elementId as in {@link LintProblem#elementId()}
 * @param rule      the rule waived for that element only
 * @param reason    why the problem is accepted, and who removes the waiver
 */
public record LintWaiver(String file, String elementId, LintRule rule, String reason) {

    /** Whether this waiver covers the problem. */
    public boolean covers(LintProblem problem) {
        return file.equals(problem.file()) && rule == problem.rule()
                && (elementId == null ? problem.elementId() == null : elementId.equals(problem.elementId()));
    }
}
