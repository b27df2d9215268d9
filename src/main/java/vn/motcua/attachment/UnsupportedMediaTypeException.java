package vn.motcua.attachment;

import java.util.List;

/**
 * The content of an upload is of a type the dossier component does not accept (an executable renamed .pdf, an HTML
 * page named .docx): nothing was stored. Answered with HTTP 415.
 */
public class UnsupportedMediaTypeException extends RuntimeException {
    private final String detected;
    private final List<String> accepted;

    public UnsupportedMediaTypeException(String detected, List<String> accepted) {
        super("media type " + detected + " not accepted");
        this.detected = detected;
        this.accepted = List.copyOf(accepted);
    }

    /** The type detected from the content. */
    public String detected() { return detected; }

    /** The types that would have been accepted. */
    public List<String> accepted() { return accepted; }
}
