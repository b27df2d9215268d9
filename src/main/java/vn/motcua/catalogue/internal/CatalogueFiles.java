package vn.motcua.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The catalogue's files as designers save them, read into memory once so that the linter and the deployment see
 * the same bytes: {@code processes/<folder>/} (procedure.json, *.bpmn, *.dmn) and {@code forms/<folder>/}
 * (*.form). Anything else in those folders (editor backups, notes, hidden files) is not part of the catalogue.
 *
 * @param folders the folders by name, sorted; a folder exists when it has at least one catalogue file
 */
public record CatalogueFiles(SortedMap<String, Folder> folders) {
    /** The top-level folder of the models and descriptors. */
    public static final String PROCESSES = "processes";
    /** The top-level folder of the Camunda Forms. */
    public static final String FORMS = "forms";
    /** Folder of the models and forms every procedure shares (the dossier lifecycle); it has no descriptor. */
    public static final String SHARED = "_shared";
    /** The descriptor of a procedure folder. */
    public static final String DESCRIPTOR = "procedure.json";

    public CatalogueFiles {
        folders = Collections.unmodifiableSortedMap(new TreeMap<>(folders));
    }

    /**
     * One folder name's files under processes/ and forms/.
     *
     * @param processFiles file name → content, from {@code processes/<name>/}
     * @param formFiles    file name → content, from {@code forms/<name>/}
     */
    public record Folder(String name, Map<String, byte[]> processFiles, Map<String, byte[]> formFiles) {
        public Folder {
            processFiles = Collections.unmodifiableMap(new LinkedHashMap<>(processFiles));
            formFiles = Collections.unmodifiableMap(new LinkedHashMap<>(formFiles));
        }

        /** Whether this is the shared folder rather than a procedure. */
        public boolean shared() { return SHARED.equals(name); }
    }

    /** The folder of that name, if it has any catalogue file. */
    public Optional<Folder> folder(String name) { return Optional.ofNullable(folders.get(name)); }

    /**
     * Reads the catalogue from the classpath, where the build copies processes/ and forms/ (docs/stack.md, pitfall 6).
     *
     * @param root a classpath prefix ending with "/" under which processes/ and forms/ lie, or "" for the top
     */
    public static CatalogueFiles fromClasspath(String root) {
        var resolver = new PathMatchingResourcePatternResolver();
        Map<String, Map<String, byte[]>> processes = new TreeMap<>();
        Map<String, Map<String, byte[]>> forms = new TreeMap<>();
        try {
            collect(resolver.getResources("classpath*:" + root + PROCESSES + "/*/*"), processes, CatalogueFiles::isProcessFile);
            collect(resolver.getResources("classpath*:" + root + FORMS + "/*/*"), forms, CatalogueFiles::isFormFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalogue from the classpath under '" + root + "'", e);
        }
        return assemble(processes, forms);
    }

    /**
     * Reads the catalogue from the source folders {@code base/processes} and {@code base/forms} (either may be
     * missing), as the development watcher does.
     */
    public static CatalogueFiles fromDirectories(Path base) {
        Map<String, Map<String, byte[]>> processes = new TreeMap<>();
        Map<String, Map<String, byte[]>> forms = new TreeMap<>();
        readDirectory(base.resolve(PROCESSES), processes, CatalogueFiles::isProcessFile);
        readDirectory(base.resolve(FORMS), forms, CatalogueFiles::isFormFile);
        return assemble(processes, forms);
    }

    static boolean isProcessFile(String name) {
        return !name.startsWith(".") && (name.equals(DESCRIPTOR) || name.endsWith(".bpmn") || name.endsWith(".dmn"));
    }

    static boolean isFormFile(String name) {
        return !name.startsWith(".") && name.endsWith(".form");
    }

    private interface NameFilter {
        boolean accepts(String fileName);
    }

    private static void collect(Resource[] resources, Map<String, Map<String, byte[]>> into, NameFilter filter) throws IOException {
        for (Resource resource : resources) {
            String name = resource.getFilename();
            if (name == null || !filter.accepts(name) || !resource.isReadable()) continue;
            String[] parts = resource.getURL().toString().split("/");
            String folder = URLDecoder.decode(parts[parts.length - 2], StandardCharsets.UTF_8);
            // The first classpath root wins, as it would for the class loader
            var files = into.computeIfAbsent(folder, f -> new TreeMap<>());
            if (!files.containsKey(name)) {
                try (InputStream in = resource.getInputStream()) {
                    files.put(name, in.readAllBytes());
                }
            }
        }
    }

    private static void readDirectory(Path top, Map<String, Map<String, byte[]>> into, NameFilter filter) {
        if (!Files.isDirectory(top)) return;
        try (Stream<Path> folders = Files.list(top)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = file.getFileName().toString();
                        if (filter.accepts(name)) {
                            into.computeIfAbsent(folder.getFileName().toString(), f -> new TreeMap<>()).put(name, Files.readAllBytes(file));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + top, e);
        }
    }

    private static CatalogueFiles assemble(Map<String, Map<String, byte[]>> processes, Map<String, Map<String, byte[]>> forms) {
        SortedMap<String, Folder> folders = new TreeMap<>();
        var names = new java.util.TreeSet<>(processes.keySet());
        names.addAll(forms.keySet());
        for (String name : names) {
            folders.put(name, new Folder(name, processes.getOrDefault(name, Map.of()), forms.getOrDefault(name, Map.of())));
        }
        return new CatalogueFiles(folders);
    }
}
