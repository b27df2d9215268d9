package vn.motcua.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.extension.DossierPanel;
import vn.motcua.notification.ChannelChoice;
import vn.motcua.notification.NotificationLogEntry;
import vn.motcua.notification.NotificationService;
import vn.motcua.organisation.Role;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.Formats;
import vn.motcua.shared.Messages;

/**
 * The notifications of a dossier in the dossier view: for staff, the log (channel, template, to, status, attempts,
 * times, last error); for the applicant who owns it, the channels they are notified by, which they may stop.
 */
@org.springframework.stereotype.Component
class NotificationPanel implements DossierPanel {
    private static final java.util.Set<Role> STAFF = java.util.EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.CLERK,
            Role.SPECIALIST, Role.LEADER);

    private final NotificationService notifications;
    private final DossierService dossiers;
    private final CurrentUser currentUser;
    private final Messages messages;

    NotificationPanel(NotificationService notifications, DossierService dossiers, CurrentUser currentUser, Messages messages) {
        this.notifications = notifications;
        this.dossiers = dossiers;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @Override
    public int order() { return 40; }

    @Override
    public Component create(String dossierCode, boolean editable) {
        var user = currentUser.get().orElse(null);
        if (user == null) return null;
        boolean staff = STAFF.stream().anyMatch(user::has);
        boolean owner = user.has(Role.CITIZEN) && user.username().equals(dossiers.get(dossierCode).ownerUsername());
        if (!staff && !owner) return null;
        var section = new Div();
        section.setId("dossier-notifications");
        section.add(new H3(messages.get("notification.panel.title")));
        if (owner) section.add(channels(dossierCode));
        if (staff) section.add(log(dossierCode));
        return section;
    }

    private Component channels(String code) {
        var row = new HorizontalLayout(new Span(messages.get("notification.panel.channels")));
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        for (ChannelChoice choice : notifications.channels(code)) {
            var box = new Checkbox(messages.get(choice.channel().messageKey()), choice.enabled());
            box.setId("notification-channel-" + choice.channel().name());
            box.addValueChangeListener(e -> {
                if (!e.isFromClient()) return;
                notifications.setChannel(code, choice.channel().name(), e.getValue());
                Notification.show(messages.get("notification.panel.channelsSaved"), 3000, Notification.Position.BOTTOM_START);
            });
            row.add(box);
        }
        return row;
    }

    private Component log(String code) {
        var entries = notifications.log(code);
        if (entries.isEmpty()) return new Paragraph(messages.get("notification.panel.empty"));
        var grid = new Grid<NotificationLogEntry>();
        grid.setId("notification-log");
        grid.addColumn(e -> Formats.dateTime(e.createdAt())).setHeader(messages.get("notification.log.createdAt")).setAutoWidth(true);
        grid.addColumn(e -> messages.get(e.channel().messageKey())).setHeader(messages.get("notification.log.channel")).setAutoWidth(true);
        grid.addColumn(e -> messages.get(e.template().messageKey())).setHeader(messages.get("notification.log.template")).setAutoWidth(true);
        grid.addColumn(e -> e.to() == null ? "" : e.to()).setHeader(messages.get("notification.log.to")).setAutoWidth(true);
        grid.addColumn(e -> messages.get(e.status().messageKey())).setHeader(messages.get("notification.log.status")).setAutoWidth(true);
        grid.addColumn(NotificationLogEntry::attempts).setHeader(messages.get("notification.log.attempts")).setAutoWidth(true);
        grid.addColumn(e -> Formats.dateTime(e.sentAt())).setHeader(messages.get("notification.log.sentAt")).setAutoWidth(true);
        grid.addColumn(e -> e.lastError() == null ? "" : e.lastError()).setHeader(messages.get("notification.log.lastError")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(entries);
        return grid;
    }
}
