package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.ProcedureUploads;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.ProcedureDesigns;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.diagram.ui.DesignView;

/**
 * Thiết kế quy trình (/design, issue 14): a designer uploads a broken procedure and sees the linter's problems listed
 * and marked on its diagram, nothing saved; uploads the revised files as Camunda Modeler saves them, gets a draft,
 * publishes it with a reason and sees the new version with what changed. A clerk cannot open the view.
 */
@MotCuaTest
class DesignViewTest {
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired ProcedureDesigns designs;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown(users);
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDesignerSeesTheProblemsOnTheDiagramThenPublishesACleanDraft() {
        KaribuViews.signInAs(users, "designer");
        UI.getCurrent().navigate("design");
        var view = _get(DesignView.class);

        view.receive("diploma.zip", ProcedureUploads.zip(ProcedureUploads.broken()));
        _click(_get(Button.class, spec -> spec.withId("design-check")));

        var problems = _get(UnorderedList.class, spec -> spec.withId("design-problems"));
        assertThat(_find(problems, ListItem.class)).anySatisfy(item -> {
            assertThat(item.getElement().getAttribute("data-rule")).isEqualTo("USER_TASK_DEADLINE");
            assertThat(item.getElement().getAttribute("data-element-id")).isEqualTo(ProcedureUploads.STEP);
            assertThat(item.getText()).contains("processes/diploma-copy-from-register/diploma-copy-from-register.bpmn › Task_IssueCopy");
        });
        var diagram = _get(BpmnViewer.class, spec -> spec.withId("design-problem-diagram"));
        assertThat(diagram.getHighlighted()).contains(ProcedureUploads.STEP);
        assertThat(diagram.getOverlays()).containsKey(ProcedureUploads.STEP);
        assertThat(designs.draft(ProcedureUploads.CODE)).isEmpty();

        ProcedureUploads.revised().forEach((path, bytes) -> view.receive(path.substring(path.lastIndexOf('/') + 1), bytes));
        _click(_get(Button.class, spec -> spec.withId("design-check")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("design-saved")).getText()).contains(ProcedureUploads.CODE);
        assertThat(_get(Paragraph.class, spec -> spec.withId("design-draft")).getText()).contains("designer");

        _click(_get(Button.class, spec -> spec.withId("design-publish")));
        _get(TextArea.class, spec -> spec.withId("design-reason")).setValue("Đổi tên bước cấp bản sao");
        _click(_get(Button.class, spec -> spec.withId("design-confirm")));

        Grid<ProcedureDesigns.Version> versions = _get(Grid.class, spec -> spec.withId("design-versions"));
        var latest = GridKt._get(versions, 0);
        assertThat(latest.current()).isTrue();
        assertThat(latest.origin()).isEqualTo("UPLOAD");
        assertThat(latest.reason()).isEqualTo("Đổi tên bước cấp bản sao");
        assertThat(String.join(" | ", GridKt._getFormattedRow(versions, 0))).contains("2 (đang áp dụng)".replace("2", String.valueOf(latest.number())), "tải lên", "designer · ");
        assertThat(latest.changes()).extracting(ProcedureDesigns.Change::message)
                .contains("Bước Task_IssueCopy đổi tên: “Đối chiếu sổ gốc, cấp bản sao” → “" + ProcedureUploads.REVISED_STEP_NAME + "”");
        // The earlier version can be re-published from its row
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(versions, 1, "actions");
        assertThat(actions.getChildren().map(c -> c.getId().orElse("")))
                .contains("design-rollback-" + GridKt._get(versions, 1).number(), "design-export-" + GridKt._get(versions, 1).number());
    }

    @Test
    void aClerkCannotOpenIt() {
        KaribuViews.signInAs(users, "clerk");
        UI.getCurrent().navigate("design");
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        assertThatThrownBy(() -> _get(DesignView.class)).hasMessageContaining("No visible DesignView");
        assertThatThrownBy(designs::procedures).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
