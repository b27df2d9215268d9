package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;

/**
 * One completed step of the process: who did it, when it was handed over, when it was due (null for steps recorded
 * without a due date) and what they entered.
 */
public record DossierStep(String taskId, String stepKey, String stepName, String actor, Instant startedAt,
                          Instant completedAt, Map<String, Object> data, Instant dueAt) { }
