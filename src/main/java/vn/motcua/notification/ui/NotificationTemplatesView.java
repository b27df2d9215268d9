package vn.motcua.notification.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.TemplateKey;
import vn.motcua.notification.TemplateText;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;

/**
 * Mẫu thông báo: the administrator picks a template and a language, changes its subject and text (the placeholders
 * listed under it), saves it or goes back to the default. A refused text says why under the field.
 */
@Route("admin/notifications")
@Menu(title = "menu.notificationTemplates", order = 96)
@RolesAllowed("ADMIN")
public class NotificationTemplatesView extends VerticalLayout implements HasDynamicTitle {
    private final NotificationService service;
    private final Select<TemplateKey> template = new Select<>();
    private final Select<String> language = new Select<>();
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();
    private final Paragraph state = new Paragraph();

    public NotificationTemplatesView(NotificationService service) {
        this.service = service;
        template.setId("notification-template");
        template.setLabel(getTranslation("notification.templates.template"));
        template.setItems(TemplateKey.values());
        template.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        template.setValue(TemplateKey.RECEIVED);
        language.setId("notification-language");
        language.setLabel(getTranslation("notification.templates.language"));
        language.setItems(List.of("vi", "en"));
        language.setItemLabelGenerator(l -> "vi".equals(l) ? "Tiếng Việt" : "English");
        language.setValue("vi");
        template.addValueChangeListener(e -> show());
        language.addValueChangeListener(e -> show());
        subject.setId("notification-subject");
        subject.setLabel(getTranslation("notification.templates.subject"));
        subject.setWidthFull();
        body.setId("notification-body");
        body.setLabel(getTranslation("notification.templates.body"));
        body.setWidthFull();
        body.setMinHeight("16em");
        state.setId("notification-template-state");
        var save = new Button(getTranslation("notification.templates.save"), e -> save());
        save.setId("notification-template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var reset = new Button(getTranslation("notification.templates.reset"), e -> reset());
        reset.setId("notification-template-reset");
        var placeholders = new Paragraph(getTranslation("notification.templates.placeholders",
                String.join(", ", vn.motcua.notification.internal.Templates.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList())));
        add(new H2(getTranslation("notification.templates.title")), new Paragraph(getTranslation("notification.templates.intro")),
                new HorizontalLayout(template, language), subject, body, placeholders, state, new HorizontalLayout(save, reset));
        setMaxWidth("60em");
        show();
    }

    private void show() {
        if (template.getValue() == null || language.getValue() == null) return;
        var text = service.templates().stream()
                .filter(t -> t.key() == template.getValue() && t.language().equals(language.getValue())).findFirst().orElseThrow();
        display(text);
    }

    private void display(TemplateText text) {
        subject.setValue(text.subject());
        body.setValue(text.body());
        subject.setInvalid(false);
        body.setInvalid(false);
        state.setText(text.customised()
                ? getTranslation("notification.templates.customised", text.updatedBy(), Formats.dateTime(text.updatedAt()))
                : getTranslation("notification.templates.default"));
    }

    private void save() {
        subject.setInvalid(false);
        body.setInvalid(false);
        try {
            display(service.saveTemplate(template.getValue().name(), language.getValue(), subject.getValue(), body.getValue()));
            Notification.show(getTranslation("notification.templates.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            for (var v : e.violations()) {
                var field = "subject".equals(v.field()) ? subject : "body".equals(v.field()) ? body : null;
                if (field == subject) {
                    subject.setErrorMessage(v.message());
                    subject.setInvalid(true);
                } else if (field == body) {
                    body.setErrorMessage(v.message());
                    body.setInvalid(true);
                }
            }
        }
    }

    private void reset() {
        display(service.resetTemplate(template.getValue().name(), language.getValue()));
    }

    @Override
    public String getPageTitle() { return getTranslation("notification.templates.title"); }
}
