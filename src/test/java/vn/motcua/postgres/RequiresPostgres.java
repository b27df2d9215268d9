package vn.motcua.postgres;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.DriverManager;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the test only when PostgreSQL answers at 127.0.0.1:5432 (database motcua_test, user postgres); otherwise
 * skips it saying what to install, except with CI=true, where a missing PostgreSQL fails the build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {
    /** The database, unless {@code -Dmotcua.test.postgres.url=...} names another (builds sharing one server). */
    String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/motcua_test";
    String URL_PROPERTY = "motcua.test.postgres.url";
    String USER = "postgres";

    class Condition implements ExecutionCondition {
        static String url() { return System.getProperty(URL_PROPERTY, DEFAULT_URL); }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try (var connection = DriverManager.getConnection(url(), USER, "")) {
                return ConditionEvaluationResult.enabled("PostgreSQL " + connection.getMetaData().getDatabaseProductVersion());
            } catch (Exception e) {
                String message = "PostgreSQL not reachable at " + url() + " as " + USER + " (" + e.getMessage() + "): install "
                        + "PostgreSQL (apt-get install postgresql), start it and run: createdb -h 127.0.0.1 -U postgres motcua_test";
                if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message, e);
                return ConditionEvaluationResult.disabled(message);
            }
        }
    }
}
