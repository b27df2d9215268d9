package vn.motcua.dossier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.dossier.PublicTracking;
import vn.motcua.shared.Formats;

/**
 * Hồ sơ của tôi: the citizen's own dossiers, newest first, as cards that fit a phone: the procedure, the code, where
 * it stands in plain words and the dates. Nothing of the staff's (no step, no civil servant, no other dossier); the
 * staff's list ({@code /dossiers}) sends a citizen here.
 */
@Route("ho-so-cua-toi")
@RolesAllowed("CITIZEN")
public class MyDossiersView extends VerticalLayout implements HasDynamicTitle {
    /** The most dossiers the page lists. */
    static final int MOST = 200;

    public MyDossiersView(PublicTracking tracking) {
        addClassName("citizen-page");
        setMaxWidth("48rem");
        var submit = new Button(getTranslation("mine.submitNew"), e -> getUI().ifPresent(ui -> ui.navigate("submit")));
        submit.setId("mine-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("mine.title")), submit);
        var list = new Div();
        list.setId("mine-list");
        list.setWidthFull();
        var dossiers = tracking.mine(MOST, getLocale());
        if (dossiers.isEmpty()) {
            var none = new Paragraph(getTranslation("mine.empty"));
            none.setId("mine-empty");
            none.addClassName("muted");
            list.add(none);
        }
        for (var t : dossiers) list.add(card(t));
        add(list);
    }

    private Div card(PublicTracking.Tracked t) {
        var card = new Div();
        card.addClassNames("section", "citizen-card");
        card.setId("mine-" + t.code());
        var title = new Anchor("ho-so-cua-toi/" + t.code(), t.procedureName());
        title.addClassName("citizen-card-title");
        var code = new Div(new Span(t.code()));
        code.addClassNames("dossier-code", "muted");
        var stage = new Div(new Span(t.stageText()));
        stage.addClassName("citizen-stage");
        stage.setId("mine-stage-" + t.code());
        card.add(title, code, stage);
        if (t.dueAt() != null && t.finishedAt() == null) {
            var due = new Div(new Span(getTranslation("tracking.dueAt") + ": " + Formats.dateTime(t.dueAt())));
            due.addClassName("muted");
            card.add(due);
        }
        return card;
    }

    @Override
    public String getPageTitle() { return getTranslation("mine.title"); }
}
