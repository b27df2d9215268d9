package vn.motcua.tasklist;

import java.time.Instant;

/**
 * A step waiting for a person.
 *
 * @param stepKey  the BPMN element id of the user task
 * @param formKey  the id of the Camunda Form to complete it with, or null
 * @param assignee who took it, or null while it waits for anyone of its candidate groups
 */
public record WorkTask(String id, String name, String stepKey, String dossierCode, String procedureCode,
                       Instant createdAt, Instant dueAt, String assignee, String formKey) {

    public boolean overdue(Instant now) { return dueAt != null && dueAt.isBefore(now); }
}
