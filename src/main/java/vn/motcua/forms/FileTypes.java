package vn.motcua.forms;

import java.util.List;

/**
 * The file types MotCua takes in uploads, as a form's file picker's {@code accept} narrows them; answered by the
 * module that checks uploads, asked by the catalogue's linter so that a picker no file could ever pass is refused
 * when the form is published, not when a citizen tries to upload.
 */
public interface FileTypes {

    /**
     * The media types, among those MotCua takes, that {@code accept} names (by media type, family such as
     * {@code image/*}, or extension such as {@code .pdf}); every one of them for a blank {@code accept}; empty when it
     * names none of them.
     */
    List<String> acceptedBy(String accept);

    /** Every file type MotCua takes, as people read them by extension: "PDF, JPG, JPEG, PNG, …". */
    String described();
}
