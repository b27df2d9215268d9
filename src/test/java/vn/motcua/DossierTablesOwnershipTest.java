package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Nobody else writes the dossier's tables: the dossier module owns {@code dossier} and every {@code dossier_*} table
 * its migrations create, and only its own classes contain SQL that inserts into, updates, deletes from, merges into or
 * truncates them. Anything else (the demo history, an import from another system) goes through the module's import
 * entry point ({@code vn.motcua.dossier.DossierImport}), which keeps the audit trail's hash chain and the code
 * counters. Read from the compiled classes of {@code src/main} (ArchUnit), whose string constants hold every SQL text,
 * also text blocks and concatenations of constants; SQL assembled at run time from variables is not seen.
 */
class DossierTablesOwnershipTest {
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?\"?(\\w+)\"?");
    private static final DescribedPredicate<JavaClass> DOSSIER_MODULE = JavaClass.Predicates.resideInAPackage("vn.motcua.dossier..");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("vn.motcua");

    /** The tables the dossier module owns: {@code dossier} and {@code dossier_*}, as the migrations create them. */
    static Set<String> dossierTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    String table = m.group(1).toLowerCase(Locale.ROOT);
                    if (table.equals("dossier") || table.startsWith("dossier_")) tables.add(table);
                }
            }
        }
        return tables;
    }

    /** SQL writing one of these tables (optionally schema-qualified or quoted). */
    static Pattern writes(Set<String> tables) {
        String table = "(?:\\w+\\.)?\"?(" + String.join("|", tables) + ")\"?(?![\\w\"])";
        return Pattern.compile("(?is)\\b(?:insert\\s+into\\s+" + table + "|update\\s+" + table + "(?:\\s+(?:as\\s+)?\\w+)?\\s+set\\b"
                + "|delete\\s+from\\s+" + table + "|merge\\s+into\\s+" + table + "|truncate\\s+(?:table\\s+)?" + table + ")");
    }

    /** The SQL writing a dossier table among a class's string constants: "insert into dossier_event", ... */
    static List<String> writesIn(JavaClass type, Pattern writes) {
        List<String> found = new ArrayList<>();
        for (String constant : constants(type)) {
            Matcher m = writes.matcher(constant);
            while (m.find()) found.add(m.group().replaceAll("\\s+", " "));
        }
        return found;
    }

    @Test
    void theMigrationsCreateTheDossierTables() throws IOException {
        assertThat(dossierTables()).as("tables of the dossier module found in %s", MIGRATIONS)
                .contains("dossier", "dossier_code_sequence", "dossier_event", "dossier_step", "dossier_rating");
    }

    @Test
    void theScanSeesTheDossierModulesOwnWrites() throws IOException {
        // the rule below would pass vacuously if the constants could not be read: the module's own writes are seen
        Pattern writes = writes(dossierTables());
        var repository = MAIN.get("vn.motcua.dossier.DossierRepository");
        assertThat(writesIn(repository, writes)).as("SQL of DossierRepository")
                .anySatisfy(s -> assertThat(s).isEqualToIgnoringCase("insert into dossier"))
                .anySatisfy(s -> assertThat(s).isEqualToIgnoringCase("update dossier set"))
                .anySatisfy(s -> assertThat(s).isEqualToIgnoringCase("insert into dossier_step"));
        assertThat(writesIn(MAIN.get("vn.motcua.dossier.AuditTrail"), writes)).as("SQL of AuditTrail")
                .anySatisfy(s -> assertThat(s).isEqualToIgnoringCase("insert into dossier_event"));
        assertThat(writes.matcher("select d.* from dossier d where exists (select 1 from dossier_event e)").find()).isFalse();
        assertThat(writes.matcher("insert into search_index_request (dossier_code) select code from dossier").find()).isFalse();
        assertThat(writes.matcher("UPDATE motcua.dossier d SET status = 4").find()).isTrue();
    }

    @Test
    void noClassOutsideTheDossierModuleWritesADossierTable() throws IOException {
        Pattern writes = writes(dossierTables());
        var violations = MAIN.stream().filter(t -> !DOSSIER_MODULE.test(t))
                .filter(t -> !writesIn(t, writes).isEmpty())
                .map(t -> t.getName() + ": " + writesIn(t, writes).stream().distinct().collect(Collectors.joining("; ")))
                .sorted().toList();
        assertThat(MAIN.stream().filter(t -> !DOSSIER_MODULE.test(t))).as("classes outside the dossier module").isNotEmpty();
        assertThat(violations).as("classes outside vn.motcua.dossier writing its tables (write them through "
                + "vn.motcua.dossier.DossierImport)").isEmpty();
    }

    /** The strings of the class file's constant pool (its string literals among them). */
    private static List<String> constants(JavaClass type) {
        var source = type.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + type.getName()));
        byte[] bytes;
        try (InputStream in = source.getUri().toURL().openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> strings = new ArrayList<>();
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != 0xCAFEBABE) throw new IllegalStateException("not a class file: " + source.getUri());
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++;
                    }
                    default -> throw new IllegalStateException("constant pool tag " + tag + " in " + source.getUri());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return strings;
    }
}
