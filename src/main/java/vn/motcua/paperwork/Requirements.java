package vn.motcua.paperwork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What each form needs before it can be printed. All problems of a document are reported at once, by the path of
 * the input component ("dossier.dueAt", "handovers[2].from"), never by its value: values may be personal data and
 * exception messages end up in logs.
 */
final class Requirements {

    private final DocumentData data;
    private final List<String> missing = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    private Requirements(DocumentData data) {
        this.data = data;
    }

    /**
     * @throws IllegalArgumentException naming every missing or invalid component
     */
    static void check(DocumentData data) {
        if (data == null) {
            throw new IllegalArgumentException("the document data is required");
        }
        Requirements check = new Requirements(data);
        check.unit(data.unit());
        check.present(data.issuedAt(), "issuedAt");
        if (data instanceof ReceiptAndAppointment receipt) {
            check.receipt(receipt);
        } else if (data instanceof SupplementRequest request) {
            check.supplementRequest(request);
        } else if (data instanceof RefusalNotice refusal) {
            check.refusal(refusal);
        } else if (data instanceof ApologyAndExtension apology) {
            check.apology(apology);
        } else if (data instanceof StopNotice stop) {
            check.stop(stop);
        } else if (data instanceof ControlSheet sheet) {
            check.controlSheet(sheet);
        } else if (data instanceof TrackingRegister register) {
            check.register(register);
        }
        check.throwIfAny();
    }

    private void receipt(ReceiptAndAppointment receipt) {
        DossierSheet dossier = receipt.dossier();
        if (dossierBasics(dossier)) {
            present(dossier.channel(), "dossier.channel");
            present(dossier.receivedAt(), "dossier.receivedAt");
            present(dossier.dueAt(), "dossier.dueAt");
            text(dossier.receivedBy(), "dossier.receivedBy");
            after(dossier.dueAt(), dossier.receivedAt(), "dossier.dueAt", "dossier.receivedAt");
            if (dossier.sets() < 1) {
                invalid.add("dossier.sets must be at least 1");
            }
            for (int i = 0; i < dossier.documents().size(); i++) {
                SubmittedDocument document = dossier.documents().get(i);
                String path = "dossier.documents[" + i + "]";
                text(document.name(), path + ".name");
                present(document.copyType(), path + ".copyType");
                if (document.count() < 1) {
                    invalid.add(path + ".count must be at least 1");
                }
            }
        }
    }

    private void supplementRequest(SupplementRequest request) {
        dossierBasics(request.dossier());
        if (request.items().isEmpty()) {
            missing.add("items");
        }
        for (int i = 0; i < request.items().size(); i++) {
            text(request.items().get(i), "items[" + i + "]");
        }
        text(request.reason(), "reason");
        text(request.officer(), "officer");
    }

    private void refusal(RefusalNotice refusal) {
        dossierBasics(refusal.dossier());
        text(refusal.reason(), "reason");
        text(refusal.officer(), "officer");
    }

    private void apology(ApologyAndExtension apology) {
        DossierSheet dossier = apology.dossier();
        if (dossierBasics(dossier)) {
            present(dossier.receivedAt(), "dossier.receivedAt");
            present(dossier.dueAt(), "dossier.dueAt");
            after(apology.newDueAt(), dossier.dueAt(), "newDueAt", "dossier.dueAt");
        }
        text(apology.reason(), "reason");
        present(apology.newDueAt(), "newDueAt");
        signatory(apology.signatory());
        texts(apology.recipients(), "recipients");
    }

    private void stop(StopNotice stop) {
        if (dossierBasics(stop.dossier())) {
            present(stop.dossier().receivedAt(), "dossier.receivedAt");
        }
        text(stop.reason(), "reason");
        signatory(stop.signatory());
        texts(stop.recipients(), "recipients");
    }

    private void controlSheet(ControlSheet sheet) {
        DossierSheet dossier = sheet.dossier();
        if (dossierBasics(dossier)) {
            present(dossier.receivedAt(), "dossier.receivedAt");
            present(dossier.dueAt(), "dossier.dueAt");
        }
        text(sheet.leadUnit(), "leadUnit");
        texts(sheet.coordinatingUnits(), "coordinatingUnits");
        if (sheet.handovers().isEmpty()) {
            missing.add("handovers");
        }
        for (int i = 0; i < sheet.handovers().size(); i++) {
            Handover handover = sheet.handovers().get(i);
            String path = "handovers[" + i + "]";
            text(handover.from(), path + ".from");
            text(handover.to(), path + ".to");
            present(handover.handedOverAt(), path + ".handedOverAt");
        }
    }

    private void register(TrackingRegister register) {
        if (register.periodFrom() != null && register.periodTo() != null
                && register.periodTo().isBefore(register.periodFrom())) {
            invalid.add("periodTo must not be before periodFrom");
        }
        for (int i = 0; i < register.rows().size(); i++) {
            RegisterRow row = register.rows().get(i);
            String path = "rows[" + i + "]";
            text(row.code(), path + ".code");
            text(row.procedureName(), path + ".procedureName");
            text(row.applicantName(), path + ".applicantName");
            present(row.receivedAt(), path + ".receivedAt");
            present(row.status(), path + ".status");
        }
    }

    /** The dossier, its code, procedure and applicant's name; false if there is no dossier to check further. */
    private boolean dossierBasics(DossierSheet dossier) {
        if (dossier == null) {
            missing.add("dossier");
            return false;
        }
        text(dossier.code(), "dossier.code");
        text(dossier.procedureName(), "dossier.procedureName");
        if (dossier.applicant() == null) {
            missing.add("dossier.applicant");
        } else {
            text(dossier.applicant().name(), "dossier.applicant.name");
        }
        return true;
    }

    private void unit(IssuingUnit unit) {
        if (unit == null) {
            missing.add("unit");
            return;
        }
        text(unit.name(), "unit.name");
        text(unit.place(), "unit.place");
    }

    private void signatory(Signatory signatory) {
        if (signatory == null) {
            missing.add("signatory");
            return;
        }
        text(signatory.position(), "signatory.position");
        text(signatory.name(), "signatory.name");
    }

    private void texts(List<String> values, String name) {
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), name + "[" + i + "]");
        }
    }

    private void text(String value, String name) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }

    private void present(Object value, String name) {
        if (value == null) {
            missing.add(name);
        }
    }

    private void after(Instant later, Instant earlier, String laterName, String earlierName) {
        if (later != null && earlier != null && !later.isAfter(earlier)) {
            invalid.add(laterName + " must be after " + earlierName);
        }
    }

    private void throwIfAny() {
        if (missing.isEmpty() && invalid.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Form ").append(data.form().number()).append(" (")
                .append(data.form().name()).append(") cannot be rendered:");
        if (!missing.isEmpty()) {
            message.append(" missing ").append(String.join(", ", missing)).append('.');
        }
        if (!invalid.isEmpty()) {
            message.append(' ').append(String.join("; ", invalid)).append('.');
        }
        throw new IllegalArgumentException(message.toString());
    }
}
