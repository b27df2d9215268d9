package vn.motcua.feedback.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.feedback.Feedback;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.ResultPage;

/**
 * Phản ánh, kiến nghị: the leaders of a unit and the supervisors above it see the feedback routed to them in tabs with
 * counters (Mới, Đang xử lý, Đã trả lời), oldest due first; a row opens its text, sender's contact and dossier, and
 * lets them take it and write the answer. The tab lives in the address ({@code ?status=new}).
 */
@Route("phan-anh")
@Menu(title = "menu.feedback", order = 35)
@RolesAllowed({"LEADER", "SUPERVISOR"})
public class FeedbackListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final FeedbackService service;
    private final OrganisationService organisation;
    private final Tabs tabs = new Tabs();
    private final Map<Tab, FeedbackStatus> tabStatus = new LinkedHashMap<>();
    private final Grid<Feedback> grid = new Grid<>();
    private final Div detail = new Div();
    private FeedbackStatus status = FeedbackStatus.NEW;
    private boolean restoring;

    public FeedbackListView(FeedbackService service, OrganisationService organisation) {
        this.service = service;
        this.organisation = organisation;
        setSizeFull();
        tabs.setId("feedback-tabs");
        tabs.addSelectedChangeListener(e -> {
            if (restoring || e.getSelectedTab() == null) return;
            status = tabStatus.getOrDefault(e.getSelectedTab(), FeedbackStatus.NEW);
            detail.removeAll();
            grid.getDataProvider().refreshAll();
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    new Location("phan-anh", QueryParameters.of("status", status.key()))));
        });

        grid.setId("feedback-grid");
        grid.addColumn(Feedback::reference).setHeader(getTranslation("feedback.list.reference")).setAutoWidth(true);
        grid.addColumn(f -> Formats.dateTime(f.receivedAt())).setHeader(getTranslation("feedback.list.received")).setAutoWidth(true);
        grid.addColumn(f -> Formats.dateTime(f.dueAt()) + (f.onTimeAt(java.time.Instant.now()) ? ""
                : " · " + getTranslation("feedback.list.overdue"))).setHeader(getTranslation("feedback.list.due")).setAutoWidth(true);
        grid.addColumn(f -> f.dossierCode() == null ? "" : f.dossierCode()).setHeader(getTranslation("feedback.list.dossier")).setAutoWidth(true);
        grid.addColumn(f -> organisation.unit(f.unitId()).map(u -> u.displayName(getLocale())).orElse(""))
                .setHeader(getTranslation("feedback.list.unit")).setAutoWidth(true);
        grid.addColumn(f -> f.text().length() > 80 ? f.text().substring(0, 80) + "…" : f.text())
                .setHeader(getTranslation("feedback.list.text")).setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("feedback.list.empty"));
        grid.setItems(query -> {
            int size = Math.min(query.getLimit(), ResultPage.MAX_SIZE);
            return service.list(status, query.getOffset() / Math.max(1, size), size).items().stream();
        }, query -> (int) Math.min(Integer.MAX_VALUE, service.list(status, 0, 1).total()));
        grid.setPageSize(50);
        grid.addItemClickListener(e -> open(e.getItem().reference()));
        detail.setId("feedback-detail");
        detail.setWidthFull();

        var title = new H2(getTranslation("feedback.list.title"));
        add(title, tabs, grid, detail);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        status = params.getOrDefault("status", java.util.List.of()).stream().findFirst()
                .flatMap(FeedbackStatus::ofKey).orElse(FeedbackStatus.NEW);
        refreshTabs();
        grid.getDataProvider().refreshAll();
        params.getOrDefault("ma", java.util.List.of()).stream().findFirst().ifPresent(this::open);
    }

    /** The tabs with their counters, the current one selected. */
    private void refreshTabs() {
        restoring = true;
        try {
            tabs.removeAll();
            tabStatus.clear();
            var counts = service.counts();
            for (FeedbackStatus s : FeedbackStatus.values()) {
                long n = counts.getOrDefault(s, 0L);
                var count = new Span(Formats.number(n, getLocale()));
                count.setId("feedback-count-" + s.key());
                count.getElement().getThemeList().add("badge pill small" + (n > 0 ? "" : " contrast"));
                count.getStyle().set("margin-inline-start", "0.4em");
                var tab = new Tab(new Span(getTranslation(s.messageKey())), count);
                tab.setId("feedback-tab-" + s.key());
                tabStatus.put(tab, s);
                tabs.add(tab);
                if (s == status) tabs.setSelectedTab(tab);
            }
        } finally {
            restoring = false;
        }
    }

    /** Shows one piece of feedback with what may be done with it. */
    private void open(String reference) {
        detail.removeAll();
        Feedback f;
        try {
            f = service.get(reference);
        } catch (vn.motcua.shared.NotFoundException e) {
            var missing = new Paragraph(getTranslation("feedback.notFound", reference));
            missing.setId("feedback-error");
            detail.add(missing);
            return;
        }
        var heading = new H3(f.reference() + " · " + getTranslation(f.status().messageKey()));
        heading.setId("feedback-heading");
        var text = new Paragraph(f.text());
        text.setId("feedback-text");
        text.getStyle().set("white-space", "pre-wrap");
        var box = new VerticalLayout(heading, text);
        box.setPadding(false);
        if (f.contact() != null) box.add(new Paragraph(getTranslation("feedback.detail.contact") + ": " + f.contact()));
        if (f.ownerUsername() != null) box.add(new Paragraph(getTranslation("feedback.detail.fromAccount", f.ownerUsername())));
        if (f.dossierCode() != null) {
            var link = new com.vaadin.flow.component.html.Anchor("dossiers/" + f.dossierCode(),
                    getTranslation("feedback.list.dossier") + " " + f.dossierCode());
            link.setId("feedback-dossier");
            box.add(link);
        }
        box.add(new Paragraph(getTranslation("feedback.list.due") + ": " + Formats.dateTime(f.dueAt())));
        if (f.takenBy() != null) {
            box.add(new Paragraph(getTranslation("feedback.detail.takenBy", name(f.takenBy()), Formats.dateTime(f.takenAt()))));
        }
        if (f.status() == FeedbackStatus.ANSWERED) {
            var answer = new Paragraph(f.answer());
            answer.setId("feedback-answer-text");
            answer.getStyle().set("white-space", "pre-wrap");
            box.add(new H3(getTranslation("feedback.label.answer")), answer,
                    new Paragraph(getTranslation("feedback.detail.answeredBy", name(f.answeredBy()), Formats.dateTime(f.answeredAt()))));
            var verdict = new Paragraph(f.verdict() == null ? getTranslation("feedback.detail.notJudged")
                    : getTranslation("feedback.detail.judged", getTranslation(f.verdict().messageKey()), Formats.dateTime(f.judgedAt())));
            verdict.setId("feedback-verdict");
            box.add(verdict);
        } else if (service.mayAnswer()) {
            var buttons = new HorizontalLayout();
            if (f.status() == FeedbackStatus.NEW) {
                var take = new Button(getTranslation("feedback.action.take"), e -> act(() -> service.take(f.reference()), f.reference()));
                take.setId("feedback-take");
                buttons.add(take);
            }
            var answer = new TextArea(getTranslation("feedback.label.answer"));
            answer.setId("feedback-answer");
            answer.setWidthFull();
            answer.setMaxLength(FeedbackService.MAX_TEXT);
            answer.setMinHeight("8rem");
            var send = new Button(getTranslation("feedback.action.answer"), e -> {
                try {
                    service.answer(f.reference(), answer.getValue());
                    Notification.show(getTranslation("feedback.answered", f.reference()), 3000, Notification.Position.TOP_CENTER);
                    refreshAll(f.reference());
                } catch (InvalidInputException invalid) {
                    answer.setInvalid(true);
                    answer.setErrorMessage(invalid.violations().get(0).message());
                } catch (BusinessRuleException conflict) {
                    refreshAll(f.reference());
                }
            });
            send.setId("feedback-send-answer");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(send);
            box.add(answer, buttons);
        }
        detail.add(box);
    }

    private void act(Runnable action, String reference) {
        try {
            action.run();
        } catch (BusinessRuleException ignored) {
            // answered meanwhile: the refreshed view says so
        }
        refreshAll(reference);
    }

    private void refreshAll(String reference) {
        refreshTabs();
        grid.getDataProvider().refreshAll();
        open(reference);
    }

    private String name(String username) {
        return organisation.user(username).map(u -> u.fullName() == null || u.fullName().isBlank() ? username : u.fullName())
                .orElse(username);
    }

    @Override
    public String getPageTitle() { return getTranslation("feedback.list.title"); }
}
