package vn.motcua.integration.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.integration.WebhookDelivery;
import vn.motcua.integration.WebhookSubscription;
import vn.motcua.integration.Webhooks;
import vn.motcua.organisation.ApiClients;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/**
 * Kết nối hệ thống: the connected systems (API clients: created with a key shown once, revoked) and their webhook
 * subscriptions, each with its delivery log, a test message and a replay button for any message.
 */
@Route("admin/integrations")
@Menu(title = "menu.integrations", order = 98)
@RolesAllowed("ADMIN")
public class IntegrationsView extends VerticalLayout implements HasDynamicTitle {
    private static final String ALL = "";
    private static final int PAGE = 100;

    private final ApiClients clients;
    private final Webhooks webhooks;
    private final OrganisationService organisation;
    private final Grid<ApiClients.ApiClient> clientGrid = new Grid<>();
    private final Grid<WebhookSubscription> subscriptionGrid = new Grid<>();
    private final Grid<WebhookDelivery> deliveryGrid = new Grid<>();
    private final Select<String> deliveryStatus = new Select<>();
    private final H3 deliveryTitle = new H3();
    private final Paragraph noSubscription = new Paragraph();
    private WebhookSubscription selected;

    public IntegrationsView(ApiClients clients, Webhooks webhooks, OrganisationService organisation) {
        this.clients = clients;
        this.webhooks = webhooks;
        this.organisation = organisation;
        setSizeFull();

        var newClient = new Button(getTranslation("integrations.client.create"), e -> createClient());
        newClient.setId("integrations-client-create");
        newClient.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        clientGrid.setId("integrations-clients");
        clientGrid.addColumn(ApiClients.ApiClient::name).setHeader(getTranslation("integrations.client.name")).setFlexGrow(2);
        clientGrid.addColumn(ApiClients.ApiClient::clientId).setHeader(getTranslation("integrations.client.id")).setAutoWidth(true);
        clientGrid.addColumn(ApiClients.ApiClient::unit).setHeader(getTranslation("integrations.client.unit")).setAutoWidth(true);
        clientGrid.addColumn(c -> String.join(", ", c.scopes())).setHeader(getTranslation("integrations.client.scopes")).setAutoWidth(true);
        clientGrid.addColumn(c -> Formats.dateTime(c.lastUsedAt())).setHeader(getTranslation("integrations.client.lastUsed")).setAutoWidth(true);
        clientGrid.addColumn(c -> getTranslation(c.active() ? "integrations.client.active" : "integrations.client.revoked",
                Formats.dateTime(c.revokedAt()))).setHeader(getTranslation("integrations.client.status")).setAutoWidth(true);
        clientGrid.addComponentColumn(c -> {
            var revoke = new Button(getTranslation("integrations.client.revoke"), e -> revoke(c));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(c.active());
            revoke.setId("integrations-revoke-" + c.clientId());
            return revoke;
        }).setKey("revoke").setAutoWidth(true).setFlexGrow(0);
        clientGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        clientGrid.setAllRowsVisible(true);

        var newSubscription = new Button(getTranslation("integrations.webhook.create"), e -> subscribe());
        newSubscription.setId("integrations-webhook-create");
        subscriptionGrid.setId("integrations-webhooks");
        subscriptionGrid.addColumn(WebhookSubscription::clientName).setHeader(getTranslation("integrations.client.name")).setAutoWidth(true);
        subscriptionGrid.addColumn(WebhookSubscription::url).setHeader(getTranslation("integrations.webhook.url")).setFlexGrow(3);
        subscriptionGrid.addColumn(s -> getTranslation("integrations.webhook.scope." + s.scope())).setHeader(getTranslation("integrations.webhook.scope")).setAutoWidth(true);
        subscriptionGrid.addColumn(s -> getTranslation(s.active() ? "integrations.webhook.active" : "integrations.webhook.paused"))
                .setHeader(getTranslation("integrations.webhook.status")).setAutoWidth(true);
        subscriptionGrid.addColumn(this::countsText).setHeader(getTranslation("integrations.webhook.messages")).setAutoWidth(true);
        subscriptionGrid.addComponentColumn(this::subscriptionActions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        subscriptionGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        subscriptionGrid.setAllRowsVisible(true);
        subscriptionGrid.addSelectionListener(e -> {
            selected = e.getFirstSelectedItem().orElse(null);
            showDeliveries();
        });
        noSubscription.setId("integrations-webhooks-empty");
        noSubscription.setText(getTranslation("integrations.webhook.none"));

        deliveryStatus.setId("integrations-delivery-status");
        deliveryStatus.setLabel(getTranslation("integrations.delivery.status"));
        deliveryStatus.setItems(ALL, WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED);
        deliveryStatus.setItemLabelGenerator(s -> getTranslation(s.isEmpty() ? "integrations.delivery.all" : "integrations.delivery." + s));
        deliveryStatus.setValue(ALL);
        deliveryStatus.addValueChangeListener(e -> showDeliveries());
        deliveryGrid.setId("integrations-deliveries");
        deliveryGrid.addColumn(d -> Formats.dateTime(d.createdAt())).setHeader(getTranslation("integrations.delivery.at")).setAutoWidth(true);
        deliveryGrid.addColumn(WebhookDelivery::eventType).setHeader(getTranslation("integrations.delivery.type")).setAutoWidth(true);
        deliveryGrid.addColumn(d -> d.dossierCode() == null ? "" : d.dossierCode()).setHeader(getTranslation("integrations.delivery.dossier")).setAutoWidth(true);
        deliveryGrid.addColumn(d -> getTranslation("integrations.delivery." + d.status())).setHeader(getTranslation("integrations.delivery.status")).setAutoWidth(true);
        deliveryGrid.addColumn(WebhookDelivery::attempts).setHeader(getTranslation("integrations.delivery.attempts")).setAutoWidth(true);
        deliveryGrid.addColumn(d -> d.lastResponse() == null ? "" : String.valueOf(d.lastResponse())).setHeader(getTranslation("integrations.delivery.response")).setAutoWidth(true);
        deliveryGrid.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader(getTranslation("integrations.delivery.error")).setFlexGrow(2);
        deliveryGrid.addColumn(d -> Formats.dateTime(d.nextAttemptAt())).setHeader(getTranslation("integrations.delivery.next")).setAutoWidth(true);
        deliveryGrid.addComponentColumn(d -> {
            var replay = new Button(getTranslation("integrations.delivery.replay"), e -> replay(d));
            replay.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            replay.setId("integrations-replay-" + d.id());
            return replay;
        }).setKey("replay").setAutoWidth(true).setFlexGrow(0);
        deliveryGrid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(d -> new Pre(d.payload())));
        deliveryGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        deliveryTitle.setId("integrations-deliveries-title");

        var clientBar = new HorizontalLayout(new H3(getTranslation("integrations.clients")), newClient);
        clientBar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        var webhookBar = new HorizontalLayout(new H3(getTranslation("integrations.webhooks")), newSubscription);
        webhookBar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("integrations.title")), new Paragraph(getTranslation("integrations.intro")),
                clientBar, clientGrid, webhookBar, new Paragraph(getTranslation("integrations.webhook.intro")),
                noSubscription, subscriptionGrid, deliveryTitle, deliveryStatus, deliveryGrid);
        setFlexGrow(1, deliveryGrid);
        refresh();
    }

    private void refresh() {
        clientGrid.setItems(clients.list());
        var subscriptions = webhooks.subscriptions();
        Long keep = selected == null ? null : selected.id();
        subscriptionGrid.setItems(subscriptions); // clears the selection
        subscriptionGrid.setVisible(!subscriptions.isEmpty());
        noSubscription.setVisible(subscriptions.isEmpty());
        selected = keep == null ? null : subscriptions.stream().filter(s -> s.id() == keep).findFirst().orElse(null);
        if (selected != null) subscriptionGrid.select(selected);
        showDeliveries();
    }

    private void showDeliveries() {
        boolean shown = selected != null;
        deliveryTitle.setVisible(shown);
        deliveryStatus.setVisible(shown);
        deliveryGrid.setVisible(shown);
        if (!shown) return;
        deliveryTitle.setText(getTranslation("integrations.deliveries", selected.url()));
        long id = selected.id();
        String status = deliveryStatus.getValue() == null || deliveryStatus.getValue().isEmpty() ? null : deliveryStatus.getValue();
        DataProvider<WebhookDelivery, Void> provider = new CallbackDataProvider<>(
                q -> {
                    // the grid asks for any window; the service answers pages of at most PAGE
                    var window = new java.util.ArrayList<WebhookDelivery>();
                    int end = q.getOffset() + Math.min(q.getLimit(), Integer.MAX_VALUE - q.getOffset());
                    for (int page = q.getOffset() / PAGE; page * PAGE < end; page++) {
                        var items = webhooks.deliveries(id, status, null, page, PAGE).items();
                        for (int i = 0; i < items.size(); i++) {
                            int at = page * PAGE + i;
                            if (at >= q.getOffset() && at < end) window.add(items.get(i));
                        }
                        if (items.size() < PAGE) break;
                    }
                    return window.stream();
                },
                q -> (int) Math.min(Integer.MAX_VALUE, webhooks.deliveries(id, status, null, 0, 1).total()));
        deliveryGrid.setDataProvider(provider);
    }

    private String countsText(WebhookSubscription s) {
        Map<String, Long> counts = webhooks.counts(s.id());
        return getTranslation("integrations.webhook.counts", counts.getOrDefault(WebhookDelivery.DELIVERED, 0L),
                counts.getOrDefault(WebhookDelivery.PENDING, 0L), counts.getOrDefault(WebhookDelivery.FAILED, 0L));
    }

    private HorizontalLayout subscriptionActions(WebhookSubscription s) {
        var test = small("integrations.webhook.test", "integrations-test-" + s.id(), () -> {
            webhooks.test(s.id());
            success(getTranslation("integrations.webhook.tested"));
        });
        var pause = small(s.active() ? "integrations.webhook.pause" : "integrations.webhook.resume", "integrations-pause-" + s.id(),
                () -> webhooks.setActive(s.id(), !s.active()));
        var rotate = small("integrations.webhook.rotate", "integrations-rotate-" + s.id(),
                () -> showSecret(webhooks.rotateSecret(s.id()).secret()));
        var delete = new Button(getTranslation("integrations.webhook.delete"), e -> confirmDelete(s));
        delete.setId("integrations-delete-" + s.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(test, pause, rotate, delete);
    }

    private Button small(String label, String id, Runnable action) {
        var button = new Button(getTranslation(label), e -> {
            if (attempt(action)) refresh();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void createClient() {
        var dialog = new Dialog();
        dialog.setId("integrations-client-dialog");
        dialog.setHeaderTitle(getTranslation("integrations.client.create"));
        var name = new TextField(getTranslation("integrations.client.name"));
        name.setId("integrations-client-name");
        var unit = new ComboBox<Unit>(getTranslation("integrations.client.unit"));
        unit.setId("integrations-client-unit");
        unit.setItems(organisation.units().stream().filter(Unit::active).sorted(Comparator.comparing(Unit::treePath)).toList());
        unit.setItemLabelGenerator(u -> u.identifier() + " · " + u.displayName(getLocale()));
        var scopes = new CheckboxGroup<String>(getTranslation("integrations.client.scopes"));
        scopes.setId("integrations-client-scopes");
        scopes.setItems(ApiClients.SCOPES.keySet().stream().sorted().toList());
        scopes.setItemLabelGenerator(s -> getTranslation("integrations.scope." + s.replace(':', '.')));
        dialog.add(new FormLayout(name, unit, scopes));
        Map<String, HasValidation> fields = Map.of("name", name, "unit", unit, "scopes", scopes);
        var save = new Button(getTranslation("integrations.save"), e -> {
            try {
                var created = clients.create(name.getValue(), List.copyOf(scopes.getValue()),
                        unit.getValue() == null ? null : unit.getValue().identifier());
                dialog.close();
                refresh();
                showKey(created.apiKey());
            } catch (InvalidInputException ex) {
                showViolations(ex, fields);
            }
        });
        save.setId("integrations-client-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("integrations.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    private void revoke(ApiClients.ApiClient client) {
        var dialog = new ConfirmDialog(getTranslation("integrations.client.revoke.title", client.name()),
                getTranslation("integrations.client.revoke.text"), getTranslation("integrations.client.revoke"), e -> {
                    if (attempt(() -> clients.revoke(client.clientId()))) {
                        success(getTranslation("integrations.client.revoked.done", client.name()));
                        refresh();
                    }
                });
        dialog.setId("integrations-revoke-dialog");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("integrations.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        add(dialog);
        dialog.open();
    }

    private void subscribe() {
        var dialog = new Dialog();
        dialog.setId("integrations-webhook-dialog");
        dialog.setHeaderTitle(getTranslation("integrations.webhook.create"));
        var client = new ComboBox<ApiClients.ApiClient>(getTranslation("integrations.webhook.client"));
        client.setId("integrations-webhook-client");
        client.setItems(clients.list().stream().filter(ApiClients.ApiClient::active).toList());
        client.setItemLabelGenerator(c -> c.name() + " · " + c.clientId());
        var url = new TextField(getTranslation("integrations.webhook.url"));
        url.setId("integrations-webhook-url");
        url.setPlaceholder("https://");
        var scope = new Select<String>();
        scope.setId("integrations-webhook-scope");
        scope.setLabel(getTranslation("integrations.webhook.scope"));
        scope.setItems(WebhookSubscription.OWN, WebhookSubscription.UNIT);
        scope.setItemLabelGenerator(s -> getTranslation("integrations.webhook.scope." + s));
        scope.setValue(WebhookSubscription.OWN);
        var description = new TextField(getTranslation("integrations.webhook.description"));
        description.setId("integrations-webhook-description");
        dialog.add(new FormLayout(client, url, scope, description));
        Map<String, HasValidation> fields = Map.of("clientId", client, "url", url, "description", description);
        var save = new Button(getTranslation("integrations.save"), e -> {
            try {
                var subscribed = webhooks.subscribe(client.getValue() == null ? null : client.getValue().clientId(),
                        url.getValue(), scope.getValue(), description.getValue());
                dialog.close();
                selected = subscribed.subscription();
                refresh();
                showSecret(subscribed.secret());
            } catch (InvalidInputException ex) {
                showViolations(ex, fields);
            }
        });
        save.setId("integrations-webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("integrations.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    private void confirmDelete(WebhookSubscription s) {
        var dialog = new ConfirmDialog(getTranslation("integrations.webhook.delete.title"),
                getTranslation("integrations.webhook.delete.text", s.url()), getTranslation("integrations.webhook.delete"), e -> {
                    if (attempt(() -> webhooks.unsubscribe(s.id()))) {
                        if (selected != null && selected.id() == s.id()) selected = null;
                        refresh();
                    }
                });
        dialog.setId("integrations-delete-dialog");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("integrations.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        add(dialog);
        dialog.open();
    }

    private void replay(WebhookDelivery delivery) {
        if (selected != null && attempt(() -> webhooks.replay(selected.id(), delivery.id()))) {
            success(getTranslation("integrations.delivery.replayed"));
            refresh();
        }
    }

    private void showKey(String key) {
        showOnce("integrations-key-dialog", "integrations.client.key.title", "integrations.client.key.text", key);
    }

    private void showSecret(String secret) {
        showOnce("integrations-secret-dialog", "integrations.webhook.secret.title", "integrations.webhook.secret.text", secret);
    }

    /** A key or secret shown this once, to be copied now. */
    private void showOnce(String id, String title, String text, String value) {
        var dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(getTranslation(title));
        var shown = new Span(value);
        shown.setId(id + "-value");
        shown.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        dialog.add(new Paragraph(getTranslation(text)), shown);
        var close = new Button(getTranslation("integrations.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        add(dialog);
        dialog.open();
    }

    private boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (NotFoundException e) {
            error(getTranslation(e.messageKey(), e.args()));
        } catch (InvalidInputException e) {
            error(String.join(" ", e.violations().stream().map(InvalidInputException.Violation::message).toList()));
        }
        return false;
    }

    private static void showViolations(InvalidInputException e, Map<String, HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        for (var v : e.violations()) {
            var field = fields.get(v.field());
            if (field == null) {
                error(v.message());
            } else {
                field.setErrorMessage(v.message());
                field.setInvalid(true);
            }
        }
    }

    private static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() { return getTranslation("integrations.title"); }
}
