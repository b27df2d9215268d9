package vn.motcua.feedback;

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
}
