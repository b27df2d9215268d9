package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaTest;
import vn.motcua.security.LoginLock.Kind;

/**
 * The throttle's rules over time, on the database every node shares (time given explicitly, nothing waits): failures
 * count within the window only; the limit locks; each further lock lasts twice as long, up to the longest; a lock ends
 * by itself; a subject quiet for a day starts afresh.
 */
@MotCuaTest
class LoginThrottleTest {
    @Autowired LoginThrottle throttle;
    @Autowired LoginSettings settings;

    private static final Instant T0 = Instant.parse("2030-03-02T01:00:00Z");

    private static String account() { return "throttle-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36); }

    /** Five failures of one account at {@code at}, one second apart; the lock the fifth one set. */
    private Duration fiveFailures(String account, Instant at) {
        Duration lock = null;
        for (int i = 0; i < 5; i++) lock = throttle.failed(account, null, at.plusSeconds(i)).orElse(null);
        return lock;
    }

    @Test
    void theDefaultsAreFiveFailuresPerAccountTwentyPerAddressInFifteenMinutes() {
        assertThat(settings.getAccount().getMaxFailures()).isEqualTo(5);
        assertThat(settings.getAddress().getMaxFailures()).isEqualTo(20);
        assertThat(settings.getWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.getLockDuration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theFifthFailureWithinTheWindowLocksFailuresOutsideItDoNot() {
        String account = account();
        for (int i = 0; i < 4; i++) assertThat(throttle.failed(account, null, T0.plus(i * 5L, ChronoUnit.MINUTES))).isEmpty();
        // the fifth comes 20 minutes after the first: the window started again with the fifth
        assertThat(throttle.failed(account, null, T0.plus(20, ChronoUnit.MINUTES))).isEmpty();
        assertThat(throttle.status(account, null, T0.plus(20, ChronoUnit.MINUTES)).locked()).isFalse();

        Instant t = T0.plus(21, ChronoUnit.MINUTES);
        for (int i = 0; i < 3; i++) assertThat(throttle.failed(account, null, t.plusSeconds(i))).isEmpty();
        assertThat(throttle.failed(account, null, t.plusSeconds(3))).contains(Duration.ofMinutes(15));
        assertThat(throttle.status(account, null, t.plusSeconds(4)).locked()).isTrue();
        assertThat(throttle.status(account, null, t.plusSeconds(4)).lockedFor()).isEqualTo(Duration.ofMinutes(15).minusSeconds(1));
    }

    @Test
    void aLockEndsByItselfAndEachFurtherLockLastsTwiceAsLongUpToADay() {
        String account = account();
        Instant t = T0;
        Duration expected = Duration.ofMinutes(15);
        for (int lock = 1; lock <= 9; lock++) {
            assertThat(fiveFailures(account, t)).as("lock " + lock).isEqualTo(expected);
            Instant end = t.plusSeconds(4).plus(expected);
            assertThat(throttle.status(account, null, end.minusSeconds(1)).locked()).isTrue();
            assertThat(throttle.status(account, null, end).locked()).as("ended by itself").isFalse();
            t = end;
            expected = expected.multipliedBy(2).compareTo(Duration.ofHours(24)) > 0 ? Duration.ofHours(24) : expected.multipliedBy(2);
        }
        assertThat(expected).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void failuresDuringALockAreNotCountedAndTheRightPasswordIsRefused() {
        String account = account();
        fiveFailures(account, T0);
        assertThat(throttle.failed(account, null, T0.plus(1, ChronoUnit.MINUTES))).as("not counted while locked").isEmpty();
        assertThat(throttle.status(account, null, T0.plus(14, ChronoUnit.MINUTES)).locked()).isTrue();
    }

    @Test
    void aQuietDayForgetsEarlierLocks() {
        String account = account();
        fiveFailures(account, T0);
        assertThat(fiveFailures(account, T0.plus(20, ChronoUnit.MINUTES))).isEqualTo(Duration.ofMinutes(30));
        assertThat(fiveFailures(account, T0.plus(2, ChronoUnit.DAYS))).as("afresh after a quiet day").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAccountAndAnAddressAreCountedApartAndASuccessForgetsOnlyTheAccount() {
        String account = account();
        String address = "198.19.250." + (1 + ThreadLocalRandom.current().nextInt(254));
        for (int i = 0; i < 4; i++) throttle.failed(account, address, T0.plusSeconds(i));
        throttle.succeeded(account);
        assertThat(throttle.entries(T0.plusSeconds(5))).noneMatch(e -> e.kind() == Kind.ACCOUNT && e.subject().equals(account))
                .anyMatch(e -> e.kind() == Kind.ADDRESS && e.subject().equals(address) && e.failures() == 4);
        assertThat(throttle.unlock(Kind.ADDRESS, address)).isTrue();
        assertThat(throttle.unlock(Kind.ADDRESS, address)).isFalse();
    }

    @Test
    void theAccountIsCountedWhateverTheCaseOfItsName() {
        String account = account();
        for (int i = 0; i < 4; i++) throttle.failed(account.toUpperCase(), null, T0.plusSeconds(i));
        assertThat(throttle.failed(account, null, T0.plusSeconds(5))).isPresent();
    }
}
