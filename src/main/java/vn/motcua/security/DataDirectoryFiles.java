package vn.motcua.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application has started, the files directly in the data directory (the embedded H2 database, created
 * with the process's umask when it first opened) are made {@code rw-------}. The directory itself is private from
 * the start ({@link PrivateDataDirectory}), so nobody else could reach them meanwhile.
 */
@Component
class DataDirectoryFiles {
    private static final Logger log = LoggerFactory.getLogger(DataDirectoryFiles.class);

    private final Path directory;

    DataDirectoryFiles(@Value("${" + PrivateDataDirectory.PROPERTY + ":" + PrivateDataDirectory.DEFAULT + "}") String directory) {
        this.directory = Path.of(directory);
    }

    @EventListener(ApplicationStartedEvent.class)
    void makePrivate() {
        if (!PrivateDataDirectory.posix() || !Files.isDirectory(directory)) return;
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (!Files.getPosixFilePermissions(file).equals(PrivateDataDirectory.FILE)) {
                        Files.setPosixFilePermissions(file, PrivateDataDirectory.FILE);
                    }
                } catch (IOException e) {
                    log.warn("Cannot make {} private to the service's user: {}", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list the data directory: {}", e.getMessage());
        }
    }
}
