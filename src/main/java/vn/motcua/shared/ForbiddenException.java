package vn.motcua.shared;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller may see the thing but not do this with it (a citizen asking for the unit's register, a user of another
 * unit's step asking to stop the dossier's clock). The message key says why, in the user's language; answered with
 * HTTP 403 like any refusal of Spring Security.
 */
public class ForbiddenException extends AccessDeniedException {
    private final String messageKey;
    private final transient Object[] args;

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() { return messageKey; }

    public Object[] args() { return args; }
}
