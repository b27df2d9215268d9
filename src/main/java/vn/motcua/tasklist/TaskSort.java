package vn.motcua.tasklist;

import java.util.Arrays;
import java.util.Optional;

/** The columns a task list sorts by; ties are broken by creation then id, so that paging is exact. */
public enum TaskSort {
    DUE_AT("dueAt", "due_at"),
    CREATED_AT("createdAt", "created_at"),
    DOSSIER_CODE("dossierCode", "dossier_code"),
    NAME("name", "name"),
    PROCEDURE("procedureCode", "procedure_code"),
    APPLICANT("applicant", "applicant_name"),
    RECEIVED_AT("receivedAt", "received_at"),
    ASSIGNEE("assignee", "assignee"),
    FOLLOW_UP_AT("followUpAt", "follow_up_at"),
    STATUS("status", "dossier_status");

    private final String property;
    final String column;

    TaskSort(String property, String column) {
        this.property = property;
        this.column = column;
    }

    public String property() { return property; }

    public static Optional<TaskSort> ofProperty(String property) {
        return Arrays.stream(values()).filter(s -> s.property.equals(property)).findFirst();
    }
}
