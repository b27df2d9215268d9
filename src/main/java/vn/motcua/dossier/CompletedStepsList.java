package vn.motcua.dossier;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import vn.motcua.shared.Formats;

/**
 * The completed steps of a dossier as people read them: each step's name, who completed it and in which unit (full
 * names, never login names or unit identifiers), when, its decision and its opinion. Used by the dossier view and,
 * above a step's form, by the task view.
 */
public class CompletedStepsList extends Div {

    /**
     * @param steps       the steps, in the order to show
     * @param idPrefix    prefix of each card's id ({@code <prefix>-<n>}, n from 0 in the order shown)
     */
    public CompletedStepsList(List<DossierWork.CompletedStep> steps, String idPrefix) {
        addClassName("completed-steps");
        if (steps.isEmpty()) {
            var none = new Paragraph(getTranslation("dossier.steps.empty"));
            none.addClassName("muted");
            add(none);
            return;
        }
        int n = 0;
        for (DossierWork.CompletedStep step : steps) {
            var card = new Div();
            card.addClassName("timeline-entry");
            card.setId(idPrefix + "-" + n++);
            var name = new Span(step.name());
            name.addClassName("step-name");
            name.getStyle().set("font-weight", "600");
            card.add(new Div(name));
            String who = step.by().fullName() + (step.unit() == null ? "" : " · " + step.unit().name())
                    + " · " + Formats.dateTime(step.completedAt());
            var by = new Div(new Span(who));
            by.addClassName("muted");
            by.addClassName("step-by");
            card.add(by);
            if (step.decision() != null) {
                var decision = new Div(new Span(getTranslation("dossier.step.decision") + ": " + step.decision()));
                decision.addClassName("step-decision");
                card.add(decision);
            }
            if (step.opinion() != null) {
                var opinion = new Div(new Span(getTranslation("dossier.step.opinion") + ": " + step.opinion()));
                opinion.addClassName("step-opinion");
                opinion.getStyle().set("white-space", "pre-line");
                card.add(opinion);
            }
            add(card);
        }
    }
}
