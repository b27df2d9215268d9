package vn.motcua;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.motcua.shared.Formats;

/**
 * The application's clock in tests: the real time unless a test sets an instant ({@link #setTo}), which it must
 * reset afterwards ({@link #reset}); every {@link MotCuaTest} shares it with the application.
 */
public class TestClock extends Clock {
    private volatile Instant fixed;

    /** Stops the clock at this instant until {@link #reset()}. */
    public void setTo(Instant instant) { fixed = instant; }

    /** Back to the real time. */
    public void reset() { fixed = null; }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() { return Formats.ZONE; }

    @Override
    public Clock withZone(ZoneId zone) { return Clock.fixed(instant(), zone); }

    /** Puts it in the application's place. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() { return new TestClock(); }
    }
}
