package vn.motcua.catalogue.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the linter found in the folders it was asked about.
 *
 * @param problems     every problem, in folder order; the catalogue may be deployed only when there is none
 * @param waived       problems a {@link LintWaiver} accepts, to be logged
 * @param staleWaivers waivers of the checked folders that no problem matched any more
 * @param contents     the checked folders without problems, by name, ready to deploy
 */
public record CatalogueCheck(List<LintProblem> problems, List<LintProblem> waived, List<LintWaiver> staleWaivers,
                             Map<String, FolderContent> contents) {
    public CatalogueCheck {
        problems = List.copyOf(problems);
        waived = List.copyOf(waived);
        staleWaivers = List.copyOf(staleWaivers);
        contents = Collections.unmodifiableSortedMap(new TreeMap<>(contents));
    }

    /** Whether nothing stands in the way of deploying the checked folders. */
    public boolean passed() { return problems.isEmpty(); }

    /** The problems of one folder. */
    public List<LintProblem> problemsIn(String folder) {
        return problems.stream().filter(p -> p.folder().equals(folder)).toList();
    }
}
