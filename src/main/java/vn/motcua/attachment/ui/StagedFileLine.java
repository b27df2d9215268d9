package vn.motcua.attachment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import vn.motcua.attachment.StagedUpload;

/**
 * The line of a file staged for a dossier not received yet (the intake's files, a form's file picker): its name and
 * size, and a button that removes it, which says so once done.
 */
final class StagedFileLine {
    private StagedFileLine() { }

    /**
     * @param owner     the view whose language the line speaks
     * @param removable whether the button may be used (a read-only picker keeps its files)
     * @param remove    what removing the file does in its view (discards it, shows the list again)
     */
    static Div of(Component owner, StagedUpload file, boolean removable, Runnable remove) {
        var line = new Div();
        line.getElement().setAttribute("data-reference", file.reference());
        line.add(new Span(file.fileName() + (file.size() > 0 ? " (" + AttachmentsSection.size(file.size()) + ") " : " ")));
        var button = new Button(owner.getTranslation("attachment.staged.remove"), e -> {
            remove.run();
            Notification.show(owner.getTranslation("attachment.staged.removed", file.fileName()), 3000, Notification.Position.TOP_END);
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("data-remove", file.reference());
        button.setEnabled(removable);
        line.add(button);
        return line;
    }
}
