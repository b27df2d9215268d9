package vn.motcua.attachment.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import org.springframework.security.access.AccessDeniedException;
import vn.motcua.attachment.AttachmentTooLargeException;
import vn.motcua.attachment.UnsupportedMediaTypeException;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.NotFoundException;

/**
 * An upload handler that streams each file to a service as it arrives (the servlet container spools multipart bodies
 * to disk, never to memory) and, when the service refuses it, answers the request with the matching status (so that
 * the upload list marks the file failed) and hands the refusal, worded as the REST API words it, to the view. Shared
 * by the dossier's attachment panel and the intake's staged files.
 */
abstract class StreamedUpload implements UploadHandler {
    /** The status an upload request answers when the file was refused (set and read in the request's thread). */
    private static final ThreadLocal<Integer> REFUSED = new ThreadLocal<>();

    private final MediaTypes mediaTypes;
    /** A file of the current batch was refused: the upload keeps its list, where the file is marked failed. */
    private volatile boolean refusedInBatch;

    StreamedUpload(MediaTypes mediaTypes) { this.mediaTypes = mediaTypes; }

    /**
     * An upload streaming to this handler, limited as the upload check limits it (the largest size, the picker
     * filter's types, the browser's refusals worded in the user's language). The files it took are listed by the view
     * with their own remove buttons, so its own list, which shows progress and refusals, is emptied once a batch went
     * through without a refusal.
     */
    Upload upload(Component owner, long maxSize, List<String> filter) {
        var upload = new Upload(this);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxSize));
        upload.setAcceptedFileTypes(filter.toArray(String[]::new));
        upload.setI18n(i18n(owner, maxSize, extensions(filter)));
        upload.addAllFinishedListener(e -> {
            if (!refusedInBatch) upload.clearFileList();
            refusedInBatch = false;
        });
        return upload;
    }

    /** The line beside a picker that says what it takes and how big: "PDF, JPG, … — at most 20 MB". */
    static Span accepts(Component owner, List<String> filter, long maxSize) {
        var accepts = new Span(owner.getTranslation("attachment.staged.accepts", extensions(filter), maxSize / (1024 * 1024)));
        accepts.addClassName("muted");
        return accepts;
    }

    /** Hands the file to the service; throws the service's refusal. Runs in the request's thread, without the UI lock. */
    abstract void receive(UploadEvent event, InputStream content) throws IOException;

    /** Shows a refusal; runs in the request's thread, without the UI lock (use {@code ui.access}). */
    abstract void refused(UI ui, String message);

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        String message;
        int status;
        try (InputStream in = event.getInputStream()) {
            receive(event, in);
            return;
        } catch (UnsupportedMediaTypeException e) {
            status = 415;
            message = translation(ui, "attachment.type.refused", describe(e.detected()),
                    String.join(", ", e.accepted().stream().map(this::describe).distinct().toList()));
        } catch (AttachmentTooLargeException e) {
            status = 413;
            message = translation(ui, "attachment.tooLarge", e.maxMegabytes());
        } catch (InvalidInputException e) {
            status = 400;
            message = e.violations().get(0).message();
        } catch (BusinessRuleException e) {
            status = 409;
            message = translation(ui, e.messageKey(), e.args());
        } catch (NotFoundException | AccessDeniedException e) {
            status = 403;
            message = translation(ui, "attachment.upload.forbidden");
        } catch (IOException | RuntimeException e) {
            status = 500;
            message = translation(ui, "attachment.upload.error");
        }
        REFUSED.set(status);
        refusedInBatch = true;
        refused(ui, message);
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        Integer status = REFUSED.get();
        REFUSED.remove();
        response.setStatus(status != null ? status : success ? 200 : 500);
    }

    private String describe(String type) {
        String extension = mediaTypes.extension(type);
        return extension.isEmpty() ? type : extension.substring(1).toUpperCase(Locale.ROOT);
    }

    private static String translation(UI ui, String key, Object... args) {
        return ui.getTranslation(ui.getLocale(), key, args);
    }

    /** The upload's own texts in the user's language. */
    static UploadI18N i18n(Component owner, long maxSize, String acceptedTypes) {
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t(owner, "attachment.upload.add")).setMany(t(owner, "attachment.upload.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t(owner, "attachment.upload.drop")).setMany(t(owner, "attachment.upload.drop")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(t(owner, "attachment.tooLarge", maxSize / (1024 * 1024)))
                .setIncorrectFileType(t(owner, "attachment.type.refusedBrowser", acceptedTypes))
                .setTooManyFiles(t(owner, "attachment.upload.error")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(owner, "attachment.upload.i18n.connecting"))
                        .setStalled(t(owner, "attachment.upload.i18n.stalled")).setProcessing(t(owner, "attachment.upload.i18n.processing"))
                        .setHeld(t(owner, "attachment.upload.i18n.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t(owner, "attachment.upload.i18n.remaining"))
                        .setUnknown(t(owner, "attachment.upload.i18n.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t(owner, "attachment.upload.i18n.serverUnavailable"))
                        .setUnexpectedServerError(t(owner, "attachment.upload.i18n.refused"))
                        .setForbidden(t(owner, "attachment.upload.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(t(owner, "attachment.upload.i18n.retry"))
                .setStart(t(owner, "attachment.upload.i18n.start")).setRemove(t(owner, "attachment.upload.i18n.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        return i18n;
    }

    /** The file extensions of a picker filter, as users read them: "PDF, JPG, PNG". */
    static String extensions(List<String> filter) {
        return MediaTypes.extensions(filter);
    }

    private static String t(Component owner, String key, Object... args) { return owner.getTranslation(key, args); }
}
