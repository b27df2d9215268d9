package vn.motcua.attachment;

import java.util.List;

import vn.motcua.catalogue.Localized;
import vn.motcua.dossier.CheckedComponent;

/**
 * One dossier component of the procedure (thành phần hồ sơ), the attachments that fill it and the desk's check of
 * its paper at the receipt.
 *
 * @param chosen     the attachments the uploader said are this component
 * @param suggested  other attachments whose content looks like this component
 * @param paperCheck who checked its paper at the desk and when, or null when nobody did
 */
public record ComponentCheck(String code, Localized name, boolean required, List<String> fileTypes, Status status,
                             List<Attachment> chosen, List<Attachment> suggested, CheckedComponent paperCheck) {

    /** Whether the component is there. */
    public enum Status {
        /** An attachment was uploaded as this component. */
        FILLED,
        /** No attachment was, but the desk checked its paper at the receipt. */
        CHECKED,
        /** Neither, but an attachment looks like it. */
        SUGGESTED,
        /** Nothing fills it. */
        MISSING;

        public String messageKey() { return "attachment.checklist." + name(); }

        /** Whether the component counts as handed in: uploaded or checked on paper. */
        public boolean present() { return this == FILLED || this == CHECKED; }
    }

    public ComponentCheck {
        fileTypes = List.copyOf(fileTypes);
        chosen = List.copyOf(chosen);
        suggested = List.copyOf(suggested);
    }

    /** The status of a component from its files and its paper check. */
    static Status statusOf(List<Attachment> chosen, List<Attachment> suggested, CheckedComponent paperCheck) {
        if (!chosen.isEmpty()) return Status.FILLED;
        if (paperCheck != null) return Status.CHECKED;
        return suggested.isEmpty() ? Status.MISSING : Status.SUGGESTED;
    }
}
