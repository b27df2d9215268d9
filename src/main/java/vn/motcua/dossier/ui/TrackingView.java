package vn.motcua.dossier.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import vn.motcua.dossier.PublicTracking;
import vn.motcua.shared.Formats;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;

/**
 * Tra cứu hồ sơ: anyone follows a dossier with its code and the last digits of the applicant's phone or identity
 * number, no account needed; the receipt's QR code opens this page with the code filled in ({@code ?ma=...}). Phone
 * first: one column, large fields.
 */
@Route("tra-cuu")
@Menu(title = "menu.tracking", order = 55)
@AnonymousAllowed
public class TrackingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final PublicTracking tracking;
    private final List<vn.motcua.dossier.extension.TrackedResults> results;
    private final TextField code = new TextField();
    private final TextField key = new TextField();
    private final Div result = new Div();

    public TrackingView(PublicTracking tracking, List<vn.motcua.dossier.extension.TrackedResults> results) {
        this.tracking = tracking;
        this.results = results;
        setMaxWidth("40rem");
        code.setId("tracking-code");
        code.setLabel(getTranslation("tracking.code"));
        code.setPlaceholder("000.00.15.H33-261205-0001");
        code.setWidthFull();
        key.setId("tracking-key");
        key.setLabel(getTranslation("tracking.key"));
        key.setHelperText(getTranslation("tracking.key.help"));
        key.setWidthFull();
        key.setAllowedCharPattern("[0-9]");
        key.setMaxLength(12);
        var search = new Button(getTranslation("tracking.search"), e -> search());
        search.setId("tracking-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        result.setId("tracking-result");
        result.setWidthFull();
        var hint = new Paragraph(getTranslation("tracking.hint"));
        hint.addClassName("muted");
        add(new H2(getTranslation("tracking.title")), hint, code, key, search, result);
    }

    private void search() {
        result.removeAll();
        String c = code.getValue().trim();
        try {
            String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
            var t = tracking.track(c, key.getValue(), address, getLocale());
            show(t);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                    new Location("tra-cuu", QueryParameters.simple(Map.of("ma", c)))));
        } catch (NotFoundException e) {
            result.add(error(getTranslation(e.messageKey(), e.args())));
        } catch (TooManyAttemptsException e) {
            result.add(error(getTranslation(e.messageKey(), Math.max(1, (e.retryAfterSeconds() + 59) / 60))));
        }
    }

    private void show(PublicTracking.Tracked t) {
        var stage = new H3(t.stageText());
        stage.setId("tracking-stage");
        result.add(stage);
        var rows = new VerticalLayout();
        rows.setPadding(false);
        rows.setSpacing(false);
        for (var row : List.of(
                List.of(getTranslation("tracking.code"), t.code()),
                List.of(getTranslation("tracking.procedure"), t.procedureName()),
                List.of(getTranslation("tracking.receivedAt"), Formats.dateTime(t.receivedAt())),
                List.of(getTranslation("tracking.dueAt"), Formats.dateTime(t.dueAt())),
                List.of(getTranslation("tracking.returnedAt"), Formats.dateTime(t.returnedAt())),
                List.of(getTranslation("tracking.where"), t.where()))) {
            if (row.get(1) == null || row.get(1).isBlank()) continue;
            var line = new FlexLayout(label(row.get(0)), new Span(row.get(1)));
            line.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            line.getStyle().set("gap", "0.5em");
            rows.add(line);
        }
        result.add(rows);
        if (t.stage() == PublicTracking.Stage.READY || t.stage() == PublicTracking.Stage.DONE) resultLink(t);
        if (t.canRate() && !t.rated()) result.add(ratingForm(t));
        if (t.expected() != null) {
            var expected = new Div(label(getTranslation("tracking.expected")), new Paragraph(t.expected()));
            expected.setId("tracking-expected");
            expected.addClassName("section");
            result.add(expected);
        }
    }

    /** The electronic result, signed by the unit, once issued: downloaded with the code and key just checked. */
    private void resultLink(PublicTracking.Tracked t) {
        String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
        String given = key.getValue();
        for (var source : results) {
            var download = source.forTracking(t.code(), given, address).orElse(null);
            if (download == null) continue;
            var resource = new com.vaadin.flow.server.StreamResource(download.fileName(), () -> {
                try {
                    return download.opener().open();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            resource.setContentType("application/pdf");
            var link = new com.vaadin.flow.component.html.Anchor(resource, getTranslation("tracking.result.download"));
            link.setTarget("_blank");
            link.setId("tracking-result-download");
            var box = new Div(label(getTranslation("tracking.result")), link);
            box.addClassName("section");
            if (download.signer() != null) {
                var signed = new Paragraph(getTranslation("tracking.result.signed", download.signer()));
                signed.addClassName("muted");
                box.add(signed);
            }
            result.add(box);
            return;
        }
    }

    /** After the result, the applicant rates the service (once), and may complain. */
    private Div ratingForm(PublicTracking.Tracked t) {
        return new RatingForm("tracking-rating", (score, complaint, comment, criteria) -> {
            String address = VaadinRequest.getCurrent() == null ? null : VaadinRequest.getCurrent().getRemoteAddr();
            tracking.rate(t.code(), key.getValue(), address, score, complaint, comment, criteria);
        }, () -> {
            search();
            var thanks = new Paragraph(getTranslation("tracking.rating.thanks"));
            thanks.setId("tracking-rating-thanks");
            result.add(thanks);
        });
    }

    private static Span label(String text) {
        var s = new Span(text + ":");
        s.getStyle().set("font-weight", "600");
        return s;
    }

    private static Paragraph error(String message) {
        var p = new Paragraph(message);
        p.setId("tracking-error");
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        return p;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        params.getSingleParameter("ma").ifPresent(code::setValue);
        params.getSingleParameter("khoa").ifPresent(key::setValue);
        if (!code.getValue().isBlank() && !key.getValue().isBlank()) search();
    }

    @Override
    public String getPageTitle() { return getTranslation("tracking.title"); }
}
