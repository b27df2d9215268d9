package vn.motcua.feedback;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the sender of feedback says of the answer, once (Decision 766: satisfaction with the handling of feedback and
 * complaints counts the answers the sender was not satisfied with).
 */
public enum FeedbackVerdict {
    /** Hài lòng. */ SATISFIED("satisfied"),
    /** Không hài lòng. */ UNSATISFIED("unsatisfied");

    private final String key;

    FeedbackVerdict(String key) { this.key = key; }

    /** The key at the API ({@code "verdict": "satisfied"}). */
    public String key() { return key; }

    public String messageKey() { return "feedback.verdict." + key; }

    /** The verdict of {@code satisfied}. */
    public static FeedbackVerdict of(boolean satisfied) { return satisfied ? SATISFIED : UNSATISFIED; }

    /** The verdict of a stored name, empty for null. */
    public static Optional<FeedbackVerdict> ofName(String name) {
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }
}
