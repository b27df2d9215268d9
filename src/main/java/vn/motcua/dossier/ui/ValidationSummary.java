package vn.motcua.dossier.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import vn.motcua.forms.FormRenderer;
import vn.motcua.shared.InvalidInputException;

/**
 * Every validation error of the desk's intake and of the online submission at once, each naming its field ("Họ và
 * tên người nộp: Thông tin này là bắt buộc."), above the buttons; the fields themselves are marked by their views.
 * Each line carries the field's path ({@code data-field}) for the tests and the browser walk.
 */
class ValidationSummary extends Div {
    private final UnorderedList lines = new UnorderedList();

    ValidationSummary(String id) {
        setId(id);
        addClassName("validation-summary");
        getStyle().set("color", "var(--lumo-error-text-color)");
        add(new Span(getTranslation("intake.errors")), lines);
        setVisible(false);
    }

    /** Shows these violations, one line each, naming the field ({@code form} gives the declaration's labels). */
    void show(List<InvalidInputException.Violation> violations, FormRenderer form) {
        lines.removeAll();
        for (var v : violations) {
            var line = new ListItem(getTranslation("intake.error.field", label(v.field(), form), v.message()));
            line.getElement().setAttribute("data-field", v.field());
            lines.add(line);
        }
        setVisible(!violations.isEmpty());
    }

    /** Hides the summary. */
    void clear() {
        lines.removeAll();
        setVisible(false);
    }

    /** The lines shown, as the user reads them. */
    List<String> lines() {
        return lines.getChildren().map(c -> c.getElement().getText()).toList();
    }

    /** The label the user sees for a field path: the applicant's fields, the declaration's, the view's own. */
    private String label(String field, FormRenderer form) {
        if (field.startsWith("applicant.")) return getTranslation("dossier." + field);
        if (field.startsWith("data.")) {
            String path = field.substring("data.".length());
            Optional<String> own = form == null ? Optional.empty() : form.getField(path)
                    .filter(HasLabel.class::isInstance).map(c -> ((HasLabel) c).getLabel())
                    .filter(l -> l != null && !l.isBlank());
            return own.orElseGet(() -> getTranslation("intake.field.data") + " (" + path + ")");
        }
        String key = "intake.field." + field;
        String text = getTranslation(key);
        return text == null || text.equals(key) || text.startsWith("!") ? field : text;
    }
}
