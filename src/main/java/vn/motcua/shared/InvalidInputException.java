package vn.motcua.shared;

import java.util.List;

/**
 * Input that breaks a validation rule: nothing was changed. Each violation names its field; answered with HTTP 400.
 */
public class InvalidInputException extends RuntimeException {

    /** One broken rule: the field (a JSON path like {@code applicant.fullName} or {@code data.childName}) and the message in the user's language. */
    public record Violation(String field, String message) { }

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).message());
        if (violations.isEmpty()) throw new IllegalArgumentException("at least one violation");
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() { return violations; }
}
