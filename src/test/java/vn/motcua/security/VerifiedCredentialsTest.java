package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A password checked a moment ago is trusted again only for the same account, password and password hash, in time. */
class VerifiedCredentialsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void theSamePasswordOfTheSameAccountIsTrustedUntilItExpires() {
        var verified = new VerifiedCredentials();
        verified.remember("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW.plusSeconds(300));
        assertThat(verified.verified("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW.plusSeconds(299))).isTrue();
        assertThat(verified.verified("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW.plusSeconds(300))).as("expired").isFalse();
        assertThat(verified.verified("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW)).as("an expired entry is gone").isFalse();
    }

    @Test
    void anotherPasswordAnotherAccountOrAChangedPasswordHashMiss() {
        var verified = new VerifiedCredentials();
        verified.remember("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW.plusSeconds(300));
        assertThat(verified.verified("clerk", "Mật khẩu sai", "$2a$hash-1", NOW)).isFalse();
        assertThat(verified.verified("leader", "Mật khẩu đúng", "$2a$hash-1", NOW)).isFalse();
        assertThat(verified.verified("clerk", "Mật khẩu đúng", "$2a$hash-2", NOW)).as("the password was changed").isFalse();
        assertThat(verified.verified("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW)).as("forgotten after the change").isFalse();
    }

    @Test
    void forgettingAnAccountDropsItsEntries() {
        var verified = new VerifiedCredentials();
        verified.remember("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW.plusSeconds(300));
        verified.forget("clerk");
        assertThat(verified.verified("clerk", "Mật khẩu đúng", "$2a$hash-1", NOW)).isFalse();
    }
}
