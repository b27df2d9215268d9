package vn.motcua.catalogue.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalogue cannot be deployed: every problem found, each naming its file, element and rule. Thrown before
 * anything reaches the engine.
 */
public class CatalogueException extends RuntimeException {
    private final transient List<LintProblem> problems;

    public CatalogueException(List<LintProblem> problems) {
        super(CatalogueMessages.bilingual("catalogue.lint.failed", problems.size())
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found (folder by folder). */
    public List<LintProblem> problems() { return problems; }
}
