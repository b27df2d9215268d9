package vn.motcua.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import vn.motcua.ProcedureUploads;

/**
 * Reading designers' uploads (issue 14): the repository's layout, a flat zip and Modeler's separate files give the
 * same folder; exports read back identically; bounded sizes, entry counts and paths; and the comparison of two
 * versions names the fee and processing time it changed.
 */
class ProcedurePackageTest {

    @Test
    void theRepositoryLayoutAFlatZipAndSeparateFilesGiveTheSameFolderAndTheExportReadsBackIdentically() {
        Map<String, byte[]> files = ProcedureUploads.original();
        var fromRepositoryZip = ProcedurePackage.read(List.of(new ProcedurePackage.Upload("p.zip", ProcedureUploads.zip(files))));
        Map<String, byte[]> flat = new TreeMap<>();
        files.forEach((path, bytes) -> flat.put(path.substring(path.lastIndexOf('/') + 1), bytes));
        var fromFlatZip = ProcedurePackage.read(List.of(new ProcedurePackage.Upload("p.zip", ProcedureUploads.zip(flat))));
        var fromFiles = ProcedurePackage.read(flat.entrySet().stream().map(e -> new ProcedurePackage.Upload(e.getKey(), e.getValue())).toList());

        assertThat(fromRepositoryZip.folderHint()).isEqualTo(ProcedureUploads.FOLDER);
        assertThat(fromFlatZip.folderHint()).isNull();
        String hash = ProcedurePackage.hash(fromRepositoryZip.as(ProcedureUploads.FOLDER));
        assertThat(ProcedurePackage.hash(fromFlatZip.as(ProcedureUploads.FOLDER))).isEqualTo(hash);
        assertThat(ProcedurePackage.hash(fromFiles.as(ProcedureUploads.FOLDER))).isEqualTo(hash);

        byte[] export = ProcedurePackage.export(fromFiles.as(ProcedureUploads.FOLDER));
        assertThat(ProcedureUploads.unzip(export).keySet()).isEqualTo(files.keySet());
        var again = ProcedurePackage.read(List.of(new ProcedurePackage.Upload("export.zip", export)));
        assertThat(ProcedurePackage.hash(again.as(ProcedureUploads.FOLDER))).isEqualTo(hash);
    }

    @Test
    void pathsLeavingTheZipTooManyEntriesTooLargeFilesAndSeveralFoldersAreRefused() {
        assertThatThrownBy(() -> read(Map.of("../procedure.json", "{}")))
                .isInstanceOfSatisfying(ProcedurePackage.PackageException.class, e -> assertThat(e.messageKey()).isEqualTo("catalogue.design.upload.badPath"));
        assertThatThrownBy(() -> read(Map.of("/etc/x.bpmn", "<x/>")))
                .isInstanceOfSatisfying(ProcedurePackage.PackageException.class, e -> assertThat(e.messageKey()).isEqualTo("catalogue.design.upload.badPath"));
        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i <= ProcedurePackage.MAX_ENTRIES; i++) many.put("notes/" + i + ".txt", "x");
        assertThatThrownBy(() -> read(many))
                .isInstanceOfSatisfying(ProcedurePackage.PackageException.class, e -> assertThat(e.messageKey()).isEqualTo("catalogue.design.upload.tooManyEntries"));
        // Compresses to almost nothing, unpacks beyond the bound
        assertThatThrownBy(() -> read(Map.of("big.bpmn", "x".repeat((int) ProcedurePackage.MAX_FILE_BYTES + 1))))
                .isInstanceOfSatisfying(ProcedurePackage.PackageException.class, e -> assertThat(e.messageKey()).isEqualTo("catalogue.design.upload.fileTooLarge"));
        assertThatThrownBy(() -> read(Map.of("processes/a/procedure.json", "{}", "processes/b/procedure.json", "{}")))
                .isInstanceOfSatisfying(ProcedurePackage.PackageException.class, e -> assertThat(e.messageKey()).isEqualTo("catalogue.design.upload.severalFolders"));
        assertThatThrownBy(() -> read(Map.of("README.md", "nothing of a procedure")))
                .isInstanceOfSatisfying(ProcedurePackage.PackageException.class, e -> assertThat(e.messageKey()).isEqualTo("catalogue.design.upload.empty"));
        assertThatThrownBy(() -> ProcedurePackage.read(List.of(new ProcedurePackage.Upload("x.bpmn", new byte[] {(byte) 0xC3, (byte) 0x28}))))
                .isInstanceOfSatisfying(ProcedurePackage.PackageException.class, e -> assertThat(e.messageKey()).isEqualTo("catalogue.design.upload.notUtf8"));
        assertThat(CatalogueMessages.message(CatalogueMessages.VIETNAMESE, "catalogue.design.upload.badPath", "../x")).contains("trỏ ra ngoài thư mục");
    }

    @Test
    void theComparisonNamesAChangedFeeAndProcessingTime() {
        var files = ProcedurePackage.read(List.of(new ProcedurePackage.Upload("p.zip", ProcedureUploads.zip(ProcedureUploads.original()))));
        var before = files.as(ProcedureUploads.FOLDER);
        Map<String, byte[]> process = new TreeMap<>(before.processFiles());
        String descriptor = new String(process.get(CatalogueFiles.DESCRIPTOR), StandardCharsets.UTF_8)
                .replaceFirst("\"amount\": 0", "\"amount\": 15000").replaceFirst("\"amount\": 1,", "\"amount\": 2,");
        process.put(CatalogueFiles.DESCRIPTOR, descriptor.getBytes(StandardCharsets.UTF_8));
        var after = new CatalogueFiles.Folder(ProcedureUploads.FOLDER, process, before.formFiles());

        assertThat(VersionComparison.compare(before, after)).extracting(c -> c.message(Locale.ENGLISH))
                .containsExactly("Fee: 0 → 15000 VND", "Processing time: 1 WORKING_DAYS → 2 WORKING_DAYS");
        assertThat(VersionComparison.compare(before, before)).extracting(VersionComparison.Change::kind).containsExactly("none");
        assertThat(VersionComparison.compare(null, before)).extracting(VersionComparison.Change::kind).containsExactly("first");
    }

    private static ProcedurePackage.Contents read(Map<String, String> entries) {
        Map<String, byte[]> files = new TreeMap<>();
        entries.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return ProcedurePackage.read(List.of(new ProcedurePackage.Upload("u.zip", ProcedureUploads.zip(files))));
    }
}
