package vn.motcua.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import vn.motcua.shared.InvalidInputException;

/** Asks a name and saves a list's filters (its query string) under it, for the signed-in user. */
public final class SaveFilterDialog {
    private SaveFilterDialog() { }

    /**
     * Opens the dialog for {@code list} ("tasks" or "dossiers"); {@code idPrefix} names its fields for tests
     * ({@code <prefix>-filter-name}, {@code <prefix>-filter-save-ok}); {@code onSaved} runs after a save.
     */
    public static void open(SavedFilters savedFilters, String list, String query, String idPrefix, Runnable onSaved) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("task.filter.save"));
        var name = new TextField(dialog.getTranslation("task.filter.name"));
        name.setId(idPrefix + "-filter-name");
        name.setWidthFull();
        var ok = new Button(dialog.getTranslation("task.filter.save"), e -> {
            try {
                var saved = savedFilters.save(list, name.getValue(), query);
                dialog.close();
                onSaved.run();
                Notification.show(dialog.getTranslation("task.filter.savedAs", saved.name()), 3000, Notification.Position.TOP_CENTER);
            } catch (InvalidInputException ex) {
                name.setInvalid(true);
                name.setErrorMessage(ex.violations().get(0).message());
            }
        });
        ok.setId(idPrefix + "-filter-save-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button(dialog.getTranslation("dossier.action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }
}
