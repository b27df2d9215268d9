package vn.motcua.feedback;

import java.util.Arrays;
import java.util.Optional;

/** Where a piece of feedback stands: new (nobody took it yet), being handled, answered. */
public enum FeedbackStatus {
    /** Mới: received, nobody of the unit took it yet. */ NEW("new"),
    /** Đang xử lý: a leader or supervisor took it. */ IN_PROGRESS("in-progress"),
    /** Đã trả lời: answered. */ ANSWERED("answered");

    private final String key;

    FeedbackStatus(String key) { this.key = key; }

    /** The key at the API ({@code ?status=new}) and in the list view's address. */
    public String key() { return key; }

    public String messageKey() { return "feedback.status." + key; }

    /** The status of an API key or of its name ({@code new}, {@code NEW}); empty for anything else. */
    public static Optional<FeedbackStatus> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key) || s.name().equals(key)).findFirst();
    }
}
