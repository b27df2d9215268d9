package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.ui.TaskView;

/** A step's form shows what the process computed for it: the fee the decision table gave, not a placeholder. */
@MotCuaTest
class TaskViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired ProcessEngine engine;
    @Autowired vn.motcua.attachment.AttachmentService attachments;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theFeeCollectionStepShowsTheAmountComputedByTheFeeTable() {
        users.signInAs("clerk");
        String code = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier("2.000815", Channel.IN_PERSON,
                new Applicant("Nguyễn Văn An", null, "0912345678", null, null),
                Map.of("documentTitle", "Bằng tốt nghiệp trung học phổ thông",
                        "issuingAuthority", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang", "requestedCopies", 2), null))).code();
        users.signInAs("specialist");
        var certify = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        tasks.complete(certify.id(), Map.of("originalChecked", true, "decision", "CERTIFY",
                "pageCount", 3, "copyCount", 2, "certificationNumber", "125/2026/SCT-BS"));
        users.signInAs("leader");
        var sign = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        tasks.complete(sign.id(), Map.of("decision", "SIGN"));

        KaribuViews.signInAs(users, "clerk");
        var collect = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        assertThat(collect.stepKey()).isEqualTo("Task_CollectFee");
        UI.getCurrent().navigate("tasks/" + collect.id());
        _get(TaskView.class);
        var texts = _find(Html.class).stream().map(h -> h.getElement().getOuterHTML()).toList();
        assertThat(texts).anySatisfy(html -> assertThat(html).contains("10000").doesNotContain("{{feeAmount}}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStepFormReadsTheDossiersFilesForItsDocumentPreview() {
        users.signInAs("clerk");
        String code = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier("2.000815", Channel.IN_PERSON,
                new Applicant("Nguyễn Văn An", null, "0912345678", null, null),
                Map.of("documentTitle", "Bằng tốt nghiệp trung học phổ thông",
                        "issuingAuthority", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang", "requestedCopies", 1), null))).code();
        var saved = attachments.upload(code, null, "ban-chinh.txt",
                new java.io.ByteArrayInputStream("Bản chính bằng tốt nghiệp".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        users.signInAs("specialist");
        var step = tasks.tasksOf(code).stream().findFirst().orElseThrow();
        var documents = (java.util.List<Map<String, Object>>) tasks.formContext(step.id()).get(TaskListService.DOSSIER_DOCUMENTS);
        assertThat(documents).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("documentId", String.valueOf(saved.id()))
                    .containsEntry("endpoint", "/api/dossiers/" + code + "/attachments/" + saved.id() + "/content");
            assertThat((Map<String, Object>) d.get("metadata")).containsEntry("fileName", "ban-chinh.txt");
        });
    }
}
