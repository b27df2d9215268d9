package vn.motcua.attachment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The attachment tests of the class it is put on (a subclass of a {@code @MotCuaTest} attachment test), with the
 * content in the S3 store ({@code motcua.storage.type=s3}) on {@link S3TestServer} instead of the local disk. Classes
 * carrying it are *IT (Failsafe, their own JVM) and share one application context, on a database and a data directory
 * of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:motcua-s3;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "motcua.data-dir=target/test-data-s3"})
@ContextConfiguration(initializers = S3TestServer.Initializer.class)
// once per CI: in the H2 run (the store's tests do not depend on the database)
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "motcua.test.postgres-run", matches = "true")
public @interface OnS3Store { }
