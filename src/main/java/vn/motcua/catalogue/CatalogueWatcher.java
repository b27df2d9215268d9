package vn.motcua.catalogue;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.internal.CatalogueFiles;

/**
 * Development aid: watches the source folders {@code processes/} and {@code forms/} of the working directory and,
 * when a file is saved, checks that procedure folder again and redeploys it (its deployment only, with duplicate
 * filtering), within a second or two. A broken save is logged with the linter's message and the previous version
 * keeps running. On only with {@code motcua.catalogue.watch=true}: in production the catalogue is the one the
 * application was built with.
 */
@Component
@ConditionalOnProperty(name = "motcua.catalogue.watch", havingValue = "true")
class CatalogueWatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CatalogueWatcher.class);
    /** Editors save in bursts (temporary file, rename, metadata): wait for this much quiet before reloading. */
    static final Duration QUIET = Duration.ofMillis(300);

    private final ProcedureCatalogue catalogue;
    private final Path base;
    private final Consumer<ProcedureCatalogue.Reload> listener;
    private final Map<WatchKey, Path> watched = new HashMap<>();
    private WatchService watchService;
    private Thread thread;
    private volatile boolean running;

    @Autowired
    CatalogueWatcher(ProcedureCatalogue catalogue, @Value("${motcua.catalogue.source-dir:.}") Path base) {
        this(catalogue, base, reload -> { });
    }

    /**
     * @param base     the directory holding processes/ and forms/
     * @param listener told after every reload (tests wait on it)
     */
    CatalogueWatcher(ProcedureCatalogue catalogue, Path base, Consumer<ProcedureCatalogue.Reload> listener) {
        this.catalogue = catalogue;
        this.base = base.toAbsolutePath().normalize();
        this.listener = listener;
    }

    @Override
    public synchronized void start() {
        if (running) return;
        Path processes = base.resolve(CatalogueFiles.PROCESSES);
        Path forms = base.resolve(CatalogueFiles.FORMS);
        if (!Files.isDirectory(processes) && !Files.isDirectory(forms)) {
            log.info("Catalogue watch: no processes/ or forms/ under {}, nothing to watch", base);
            return;
        }
        try {
            watchService = FileSystems.getDefault().newWatchService();
            for (Path top : List.of(processes, forms)) {
                if (!Files.isDirectory(top)) continue;
                register(top);
                try (Stream<Path> folders = Files.list(top)) {
                    for (Path folder : folders.filter(Files::isDirectory).toList()) register(folder);
                }
            }
        } catch (IOException e) {
            log.warn("Catalogue watch could not start on {}: {}", base, e.getMessage());
            return;
        }
        running = true;
        thread = new Thread(this::watch, "catalogue-watch");
        thread.setDaemon(true);
        thread.start();
        log.info("Catalogue watch: saving a file under {}/processes or {}/forms redeploys its procedure", base, base);
    }

    @Override
    public synchronized void stop() {
        if (!running) return;
        running = false;
        try {
            watchService.close();
        } catch (IOException e) {
            log.debug("Closing the catalogue watch: {}", e.getMessage());
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() { return running; }

    private void register(Path directory) throws IOException {
        WatchKey key = directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        watched.put(key, directory);
    }

    private void watch() {
        while (running) {
            try {
                Set<String> changed = new HashSet<>();
                collect(watchService.take(), changed);
                // Gather the rest of the burst
                WatchKey next;
                while ((next = watchService.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) collect(next, changed);
                if (!changed.isEmpty()) reload(changed);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // A failed reload must not end the watch: the next save tries again
                log.error("Catalogue watch: reload failed", e);
            }
        }
    }

    private void collect(WatchKey key, Set<String> changed) {
        Path directory = watched.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (directory == null) continue;
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Events were lost: every folder may have changed
                changed.addAll(CatalogueFiles.fromDirectories(base).folders().keySet());
                changed.addAll(catalogueFolders());
                continue;
            }
            Path path = directory.resolve((Path) event.context());
            Path relative = base.relativize(path);
            if (relative.getNameCount() < 2) continue;
            String folder = relative.getName(1).toString();
            if (relative.getNameCount() == 2 && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    register(path);
                } catch (IOException e) {
                    log.warn("Catalogue watch cannot watch {}: {}", path, e.getMessage());
                }
            }
            boolean folderEvent = relative.getNameCount() == 2
                    && (Files.isDirectory(path) || event.kind() == StandardWatchEventKinds.ENTRY_DELETE);
            if (folderEvent || relative.getNameCount() > 2 && isCatalogueFile(relative.getFileName().toString())) {
                changed.add(folder);
            }
        }
        if (!key.reset()) watched.remove(key);
    }

    private Set<String> catalogueFolders() {
        Set<String> folders = new HashSet<>();
        catalogue.procedures().forEach(p -> folders.add(p.folder()));
        return folders;
    }

    private static boolean isCatalogueFile(String name) {
        return !name.startsWith(".") && (name.equals(CatalogueFiles.DESCRIPTOR) || name.endsWith(".bpmn")
                || name.endsWith(".dmn") || name.endsWith(".form"));
    }

    private void reload(Set<String> changed) {
        var outcome = catalogue.reload(CatalogueFiles.fromDirectories(base), changed);
        if (outcome.problems().isEmpty()) {
            log.info("Catalogue watch: {} redeployed{}", outcome.deployed(),
                    outcome.removed().isEmpty() ? "" : ", " + outcome.removed() + " removed");
        }
        listener.accept(outcome);
    }
}
