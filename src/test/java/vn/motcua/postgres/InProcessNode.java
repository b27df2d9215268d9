package vn.motcua.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotCuaApplication;

/**
 * What the backup and growth tests share: a MotCua application started in the test's JVM on a database and data
 * directory of their own, Debian's PostgreSQL tools run as commands, and a content folder copied as a backup copies it.
 */
final class InProcessNode {
    private InProcessNode() { }

    /**
     * Starts an application (demo organisation, the tests' users) on this database and data directory.
     *
     * @param node       its engine's and extraction's name, unique among those running in this JVM
     * @param extraction whether its text extraction runs (it forks JVMs)
     */
    static ConfigurableApplicationContext start(String url, Path data, String node, boolean extraction) {
        return new SpringApplicationBuilder(MotCuaApplication.class).run(
                "--spring.profiles.active=demo,test",
                "--server.port=0",
                "--motcua.data-dir=" + data,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + RequiresPostgres.USER,
                "--spring.datasource.password=",
                "--camunda.bpm.process-engine-name=" + node,
                "--motcua.attachment.node-id=" + node,
                "--motcua.attachment.extraction.enabled=" + extraction,
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn");
    }

    /** Runs a command to its end; fails with its output unless it exits with 0. */
    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    /** Copies a folder's files to another folder (created when missing), keeping their relative paths. */
    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) Files.createDirectories(target);
                else Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
