package vn.motcua;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application with its demo data, on a random port, on the test database (H2 by default, PostgreSQL with
 * -Ddb=postgres), with the application's clock a {@link TestClock} tests may set. Every test class carrying it shares
 * one application context. Its e-mails go to an SMTP server running inside the tests ({@link InTestSmtp}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import({TestClock.Configuration.class, InTestSmtp.Configuration.class})
// Metrics exported as in production (Spring Boot turns exports off in tests): /actuator/prometheus exists
@AutoConfigureObservability(tracing = false)
public @interface MotCuaTest { }
