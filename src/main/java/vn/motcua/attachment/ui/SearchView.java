package vn.motcua.attachment.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import vn.motcua.attachment.SearchHit;
import vn.motcua.attachment.SearchService;
import vn.motcua.shared.InvalidInputException;

/**
 * One search box over the dossiers the user may see and their attachments' names and text, without needing
 * diacritics: each result links to its dossier and says where it matched. The query is kept in the address
 * ({@code search?q=...}) so that a search can be bookmarked or shared.
 */
@Route("search")
@Menu(title = "search.menu", order = 40)
@PermitAll
public class SearchView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {
    private final SearchService search;
    private final TextField query = new TextField();
    private final Grid<SearchHit> results = new Grid<>();
    private final Span count = new Span();

    public SearchView(SearchService search, vn.motcua.security.CurrentUser currentUser) {
        this.search = search;
        setMaxWidth("1200px");
        query.setId("search-query");
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setClearButtonVisible(true);
        query.setWidth("36rem");
        query.setAriaLabel(getTranslation("search.title"));
        var go = new Button(getTranslation("action.search"), e -> navigate());
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(Key.ENTER);
        var bar = new HorizontalLayout(query, go);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        results.setId("search-results");
        results.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        results.addComponentColumn(h -> {
            var link = new Anchor("dossiers/" + h.dossierCode(), h.dossierCode());
            link.getElement().setAttribute("data-dossier", h.dossierCode());
            return link;
        }).setHeader(getTranslation("search.column.dossier")).setAutoWidth(true).setFlexGrow(0);
        results.addColumn(h -> getTranslation(h.whereKey(), h.whereArguments())).setHeader(getTranslation("search.column.where"))
                .setFlexGrow(1).setKey("where");
        results.addColumn(SearchHit::snippet).setHeader(getTranslation("search.column.snippet")).setFlexGrow(3).setKey("snippet");
        results.setAllRowsVisible(true);
        results.setEmptyStateText(getTranslation("search.empty"));
        count.setId("search-count");
        count.addClassName("muted");

        add(new H2(getTranslation("search.title")), bar, count, results);
        if (currentUser.get().filter(u -> u.has(vn.motcua.organisation.Role.ADMIN)).isPresent()) add(backfillButton());
    }

    /** Administrators: put back into the index the dossiers missing from it. */
    private Button backfillButton() {
        var button = new Button(getTranslation("search.backfill.action"), e -> {
            boolean started = search.backfill();
            var n = com.vaadin.flow.component.notification.Notification.show(
                    getTranslation(started ? "search.backfill.started" : "search.backfill.running"), 6000,
                    com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
            n.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_CONTRAST);
        });
        button.setId("search-backfill");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        query.setValue(q);
        show(q);
    }

    private void navigate() {
        getUI().ifPresent(ui -> ui.navigate(SearchView.class, QueryParameters.simple(Map.of("q", query.getValue()))));
    }

    private void show(String q) {
        if (q.isBlank()) {
            results.setItems(List.of());
            count.setText("");
            return;
        }
        try {
            var hits = search.search(q, 50);
            results.setItems(hits);
            count.setText(getTranslation("search.count", hits.size()));
        } catch (InvalidInputException e) {
            results.setItems(List.of());
            count.setText(e.violations().get(0).message());
        }
    }

    @Override
    public String getPageTitle() { return getTranslation("search.title"); }
}
