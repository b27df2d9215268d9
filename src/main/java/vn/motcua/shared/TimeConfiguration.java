package vn.motcua.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where "now" comes from: one {@link Clock} in the application's time zone ({@link Formats#ZONE}), injected wherever
 * the time is read (services, the audit trail, deadlines, background workers, views), so that tests can set it.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() { return Clock.system(Formats.ZONE); }
}
