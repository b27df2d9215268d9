package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;

/**
 * Sign-in locks: after too many wrong passwords an account, or a client address, is refused even with the right
 * password, by the login form and by HTTP Basic (the API, the engine's REST API, Camunda's webapps) alike, with a
 * clear answer saying for how long; an administrator can lift the lock. Defaults: 5 failures per account, 20 per
 * address, within 15 minutes; the first lock lasts 15 minutes.
 */
@MotCuaTest
class SignInLockTest {
    private static final String PASSWORD = "right-password-1";

    @LocalServerPort int port;
    @Autowired OrganisationService organisation;
    final ObjectMapper json = new ObjectMapper();

    /** A citizen account of the test's own (also on a database kept between runs), so locking it disturbs no other test. */
    private String newAccount(String name) {
        String username = name + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        SystemAccess.run(() -> organisation.createUser(username, PASSWORD, "Người thử khóa", null, null, EnumSet.of(Role.CITIZEN)));
        return username;
    }

    /** A client address of the test's own (the benchmarking range 198.18.0.0/15). */
    private static String newAddress() {
        var random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A client at an address of its own, forwarded by the trusted local proxy. */
    private WebClient fromNewAddress() { return new WebClient(port, newAddress()); }

    private WebClient administrator() { return new WebClient(port, null); }

    @Test
    void fiveWrongPasswordsLockTheAccountOverHttpBasicAndTheRightOneIsRefusedUntilAnAdministratorUnlocksIt() throws Exception {
        String user = newAccount("lock-basic");
        var client = fromNewAddress();
        for (int i = 1; i <= 4; i++) {
            assertThat(client.getAs(user, "wrong-" + i, "/api/dossiers").statusCode()).as("failure " + i).isEqualTo(401);
        }
        var fifth = client.getAs(user, "wrong-5", "/api/dossiers");
        assertThat(fifth.statusCode()).as("the failure that locks says so").isEqualTo(429);

        var refused = client.getAs(user, PASSWORD, "/api/dossiers");
        assertThat(refused.statusCode()).as("the right password during the lock").isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("error").asText()).isEqualTo("SIGN_IN_LOCKED");
        assertThat(body.get("message").asText()).contains("tạm thời bị khóa", "15 phút");
        assertThat(body.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        var english = fromNewAddress().header("Accept-Language", "en").getAs(user, PASSWORD, "/api/dossiers");
        assertThat(json.readTree(english.body()).get("message").asText())
                .as("an account's lock holds from every address, in the caller's language")
                .contains("temporarily locked", "15 minutes");
        assertThat(client.getAs(user, PASSWORD, "/engine-rest/process-definition").statusCode())
                .as("the engine's REST API").isEqualTo(429);
        assertThat(client.getAs(user, PASSWORD, "/camunda/app/cockpit/default/").statusCode())
                .as("Camunda's webapps").isEqualTo(429);

        JsonNode locks = json.readTree(administrator().getAs("admin", "demo", "/api/admin/login-locks").body());
        JsonNode entry = find(locks, "ACCOUNT", user);
        assertThat(entry).as("the administrator sees the lock").isNotNull();
        assertThat(entry.get("locked").asBoolean()).isTrue();
        assertThat(administrator().getAs("clerk", "demo", "/api/admin/login-locks").statusCode())
                .as("only administrators see locks").isEqualTo(403);
        assertThat(administrator().deleteAs("clerk", "demo", "/api/admin/login-locks/" + user).statusCode())
                .as("only administrators lift locks").isEqualTo(403);
        assertThat(client.getAs(user, PASSWORD, "/api/dossiers").statusCode()).isEqualTo(429);

        assertThat(administrator().deleteAs("admin", "demo", "/api/admin/login-locks/" + user).statusCode()).isEqualTo(204);
        assertThat(client.getAs(user, PASSWORD, "/api/dossiers").statusCode()).as("unlocked").isEqualTo(200);
        assertThat(administrator().deleteAs("admin", "demo", "/api/admin/login-locks/" + user).statusCode())
                .as("nothing left to unlock").isEqualTo(404);
        String log = administrator().getAs("admin", "demo", "/api/admin/log?from=2000-01-01&to=2100-12-31").body();
        assertThat(log).as("the administrators' log keeps the lift").contains("SIGN_IN_LOCK_LIFTED", user);
    }

    @Test
    void aSuccessfulSignInForgetsTheAccountsEarlierFailures() throws Exception {
        String user = newAccount("lock-reset");
        String address = newAddress();
        for (int i = 1; i <= 4; i++) new WebClient(port, address).getAs(user, "wrong-" + i, "/api/dossiers");
        assertThat(new WebClient(port, address).getAs(user, PASSWORD, "/api/dossiers").statusCode()).isEqualTo(200);
        // each call without a session: a signed-in session would not look at the Authorization header again
        for (int i = 1; i <= 4; i++) {
            assertThat(new WebClient(port, address).getAs(user, "wrong-again-" + i, "/api/dossiers").statusCode()).isEqualTo(401);
        }
        assertThat(new WebClient(port, address).getAs(user, PASSWORD, "/api/dossiers").statusCode())
                .as("four failures again, not eight").isEqualTo(200);
    }

    @Test
    void anAddressWithTwentyFailuresIsLockedWhateverTheAccountOthersAreNot() throws Exception {
        String address = newAddress();
        var guesser = new WebClient(port, address);
        for (int i = 1; i <= 20; i++) {
            // four guesses per made-up account: no account reaches its own limit
            guesser.getAs("nobody-" + address + "-" + (i % 5), "guess-" + i, "/api/dossiers");
        }
        var refused = guesser.getAs("clerk", "demo", "/api/dossiers");
        assertThat(refused.statusCode()).as("a real account's right password from the locked address").isEqualTo(429);
        assertThat(fromNewAddress().getAs("clerk", "demo", "/api/dossiers").statusCode())
                .as("the same account from another address").isEqualTo(200);

        JsonNode locks = json.readTree(administrator().getAs("admin", "demo", "/api/admin/login-locks").body());
        assertThat(find(locks, "ADDRESS", address)).as("the administrator sees the address").isNotNull();
        assertThat(administrator().deleteAs("admin", "demo", "/api/admin/login-locks/addresses/" + address).statusCode())
                .isEqualTo(204);
        assertThat(guesser.getAs("clerk", "demo", "/api/dossiers").statusCode()).as("unlocked").isEqualTo(200);
    }

    @Test
    void theLoginFormRefusesALockedAccountAndSaysForHowLong() throws Exception {
        String user = newAccount("lock-form");
        var browser = fromNewAddress();
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.signInWithForm(user, "wrong-" + i)).as("failure " + i).endsWith("/login?error");
        }
        assertThat(browser.signInWithForm(user, "wrong-5")).endsWith("/login?locked=15");
        assertThat(browser.signInWithForm(user, PASSWORD)).as("the right password during the lock").endsWith("/login?locked=15");
        assertThat(browser.getAs(user, PASSWORD, "/api/dossiers").statusCode())
                .as("a lock earned on the form holds for HTTP Basic too").isEqualTo(429);

        administrator().deleteAs("admin", "demo", "/api/admin/login-locks/" + user);
        assertThat(browser.signInWithForm(user, PASSWORD)).as("unlocked").doesNotContain("/login");
    }

    private static JsonNode find(JsonNode locks, String kind, String subject) {
        for (JsonNode lock : locks) {
            if (kind.equals(lock.get("kind").asText()) && subject.equals(lock.get("subject").asText())) return lock;
        }
        return null;
    }
}
