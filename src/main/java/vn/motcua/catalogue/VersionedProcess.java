package vn.motcua.catalogue;

import java.util.List;

/**
 * A process of the catalogue and its versions.
 *
 * @param processKey     the process id
 * @param procedureCode  the procedure it runs, or null for a process every procedure shares (the dossier lifecycle)
 * @param procedureName  the procedure's name, or null for a shared process
 * @param versions       newest first
 */
public record VersionedProcess(String processKey, String procedureCode, Localized procedureName, List<ProcessVersion> versions) {
    public VersionedProcess {
        versions = List.copyOf(versions);
    }

    /** Whether every procedure uses it rather than one. */
    public boolean shared() { return procedureCode == null; }
}
