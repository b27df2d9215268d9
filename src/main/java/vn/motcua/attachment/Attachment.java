package vn.motcua.attachment;

import java.time.Instant;
import java.util.List;

/**
 * A file of a dossier and what is known of it.
 *
 * @param componentCode      the dossier component the uploader said it is, or null
 * @param fileName           the name given at upload, made safe ({@code FileNames})
 * @param mediaType          detected from the content
 * @param size               in bytes
 * @param sha256             of the content (lower-case hex), its address in the content store
 * @param pages              page count when the format has pages and says it
 * @param language           "vi", "en", another primary language tag, or null when unknown
 * @param title              the document's own title (its metadata), or null
 * @param state              where extraction stands
 * @param reason             why, as a key suffix of {@code attachment.reason.*}, or null
 * @param textExcerpt        the beginning of the extracted text (at most 500 characters), or null
 * @param truncated          the text or the embedded documents were cut at a limit
 * @param suggestedComponent the component the content looks like, or null
 * @param signatures         the PDF digital signatures found, verified
 */
public record Attachment(long id, String dossierCode, String componentCode, String fileName, String mediaType, long size,
                         String sha256, Integer pages, String language, String title, AttachmentState state,
                         String reason, String textExcerpt, boolean truncated, String suggestedComponent,
                         String uploadedBy, Instant uploadedAt, Instant extractedAt, List<SignatureCheck> signatures,
                         boolean internal) {
    public Attachment {
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /** True for PDF files. */
    public boolean isPdf() { return "application/pdf".equals(mediaType); }

    /** True for images a browser shows inline. */
    public boolean isImage() {
        return mediaType != null && (mediaType.equals("image/jpeg") || mediaType.equals("image/png")
                || mediaType.equals("image/gif") || mediaType.equals("image/webp") || mediaType.equals("image/bmp"));
    }

    /** The message key of the reason, or null. */
    public String reasonKey() { return reason == null ? null : "attachment.reason." + reason; }
}
