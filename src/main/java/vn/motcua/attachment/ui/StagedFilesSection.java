package vn.motcua.attachment.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.shared.Registration;
import vn.motcua.attachment.StagedUpload;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.extension.IntakeFiles;

/**
 * The files of a dossier being filled in, before it exists (desk intake, online submission): one row per component
 * of the chosen procedure, required ones first, and one for other documents, each with its upload (progress shown by
 * the browser) and the files staged for it, which the user may remove. Files staged here are discarded when the view
 * is left without receiving the dossier (and swept after a day should that fail).
 */
class StagedFilesSection extends Div implements IntakeFiles.Section {
    /** The row key of "other documents". */
    static final String OTHER = "other";

    private final StagedUploadService service;
    private final MediaTypes mediaTypes;
    private final ProcedureCatalogue catalogue;
    private final List<StagedUpload> files = new ArrayList<>();
    private final Map<String, Div> lists = new LinkedHashMap<>();
    private final Div rows = new Div();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile String procedureCode;

    StagedFilesSection(StagedUploadService service, MediaTypes mediaTypes, ProcedureCatalogue catalogue) {
        this.service = service;
        this.mediaTypes = mediaTypes;
        this.catalogue = catalogue;
        setId("intake-files");
        setWidthFull();
        var hint = new Span(getTranslation("attachment.staged.hint", service.maxSize() / (1024 * 1024)));
        hint.addClassName("muted");
        add(hint, rows);
        addDetachListener(e -> discardQuietly());
        showProcedure(null);
    }

    @Override
    public Component component() { return this; }

    @Override
    public void showProcedure(String code) {
        procedureCode = code;
        List<DossierComponent> components = code == null ? List.of()
                : catalogue.procedure(code).map(p -> p.components()).orElse(List.of());
        Set<String> codes = new LinkedHashSet<>(components.stream().map(DossierComponent::code).toList());
        boolean discarded = false;
        for (StagedUpload f : List.copyOf(files)) {
            if (f.componentCode() != null && !codes.contains(f.componentCode())) {
                discard(f);
                discarded = true;
            }
        }
        rows.removeAll();
        lists.clear();
        if (code == null) {
            var choose = new Span(getTranslation("attachment.staged.chooseProcedure"));
            choose.addClassName("muted");
            rows.add(new Div(choose));
        } else {
            var ordered = new ArrayList<>(components);
            ordered.sort(Comparator.comparing(c -> !c.required()));
            for (DossierComponent c : ordered) rows.add(row(c.code(), c.name().in(getLocale()) + (c.required() ? " *" : "")));
            rows.add(row(null, getTranslation("attachment.staged.other")));
        }
        render();
        if (discarded) changed();
    }

    @Override
    public List<String> stagedFiles() { return files.stream().map(StagedUpload::reference).toList(); }

    @Override
    public Set<String> filledComponents() {
        var codes = new LinkedHashSet<String>();
        files.stream().map(StagedUpload::componentCode).filter(c -> c != null).forEach(codes::add);
        return codes;
    }

    @Override
    public Registration addChangeListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void received() {
        files.clear();
        render();
    }

    @Override
    public void discardAll() {
        if (files.isEmpty()) return;
        List.copyOf(files).forEach(this::discard);
        render();
        changed();
    }

    // --- rows

    private Div row(String componentCode, String label) {
        String key = componentCode == null ? OTHER : componentCode;
        var name = new Span(label);
        name.getStyle().set("font-weight", "600");
        List<String> filter = service.pickerFilter(procedureCode, componentCode);
        // what this component takes and how big, from the same rules the upload check applies
        var accepts = StreamedUpload.accepts(this, filter, service.maxSize());
        accepts.getElement().getStyle().set("margin-left", "var(--lumo-space-xs)");
        accepts.setId("intake-accepts-" + (componentCode == null ? OTHER : componentCode));

        var upload = new Staging(componentCode).upload(this, service.maxSize(), filter);
        upload.setId("intake-upload-" + key);
        upload.addFileRejectedListener(e -> notifyError(e.getErrorMessage()));

        var list = new Div();
        list.setId("intake-files-" + key);
        lists.put(key, list);
        var row = new Div(new Div(name, accepts), upload, list);
        row.getElement().setAttribute("data-component", key);
        row.getStyle().set("margin-bottom", "var(--lumo-space-m)");
        return row;
    }

    private void render() {
        lists.values().forEach(Div::removeAll);
        for (StagedUpload f : files) {
            Div list = lists.get(f.componentCode() == null ? OTHER : f.componentCode());
            if (list == null) continue;
            list.add(StagedFileLine.of(this, f, true, () -> {
                discard(f);
                render();
                changed();
            }));
        }
    }

    private void discard(StagedUpload f) {
        files.remove(f);
        service.discard(f.reference());
    }

    /** On leaving the view: what was not received is not needed. Best effort; the sweep removes what is left. */
    private void discardQuietly() {
        for (StagedUpload f : List.copyOf(files)) {
            try {
                discard(f);
            } catch (RuntimeException e) {
                files.remove(f);
            }
        }
    }

    private void changed() { listeners.forEach(Runnable::run); }

    private void notifyError(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Stages each file of one row as it arrives. */
    private final class Staging extends StreamedUpload {
        private final String componentCode;

        Staging(String componentCode) {
            super(mediaTypes);
            this.componentCode = componentCode;
        }

        @Override
        void receive(UploadEvent event, InputStream content) {
            UI ui = event.getUI();
            StagedUpload added = service.stage(procedureCode, componentCode, event.getFileName(), content);
            ui.access(() -> {
                files.add(added);
                render();
                changed();
                Notification.show(getTranslation("attachment.staged.done", added.fileName()), 4000, Notification.Position.TOP_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            });
        }

        @Override
        void refused(UI ui, String message) {
            ui.access(() -> notifyError(message));
        }
    }
}
