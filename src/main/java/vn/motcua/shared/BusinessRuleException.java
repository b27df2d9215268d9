package vn.motcua.shared;

/**
 * A rule of the domain refused an action (an illegal status transition, a task already taken...). The message key
 * is resolved in the user's language; answered with HTTP 409.
 */
public class BusinessRuleException extends RuntimeException {
    private final String messageKey;
    private final Object[] args;

    public BusinessRuleException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() { return messageKey; }

    public Object[] args() { return args; }
}
