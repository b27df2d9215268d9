package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.attachment.internal.StagedUploadSweeper;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.shared.InvalidInputException;

/**
 * Files staged before their dossier exists: the same checks as any upload, only their uploader may use them, a
 * receipt that cannot take them is undone, and those never used are swept away with their content.
 */
@MotCuaTest
class StagedUploadServiceTest {
    @Autowired StagedUploadService staging;
    @Autowired AttachmentService attachments;
    @Autowired DossierService dossiers;
    @Autowired TestUsers users;
    @Autowired AttachmentSettings settings;
    @Autowired StagedUploadSweeper sweeper;
    @Value("${motcua.data-dir}") String dataDir;

    @AfterEach
    void signOut() { users.signOut(); }

    private StagedUpload stagePdf(String component) {
        return staging.stage(BirthRegistrationSample.PROCEDURE, component, "giay-chung-sinh.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("GIẤY CHỨNG SINH", "Số " + System.nanoTime()))));
    }

    private Path kept(String reference) { return Path.of(dataDir, "attachments", "kept", reference); }

    private static ReceiveDossier withFiles(List<String> references) {
        var sample = BirthRegistrationSample.inPerson();
        return new ReceiveDossier(sample.procedureCode(), sample.channel(), sample.applicant(), sample.data(), null, references)
                .withCheckedComponents(sample.checkedComponents());
    }

    @Test
    void aStagedFileBecomesAnAttachmentOfTheDossierReceivedWithIt() {
        users.signInAs("clerk");
        var file = stagePdf("GIAY_CHUNG_SINH");
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(Files.exists(kept(file.reference()))).isTrue();

        String code = dossiers.receive(withFiles(List.of(file.reference()))).code();
        assertThat(attachments.list(code)).singleElement().satisfies(a -> {
            assertThat(a.componentCode()).isEqualTo("GIAY_CHUNG_SINH");
            assertThat(a.size()).isEqualTo(file.size());
        });
        assertThat(staging.isStaged(file.reference())).isFalse();
        assertThat(Files.exists(kept(file.reference()))).as("the kept copy is dropped once filed").isFalse();
    }

    @Test
    void anotherUsersStagedFileCannotBeUsedAndTheReceiptIsUndone() {
        users.signInAs("clerk");
        var file = stagePdf(null);
        users.signInAs("clerk2");
        int before = dossiers.search(null, null, 1000).size();
        var refused = catchThrowableOfType(() -> dossiers.receive(withFiles(List.of(file.reference()))), InvalidInputException.class);
        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("stagedFiles");
            assertThat(v.message()).startsWith("Một tệp đã tải lên không còn được lưu tạm");
        });
        assertThat(dossiers.search(null, null, 1000)).as("no dossier without its files").hasSize(before);
        staging.discard(file.reference());

        users.signInAs("clerk");
        assertThat(staging.isStaged(file.reference())).as("neither used nor discarded by another user").isTrue();
    }

    @Test
    void aFileStagedForAComponentOfAnotherProcedureUndoesTheReceipt() {
        users.signInAs("clerk");
        var file = staging.stage("2.000815", "BAN_CHINH", "ban-chinh.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("BẢN CHÍNH"))));
        assertThatThrownBy(() -> dossiers.receive(withFiles(List.of(file.reference()))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("stagedFiles");
        assertThat(staging.isStaged(file.reference())).isTrue();
    }

    @Test
    void theSameChecksAsAnyUploadRefuseAndKeepNothing() throws Exception {
        users.signInAs("clerk");
        long keptBefore = keptFiles();
        var exe = catchThrowableOfType(() -> staging.stage(BirthRegistrationSample.PROCEDURE, "GIAY_CHUNG_SINH", "giay.pdf",
                new ByteArrayInputStream(TestDocuments.windowsExecutable())), UnsupportedMediaTypeException.class);
        assertThat(exe.accepted()).containsExactly("application/pdf", "image/jpeg", "image/png");
        DataSize configured = settings.getMaxSize();
        settings.setMaxSize(DataSize.ofKilobytes(1));
        try {
            assertThatThrownBy(() -> stagePdf(null)).isInstanceOf(AttachmentTooLargeException.class);
        } finally {
            settings.setMaxSize(configured);
        }
        assertThatThrownBy(() -> staging.stage(BirthRegistrationSample.PROCEDURE, "KHONG_CO", "x.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("X"))))).isInstanceOf(InvalidInputException.class);
        assertThat(keptFiles()).isEqualTo(keptBefore);
    }

    @Test
    void onlyThoseWhoHandInOrWorkOnDossiersStageFiles() {
        for (String user : List.of("supervisor", "designer", "admin")) {
            users.signInAs(user);
            assertThatThrownBy(() -> stagePdf(null)).as(user).isInstanceOf(AccessDeniedException.class);
        }
        users.signInAs("specialist");
        var picked = stagePdf(null);
        staging.discard(picked.reference());
        assertThat(staging.isStaged(picked.reference())).as("a specialist stages a step's files, and discards them").isFalse();
        users.signInAs("citizen");
        var file = stagePdf("TO_KHAI");
        assertThat(staging.isStaged(file.reference())).isTrue();
        staging.discard(file.reference());
        assertThat(staging.isStaged(file.reference())).isFalse();
        assertThat(Files.exists(kept(file.reference()))).isFalse();
    }

    @Test
    void filesNeverUsedAreSweptWithTheirContentAfterTheirTimeToLive() {
        users.signInAs("clerk");
        var file = stagePdf(null);
        assertThat(sweeper.sweep(Instant.now())).as("not yet").isZero();
        assertThat(staging.isStaged(file.reference())).isTrue();

        sweeper.sweep(Instant.now().plus(settings.getStaging().getTtl()).plus(Duration.ofMinutes(1)));
        assertThat(staging.isStaged(file.reference())).isFalse();
        assertThat(Files.exists(kept(file.reference()))).isFalse();
    }

    private long keptFiles() throws Exception {
        try (var files = Files.list(Path.of(dataDir, "attachments", "kept"))) {
            return files.count();
        }
    }
}
