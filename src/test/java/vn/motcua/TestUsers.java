package vn.motcua;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Signs a demo user in on the current thread, as the login form would. */
@Component
public class TestUsers {
    private final UserDetailsService users;

    public TestUsers(UserDetailsService users) { this.users = users; }

    public Authentication signInAs(String username) {
        var user = users.loadUserByUsername(username);
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        return auth;
    }

    public void signOut() { SecurityContextHolder.clearContext(); }
}
