package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: no comment, document or script points to files outside it, and every
 * {@code docs/*.md} it names exists. (Run from the project directory, as Maven does.)
 */
class RepositoryStandsAloneTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", "data", ".idea");
    private static final Set<String> TEXT = Set.of("java", "js", "css", "md", "txt", "xml", "yml", "yaml", "properties",
            "json", "bpmn", "dmn", "form", "sql", "html", "sh", "");
    /** Paths that leave the repository, and documents that live only outside it. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./shared|/work/|(?<![\\w/.-])(STACK|DOMAIN|PRODUCT|ARCHITECTURE)\\.md");
    private static final Pattern DOCS = Pattern.compile("docs/([\\w-]+\\.md)");

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (OUTSIDE.matcher(lines.get(i)).find()) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("references to files outside the repository").isEmpty();
    }

    @Test
    void everyDocumentNamedUnderDocsExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : textFiles()) {
            for (String line : lines(file)) {
                Matcher m = DOCS.matcher(line);
                while (m.find()) {
                    if (!Files.isRegularFile(ROOT.resolve("docs").resolve(m.group(1)))) {
                        missing.add(ROOT.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(ROOT.resolve("docs/stack.md")).isRegularFile();
        assertThat(missing).as("documents named but missing").isEmpty();
    }

    private static List<Path> textFiles() throws IOException {
        Path self = ROOT.resolve("src/test/java/vn/motcua/RepositoryStandsAloneTest.java");
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skipped = !dir.equals(ROOT) && SKIPPED_FOLDERS.contains(dir.getFileName().toString());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && TEXT.contains(extension(file)) && !file.equals(self)) files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(files).as("the repository's text files")
                .contains(ROOT.resolve("README.md"), ROOT.resolve("pom.xml"));
        return files;
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return List.of(); // not a UTF-8 text file
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? (dot == 0 ? name.substring(1) : "") : name.substring(dot + 1);
    }
}
