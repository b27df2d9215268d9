package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.LandTransferSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.tasklist.TaskListService;

/** The dossier view offers each role the actions it may take now, asks for reasons, and lists the documents. */
@MotCuaTest
class DossierViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired TaskListService tasks;
    @Autowired OrganisationService organisation;

    String code;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
        users.signInAs("clerk");
        code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
    }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theLeaderStopsWithAReasonAndAConfirmationAndTheEndedDossierOffersNoResume() {
        KaribuViews.signInAs(users, "leader");
        UI.getCurrent().navigate("dossiers/" + code);
        assertThat(_find(Button.class, spec -> spec.withId("action-accept"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("action-stop")));
        _click(_get(Button.class, spec -> spec.withId("action-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("action-reason")).isInvalid()).as("a reason is required").isTrue();
        _get(TextArea.class, spec -> spec.withId("action-reason")).setValue("Chờ kết quả xác minh nơi cư trú");
        _click(_get(Button.class, spec -> spec.withId("action-confirm")));
        // the stop ends the dossier (motcua.dossier.resume-stopped off): it asks "are you sure?" first
        var confirmation = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirmation)).contains(code, "không thể tiếp tục giải quyết");
        assertThat(dossiers.get(code).status()).as("not before it is confirmed").isEqualTo(DossierStatus.IN_PROCESS);
        ConfirmDialogKt._fireConfirm(confirmation);

        assertThat(_get(Span.class, spec -> spec.withId("dossier-status")).getText()).isEqualTo("8 · Dừng xử lý");
        assertThat(dossiers.get(code).status()).isEqualTo(DossierStatus.STOPPED);
        assertThat(dossiers.get(code).finishedAt()).isNotNull();
        assertThat(_find(Button.class, spec -> spec.withId("action-resume"))).as("a stop is not undone here").isEmpty();
        CaseFileViewsTest.openTab("documents");
        assertThat(_get(Anchor.class, spec -> spec.withId("document-05")).getText()).startsWith("05");
    }

    @Test
    void theClerkSeesTheReceiptAndTheDeskActionsButNotTheLeaders() {
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("dossiers/" + code);
        CaseFileViewsTest.openTab("documents");
        assertThat(_get(Anchor.class, spec -> spec.withId("document-01")).getText()).contains("Giấy tiếp nhận hồ sơ");
        assertThat(_find(Button.class, spec -> spec.withId("action-request-supplement"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("action-withdraw"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("action-stop"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("action-return-result"))).as("not processed yet").isEmpty();
    }

    @Test
    void theCitizenIsOfferedTheirOwnPapersButNotTheUnitsRegisterNorTheControlSheet() {
        users.signInAs("citizen");
        var sample = BirthRegistrationSample.inPerson();
        String online = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(sample.procedureCode(), Channel.ONLINE,
                sample.applicant(), sample.data(), BirthRegistrationSample.WARD), staged)).code();
        // before the desk accepts it there is no receipt yet, and the view says when it comes
        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("dossiers/" + online);
        assertThat(_find(Anchor.class, spec -> spec.withId("document-01"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("document-01-pending")).getText())
                .contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)", "sau khi Bộ phận Một cửa tiếp nhận hồ sơ");
        users.signInAs("clerk");
        dossiers.act(online, DossierAction.ACCEPT, null);

        KaribuViews.signInAs(users, "citizen");
        UI.getCurrent().navigate("dossiers/" + online);
        assertThat(_find(Anchor.class, spec -> spec.withId("document-01"))).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withId("document-01-pending"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("document-06"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("document-07"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("action-withdraw"))).hasSize(1);

        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("dossiers/" + online);
        CaseFileViewsTest.openTab("documents");
        assertThat(_find(Anchor.class, spec -> spec.withId("document-06"))).hasSize(1);
        assertThat(_find(Anchor.class, spec -> spec.withId("document-07"))).hasSize(1);
    }

    @Test
    void theTaxOfficerWithAnOpenStepIsOfferedNeitherDossierActionsNorTheRegister() {
        LandTransferSample.ensureStaff(organisation);
        users.signInAs("landclerk");
        String land = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(LandTransferSample.PROCEDURE, Channel.IN_PERSON,
                BirthRegistrationSample.inPerson().applicant(), LandTransferSample.intakeData(), null))).code();
        users.signInAs("landofficer");
        tasks.complete(tasks.tasksOf(land).get(0).id(), LandTransferSample.conditionsChecked());

        KaribuViews.signInAs(users, "tax");
        UI.getCurrent().navigate("dossiers/" + land);
        assertThat(_find(Button.class, spec -> spec.withId("action-request-payment"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("action-request-supplement"))).isEmpty();
        CaseFileViewsTest.openTab("documents");
        assertThat(_find(Anchor.class, spec -> spec.withId("document-07"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("document-06"))).hasSize(1);

        KaribuViews.signInAs(users, "landofficer");
        UI.getCurrent().navigate("dossiers/" + land);
        assertThat(_find(Button.class, spec -> spec.withId("action-request-payment"))).hasSize(1);
        CaseFileViewsTest.openTab("documents");
        assertThat(_find(Anchor.class, spec -> spec.withId("document-07"))).hasSize(1);
    }
}
