package vn.motcua.dossier.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;

/**
 * The actions the signed-in user may take on the dossier now; those that need a reason ask for it first, and those
 * that cannot be undone (accept, refuse, return the result, withdraw, and stop where a stop ends the dossier) ask for
 * a confirmation before they are taken.
 */
class DossierActionsBar extends HorizontalLayout {
    /** Actions after which the dossier cannot go back: each asks "are you sure?" first. */
    static final java.util.Set<DossierAction> IRREVERSIBLE = java.util.EnumSet.of(DossierAction.ACCEPT,
            DossierAction.REFUSE, DossierAction.RETURN_RESULT, DossierAction.WITHDRAW);

    /** The actions that cannot be undone here: {@link #IRREVERSIBLE}, and the stop when it ends the dossier. */
    private final java.util.Set<DossierAction> irreversible;

    DossierActionsBar(Dossier dossier, DossierService dossiers, Consumer<Dossier> onDone) {
        setId("dossier-actions");
        setWrap(true);
        irreversible = java.util.EnumSet.copyOf(IRREVERSIBLE);
        if (dossiers.stoppingEnds()) irreversible.add(DossierAction.STOP);
        for (DossierAction action : dossiers.availableActions(dossier.code())) {
            var button = new Button(getTranslation(action.messageKey()));
            button.setId("action-" + action.path());
            if (action == DossierAction.ACCEPT || action == DossierAction.RETURN_RESULT
                    || action == DossierAction.RECEIVE_SUPPLEMENT || action == DossierAction.CONFIRM_PAYMENT
                    || action == DossierAction.RESUME) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            if (action == DossierAction.REFUSE || action == DossierAction.WITHDRAW || action == DossierAction.STOP) {
                button.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            button.addClickListener(e -> {
                if (action.reasonRequired()) askReason(dossier, action, dossiers, onDone);
                else confirmed(dossier, action, () -> run(dossier, action, null, dossiers, onDone));
            });
            add(button);
        }
    }

    private void askReason(Dossier dossier, DossierAction action, DossierService dossiers, Consumer<Dossier> onDone) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(action.messageKey()) + " · " + dossier.code());
        var reason = new TextArea(getTranslation("dossier.action.reason"));
        reason.setId("action-reason");
        reason.setWidth("32rem");
        reason.setMaxLength(2000);
        reason.setRequiredIndicatorVisible(true);
        dialog.add(reason);
        Runnable act = () -> {
            try {
                dossiers.act(dossier.code(), action, reason.getValue()).code();
                dialog.close();
                done(action, dossier, dossiers, onDone);
            } catch (InvalidInputException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(ex.violations().get(0).message());
            } catch (BusinessRuleException ex) {
                dialog.close();
                error(getTranslation(ex.messageKey(), ex.args()));
            }
        };
        var confirm = new Button(getTranslation("dossier.action.confirm"), e -> {
            if (irreversible.contains(action) && reason.getValue().isBlank()) {
                // Say what is missing before asking "are you sure?"
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("dossier.action.reasonRequired"));
                return;
            }
            confirmed(dossier, action, act);
        });
        confirm.setId("action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("dossier.action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /** Runs the action at once, or after the user confirmed it when it cannot be undone. */
    private void confirmed(Dossier dossier, DossierAction action, Runnable act) {
        if (!irreversible.contains(action)) {
            act.run();
            return;
        }
        var dialog = new ConfirmDialog();
        dialog.setId("action-confirm-dialog");
        dialog.setHeader(getTranslation("dossier.confirm.title", getTranslation(action.messageKey())));
        dialog.setText(getTranslation("dossier.confirm." + action.path(), dossier.code()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("dossier.action.cancel"));
        dialog.setConfirmText(getTranslation(action.messageKey()));
        if (action == DossierAction.REFUSE || action == DossierAction.WITHDRAW || action == DossierAction.STOP) dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act.run());
        dialog.open();
    }

    private void run(Dossier dossier, DossierAction action, String reason, DossierService dossiers, Consumer<Dossier> onDone) {
        try {
            dossiers.act(dossier.code(), action, reason);
            done(action, dossier, dossiers, onDone);
        } catch (BusinessRuleException ex) {
            error(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    private void done(DossierAction action, Dossier dossier, DossierService dossiers, Consumer<Dossier> onDone) {
        var n = Notification.show(getTranslation("dossier.action.done", getTranslation(action.messageKey()), dossier.code()),
                4000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        onDone.accept(dossiers.get(dossier.code()));
    }

    private static void error(String message) {
        var n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
