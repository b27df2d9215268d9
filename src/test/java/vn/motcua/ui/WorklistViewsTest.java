package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;


import java.util.Map;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DeskQueue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.dossier.ui.DossierListView;
import vn.motcua.organisation.UserAccount;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.WorkTask;
import vn.motcua.tasklist.ui.TaskListView;

/**
 * The worklists in the browser's shape: the desk's tabs count an online submission and open its queue, the
 * specialist's list shows a new step and filters it by words, a leader finds a colleague's step and hands it over.
 */
@MotCuaTest
class WorklistViewsTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    void theDesksTabCountsAnOnlineSubmissionAndOpensItsQueue() {
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("tasks");
        long before = count(tab("tab-awaiting-acceptance"));

        users.signInAs("citizen");
        var online = BirthRegistrationSample.inPerson();
        String code = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(online.procedureCode(), Channel.ONLINE, online.applicant(),
                online.data(), BirthRegistrationSample.WARD), staged)).code();

        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("tasks");
        assertThat(count(tab("tab-awaiting-acceptance"))).isEqualTo(before + 1);
        _get(Tabs.class, spec -> spec.withId("worklist-tabs")).setSelectedTab(tab("tab-awaiting-acceptance"));
        _get(DossierListView.class);
        @SuppressWarnings("unchecked")
        Select<DeskQueue> queue = _get(Select.class, spec -> spec.withId("dossier-queue"));
        assertThat(queue.getValue()).isEqualTo(DeskQueue.AWAITING_ACCEPTANCE);
        @SuppressWarnings("unchecked")
        Grid<Dossier> grid = _get(Grid.class, spec -> spec.withId("dossier-grid"));
        assertThat(GridKt._findAll(grid)).extracting(Dossier::code).contains(code);
        assertThat(GridKt._findAll(grid)).allMatch(d -> d.status().code() == 1);
    }

    @Test
    void theSpecialistFindsANewStepByWordsOfItsDossier() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();

        KaribuViews.signInAs(users, "specialist");
        UI.getCurrent().navigate("tasks", com.vaadin.flow.router.QueryParameters.of("tab", "unassigned-tasks"));
        var grid = taskGrid();
        assertThat(GridKt._findAll(grid)).extracting(WorkTask::dossierCode).contains(code);
        _get(TextField.class, spec -> spec.withId("task-search")).setValue(code);
        assertThat(GridKt._findAll(grid)).extracting(WorkTask::dossierCode).containsOnly(code);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("task-total")).getText())
                .isEqualTo("1 công việc");
    }

    @Test
    void aLeaderFindsAColleaguesStepAndHandsItBackToTheGroup() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signInAs("specialist");
        var step = tasks.tasksOf(code).get(0);
        tasks.claim(step.id());

        KaribuViews.signInAs(users, "leader");
        UI.getCurrent().navigate("tasks");
        @SuppressWarnings("unchecked")
        ComboBox<UserAccount> colleague = _get(ComboBox.class, spec -> spec.withId("task-colleague"));
        colleague.setValue(colleague.getListDataView().getItems().filter(u -> u.username().equals("specialist")).findFirst().orElseThrow());
        var grid = taskGrid();
        int row = GridKt._findAll(grid).stream().map(WorkTask::id).toList().indexOf(step.id());
        assertThat(row).as("the specialist's step in the leader's list").isNotNegative();
        assertThat(GridKt._getFormattedRow(grid, row)).contains("Hoàng Văn Xử Lý");
        var cell = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(grid, row, "actions");
        ((Button) cell.getChildren().filter(c -> c.hasClassName("task-reassign")).findFirst().orElseThrow()).click();
        _get(Button.class, spec -> spec.withId("task-reassign-ok")).click();

        users.signInAs("specialist");
        assertThat(tasks.task(step.id()).assignee()).as("back to the group").isNull();
    }

    @Test
    void theTaskListFiltersBySectorStatusChannelDaysAndApplicantFromTheAddress() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        String today = java.time.LocalDate.now(context.getBean(java.time.Clock.class).withZone(vn.motcua.shared.Formats.ZONE)).toString();

        KaribuViews.signInAs(users, "specialist");
        UI.getCurrent().navigate("tasks", com.vaadin.flow.router.QueryParameters.simple(Map.of(
                "sector", "JUSTICE", "status", "4", "channel", "IN_PERSON", "receivedFrom", today, "receivedTo", today,
                "dueFrom", today, "applicant", "my le")));
        assertThat(_get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("task-more-filters")).isOpened())
                .as("filters from the address open the panel that holds them").isTrue();
        @SuppressWarnings("unchecked")
        Select<vn.motcua.dossier.DossierStatus> status = _get(Select.class, spec -> spec.withId("task-status"));
        assertThat(status.getValue()).isEqualTo(vn.motcua.dossier.DossierStatus.IN_PROCESS);
        assertThat(_get(TextField.class, spec -> spec.withId("task-applicant")).getValue()).isEqualTo("my le");
        var grid = taskGrid();
        assertThat(GridKt._findAll(grid)).extracting(WorkTask::dossierCode).contains(code);
        assertThat(GridKt._findAll(grid)).allMatch(t -> t.dossierStatus() == 4 && "IN_PERSON".equals(t.channel())
                && t.applicantName().contains("Mỹ Lệ"));

        status.setValue(vn.motcua.dossier.DossierStatus.SUPPLEMENT_REQUESTED);
        assertThat(GridKt._findAll(grid)).extracting(WorkTask::dossierCode).doesNotContain(code);
        status.setValue(vn.motcua.dossier.DossierStatus.IN_PROCESS);
        assertThat(GridKt._findAll(grid)).extracting(WorkTask::dossierCode).contains(code);
        _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("task-due-to"))
                .setValue(java.time.LocalDate.parse(today).minusDays(1));
        assertThat(GridKt._findAll(grid)).as("no step is due before it was received").isEmpty();
        _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("task-due-to")).clear();
        @SuppressWarnings("unchecked")
        ComboBox<vn.motcua.catalogue.Sector> sector = _get(ComboBox.class, spec -> spec.withId("task-sector"));
        sector.setValue(vn.motcua.catalogue.Sector.LAND);
        assertThat(GridKt._findAll(grid)).extracting(WorkTask::dossierCode).doesNotContain(code);
    }

    @Test
    void theDossierListsFiltersLiveInTheAddressAndAreSavedUnderAName() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();

        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("dossiers", com.vaadin.flow.router.QueryParameters.simple(Map.of(
                "procedure", BirthRegistrationSample.PROCEDURE, "channel", "IN_PERSON")));
        @SuppressWarnings("unchecked")
        ComboBox<vn.motcua.catalogue.Procedure> procedure = _get(ComboBox.class, spec -> spec.withId("dossier-procedure"));
        assertThat(procedure.getValue().code()).isEqualTo(BirthRegistrationSample.PROCEDURE);
        @SuppressWarnings("unchecked")
        Grid<Dossier> grid = _get(Grid.class, spec -> spec.withId("dossier-grid"));
        assertThat(GridKt._findAll(grid)).extracting(Dossier::code).contains(code);
        assertThat(GridKt._findAll(grid)).allMatch(d -> d.procedureCode().equals(BirthRegistrationSample.PROCEDURE)
                && d.channel() == Channel.IN_PERSON);

        _get(Button.class, spec -> spec.withId("dossier-save-filter")).click();
        _get(TextField.class, spec -> spec.withId("dossier-filter-name")).setValue("Khai sinh tại quầy");
        _get(Button.class, spec -> spec.withId("dossier-filter-save-ok")).click();
        UI.getCurrent().navigate("dossiers", com.vaadin.flow.router.QueryParameters.of("q", "TRAN THI MY LE"));
        assertThat(GridKt._findAll(grid)).as("an applicant's name typed without diacritics finds the dossier")
                .extracting(Dossier::code).contains(code);
        var saved = context.getBean(vn.motcua.security.SavedFilters.class).list("dossiers");
        assertThat(saved).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("Khai sinh tại quầy");
            assertThat(f.query()).contains("procedure=" + BirthRegistrationSample.PROCEDURE, "channel=IN_PERSON");
        });
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkTask> taskGrid() { return _get(Grid.class, spec -> spec.withId("task-grid")); }

    private static Tab tab(String id) { return _get(Tab.class, spec -> spec.withId(id)); }

    private static long count(Tab tab) {
        String text = tab.getChildren().skip(1).findFirst().orElseThrow().getElement().getText();
        return Long.parseLong(text.replace(".", "").replace(",", ""));
    }

}
