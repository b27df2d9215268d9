package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;
import vn.motcua.tasklist.WorkTask;

/** The task list shows each civil servant their unit's work, earliest due first, and nobody else's. */
@MotCuaTest
class TaskListViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    @SuppressWarnings("unchecked")
    void theSpecialistSeesTheNewDossiersReviewOrderedByDueDate() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();

        KaribuViews.signInAs(users, "specialist");
        UI.getCurrent().navigate("tasks");
        Grid<WorkTask> grid = _get(Grid.class, spec -> spec.withId("task-grid"));
        var rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).extracting(WorkTask::dossierCode).contains(code);
        assertThat(rows).extracting(WorkTask::name).contains("Thẩm định hồ sơ, dự thảo kết quả");
        assertThat(rows).extracting(WorkTask::dueAt).isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSpecialistOfAnotherCommuneDoesNotSeeIt() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();

        KaribuViews.signInAs(users, "specialist2");
        UI.getCurrent().navigate("tasks");
        Grid<WorkTask> grid = _get(Grid.class, spec -> spec.withId("task-grid"));
        var rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).extracting(WorkTask::dossierCode).doesNotContain(code);
    }
}
