package benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Bare Camunda 7 for the lifecycle benchmark: the same engine MotCua embeds (its Spring Boot starter with the REST
 * API, history FULL, PostgreSQL), nothing of MotCua's (no security, no Vaadin, no Flyway, none of MotCua's beans: only
 * this package is scanned). Started by {@code LifecycleBenchmark} in a JVM of its own with
 * {@code --spring.config.location} pointing away from MotCua's {@code application.yml}. Outside {@code vn.motcua} on
 * purpose: MotCua's component scan (in the tests' class path) must never find it and its exclusions.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"})
public class BareCamunda {
    public static void main(String[] args) {
        SpringApplication.run(BareCamunda.class, args);
    }
}
