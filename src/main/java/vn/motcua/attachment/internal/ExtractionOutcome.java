package vn.motcua.attachment.internal;

import java.util.List;

import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.SignatureCheck;

/**
 * What an extraction found.
 *
 * @param state      the final state (never PENDING)
 * @param reason     why, as a key suffix of {@code attachment.reason.*}, or null
 * @param detail     a technical detail for administrators (an exception's class name, dimensions), never document text
 * @param text       the extracted text, at most the limit's characters ("" when none)
 * @param truncated  true when text or embedded documents were cut at a limit
 * @param signatures the PDF signatures found, verified
 */
public record ExtractionOutcome(AttachmentState state, String reason, String detail, String text, boolean truncated,
                                Integer pages, String language, String title, List<SignatureCheck> signatures) {
    public ExtractionOutcome {
        text = text == null ? "" : text;
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    static ExtractionOutcome refused(AttachmentState state, String reason, String detail) {
        return new ExtractionOutcome(state, reason, detail, "", false, null, null, null, List.of());
    }
}
