package vn.motcua.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A procedure's files as a designer uploads them, and as MotCua exports a version: a zip of the folder as it
 * stands in the repository ({@code processes/<folder>/...} and {@code forms/<folder>/...}, or the two folders'
 * files under one folder, or flat), or the separate files exactly as Camunda Modeler 5 saves them (.bpmn, .dmn,
 * .form) with the descriptor procedure.json. Anything else (editor backups, hidden files, folders) is ignored; the
 * sizes are bounded and a path leaving the archive is refused.
 */
public final class ProcedurePackage {
    /** At most this many entries in a zip. */
    public static final int MAX_ENTRIES = 200;
    /** At most this many bytes in one file once unpacked. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    /** At most this many bytes in all files once unpacked. */
    public static final long MAX_TOTAL_BYTES = 10L * 1024 * 1024;

    /** An upload that cannot be read: the message key in the i18n/catalogue bundles and its arguments. */
    public static final class PackageException extends RuntimeException {
        private final String messageKey;
        private final transient List<Object> args;

        PackageException(String messageKey, Object... args) {
            super(CatalogueMessages.bilingual(messageKey, args));
            this.messageKey = messageKey;
            this.args = List.of(args);
        }

        public String messageKey() { return messageKey; }

        public List<Object> args() { return args; }
    }

    /** One uploaded file: its name as sent and its bytes. */
    public record Upload(String name, byte[] content) { }

    /**
     * What an upload holds.
     *
     * @param folderHint the folder named by the paths (processes/&lt;folder&gt;/), or null
     * @param processFiles procedure.json, *.bpmn, *.dmn by file name
     * @param formFiles    *.form by file name
     */
    public record Contents(String folderHint, Map<String, byte[]> processFiles, Map<String, byte[]> formFiles) {
        /** The contents as the folder of that name. */
        public CatalogueFiles.Folder as(String folder) { return new CatalogueFiles.Folder(folder, processFiles, formFiles); }
    }

    private ProcedurePackage() { }

    /** Reads the uploaded files: each a zip (by its name or its first bytes) or a catalogue file. */
    public static Contents read(List<Upload> uploads) {
        Map<String, byte[]> process = new TreeMap<>();
        Map<String, byte[]> forms = new TreeMap<>();
        TreeSet<String> folders = new TreeSet<>();
        long total = 0;
        int entries = 0;
        for (Upload upload : uploads) {
            if (isZip(upload)) {
                if (upload.content().length > MAX_TOTAL_BYTES) throw new PackageException("catalogue.design.upload.tooLarge", MAX_TOTAL_BYTES / 1024 / 1024);
                try (var zip = new ZipInputStream(new ByteArrayInputStream(upload.content()), StandardCharsets.UTF_8)) {
                    ZipEntry entry;
                    while ((entry = zip.getNextEntry()) != null) {
                        if (++entries > MAX_ENTRIES) throw new PackageException("catalogue.design.upload.tooManyEntries", MAX_ENTRIES);
                        String path = entry.getName().replace('\\', '/');
                        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || List.of(path.split("/")).contains("..")) {
                            throw new PackageException("catalogue.design.upload.badPath", path);
                        }
                        if (entry.isDirectory()) continue;
                        byte[] bytes = readBounded(zip, path, MAX_TOTAL_BYTES - total);
                        total += bytes.length;
                        String[] parts = path.split("/");
                        if (parts.length >= 3 && (CatalogueFiles.PROCESSES.equals(parts[parts.length - 3])
                                || CatalogueFiles.FORMS.equals(parts[parts.length - 3]))) {
                            folders.add(parts[parts.length - 2]);
                            if (folders.size() > 1) {
                                throw new PackageException("catalogue.design.upload.severalFolders", String.join(", ", folders));
                            }
                        }
                        if (path.startsWith("__MACOSX/")) continue;
                        add(parts[parts.length - 1], bytes, process, forms);
                    }
                } catch (ZipException e) {
                    throw new PackageException("catalogue.design.upload.badZip", upload.name());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                total += upload.content().length;
                if (upload.content().length > MAX_FILE_BYTES) throw new PackageException("catalogue.design.upload.fileTooLarge", upload.name(), MAX_FILE_BYTES / 1024);
                if (total > MAX_TOTAL_BYTES) throw new PackageException("catalogue.design.upload.tooLarge", MAX_TOTAL_BYTES / 1024 / 1024);
                String name = upload.name() == null ? "" : upload.name().replace('\\', '/');
                add(name.substring(name.lastIndexOf('/') + 1), upload.content(), process, forms);
            }
        }
        if (process.isEmpty() && forms.isEmpty()) throw new PackageException("catalogue.design.upload.empty");
        return new Contents(folders.isEmpty() ? null : folders.first(), process, forms);
    }

    private static boolean isZip(Upload upload) {
        byte[] c = upload.content();
        return upload.name() != null && upload.name().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")
                || c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    private static void add(String name, byte[] bytes, Map<String, byte[]> process, Map<String, byte[]> forms) {
        boolean processFile = CatalogueFiles.isProcessFile(name);
        boolean formFile = CatalogueFiles.isFormFile(name);
        if (!processFile && !formFile) return;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new PackageException("catalogue.design.upload.notUtf8", name);
        }
        var into = processFile ? process : forms;
        if (into.containsKey(name)) throw new PackageException("catalogue.design.upload.duplicate", name);
        into.put(name, bytes);
    }

    private static byte[] readBounded(ZipInputStream zip, String path, long remaining) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = zip.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_FILE_BYTES) throw new PackageException("catalogue.design.upload.fileTooLarge", path, MAX_FILE_BYTES / 1024);
            if (out.size() > remaining) throw new PackageException("catalogue.design.upload.tooLarge", MAX_TOTAL_BYTES / 1024 / 1024);
        }
        return out.toByteArray();
    }

    /** A zip that, unpacked at the top of the repository, puts the folder back into processes/ and forms/. */
    public static byte[] export(CatalogueFiles.Folder folder) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var file : paths(folder).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The SHA-256 of the folder's files, paths and contents, in hexadecimal: equal for equal folders. */
    public static String hash(CatalogueFiles.Folder folder) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var file : paths(folder).entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> paths(CatalogueFiles.Folder folder) {
        Map<String, byte[]> paths = new TreeMap<>();
        folder.processFiles().forEach((name, bytes) -> paths.put(CatalogueFiles.PROCESSES + "/" + folder.name() + "/" + name, bytes));
        folder.formFiles().forEach((name, bytes) -> paths.put(CatalogueFiles.FORMS + "/" + folder.name() + "/" + name, bytes));
        return paths;
    }
}
