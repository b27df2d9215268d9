package vn.motcua.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.organisation.ScheduledMerges;

/**
 * The rounds that carry out the organisation's planned merges on their day, as the system, every {@code
 * motcua.organisation.merge-check-interval} (1 minute) on every node. Here because acting as the system is this
 * module's and it builds on the organisation module (not the other way round).
 */
@Configuration(proxyBeanMethods = false)
class ScheduledMergeRounds {

    @Bean
    SystemRounds plannedMergeRounds(ScheduledMerges merges, @Value("${motcua.organisation.merge-check-interval:1m}") Duration interval) {
        return new SystemRounds("scheduled-merges", interval.isNegative() || interval.isZero() ? Duration.ofMinutes(1) : interval,
                merges::runDue);
    }
}
