package vn.motcua.dossier;

import java.time.Instant;
import java.util.Locale;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.shared.Formats;

/** The essentials of a dossier in one block: code, procedure, applicant, status, dates, current step. */
public class DossierSummary extends FormLayout {
    public DossierSummary(Dossier d, ProcedureCatalogue catalogue, Locale locale, Instant now) {
        this(d, d.unitIdentifier(), catalogue, locale, now);
    }

    /** @param unitName the name of the dossier's unit as people read it (not its identifier) */
    public DossierSummary(Dossier d, String unitName, ProcedureCatalogue catalogue, Locale locale, Instant now) {
        this(d, unitName, null, catalogue, locale, now);
    }

    /**
     * @param unitName  the name of the dossier's unit as people read it (not its identifier)
     * @param residence where the applicant lives, null when not recorded
     */
    public DossierSummary(Dossier d, String unitName, DossierWork.Residence residence, ProcedureCatalogue catalogue,
                          Locale locale, Instant now) {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2), new ResponsiveStep("1000px", 3));
        var code = new Span(d.code());
        code.addClassName("dossier-code");
        code.setId("dossier-code");
        addFormItem(code, getTranslation("dossier.code"));
        addFormItem(new Span(catalogue.procedure(d.procedureCode()).map(p -> p.code() + " · " + p.name(locale)).orElse(d.procedureCode())),
                getTranslation("dossier.procedure"));
        var status = new DossierStatusBadge(d.status());
        status.setId("dossier-status");
        addFormItem(status, getTranslation("dossier.status"));
        addFormItem(new Span(d.applicant().fullName()), getTranslation("dossier.applicant"));
        if (residence != null) {
            var lives = new Span(residence.name());
            lives.setId("dossier-residence");
            if (residence.away()) {
                var away = new Span(getTranslation("dossier.residence.away"));
                away.setId("dossier-residence-away");
                away.getElement().getThemeList().add("badge contrast");
                away.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
                lives.add(away);
            }
            addFormItem(lives, getTranslation("dossier.residence"));
        }
        addFormItem(new Span(getTranslation(d.channel().messageKey())), getTranslation("dossier.channel"));
        var unit = new Span(unitName);
        unit.setId("dossier-unit");
        addFormItem(unit, getTranslation("dossier.unit"));
        addFormItem(new Span(Formats.dateTime(d.receivedAt())), getTranslation("dossier.receivedAt"));
        var due = new Span(Formats.dateTime(d.dueAt()));
        due.setId("dossier-due");
        if (d.dueAt() != null && d.finishedAt() == null && d.dueAt().isBefore(now)) due.addClassName("overdue");
        addFormItem(due, getTranslation("dossier.dueAt"));
        if (d.currentStep() != null && d.finishedAt() == null) addFormItem(new Span(d.currentStep()), getTranslation("dossier.currentStep"));
        if (d.finishedAt() != null) addFormItem(new Span(Formats.dateTime(d.finishedAt())), getTranslation("dossier.finishedAt"));
        if (d.returnedAt() != null) addFormItem(new Span(Formats.dateTime(d.returnedAt())), getTranslation("dossier.returnedAt"));
    }
}
