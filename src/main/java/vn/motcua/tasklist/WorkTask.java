package vn.motcua.tasklist;

import java.time.Instant;

/**
 * A step waiting for a person, as the worklists show it.
 *
 * @param stepKey        the BPMN element id of the user task
 * @param formKey        the id of the Camunda Form to complete it with, or null
 * @param assignee       who took it, or null while it waits for anyone of its candidate group
 * @param candidateGroup the group it is offered to ({@code ROLE_unit})
 * @param returnedTo     who completed this step before, when the dossier was sent back to it; else null
 * @param paused         the dossier's clock is stopped
 * @param dossierStatus  the dossier's status code, null for a step without a dossier
 */
public record WorkTask(String id, String name, String stepKey, String dossierCode, String procedureCode,
                       Instant createdAt, Instant dueAt, String assignee, String formKey, String candidateGroup,
                       String unitIdentifier, Instant followUpAt, String returnedTo, boolean paused,
                       Integer dossierStatus, String applicantName, Instant receivedAt, String channel) {

    public boolean overdue(Instant now) { return !paused && dueAt != null && dueAt.isBefore(now); }
}
