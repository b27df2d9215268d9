package vn.motcua.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.attachment.internal.ContentStore;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * The checks every upload passes, whether its dossier exists yet or not: streamed to a staging file (never whole in
 * memory) within {@code motcua.attachment.max-size}, not empty, its type detected from the content and accepted for
 * its component. A refused upload leaves nothing behind.
 */
@Component
class UploadChecks {
    private final ContentStore store;
    private final MediaTypes mediaTypes;
    private final AttachmentSettings settings;
    private final Messages messages;

    UploadChecks(ContentStore store, MediaTypes mediaTypes, AttachmentSettings settings, Messages messages) {
        this.store = store;
        this.mediaTypes = mediaTypes;
        this.settings = settings;
        this.messages = messages;
    }

    /**
     * The component of a procedure an upload says it is for: null without a code; an unknown code is refused.
     *
     * @throws InvalidInputException (field {@code component}) no component has this code
     */
    DossierComponent component(List<DossierComponent> components, String componentCode) {
        if (componentCode == null || componentCode.isBlank()) return null;
        String wanted = componentCode.trim();
        return components.stream().filter(c -> c.code().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("component", messages.get("attachment.component.unknown", wanted)));
    }

    /** Content that passed the checks, still in staging: the caller commits, keeps or discards it. */
    record Checked(ContentStore.Staged staged, String mediaType) { }

    /**
     * @param component the component it is for, or null (then PDF, images, office documents, plain text)
     * @throws AttachmentTooLargeException   over the size allowed (413)
     * @throws InvalidInputException         empty, or the upload was interrupted (400)
     * @throws UnsupportedMediaTypeException the content's type is not accepted (415)
     */
    Checked check(InputStream content, String fileName, DossierComponent component) {
        return check(content, fileName, MediaTypes.accepted(component == null ? null : component.fileTypes()));
    }

    /** As {@link #check(InputStream, String, DossierComponent)}, against a list of accepted types. */
    Checked check(InputStream content, String fileName, List<String> accepted) {
        long maxBytes = settings.getMaxSize().toBytes();
        ContentStore.Staged staged;
        try {
            staged = store.stage(Objects.requireNonNull(content, "content"), maxBytes);
        } catch (ContentStore.ContentTooLargeException e) {
            throw new AttachmentTooLargeException(maxBytes);
        } catch (IOException e) {
            throw new InvalidInputException("file", messages.get("attachment.upload.interrupted"));
        }
        boolean passed = false;
        try {
            if (staged.size() == 0) throw new InvalidInputException("file", messages.get("attachment.file.empty"));
            String type = mediaTypes.detect(staged.file(), fileName);
            if (!MediaTypes.accepts(accepted, type)) throw new UnsupportedMediaTypeException(type, accepted);
            passed = true;
            return new Checked(staged, type);
        } catch (IOException e) {
            throw new InvalidInputException("file", messages.get("attachment.upload.interrupted"));
        } finally {
            if (!passed) store.discard(staged);
        }
    }
}
