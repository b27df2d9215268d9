package vn.motcua.attachment.ui;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.shared.Registration;
import vn.motcua.attachment.Attachment;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.ComponentCheck;
import vn.motcua.attachment.SignatureCheck;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.shared.Formats;

/**
 * The attachments of one dossier: an upload with progress (where the user may add files), the list with each file's
 * extraction state and signatures, the dossier components and what fills them, and a preview of the selected file
 * (PDF in the browser's viewer, images inline, the extracted text). While a file is being extracted the list
 * refreshes itself.
 */
public class AttachmentsSection extends Div {
    /** Characters of extracted text the preview shows. */
    static final int PREVIEW_CHARS = 20_000;
    private static final int POLL_MILLIS = 3000;

    private final AttachmentService service;
    private final MediaTypes mediaTypes;
    private final String dossierCode;
    private final Grid<Attachment> grid = new Grid<>();
    private final Div checklist = new Div();
    private final Div preview = new Div();
    private List<ComponentCheck> checks;
    private ComboBox<ComponentCheck> component;
    private Upload upload;
    private Span uploadHint;
    private volatile String componentCode;
    /** The caller works for the unit: files without a component are internal unless given to the applicant. */
    private final boolean staff;
    private com.vaadin.flow.component.checkbox.Checkbox forApplicant;
    private volatile boolean givenToApplicant;
    private Long selected;
    private String previewed;
    private Registration polling;
    private boolean pending;

    AttachmentsSection(AttachmentService service, MediaTypes mediaTypes, String dossierCode, boolean editable) {
        this.service = service;
        this.mediaTypes = mediaTypes;
        this.dossierCode = dossierCode;
        setId("attachments");
        addClassName("section");
        setWidthFull();
        add(new H3(getTranslation("attachment.panel.title")));
        checks = service.checklist(dossierCode);
        staff = service.addsInternalFiles(dossierCode);
        if (editable && service.mayUpload(dossierCode)) add(uploadBar());
        configureGrid();
        add(grid);
        checklist.setId("attachment-checklist");
        add(new H4(getTranslation("attachment.checklist.title")), checklist);
        preview.setId("attachment-preview");
        preview.getStyle().set("margin-top", "var(--lumo-space-m)");
        add(preview);
        refresh();
        addDetachListener(e -> stopPolling());
        addAttachListener(e -> {
            if (pending) startPolling();
        });
    }

    // --- upload

    private Component uploadBar() {
        component = new ComboBox<>(getTranslation("attachment.component"));
        component.setId("attachment-component");
        component.setItems(checks);
        component.setItemLabelGenerator(c -> c.name().in(getLocale()) + (c.required() ? " *" : ""));
        component.setPlaceholder(getTranslation("attachment.component.placeholder"));
        component.setClearButtonVisible(true);
        component.setWidth("28rem");
        component.addValueChangeListener(e -> {
            componentCode = e.getValue() == null ? null : e.getValue().code();
            applyFilter();
            // a paper of the dossier is always the applicant's
            if (forApplicant != null) forApplicant.setVisible(componentCode == null);
        });

        upload = new Upload(new AttachmentUpload());
        upload.setId("attachment-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, service.maxSize()));
        upload.setI18n(i18n());
        upload.addFileRejectedListener(e -> notifyError(e.getErrorMessage()));
        uploadHint = new Span();
        uploadHint.addClassName("muted");
        applyFilter();

        var bar = new HorizontalLayout(component, upload);
        if (staff) {
            forApplicant = new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("attachment.forApplicant"));
            forApplicant.setId("attachment-for-applicant");
            forApplicant.setTooltipText(getTranslation("attachment.forApplicant.help"));
            forApplicant.addValueChangeListener(e -> givenToApplicant = e.getValue());
            bar.add(forApplicant);
        }
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
        bar.setWrap(true);
        var box = new Div(bar, uploadHint);
        box.setId("attachment-upload-bar");
        return box;
    }

    private void applyFilter() {
        List<String> filter = service.pickerFilter(dossierCode, componentCode);
        upload.setAcceptedFileTypes(filter.toArray(String[]::new));
        String names = StreamedUpload.extensions(filter);
        uploadHint.setText(getTranslation("attachment.upload.hint", service.maxSize() / (1024 * 1024), names));
    }

    /** Each uploaded file to the service; the outcome is shown in the UI, a refused file marked failed in the list. */
    private final class AttachmentUpload extends StreamedUpload {
        AttachmentUpload() { super(mediaTypes); }

        @Override
        void receive(UploadEvent event, InputStream content) {
            UI ui = event.getUI();
            Attachment added = service.upload(dossierCode, componentCode, event.getFileName(), content, givenToApplicant);
            ui.access(() -> {
                Notification.show(getTranslation("attachment.upload.done", added.fileName()), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                selected = added.id();
                refresh();
            });
        }

        @Override
        void refused(UI ui, String message) {
            ui.access(() -> notifyError(message));
        }
    }

    private void notifyError(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private UploadI18N i18n() {
        return StreamedUpload.i18n(this, service.maxSize(), uploadHintTypes());
    }

    private String uploadHintTypes() {
        return StreamedUpload.extensions(service.pickerFilter(dossierCode, null));
    }

    // --- list, checklist

    private void configureGrid() {
        grid.setId("attachment-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Attachment::fileName).setHeader(t("attachment.column.file")).setFlexGrow(3).setKey("file");
        if (staff) {
            grid.addColumn(a -> a.internal() ? t("attachment.internal") : t("attachment.shared"))
                    .setHeader(t("attachment.column.visibility")).setAutoWidth(true).setKey("visibility");
        }
        grid.addColumn(this::componentLabel).setHeader(t("attachment.column.component")).setFlexGrow(2).setKey("component");
        grid.addColumn(a -> typeName(a.mediaType())).setHeader(t("attachment.column.type")).setAutoWidth(true).setKey("type");
        grid.addColumn(a -> size(a.size())).setHeader(t("attachment.column.size")).setAutoWidth(true).setKey("size");
        grid.addComponentColumn(AttachmentsSection::stateBadge).setHeader(t("attachment.column.state")).setAutoWidth(true).setKey("state");
        grid.addColumn(a -> a.pages() == null ? "" : String.valueOf(a.pages())).setHeader(t("attachment.column.pages")).setAutoWidth(true);
        grid.addColumn(this::signatureSummary).setHeader(t("attachment.column.signatures")).setAutoWidth(true).setKey("signatures");
        grid.addColumn(a -> Formats.dateTime(a.uploadedAt())).setHeader(t("attachment.column.uploaded")).setAutoWidth(true);
        grid.setEmptyStateText(t("attachment.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                selected = e.getValue().id();
                showPreview(e.getValue());
            }
        });
    }

    /** Reads the dossier's attachments and checks again, and keeps refreshing while some are being extracted. */
    void refresh() {
        List<Attachment> items = service.list(dossierCode);
        grid.setItems(items);
        checks = service.checklist(dossierCode);
        renderChecklist();
        Attachment current = selected == null ? null : items.stream().filter(a -> a.id() == selected).findFirst().orElse(null);
        if (current != null) {
            if (!Objects.equals(grid.asSingleSelect().getValue(), current)) grid.asSingleSelect().setValue(current);
            showPreview(current);
        } else if (previewed == null) {
            preview.removeAll();
            var hint = new Span(t("attachment.preview.hint"));
            hint.addClassName("muted");
            preview.add(hint);
        }
        pending = items.stream().anyMatch(a -> a.state() == AttachmentState.PENDING);
        if (pending) startPolling();
        else stopPolling();
    }

    private void startPolling() {
        if (polling != null) return;
        getUI().ifPresent(ui -> {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(e -> refresh());
        });
    }

    private void stopPolling() {
        if (polling == null) return;
        polling.remove();
        polling = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    private void renderChecklist() {
        checklist.removeAll();
        for (ComponentCheck c : checks) {
            var line = new Div();
            line.getElement().setAttribute("data-component", c.code());
            line.getElement().setAttribute("data-status", c.status().name());
            line.getStyle().set("margin-bottom", "var(--lumo-space-xs)");
            var status = new Span(t(c.status().messageKey()));
            status.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)").set("color",
                    switch (c.status()) {
                        case FILLED, CHECKED -> "var(--lumo-success-text-color)";
                        case SUGGESTED -> "#8a4b00";
                        case MISSING -> c.required() ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)";
                    });
            var name = new Span(c.name().in(getLocale()));
            var required = new Span(" (" + t(c.required() ? "attachment.checklist.required" : "attachment.checklist.optional") + ")");
            required.addClassName("muted");
            line.add(status, name, required);
            var files = new StringBuilder();
            c.chosen().forEach(a -> files.append(files.isEmpty() ? "" : ", ").append(a.fileName()));
            c.suggested().forEach(a -> files.append(files.isEmpty() ? "" : ", ").append(a.fileName())
                    .append(" (").append(t("attachment.checklist.byContent")).append(")"));
            if (c.paperCheck() != null) {
                String at = vn.motcua.shared.Formats.dateTime(c.paperCheck().checkedAt());
                // the applicant is not told which clerk checked it (no login name of the staff reaches them)
                files.append(files.isEmpty() ? "" : ", ").append(c.paperCheck().checkedBy() == null
                        ? t("attachment.checklist.paperCheckedAt", at)
                        : t("attachment.checklist.paperChecked", c.paperCheck().checkedBy(), at));
            }
            if (!files.isEmpty()) {
                var which = new Span(" — " + files);
                which.addClassName("muted");
                line.add(which);
            }
            checklist.add(line);
        }
    }

    private String componentLabel(Attachment a) {
        String chosen = componentName(a.componentCode());
        if (chosen != null) return chosen;
        String suggested = componentName(a.suggestedComponent());
        return suggested == null ? "" : t("attachment.suggested", suggested);
    }

    private String componentName(String code) {
        if (code == null) return null;
        return checks.stream().filter(c -> c.code().equals(code)).map(c -> c.name().in(getLocale())).findFirst().orElse(code);
    }

    private String signatureSummary(Attachment a) {
        if (a.signatures().isEmpty()) return "";
        boolean bad = a.signatures().stream().anyMatch(s -> !s.valid() || !s.coversWholeDocument() || Boolean.FALSE.equals(s.trusted()));
        boolean unknown = a.signatures().stream().anyMatch(s -> s.trusted() == null);
        return (bad ? "✗ " : "✓ ") + t("attachment.signature.count", a.signatures().size())
                + (!bad && unknown ? " (" + t("attachment.signature.trustUnknownShort") + ")" : "");
    }

    static Span stateBadge(Attachment a) {
        var badge = new Span(badgeText(a));
        badge.getElement().setAttribute("data-state", a.state().name());
        badge.getStyle().set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0.1em 0.5em")
                .set("font-size", "var(--lumo-font-size-s)");
        switch (a.state()) {
            case EXTRACTED -> badge.getStyle().set("background", "var(--lumo-success-color-10pct)").set("color", "var(--lumo-success-text-color)");
            case REJECTED, FAILED -> badge.getStyle().set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)");
            case NO_TEXT -> badge.getStyle().set("background", "#fff4e5").set("color", "#8a4b00");
            case PENDING -> badge.getStyle().set("background", "var(--lumo-contrast-10pct)");
        }
        if (a.reasonKey() != null) badge.getElement().setAttribute("title", badge.getTranslation(a.reasonKey()));
        return badge;
    }

    private static String badgeText(Attachment a) {
        var ui = UI.getCurrent();
        return ui == null ? a.state().name() : ui.getTranslation(a.state().messageKey());
    }

    // --- preview

    private void showPreview(Attachment a) {
        String key = a.id() + ":" + a.state() + ":" + a.signatures().size();
        if (key.equals(previewed)) return;
        previewed = key;
        preview.removeAll();
        preview.add(new H4(t("attachment.preview.title", a.fileName())));

        var facts = new Div();
        facts.addClassName("muted");
        facts.add(new Span(typeName(a.mediaType()) + " · " + size(a.size())));
        if (a.pages() != null) facts.add(new Span(" · " + t("attachment.preview.pages", a.pages())));
        if (a.language() != null) facts.add(new Span(" · " + t("attachment.preview.language", languageName(a.language()))));
        if (a.title() != null) facts.add(new Span(" · " + t("attachment.preview.docTitle", a.title())));
        facts.add(new Div(new Span(t("attachment.preview.sha256", a.sha256()))));
        preview.add(facts);

        var state = new Div(stateBadge(a));
        if (a.reasonKey() != null) state.add(new Span(" " + t(a.reasonKey())));
        state.setId("attachment-preview-state");
        preview.add(state);

        var download = new Anchor(contentHandler(a.id(), false), t("attachment.preview.download"));
        download.setId("attachment-download");
        download.getElement().setAttribute("download", true);
        preview.add(new Div(download));

        if (a.isPdf()) {
            var frame = new IFrame(contentHandler(a.id(), true));
            frame.setId("attachment-pdf");
            frame.setWidthFull();
            frame.setHeight("640px");
            frame.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)");
            preview.add(frame);
        } else if (a.isImage()) {
            var image = new Image(contentHandler(a.id(), true), a.fileName());
            image.setId("attachment-image");
            image.setMaxWidth("100%");
            image.getStyle().set("max-height", "640px");
            preview.add(image);
        }

        if (a.isPdf() || !a.signatures().isEmpty()) preview.add(signatures(a.signatures()));

        preview.add(new H4(t("attachment.preview.text")));
        String text = a.state() == AttachmentState.PENDING ? "" : service.text(dossierCode, a.id());
        if (text.isBlank()) {
            var none = new Span(t("attachment.preview.noText"));
            none.addClassName("muted");
            preview.add(none);
        } else {
            var pre = new Pre(text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text);
            pre.setId("attachment-text");
            pre.getStyle().set("white-space", "pre-wrap").set("max-height", "480px").set("overflow", "auto")
                    .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s)");
            preview.add(pre);
            if (text.length() > PREVIEW_CHARS) {
                var more = new Span(t("attachment.preview.more", PREVIEW_CHARS));
                more.addClassName("muted");
                preview.add(more);
            }
        }
    }

    private Component signatures(List<SignatureCheck> signatures) {
        var box = new Div(new H4(t("attachment.signature.title")));
        box.setId("attachment-signatures");
        if (signatures.isEmpty()) {
            var none = new Span(t("attachment.signature.none"));
            none.addClassName("muted");
            box.add(none);
            return box;
        }
        for (SignatureCheck s : signatures) {
            var line = new Div();
            line.getElement().setAttribute("data-valid", String.valueOf(s.valid()));
            line.getElement().setAttribute("data-whole", String.valueOf(s.coversWholeDocument()));
            line.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            var verdict = new Span((s.valid() ? "✓ " : "✗ ") + t(s.valid() ? "attachment.signature.valid" : "attachment.signature.invalid")
                    + (s.problem() == null ? "" : " (" + t("attachment.signature.problem." + s.problem()) + ")"));
            verdict.getStyle().set("color", s.valid() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            var whole = new Span((s.coversWholeDocument() ? "✓ " : "✗ ")
                    + t(s.coversWholeDocument() ? "attachment.signature.whole" : "attachment.signature.changed"));
            whole.getStyle().set("color", s.coversWholeDocument() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            line.getElement().setAttribute("data-trusted", String.valueOf(s.trusted()));
            var trust = new Span((s.trusted() == null ? "? " : s.trusted() ? "✓ " : "✗ ") + t(s.trustKey())
                    + (s.trustProblemKey() == null ? "" : " (" + t(s.trustProblemKey()) + ")"));
            trust.getStyle().set("color", s.trusted() == null ? "var(--lumo-secondary-text-color)"
                    : s.trusted() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            line.add(new Div(verdict), new Div(whole), new Div(trust),
                    new Div(new Span(t("attachment.signature.signer", s.signer() == null ? t("attachment.signature.unknownSigner") : s.signer()))),
                    new Div(new Span(t("attachment.signature.signedAt", s.signedAt() == null ? "—" : Formats.dateTime(s.signedAt())))));
            box.add(line);
        }
        return box;
    }

    /** The file itself, inline for the preview or as a download; read with the viewer's own permission. */
    private DownloadHandler contentHandler(long id, boolean inline) {
        var handler = DownloadHandler.fromInputStream(event -> {
            var content = service.content(dossierCode, id);
            return new DownloadResponse(content.open(), content.fileName(), content.mediaType(), content.size());
        });
        return inline ? handler.inline() : handler;
    }

    private String languageName(String tag) {
        String key = "attachment.language." + tag;
        String name = getTranslation(key);
        return name.startsWith("!") ? Locale.forLanguageTag(tag).getDisplayLanguage(getLocale()) : name;
    }

    private String typeName(String mediaType) {
        String extension = mediaTypes.extension(mediaType);
        return extension.isEmpty() ? mediaType : extension.substring(1).toUpperCase(Locale.ROOT);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private String t(String key, Object... args) { return getTranslation(key, args); }
}
