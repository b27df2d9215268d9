package vn.motcua.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The data directory ({@code motcua.data-dir}: the embedded database, attachments, staged uploads) belongs to the
 * service's user alone: created {@code rwx------} before anything writes there, and tightened to that when it exists
 * with wider permissions; the files directly in it (the embedded database's) become {@code rw-------} once the
 * application has started ({@link DataDirectoryFiles}). On file systems without POSIX permissions nothing is changed.
 * Registered in {@code META-INF/spring.factories}: it runs once the configuration is read, before any bean exists.
 */
public class PrivateDataDirectory implements EnvironmentPostProcessor, Ordered {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final String PROPERTY = "motcua.data-dir";
    static final String DEFAULT = "./data";

    private final Log log;

    public PrivateDataDirectory(DeferredLogFactory logs) { this.log = logs.getLog(PrivateDataDirectory.class); }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path directory = Path.of(environment.getProperty(PROPERTY, DEFAULT));
        try {
            makePrivate(directory);
        } catch (FileSystemException notOurs) {
            // e.g. a volume whose permissions the service may not change: said loudly, not fatal
            log.warn("The data directory " + directory + " could not be made private to the service's user ("
                    + notOurs.getMessage() + "): restrict it to that user (chmod 700)");
        } catch (IOException e) {
            throw new UncheckedIOException("The data directory " + directory + " cannot be created", e);
        }
    }

    @Override
    public int getOrder() { return Ordered.LOWEST_PRECEDENCE; }

    /** True where the file system has POSIX permissions. */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory, and its missing parents, readable by the service's user only; an existing one is left. */
    public static Path createPrivately(Path directory) throws IOException {
        if (!posix()) return Files.createDirectories(directory);
        return Files.createDirectories(directory, ownerOnly(DIRECTORY));
    }

    /** Creates the directory privately, or tightens an existing one to {@code rwx------}. */
    static Path makePrivate(Path directory) throws IOException {
        createPrivately(directory);
        if (posix() && !Files.getPosixFilePermissions(directory).equals(DIRECTORY)) {
            Files.setPosixFilePermissions(directory, DIRECTORY);
        }
        return directory;
    }

    /** The attribute that creates a directory ({@link #DIRECTORY}) or file ({@link #FILE}) private to the service. */
    public static FileAttribute<Set<PosixFilePermission>> ownerOnly(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
