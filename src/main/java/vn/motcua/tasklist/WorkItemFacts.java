package vn.motcua.tasklist;

import java.time.Instant;

/** What the engine says about an open step, as the read model stores it (the dossier's side is added on write). */
record WorkItemFacts(String taskId, String processInstanceId, String dossierCode, String stepKey, String name,
                     String formKey, String processKey, String candidateGroup, String assignee, Instant createdAt,
                     Instant dueAt, Instant followUpAt) { }
