package vn.motcua.attachment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.ui.TaskView;
import vn.motcua.ui.KaribuViews;

/**
 * A step form's file picker on the specialist's screen: an upload offering the types the picker takes, each file listed
 * once it arrived (and removable), and on completion the files are the dossier's, named in the step's record.
 */
@MotCuaTest
class FilePickerViewTest {
    private static final String CODE = "1.013225";

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired StagedUploadService staging;
    @Autowired AttachmentService attachments;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theSpecialistPicksTheSiteRecordInTheReviewFormAndItBecomesTheDossiersFile() {
        users.signInAs("clerk");
        String code = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(CODE, Channel.IN_PERSON,
                new Applicant("Nguyễn Văn An", null, "0912345678", null, null),
                Map.of("constructionType", "NHA_O_RIENG_LE", "lotAddress", "12 Lâm Quang Ky, Rạch Giá",
                        "landParcel", "Thửa 215, tờ bản đồ 12", "floorCount", 3, "totalFloorArea", 240.5), null))).code();

        KaribuViews.signInAs(users, "specialist");
        var review = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        UI.getCurrent().navigate("tasks/" + review.id());
        _get(TaskView.class);

        StagedFilePicker picker = _get(StagedFilePicker.class);
        assertThat(picker.getLabel()).isEqualTo("Biên bản, ảnh kiểm tra hiện trạng (bản quét hoặc ảnh chụp)");
        assertThat(_get(picker, Upload.class).getAcceptedFileTypes()).contains("application/pdf", ".pdf", "image/png", ".png")
                .doesNotContain(".docx");

        // two files arrive through the upload; the second is removed again
        var record = staging.stagePicked(CODE, ".pdf,image/*", "bien-ban-hien-trang.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("BIÊN BẢN KIỂM TRA HIỆN TRẠNG"))));
        var wrong = staging.stagePicked(CODE, ".pdf,image/*", "nham-tep.pdf",
                new ByteArrayInputStream(TestDocuments.pdf(List.of("Tệp chọn nhầm"))));
        picker.added(record);
        picker.added(wrong);
        assertThat(picker.getValue()).containsExactly(record.reference(), wrong.reference());
        _click(_get(picker, Button.class, spec -> spec.withAttribute("data-remove", wrong.reference())));
        assertThat(picker.getValue()).containsExactly(record.reference());
        assertThat(staging.isStaged(wrong.reference())).as("a removed file is discarded").isFalse();

        _setValue(_get(Checkbox.class, spec -> spec.withId("form-planningCompliant")), true);
        _setValue(_get(TextArea.class, spec -> spec.withId("form-reviewOpinion")), "Hiện trạng phù hợp, đủ điều kiện cấp phép");
        _click(_get(Button.class, spec -> spec.withId("task-complete")));

        assertThat(attachments.list(code)).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("bien-ban-hien-trang.pdf");
            assertThat(a.internal()).isTrue();
        });
        assertThat(tasks.tasksOf(code)).as("the review step is done").noneMatch(t -> t.id().equals(review.id()));
        users.signInAs("specialist");
        assertThat(dossiers.steps(code).get(0).data().get("siteInspectionFiles")).asList().singleElement()
                .satisfies(f -> assertThat(f.toString()).contains("bien-ban-hien-trang.pdf"));
    }
}
