package vn.motcua.payment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.extension.DossierPanel;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.Messages;

/**
 * The payments of a dossier in the dossier view: each with its amount, status and receipt; the owner of a dossier
 * waiting for its payment gets the button that starts paying online (and is sent to the payment service's page).
 */
@org.springframework.stereotype.Component
class PaymentPanel implements DossierPanel {
    private final PaymentService payments;
    private final DossierService dossiers;
    private final CurrentUser currentUser;
    private final Messages messages;

    PaymentPanel(PaymentService payments, DossierService dossiers, CurrentUser currentUser, Messages messages) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @Override
    public int order() { return 30; }

    @Override
    public Component create(String dossierCode, boolean editable) {
        var dossier = dossiers.get(dossierCode);
        var list = payments.ofDossier(dossierCode);
        boolean owner = currentUser.get().map(u -> u.username().equals(dossier.ownerUsername())).orElse(false);
        boolean waiting = dossier.status() == DossierStatus.PAYMENT_REQUESTED;
        if (list.isEmpty() && !(owner && waiting)) return null;
        var section = new Div();
        section.setId("dossier-payments");
        section.add(new H3(messages.get("payment.panel.title")));
        for (Payment p : list) {
            var row = new Div();
            row.addClassName("payment-row");
            row.add(new Span(Formats.dateTime(p.createdAt()) + " · " + p.amount().toPlainString() + " " + p.currency()
                    + " · " + messages.get(p.status().messageKey())));
            if (p.status() == PaymentStatus.PAID) {
                var receipt = new Anchor("/api/dossiers/" + p.dossierCode() + "/payments/" + p.id() + "/receipt",
                        messages.get("payment.panel.receipt"));
                receipt.setTarget("_blank");
                receipt.getStyle().set("margin-left", "var(--lumo-space-m)");
                row.add(receipt);
            }
            section.add(row);
        }
        if (owner && waiting) {
            var pay = new Button(messages.get("payment.panel.pay", payments.feeOf(dossierCode).toPlainString()));
            pay.setId("payment-start");
            pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pay.setDisableOnClick(true);
            pay.addClickListener(e -> {
                try {
                    var started = payments.start(dossierCode);
                    UI.getCurrent().getPage().setLocation(started.payment().payUrl());
                } catch (BusinessRuleException refused) {
                    Notification.show(messages.get(refused.messageKey(), refused.args()));
                    pay.setEnabled(true);
                }
            });
            section.add(new Div(pay));
        }
        return section;
    }
}
