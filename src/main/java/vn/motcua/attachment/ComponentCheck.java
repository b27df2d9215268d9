package vn.motcua.attachment;

import java.util.List;

import vn.motcua.catalogue.Localized;

/**
 * One dossier component of the procedure (thành phần hồ sơ) and the attachments that fill it.
 *
 * @param chosen    the attachments the uploader said are this component
 * @param suggested other attachments whose content looks like this component
 */
public record ComponentCheck(String code, Localized name, boolean required, List<String> fileTypes, Status status,
                             List<Attachment> chosen, List<Attachment> suggested) {

    /** Whether the component is there. */
    public enum Status {
        /** An attachment was uploaded as this component. */
        FILLED,
        /** None was, but one looks like it. */
        SUGGESTED,
        /** Nothing fills it. */
        MISSING;

        public String messageKey() { return "attachment.checklist." + name(); }
    }

    public ComponentCheck {
        fileTypes = List.copyOf(fileTypes);
        chosen = List.copyOf(chosen);
        suggested = List.copyOf(suggested);
    }
}
