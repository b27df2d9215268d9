package vn.motcua.attachment.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Media types: detected from the content with Tika (magic bytes, and the structure of ZIP and OLE containers: a DOCX
 * is told from a ZIP, an HTML page named .docx is HTML), and the types a dossier component accepts. The file name
 * only refines a type the content already shows (a CSV is plain text); it never overrides it.
 */
@Component
public class MediaTypes implements vn.motcua.forms.FileTypes {
    /** What a file may be when the component names no types: PDF, images, office documents, plain text. */
    public static final List<String> DEFAULT_ACCEPTED = List.of(
            "application/pdf",
            "image/jpeg", "image/png", "image/tiff", "image/gif", "image/bmp", "image/webp",
            "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation", "application/rtf",
            "text/plain");

    private final Detector detector;
    private final MimeTypes registry = MimeTypes.getDefaultMimeTypes();

    public MediaTypes() {
        // The detectors of Tika's default configuration (the MIME magic, the ZIP and OLE container detectors found on
        // the class path), without the rest of that configuration: its parsers run only in the extraction JVM, and
        // loading them all here cost a node's start some 0.3 s
        this.detector = new DefaultDetector(registry);
    }

    /** The media type of a file's content (base type, without parameters), e.g. {@code application/pdf}. */
    public String detect(Path file, String fileName) throws IOException {
        var metadata = new Metadata();
        if (fileName != null) metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (var in = TikaInputStream.get(file)) {
            return detector.detect(in, metadata).getBaseType().toString();
        }
    }

    /** The types a component accepts: its own list when it has one, else {@link #DEFAULT_ACCEPTED}. */
    public static List<String> accepted(List<String> componentTypes) {
        if (componentTypes == null || componentTypes.isEmpty()) return DEFAULT_ACCEPTED;
        return componentTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList();
    }

    /** True when the detected type is one of the accepted ones ({@code image/*} accepts every image type). */
    public static boolean accepts(List<String> accepted, String detected) {
        String type = detected.toLowerCase(Locale.ROOT);
        for (String a : accepted) {
            if (a.equals(type)) return true;
            if (a.endsWith("/*") && type.startsWith(a.substring(0, a.length() - 1))) return true;
        }
        return false;
    }

    /**
     * The types a form's file picker takes: those of {@link #DEFAULT_ACCEPTED} its {@code accept} names, by media type
     * ({@code application/pdf}), family ({@code image/*}) or file extension ({@code .pdf}, {@code .jpg}); all of them
     * without an {@code accept}. A type outside the default list is never taken, whatever the picker says; when
     * nothing is left, every file is refused.
     */
    @Override
    public List<String> acceptedBy(String accept) {
        if (accept == null || accept.isBlank()) return DEFAULT_ACCEPTED;
        var entries = java.util.Arrays.stream(accept.split(",")).map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).toList();
        var result = new ArrayList<String>();
        for (String type : DEFAULT_ACCEPTED) {
            List<String> extensions = extensions(type);
            if (entries.stream().anyMatch(e -> e.startsWith(".") ? extensions.contains(e) : accepts(List.of(e), type))) {
                result.add(type);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public String described() {
        return described(DEFAULT_ACCEPTED);
    }

    /** Accepted types as people read them, by extension: "PDF, JPG, JPEG". */
    public String described(List<String> accepted) {
        return extensions(pickerFilter(accepted));
    }

    /** Every file extension Tika knows for a type, lower case ({@code .jpg}, {@code .jpeg}, ...). */
    private List<String> extensions(String type) {
        try {
            return registry.forName(type).getExtensions().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        } catch (MimeTypeException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The accepted types and their usual file extensions, for a browser's file picker and for people to read
     * ("application/pdf", ".pdf", "image/jpeg", ".jpg", ".jpeg"): each type's main extension and, for pictures, the
     * other common spelling; not every extension Tika knows (plain text alone has dozens).
     */
    public List<String> pickerFilter(List<String> accepted) {
        Set<String> filter = new LinkedHashSet<>(accepted);
        for (String type : accepted) {
            if (type.endsWith("/*")) continue;
            String main = extension(type);
            if (!main.isEmpty()) filter.add(main);
            if ("image/jpeg".equals(type)) filter.add(".jpeg");
            if ("image/tiff".equals(type)) filter.add(".tif");
        }
        return new ArrayList<>(filter);
    }

    /** The file extensions of a picker filter ({@link #pickerFilter}), as users read them: "PDF, JPG, PNG". */
    public static String extensions(List<String> filter) {
        return String.join(", ", filter.stream().filter(f -> f.startsWith(".")).map(f -> f.substring(1).toUpperCase(Locale.ROOT))
                .distinct().toList());
    }

    /** The usual file extension of a type (".pdf"), or "" when none is known. */
    public String extension(String type) {
        try {
            return registry.forName(MediaType.parse(type).getBaseType().toString()).getExtension();
        } catch (MimeTypeException | RuntimeException e) {
            return "";
        }
    }
}
