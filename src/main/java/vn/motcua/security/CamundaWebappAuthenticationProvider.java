package vn.motcua.security;

import java.util.ArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.organisation.Role;

/**
 * Single sign-on into Camunda's webapps (Cockpit, Admin, Tasklist): the user signed in to MotCua is the user there.
 * Spring Security lets only administrators reach /camunda/**, who get Camunda's admin group.
 */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user)) {
            return AuthenticationResult.unsuccessful();
        }
        var result = new AuthenticationResult(user.username(), true);
        var groups = new ArrayList<>(user.candidateGroups());
        if (user.has(Role.ADMIN)) groups.add(CAMUNDA_ADMIN_GROUP);
        result.setGroups(groups);
        return result;
    }
}
