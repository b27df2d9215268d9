package vn.motcua.shared;

/**
 * Something does not exist, or exists but the caller may not see it: both answer the same so that nothing leaks.
 */
public class NotFoundException extends RuntimeException {
    private final String messageKey;
    private final Object[] args;

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() { return messageKey; }

    public Object[] args() { return args; }
}
