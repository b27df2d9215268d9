package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaTest;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.attachment.UnsupportedMediaTypeException;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.shared.InvalidInputException;

/**
 * Forms' file pickers ({@code filepicker}, as Camunda Modeler saves them): the files picked in a form pass the upload
 * checks when they arrive (the picker's {@code accept} narrowing the types), become the dossier's attachments in the
 * transaction that receives the form, queued for extraction, and the form's data keeps what they are. A reference that
 * names no file of the submitter, or a file of a type the picker does not take, is refused naming the field and
 * changes nothing. Shown on the construction permit: site photos at intake, the site inspection's record at review.
 */
@MotCuaTest
class FormFilePickerTest extends ProcedureProcessTest {
    private static final String CODE = "1.013225";

    @Autowired StagedUploadService staging;
    @Autowired AttachmentService attachments;

    private String stagePdf(String name, String text) {
        return staging.stagePicked(CODE, ".pdf,image/*", name,
                new ByteArrayInputStream(TestDocuments.pdf(List.of(text)))).reference();
    }

    private Map<String, Object> review(Object files) {
        var data = new HashMap<>(ConstructionPermitProcessTest.review(false, false, false));
        data.put("siteInspectionFiles", files);
        return data;
    }

    @Test
    @SuppressWarnings("unchecked")
    void filesPickedInAStepFormBecomeTheDossiersInternalAttachmentsAndTheStepKeepsWhatTheyAre() {
        var dossier = driver.receive("clerk", CODE, ConstructionPermitProcessTest.intake());
        users.signInAs("specialist");
        String record = stagePdf("bien-ban-kiem-tra.pdf", "BIÊN BẢN KIỂM TRA HIỆN TRẠNG CÔNG TRÌNH");
        String photo = staging.stagePicked(CODE, ".pdf,image/*", "anh-hien-trang.png",
                new ByteArrayInputStream(TestDocuments.png(List.of("Ảnh hiện trạng")))).reference();

        driver.complete("specialist", dossier.code(), review(List.of(record, photo)));

        users.signInAs("specialist");
        var files = attachments.list(dossier.code());
        assertThat(files).extracting(a -> a.fileName()).containsExactly("bien-ban-kiem-tra.pdf", "anh-hien-trang.png");
        assertThat(files).allSatisfy(a -> {
            assertThat(a.internal()).as("the unit's working papers, not the applicant's").isTrue();
            assertThat(a.uploadedBy()).isEqualTo("specialist");
        });
        assertThat(files.get(1).mediaType()).isEqualTo("image/png");
        assertThat(staging.isStaged(record)).as("filed, no longer staged").isFalse();

        var step = driver.steps(dossier.code()).get(0);
        var kept = (List<Map<String, Object>>) step.data().get("siteInspectionFiles");
        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).get("documentId")).isEqualTo(String.valueOf(files.get(0).id()));
        assertThat(kept.get(0).get("endpoint")).isEqualTo("/api/dossiers/" + dossier.code() + "/attachments/" + files.get(0).id() + "/content");
        assertThat((Map<String, Object>) kept.get(0).get("metadata")).containsEntry("fileName", "bien-ban-kiem-tra.pdf")
                .containsEntry("contentType", "application/pdf");

        users.signInAs("leader");
        assertThat(tasks.formContext(driver.taskOf("leader", dossier.code()).id()).get("dossierDocuments"))
                .as("the next step previews them with the dossier's files").asList().hasSize(2);
    }

    @Test
    void aPickedFileNotStagedByTheSubmitterIsRefusedNamingTheFieldAndTheStepStaysOpen() {
        var dossier = driver.receive("clerk", CODE, ConstructionPermitProcessTest.intake());
        users.signInAs("clerk");
        String someoneElses = stagePdf("cua-nguoi-khac.pdf", "Tệp của người khác");

        var task = driver.taskOf("specialist", dossier.code());
        users.signInAs("specialist");
        var refused = catchThrowableOfType(() -> tasks.complete(task.id(), review(List.of(someoneElses))), InvalidInputException.class);
        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("data.siteInspectionFiles");
            assertThat(v.message()).startsWith("Một tệp đã tải lên không còn được lưu tạm");
        });
        var garbage = catchThrowableOfType(() -> tasks.complete(task.id(), review(List.of(Map.of("documentId", "1")))),
                InvalidInputException.class);
        assertThat(garbage.violations()).extracting(InvalidInputException.Violation::field).containsExactly("data.siteInspectionFiles");

        assertThat(attachments.list(dossier.code())).as("nothing filed").isEmpty();
        assertThat(driver.taskOf("specialist", dossier.code()).id()).as("the step is still open").isEqualTo(task.id());
        users.signInAs("clerk");
        assertThat(staging.isStaged(someoneElses)).as("the other user's file is untouched").isTrue();
        staging.discard(someoneElses);
    }

    @Test
    void aFileStagedAsAPaperOfAComponentOrForAnotherProcedureIsNotAPickersFile() {
        var dossier = driver.receive("clerk", CODE, ConstructionPermitProcessTest.intake());
        var task = driver.taskOf("specialist", dossier.code());
        users.signInAs("specialist");
        String paper = staging.stage(CODE, "BAN_VE", "ban-ve.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("BẢN VẼ THIẾT KẾ")))).reference();
        String elsewhere = staging.stagePicked(vn.motcua.BirthRegistrationSample.PROCEDURE, null, "khai-sinh.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("TỜ KHAI")))).reference();
        for (String reference : List.of(paper, elsewhere)) {
            var refused = catchThrowableOfType(() -> tasks.complete(task.id(), review(List.of(reference))), InvalidInputException.class);
            assertThat(refused.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("data.siteInspectionFiles"));
        }
        assertThat(attachments.list(dossier.code())).as("no paper of the dossier handed in through a step's picker").isEmpty();
        staging.discard(paper);
        staging.discard(elsewhere);
    }

    @Test
    void aPickerTakesOnlyTheTypesItsAcceptNames() {
        users.signInAs("clerk");
        var refused = catchThrowableOfType(() -> staging.stagePicked(CODE, "image/*", "don.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("ĐƠN"))))
                , UnsupportedMediaTypeException.class);
        assertThat(refused.detected()).isEqualTo("application/pdf");
        assertThat(refused.accepted()).allMatch(t -> t.startsWith("image/"));

        // a file staged for another purpose (a PDF for the dossier's papers) is refused by a picker of images
        String pdf = staging.stage(CODE, null, "giay-to.pdf", new ByteArrayInputStream(TestDocuments.pdf(List.of("GIẤY TỜ"))))
                .reference();
        var data = new HashMap<>(ConstructionPermitProcessTest.intake());
        data.put("sitePhotos", List.of(pdf));
        var request = vn.motcua.Intakes.checked(new ReceiveDossier(CODE, Channel.IN_PERSON,
                new Applicant("Nguyễn Văn An", "091234567890", "0912345678", "an@example.vn", "5 Trần Phú, Rạch Giá"), data, null));
        var wrongType = catchThrowableOfType(() -> dossiers.receive(request), InvalidInputException.class);
        assertThat(wrongType.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("data.sitePhotos");
            assertThat(v.message()).contains("giay-to.pdf").contains("JPG");
        });
        assertThat(staging.isStaged(pdf)).isTrue();
        staging.discard(pdf);
    }

    @Test
    @SuppressWarnings("unchecked")
    void photosPickedInTheIntakeFormBecomeTheNewDossiersPapersAndTheDeclarationNamesThem() {
        users.signInAs("clerk");
        String photo = staging.stagePicked(CODE, "image/*", "hien-trang-khu-dat.png",
                new ByteArrayInputStream(TestDocuments.png(List.of("Khu đất")))).reference();
        var data = new HashMap<>(ConstructionPermitProcessTest.intake());
        data.put("sitePhotos", photo);

        var dossier = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(CODE, Channel.IN_PERSON,
                new Applicant("Nguyễn Văn An", "091234567890", "0912345678", "an@example.vn", "5 Trần Phú, Rạch Giá"), data, null)));

        assertThat(attachments.list(dossier.code())).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("hien-trang-khu-dat.png");
            assertThat(a.internal()).as("a paper the applicant handed in").isFalse();
        });
        var kept = (List<Map<String, Object>>) dossier.formData().get("sitePhotos");
        assertThat(kept).singleElement().satisfies(f -> assertThat((Map<String, Object>) f.get("metadata"))
                .containsEntry("fileName", "hien-trang-khu-dat.png").containsEntry("contentType", "image/png"));
        assertThat(staging.isStaged(photo)).isFalse();
    }
}
