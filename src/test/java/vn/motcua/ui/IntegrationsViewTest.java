package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.integration.WebhookDelivery;
import vn.motcua.integration.WebhookSubscription;
import vn.motcua.integration.Webhooks;
import vn.motcua.integration.ui.IntegrationsView;
import vn.motcua.organisation.ApiClients;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.security.SystemAccess;

/**
 * Kết nối hệ thống (/admin/integrations): an administrator creates a connected system and is shown its key once,
 * subscribes a webhook for it and is shown its secret once, sends a test message, reads the delivery log and sends a
 * message again, revokes the system; a wrong address is shown on its field; nobody else opens the view.
 */
@MotCuaTest
class IntegrationsViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired OrganisationService organisation;
    @Autowired Webhooks webhooks;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorConnectsASystemSubscribesItsWebhookAndSendsAMessageAgain() {
        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/integrations");
        _get(IntegrationsView.class);
        assertThat(_get(H3.class, s -> s.withText("Hệ thống kết nối"))).isNotNull();

        _click(_get(Button.class, s -> s.withId("integrations-client-create")));
        _click(_get(Button.class, s -> s.withId("integrations-client-save")));
        var name = _get(TextField.class, s -> s.withId("integrations-client-name"));
        assertThat(name.isInvalid()).as("an empty name is shown on its field").isTrue();
        _setValue(name, "Hệ thống một cửa thử giao diện");
        Unit ward = organisation.unitByIdentifier(BirthRegistrationSample.WARD).orElseThrow();
        _setValue((ComboBox<Unit>) _get(ComboBox.class, s -> s.withId("integrations-client-unit")), ward);
        _setValue((CheckboxGroup<String>) _get(CheckboxGroup.class, s -> s.withId("integrations-client-scopes")), Set.of("dossiers:write"));
        _click(_get(Button.class, s -> s.withId("integrations-client-save")));
        String key = _get(Span.class, s -> s.withId("integrations-key-dialog-value")).getText();
        assertThat(key).startsWith("ak_").contains(".");
        _get(Dialog.class, s -> s.withId("integrations-key-dialog")).close();
        Grid<ApiClients.ApiClient> clientGrid = _get(Grid.class, s -> s.withId("integrations-clients"));
        var client = GridKt._findAll(clientGrid).stream().filter(c -> key.startsWith(c.clientId() + ".")).findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(clientGrid, GridKt._findAll(clientGrid).indexOf(client)))
                .contains("Hệ thống một cửa thử giao diện", BirthRegistrationSample.WARD, "dossiers:write", "Đang hoạt động");

        _click(_get(Button.class, s -> s.withId("integrations-webhook-create")));
        _setValue((ComboBox<ApiClients.ApiClient>) _get(ComboBox.class, s -> s.withId("integrations-webhook-client")), client);
        var url = _get(TextField.class, s -> s.withId("integrations-webhook-url"));
        _setValue(url, "ftp://example.vn/hooks");
        _click(_get(Button.class, s -> s.withId("integrations-webhook-save")));
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("Địa chỉ phải là URL http hoặc https");
        _setValue(url, "http://127.0.0.1:9/hooks");
        _click(_get(Button.class, s -> s.withId("integrations-webhook-save")));
        assertThat(_get(Span.class, s -> s.withId("integrations-secret-dialog-value")).getText()).startsWith("whsec_");
        _get(Dialog.class, s -> s.withId("integrations-secret-dialog")).close();

        Grid<WebhookSubscription> subscriptions = _get(Grid.class, s -> s.withId("integrations-webhooks"));
        var subscription = GridKt._findAll(subscriptions).stream().filter(s -> s.clientId().equals(client.clientId())).findFirst().orElseThrow();
        assertThat(subscriptions.getSelectedItems()).as("the new webhook is selected").containsExactly(subscription);
        assertThat(_get(H3.class, s -> s.withId("integrations-deliveries-title")).getText()).contains("http://127.0.0.1:9/hooks");

        _click(action(subscriptions, subscription, "integrations-test-"));
        Grid<WebhookDelivery> deliveries = _get(Grid.class, s -> s.withId("integrations-deliveries"));
        assertThat(GridKt._findAll(deliveries)).singleElement().satisfies(d -> {
            assertThat(d.eventType()).isEqualTo("webhook.test");
            assertThat(d.status()).isEqualTo(WebhookDelivery.PENDING);
        });
        SystemAccess.call(webhooks::deliverDue); // nothing listens on port 9: the attempt fails and waits for the next
        _click(action(subscriptions, subscription, "integrations-pause-"));
        assertThat(GridKt._getFormattedRow(subscriptions, GridKt._findAll(subscriptions).indexOf(
                GridKt._findAll(subscriptions).stream().filter(s -> s.id() == subscription.id()).findFirst().orElseThrow()))).contains("Tạm dừng");
        var paused = GridKt._findAll(subscriptions).stream().filter(s -> s.id() == subscription.id()).findFirst().orElseThrow();
        _click(action(subscriptions, paused, "integrations-pause-")); // resumes
        var attempted = GridKt._findAll(deliveries).get(0);
        assertThat(attempted.attempts()).isEqualTo(1);
        assertThat(attempted.lastError()).isNotBlank();
        assertThat(GridKt._getFormattedRow(deliveries, 0)).contains("Đang chờ gửi", "webhook.test");

        _click((Button) GridKt._getCellComponent(deliveries, 0, "replay"));
        assertThat(GridKt._findAll(deliveries)).hasSize(2).first().satisfies(d -> {
            assertThat(d.replayOf()).isEqualTo(attempted.id());
            assertThat(d.messageId()).isEqualTo(attempted.messageId());
        });

        _click((Button) GridKt._getCellComponent(clientGrid, GridKt._findAll(clientGrid).indexOf(client), "revoke"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("integrations-revoke-dialog")));
        var revoked = GridKt._findAll(clientGrid).stream().filter(c -> c.clientId().equals(client.clientId())).findFirst().orElseThrow();
        assertThat(revoked.active()).isFalse();

        var current = GridKt._findAll(subscriptions).stream().filter(s -> s.id() == subscription.id()).findFirst().orElseThrow();
        _click(action(subscriptions, current, "integrations-delete-"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("integrations-delete-dialog")));
        assertThat(SystemAccess.call(() -> webhooks.subscriptions())).as("administrators see all; this one is gone")
                .noneMatch(s -> s.id() == subscription.id());
    }

    /** A button of a webhook's row, by the start of its id. */
    private static Button action(Grid<WebhookSubscription> grid, WebhookSubscription row, String idPrefix) {
        var cell = GridKt._getCellComponent(grid, GridKt._findAll(grid).indexOf(row), "actions");
        return cell.getChildren().filter(c -> c.getId().orElse("").equals(idPrefix + row.id())).map(Button.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void nobodyElseOpensIt() {
        KaribuViews.signInAs(users, "supervisor");
        UI.getCurrent().navigate("admin/integrations");
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        assertThatThrownBy(() -> _get(IntegrationsView.class)).hasMessageContaining("No visible IntegrationsView");
    }
}
