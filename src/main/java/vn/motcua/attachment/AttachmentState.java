package vn.motcua.attachment;

/**
 * Where an attachment's text extraction stands. Every attachment ends in one of the four final states; the reason
 * (a message key suffix, {@code attachment.reason.*}) says why when it is not plainly EXTRACTED.
 */
public enum AttachmentState {
    /** Waiting for, or in, extraction (Đang xử lý nội dung). */
    PENDING,
    /** Text extracted (Đã trích xuất nội dung). */
    EXTRACTED,
    /** Read, but holds no text: a scan without OCR, an empty document (Không có nội dung chữ). */
    NO_TEXT,
    /** Refused by a safety rule: encrypted, a decompression bomb, an image too large (Bị từ chối). */
    REJECTED,
    /** Could not be read: damaged, timed out, or the extraction process crashed (Lỗi trích xuất). */
    FAILED;

    /** True once extraction has ended, whatever the result. */
    public boolean isFinal() { return this != PENDING; }

    /** The message key of the state's name. */
    public String messageKey() { return "attachment.state." + name(); }
}
