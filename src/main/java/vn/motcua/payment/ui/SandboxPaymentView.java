package vn.motcua.payment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.motcua.payment.PaymentService;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.SandboxGateway;
import vn.motcua.security.CurrentUser;

/**
 * The sandbox payment service's own page, as the national payment platform shows it: the transaction's amount and
 * description, and "pay" and "cancel". Either settles the transaction in the sandbox's ledger and sends the signed
 * callback to MotCua (late or repeated as configured). Only the payer who started the payment sees it, and only while
 * the sandbox is the provider in use; anyone else is told it is not found.
 */
@Route(SandboxGateway.ROUTE + "/:id")
@PermitAll
public class SandboxPaymentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final SandboxGateway sandbox;
    private final PaymentService payments;
    private final PaymentRepository repository;
    private final CurrentUser currentUser;

    public SandboxPaymentView(SandboxGateway sandbox, PaymentService payments, PaymentRepository repository,
                              CurrentUser currentUser) {
        this.sandbox = sandbox;
        this.payments = payments;
        this.repository = repository;
        this.currentUser = currentUser;
        setMaxWidth("640px");
    }

    @Override
    public String getPageTitle() { return getTranslation("payment.sandbox.title"); }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        String user = currentUser.get().map(u -> u.username()).orElse(null);
        var transaction = SandboxGateway.PROVIDER.equals(payments.gateway().provider()) ? sandbox.transaction(id) : java.util.Optional.<SandboxGateway.Transaction>empty();
        if (transaction.isEmpty() || user == null || !user.equals(transaction.get().payer())) {
            add(new H2(getTranslation("payment.sandbox.notFound")));
            return;
        }
        show(transaction.get());
    }

    private void show(SandboxGateway.Transaction t) {
        removeAll();
        add(new H2(getTranslation("payment.sandbox.title")));
        add(new Paragraph(getTranslation("payment.sandbox.explain")));
        add(new Paragraph(t.description()));
        var amount = new Paragraph(getTranslation("payment.sandbox.amount", t.amount().toPlainString()));
        amount.setId("sandbox-amount");
        add(amount);
        String dossier = repository.find(t.merchantRef()).map(p -> p.dossierCode()).orElse(null);
        if (t.status() != PaymentStatus.CREATED) {
            var done = new Paragraph(getTranslation("payment.sandbox.settled", getTranslation(t.status().messageKey())));
            done.setId("sandbox-settled");
            add(done);
            if (dossier != null) add(new Anchor("dossiers/" + dossier, getTranslation("payment.sandbox.back")));
            return;
        }
        // the QR code a banking app scans, as on the national payment platform's page
        repository.find(t.merchantRef()).map(p -> p.qrContent()).filter(q -> q != null && !q.isBlank()).ifPresent(q -> {
            var png = new com.vaadin.flow.server.StreamResource("qr-" + t.id() + ".png",
                    () -> new java.io.ByteArrayInputStream(vn.motcua.paperwork.QrCodes.png(q, 6)));
            png.setContentType("image/png");
            var qr = new com.vaadin.flow.component.html.Image(png, getTranslation("payment.sandbox.qr"));
            qr.setId("sandbox-qr");
            qr.setWidth("12rem");
            add(qr, new Paragraph(getTranslation("payment.sandbox.qr.hint")));
        });
        var pay = new Button(getTranslation("payment.sandbox.pay"), e -> settle(t.id(), PaymentStatus.PAID));
        pay.setId("sandbox-pay");
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pay.setDisableOnClick(true);
        var cancel = new Button(getTranslation("payment.sandbox.cancel"), e -> settle(t.id(), PaymentStatus.CANCELLED));
        cancel.setId("sandbox-cancel");
        cancel.setDisableOnClick(true);
        add(new HorizontalLayout(pay, cancel));
    }

    private void settle(String id, PaymentStatus outcome) {
        sandbox.deliver(sandbox.settle(id, outcome), null, null);
        sandbox.transaction(id).ifPresent(this::show);
    }
}
