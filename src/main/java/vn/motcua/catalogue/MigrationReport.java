package vn.motcua.catalogue;

import java.util.List;

/**
 * What moving the running instances of one process version to another did: each instance either moved or stayed,
 * with the engine's reasons.
 *
 * @param processKey    the process
 * @param sourceVersion the version the instances ran on
 * @param targetVersion the version they were to move to
 * @param planProblems  why the engine cannot map the source version onto the target at all; when not empty,
 *                      nothing was tried and every instance stayed
 * @param migrated      the instances now on the target version
 * @param notMigrated   the instances still on the source version, each with its reasons
 */
public record MigrationReport(String processKey, int sourceVersion, int targetVersion, List<Reason> planProblems,
                              List<Instance> migrated, List<Failure> notMigrated) {
    public MigrationReport {
        planProblems = List.copyOf(planProblems);
        migrated = List.copyOf(migrated);
        notMigrated = List.copyOf(notMigrated);
    }

    /** Whether every instance moved (also true when there was none). */
    public boolean complete() { return planProblems.isEmpty() && notMigrated.isEmpty(); }

    /**
     * A process instance.
     *
     * @param businessKey the dossier code, or null for an instance without one
     */
    public record Instance(String processInstanceId, String businessKey) {
        /** The dossier code when there is one, else the instance id: what an administrator recognises. */
        public String label() { return businessKey != null ? businessKey : processInstanceId; }
    }

    /** An instance that stayed on the source version. */
    public record Failure(Instance instance, List<Reason> reasons) {
        public Failure {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One reason of the engine's, as it gives it (English).
     *
     * @param activityId the step concerned, or null when the reason concerns the whole instance or plan
     */
    public record Reason(String activityId, String message) { }
}
