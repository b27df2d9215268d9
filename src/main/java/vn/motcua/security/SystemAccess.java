package vn.motcua.security;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.internal.CurrentInstance;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work as the system itself (start-up seeding, timers): the services' method security admits ROLE_SYSTEM
 * where the system legitimately acts without a person.
 */
public final class SystemAccess {
    public static final String AUTHORITY = "ROLE_SYSTEM";
    public static final String USERNAME = "system";

    private SystemAccess() { }

    public static <T> T call(Supplier<T> work) {
        // Inside a Vaadin request the security context comes from the VaadinSession before the thread's own, so the
        // Vaadin instances are set aside while the system works, and restored after.
        var vaadinInstances = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USERNAME, null,
                List.of(new SimpleGrantedAuthority(AUTHORITY))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            CurrentInstance.restoreInstances(vaadinInstances);
        }
    }

    public static void run(Runnable work) {
        call(() -> { work.run(); return null; });
    }
}
