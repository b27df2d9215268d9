package vn.motcua.dossier.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import vn.motcua.dossier.RatingCriterion;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;

/**
 * The applicant rates the service of an ended dossier (once): a score of 1 to 5, what went wrong along the
 * satisfaction criteria (offered when the score is {@value RatingCriterion#MAX_SCORE} or less), whether they complain,
 * a comment. The same form on the tracking page (code and key, no account) and on the citizen's own dossier page;
 * each says how the rating is sent. A refusal is shown on the field it names, or under the form.
 */
class RatingForm extends Div {

    /** Sends the rating; throws what the application service throws when it refuses. */
    @FunctionalInterface
    interface Sender {
        void send(int score, boolean complaint, String comment, List<String> criteria);
    }

    private final Div errors = new Div();

    /**
     * @param id      the form's id; its fields carry it as prefix ({@code id-score}, {@code id-criteria},
     *                {@code id-complaint}, {@code id-comment}, {@code id-send}, {@code id-error})
     * @param sender  sends the rating
     * @param onRated what the page does once the rating is kept (shows the dossier again, thanks the applicant)
     */
    RatingForm(String id, Sender sender, Runnable onRated) {
        setId(id);
        addClassName("section");
        var score = new RadioButtonGroup<Integer>(getTranslation("tracking.rating.score"));
        score.setId(id + "-score");
        score.setItems(5, 4, 3, 2, 1);
        score.setItemLabelGenerator(n -> getTranslation("tracking.rating.score." + n));
        var criteria = new CheckboxGroup<RatingCriterion>(getTranslation("tracking.rating.criteria"));
        criteria.setId(id + "-criteria");
        criteria.setItems(RatingCriterion.values());
        criteria.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        criteria.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        criteria.setVisible(false);
        score.addValueChangeListener(e -> {
            boolean low = e.getValue() != null && e.getValue() <= RatingCriterion.MAX_SCORE;
            criteria.setVisible(low);
            if (!low) criteria.clear();
        });
        var complaint = new Checkbox(getTranslation("tracking.rating.complaint"));
        complaint.setId(id + "-complaint");
        var comment = new TextArea(getTranslation("tracking.rating.comment"));
        comment.setId(id + "-comment");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        errors.setId(id + "-error");
        var send = new Button(getTranslation("tracking.rating.send"), e -> {
            errors.removeAll();
            score.setInvalid(false);
            comment.setInvalid(false);
            criteria.setInvalid(false);
            if (score.getValue() == null) {
                score.setInvalid(true);
                score.setErrorMessage(getTranslation("dossier.rating.score"));
                return;
            }
            try {
                sender.send(score.getValue(), complaint.getValue(), comment.getValue(),
                        criteria.getValue().stream().map(Enum::name).toList());
                onRated.run();
            } catch (InvalidInputException ex) {
                var violation = ex.violations().get(0);
                switch (violation.field()) {
                    case "comment" -> { comment.setInvalid(true); comment.setErrorMessage(violation.message()); }
                    case "criteria" -> { criteria.setInvalid(true); criteria.setErrorMessage(violation.message()); }
                    default -> { score.setInvalid(true); score.setErrorMessage(violation.message()); }
                }
            } catch (BusinessRuleException ex) {
                error(getTranslation(ex.messageKey(), ex.args()));
            } catch (NotFoundException ex) {
                error(getTranslation(ex.messageKey(), ex.args()));
            } catch (TooManyAttemptsException ex) {
                error(getTranslation(ex.messageKey(), Math.max(1, (ex.retryAfterSeconds() + 59) / 60)));
            }
        });
        send.setId(id + "-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("tracking.rating.title")), score, criteria, complaint, comment, send, errors);
    }

    private void error(String message) {
        var p = new Paragraph(message);
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        errors.add(p);
    }
}
