package vn.motcua.feedback.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import vn.motcua.feedback.FeedbackService;
import vn.motcua.feedback.FeedbackStatus;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.TooManyAttemptsException;

/**
 * Gửi phản ánh, kiến nghị: anyone sends feedback or a complaint (about a dossier with its code and tracking key, or
 * to an authority), gets its reference number, and reads the answer later with the reference and their contact; a
 * signed-in citizen also sees their own feedback and the answers. Phone first: one column.
 */
@Route("gui-phan-anh")
@Menu(title = "menu.feedbackPublic", order = 56)
@AnonymousAllowed
public class SendFeedbackView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final FeedbackService service;
    private final CurrentUser currentUser;
    private final TextArea text = new TextArea();
    private final TextField contact = new TextField();
    private final TextField dossierCode = new TextField();
    private final TextField key = new TextField();
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final Paragraph sent = new Paragraph();
    private final Div errors = new Div();
    private final TextField lookUpReference = new TextField();
    private final TextField lookUpContact = new TextField();
    private final Div lookUpResult = new Div();
    private final Div mine = new Div();

    public SendFeedbackView(FeedbackService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
        setMaxWidth("40rem");
        text.setId("feedback-form-text");
        text.setLabel(getTranslation("feedback.label.text"));
        text.setMaxLength(FeedbackService.MAX_TEXT);
        text.setMinHeight("8rem");
        text.setWidthFull();
        contact.setId("feedback-form-contact");
        contact.setLabel(getTranslation("feedback.label.contact"));
        contact.setWidthFull();
        contact.setMaxLength(FeedbackService.MAX_CONTACT);
        dossierCode.setId("feedback-form-dossier");
        dossierCode.setLabel(getTranslation("feedback.label.dossierCode"));
        dossierCode.setPlaceholder("000.00.15.H33-261205-0001");
        dossierCode.setWidthFull();
        key.setId("feedback-form-key");
        key.setLabel(getTranslation("feedback.label.key"));
        key.setHelperText(getTranslation("feedback.label.key.help"));
        key.setAllowedCharPattern("[0-9]");
        key.setMaxLength(12);
        key.setWidthFull();
        unit.setId("feedback-form-unit");
        unit.setLabel(getTranslation("feedback.label.unit"));
        unit.setItems(service.units());
        unit.setItemLabelGenerator(u -> u.displayName(getLocale()));
        unit.setClearButtonVisible(true);
        unit.setWidthFull();
        var send = new Button(getTranslation("feedback.form.send"), e -> send());
        send.setId("feedback-form-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sent.setId("feedback-form-sent");
        errors.setId("feedback-form-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");

        lookUpReference.setId("feedback-lookup-reference");
        lookUpReference.setLabel(getTranslation("feedback.label.reference"));
        lookUpReference.setPlaceholder("PA-20261205-0001");
        lookUpReference.setWidthFull();
        lookUpContact.setId("feedback-lookup-contact");
        lookUpContact.setLabel(getTranslation("feedback.label.contact"));
        lookUpContact.setWidthFull();
        var lookUp = new Button(getTranslation("feedback.form.lookUp"), e -> lookUp());
        lookUp.setId("feedback-lookup");
        lookUpResult.setId("feedback-lookup-result");

        add(new H2(getTranslation("feedback.form.title")), new Paragraph(getTranslation("feedback.form.intro")),
                text, contact, dossierCode, key, unit, errors, send, sent,
                new H3(getTranslation("feedback.form.lookUpTitle")), lookUpReference, lookUpContact, lookUp, lookUpResult, mine);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        params.getOrDefault("ma", java.util.List.of()).stream().findFirst().ifPresent(dossierCode::setValue);
        showMine();
    }

    private void send() {
        errors.removeAll();
        sent.setText("");
        try {
            var f = service.submit(new FeedbackService.Submission(text.getValue(), contact.getValue(), dossierCode.getValue(),
                    key.getValue(), unit.getValue() == null ? null : unit.getValue().identifier()),
                    address());
            sent.setText(getTranslation("feedback.form.sent", f.reference()));
            lookUpReference.setValue(f.reference());
            lookUpContact.setValue(contact.getValue());
            text.clear();
            showMine();
        } catch (InvalidInputException invalid) {
            invalid.violations().forEach(v -> errors.add(new Paragraph(v.message())));
        } catch (TooManyAttemptsException tooMany) {
            errors.add(new Paragraph(tooMany(tooMany)));
        } catch (org.springframework.security.access.AccessDeniedException denied) {
            errors.add(new Paragraph(getTranslation("feedback.citizensOnly")));
        }
    }

    private void lookUp() {
        lookUpResult.removeAll();
        try {
            show(service.lookUp(lookUpReference.getValue(), lookUpContact.getValue(),
                    address(), getLocale()), lookUpResult, lookUpContact.getValue(),
                    "feedback-lookup");
        } catch (NotFoundException notFound) {
            lookUpResult.add(error(getTranslation("feedback.lookUp.notFound")));
        } catch (TooManyAttemptsException tooMany) {
            lookUpResult.add(error(tooMany(tooMany)));
        }
    }

    /** A signed-in citizen's own feedback, newest due first, with the answers. */
    private void showMine() {
        mine.removeAll();
        if (currentUser.get().filter(u -> u.has(Role.CITIZEN)).isEmpty()) return;
        var own = service.list(null, 0, 50).items();
        if (own.isEmpty()) return;
        mine.add(new H3(getTranslation("feedback.form.mine")));
        own.forEach(f -> show(service.own(f.reference(), getLocale()), mine, null, "feedback-mine"));
    }

    /**
     * One piece of feedback with its answer and, once answered, the sender's verdict on it or the two buttons to give
     * it: with the contact the look-up was made with, or, for a signed-in citizen's own, without ({@code contact} null).
     * {@code id} prefixes the buttons' ids (the same feedback may show in the look-up and in the citizen's list).
     */
    private void show(FeedbackService.PublicView v, Div into, String contact, String id) {
        var box = new Div();
        box.addClassName("feedback-item");
        fill(box, v, contact, id);
        into.add(box);
    }

    private void fill(Div box, FeedbackService.PublicView v, String contact, String id) {
        box.removeAll();
        var status = new Paragraph(v.reference() + " · " + v.statusText() + " · " + v.unitName());
        status.addClassName("feedback-status");
        var text = new Paragraph(v.text());
        text.getStyle().set("white-space", "pre-wrap").set("color", "var(--lumo-secondary-text-color)");
        box.add(status, text);
        if (v.status() == FeedbackStatus.ANSWERED) {
            var answer = new Paragraph(v.answer());
            answer.addClassName("feedback-answer");
            answer.getStyle().set("white-space", "pre-wrap");
            box.add(new Paragraph(getTranslation("feedback.label.answer") + " (" + Formats.dateTime(v.answeredAt()) + "):"), answer);
            if (v.verdict() != null) {
                var given = new Paragraph(getTranslation("feedback.verdict.given", v.verdictText()));
                given.addClassName("feedback-verdict");
                box.add(given);
            } else {
                var satisfied = new Button(getTranslation("feedback.verdict.satisfied"), e -> judge(box, v, contact, id, true));
                satisfied.setId(id + "-satisfied-" + v.reference());
                satisfied.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                var unsatisfied = new Button(getTranslation("feedback.verdict.unsatisfied"), e -> judge(box, v, contact, id, false));
                unsatisfied.setId(id + "-unsatisfied-" + v.reference());
                unsatisfied.addThemeVariants(ButtonVariant.LUMO_ERROR);
                var buttons = new HorizontalLayout(satisfied, unsatisfied);
                buttons.setWrap(true);
                box.add(new Paragraph(getTranslation("feedback.verdict.question")), buttons);
            }
        } else {
            box.add(new Paragraph(getTranslation("feedback.form.noAnswer", Formats.dateTime(v.dueAt()))));
        }
    }

    /** The sender's verdict on the answer: recorded and shown, or the reason it is not (already given, not found). */
    private void judge(Div box, FeedbackService.PublicView v, String contact, String id, boolean satisfied) {
        try {
            var judged = service.judge(v.reference(), contact, satisfied, address(), getLocale());
            fill(box, judged, contact, id);
            box.add(new Paragraph(getTranslation("feedback.verdict.thanks")));
        } catch (BusinessRuleException refused) {
            // already rated (elsewhere, or in another tab): show what stands, then why nothing changed
            try {
                fill(box, contact == null ? service.own(v.reference(), getLocale())
                        : service.lookUp(v.reference(), contact, address(), getLocale()),
                        contact, id);
            } catch (NotFoundException | TooManyAttemptsException stale) {
                // the look-up's own refusal leaves the box as it was
            }
            box.add(error(getTranslation(refused.messageKey(), refused.args())));
        } catch (NotFoundException notFound) {
            box.add(error(getTranslation("feedback.lookUp.notFound")));
        } catch (TooManyAttemptsException tooMany) {
            box.add(error(tooMany(tooMany)));
        }
    }

    /** The client's address (the limits count per address). */
    private static String address() {
        var request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    /** Why a request was refused for too many, with the minutes to wait. */
    private String tooMany(TooManyAttemptsException e) {
        return getTranslation(e.messageKey(), Math.max(1, (e.retryAfterSeconds() + 59) / 60));
    }

    private static Paragraph error(String message) {
        var p = new Paragraph(message);
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        return p;
    }

    @Override
    public String getPageTitle() { return getTranslation("feedback.form.title"); }
}
