package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

/**
 * Open dossiers moved to another unit (a merge of units, not an action on the dossier): their processes and open
 * steps follow; what they moved is added to {@code moved} (the merge's report). Published by the dossier module in
 * the merge's transaction.
 */
public record DossiersMoved(List<String> codes, String fromUnit, String toUnit, Map<String, Integer> moved) {
    public void count(String what, int n) { moved.merge(what, n, Integer::sum); }
}
