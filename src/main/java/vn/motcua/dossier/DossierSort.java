package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;

/** The columns a dossier list sorts by; ties are broken by id, so that paging is exact. */
public enum DossierSort {
    DUE_AT("dueAt", "due_at"),
    RECEIVED_AT("receivedAt", "received_at"),
    CODE("code", "code"),
    APPLICANT("applicant", "applicant_name"),
    PROCEDURE("procedureCode", "procedure_code"),
    STATUS("status", "status"),
    CHANNEL("channel", "channel"),
    FINISHED_AT("finishedAt", "finished_at");

    private final String property;
    final String column;

    DossierSort(String property, String column) {
        this.property = property;
        this.column = column;
    }

    public String property() { return property; }

    public static Optional<DossierSort> ofProperty(String property) {
        return Arrays.stream(values()).filter(s -> s.property.equals(property)).findFirst();
    }
}
