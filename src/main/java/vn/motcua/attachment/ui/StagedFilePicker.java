package vn.motcua.attachment.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import vn.motcua.attachment.StagedUpload;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.forms.FormComponent;

/**
 * A form's file picker ({@code filepicker}): an upload that stages each file as it arrives (the same checks as any
 * upload, the types narrowed by the picker's {@code accept}), the files picked listed with their size and a remove
 * button. Its value is the references of the files picked, which the form submits; the service receiving the form
 * files them with the dossier. Without {@code multiple}, a new file replaces the one picked. Files still staged when the
 * field leaves the page (the form was not submitted) are discarded.
 */
class StagedFilePicker extends CustomField<List<String>> {

    /** Where the field stages and discards files. */
    interface Staging {
        /** Stages one file (request thread, without the UI lock); throws the service's refusal. */
        StagedUpload stage(String fileName, InputStream content);

        /** Discards a staged file (nothing when it is gone, or was filed). */
        void discard(String reference);
    }

    private final Staging staging;
    private final boolean multiple;
    private final List<StagedUpload> files = new ArrayList<>();
    /** Files staged under references the value was given from elsewhere: only their references are known. */
    private final Map<String, StagedUpload> known = new ConcurrentHashMap<>();
    private final Div list = new Div();
    private final Upload upload;

    StagedFilePicker(FormComponent picker, Staging staging, MediaTypes mediaTypes, long maxSize, List<String> filter) {
        this.staging = staging;
        this.multiple = picker.multiple();
        addClassName("motcua-file-picker");
        var accepts = StreamedUpload.accepts(this, filter, maxSize);
        upload = new Handler(mediaTypes).upload(this, maxSize, filter);
        upload.addClassName("motcua-file-picker-upload");
        if (!multiple) upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        list.addClassName("motcua-file-picker-files");
        add(new Div(accepts), upload, list);
        addDetachListener(e -> discardQuietly());
    }

    @Override
    protected List<String> generateModelValue() {
        return files.stream().map(StagedUpload::reference).toList();
    }

    @Override
    protected void setPresentationValue(List<String> references) {
        var wanted = references == null ? List.<String>of() : references;
        files.clear();
        for (String reference : wanted) {
            files.add(known.getOrDefault(reference, new StagedUpload(reference, null, reference, null, 0, null)));
        }
        render();
    }

    /** Adds a file staged through the upload (UI thread); one that arrives after the field left the page is discarded. */
    void added(StagedUpload file) {
        if (!isAttached()) {
            staging.discard(file.reference());
            return;
        }
        known.put(file.reference(), file);
        if (!multiple) {
            List.copyOf(files).forEach(this::discard);
        }
        files.add(file);
        render();
        updateValue();
        Notification.show(getTranslation("attachment.picked.done", file.fileName()), 4000, Notification.Position.TOP_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** The files shown, for tests and the host. */
    List<StagedUpload> files() {
        return List.copyOf(files);
    }

    private void render() {
        list.removeAll();
        for (StagedUpload f : files) {
            list.add(StagedFileLine.of(this, f, !isReadOnly(), () -> {
                discard(f);
                render();
                updateValue();
            }));
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        upload.setVisible(!readOnly);
        render();
    }

    private void discard(StagedUpload f) {
        files.remove(f);
        known.remove(f.reference());
        staging.discard(f.reference());
    }

    /** On leaving the page: what was not submitted is not needed. Best effort; the sweep removes what is left. */
    private void discardQuietly() {
        for (StagedUpload f : List.copyOf(known.values())) {
            try {
                staging.discard(f.reference());
            } catch (RuntimeException e) {
                // the sweep removes it after a day
            }
        }
        known.clear();
    }

    private void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Stages each file as it arrives. */
    private final class Handler extends StreamedUpload {
        Handler(MediaTypes mediaTypes) {
            super(mediaTypes);
        }

        @Override
        void receive(UploadEvent event, InputStream content) {
            UI ui = event.getUI();
            StagedUpload file = staging.stage(event.getFileName(), content);
            ui.access(() -> added(file));
        }

        @Override
        void refused(UI ui, String message) {
            ui.access(() -> error(message));
        }
    }
}
