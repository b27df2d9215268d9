package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;

/**
 * Login CSRF: a page elsewhere must not sign a visitor in (as the attacker, whose actions the visitor would then take
 * for their own). The login form needs the session's CSRF token, which only the application's own login page has.
 */
@MotCuaTest
class LoginCsrfTest {
    @LocalServerPort int port;

    @Test
    void aLoginPostFromAnotherSiteWithoutTheTokenSignsNobodyIn() throws Exception {
        var victim = new WebClient(port, null);
        var forged = victim.postForm("/login", Map.of("username", "clerk", "password", "demo"), "https://attacker.example");
        assertThat(forged.headers().firstValue("Location").orElse("status " + forged.statusCode()))
                .as("back to the login page, saying the form had expired").endsWith("/login?expired");
        assertThat(victim.get("/api/tasks").statusCode()).as("the visitor's session is not signed in").isEqualTo(401);
    }

    @Test
    void aLoginPostWithAWrongTokenSignsNobodyIn() throws Exception {
        var victim = new WebClient(port, null);
        victim.loginPageToken();
        var forged = victim.postForm("/login", Map.of("username", "clerk", "password", "demo", "_csrf", "not-the-token"),
                "https://attacker.example");
        assertThat(forged.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
        assertThat(victim.get("/api/tasks").statusCode()).isEqualTo(401);
    }

    @Test
    void theApplicationsOwnLoginPageSignsIn() throws Exception {
        var user = new WebClient(port, null);
        String target = user.signInWithForm("clerk", "demo");
        assertThat(target).as("signed in, sent on").doesNotContain("/login");
        assertThat(user.get("/api/tasks").statusCode()).as("the session is signed in").isEqualTo(200);
    }
}
