package vn.motcua.catalogue;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.internal.CatalogueFiles;
import vn.motcua.catalogue.internal.CatalogueLinter;
import vn.motcua.catalogue.internal.EngineParseCheck;
import vn.motcua.catalogue.internal.ModelConventions;
import vn.motcua.catalogue.ui.ProcessVersionsView;

/** The administrator's versions view (Karibu-Testing, no browser). */
@MotCuaTest
class ProcessVersionsViewTest {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("vn.motcua");

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired ProcessEngine engine;
    @Autowired PlatformTransactionManager transactionManager;

    @BeforeEach
    void setUp() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDown() {
        users.signOut();
        MockVaadin.tearDown();
        var repository = engine.getRepositoryService();
        repository.createDeploymentQuery().deploymentName("motcua:watch-demo").list().forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAdministratorSeesEveryProcessVersionWithItsRunningDossiers() {
        signInAs("admin");
        UI.getCurrent().navigate("admin/versions");

        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("process-versions"));
        var labels = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).get(0)).toList();
        assertThat(labels).anySatisfy(l -> assertThat(l).startsWith("1.001193 · Thủ tục đăng ký khai sinh (birth-registration)"));
        assertThat(labels).anySatisfy(l -> assertThat(l).isEqualTo("dossier-lifecycle · Dùng chung cho mọi thủ tục"));
    }

    @Test
    void otherRolesCannotOpenIt() {
        for (String user : List.of("clerk", "supervisor", "designer")) {
            // A fresh UI each time: a refused navigation leaves the UI on its way there
            MockVaadin.tearDown();
            setUp();
            signInAs(user);
            // the application's access-denied page instead of the view
            UI.getCurrent().navigate("admin/versions");
            _get(vn.motcua.security.ui.AccessDeniedView.class);
            Throwable refusal = catchThrowable(() -> _get(ProcessVersionsView.class));
            assertThat(refusal).as(user).isNotNull().hasMessageContaining("No visible ProcessVersionsView");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void movingTheDossiersOfAnOlderVersionReportsWhatMoved() throws Exception {
        // A catalogue of its own, with two versions of its process and two dossiers on the first
        var directory = Files.createTempDirectory("catalogue-view");
        try {
            var seed = CatalogueFiles.fromClasspath("catalogue-fixtures/watch/").folder("watch-demo").orElseThrow();
            seed.processFiles().forEach((name, bytes) -> write(directory.resolve("processes/watch-demo/" + name), bytes));
            seed.formFiles().forEach((name, bytes) -> write(directory.resolve("forms/watch-demo/" + name), bytes));
            var catalogue = new ProcedureCatalogue(engine.getRepositoryService(), new TransactionTemplate(transactionManager),
                    new CatalogueLinter(ModelConventions.motcua(), new EngineParseCheck(engine), List.of()),
                    CatalogueFiles.fromDirectories(directory));
            var runtime = engine.getRuntimeService();
            var first = runtime.startProcessInstanceByKey("watch-demo", Map.of("unit", "000.01.15.H33"));
            var second = runtime.startProcessInstanceByKey("watch-demo", Map.of("unit", "000.01.15.H33"));
            var source = runtime.createProcessInstanceQuery().processInstanceId(first.getId()).singleResult().getProcessDefinitionId();
            var model = directory.resolve("processes/watch-demo/watch-demo.bpmn");
            write(model, Files.readString(model).replace("name=\"Review\"", "name=\"Review, version 2\"").getBytes(StandardCharsets.UTF_8));
            assertThat(catalogue.reload(CatalogueFiles.fromDirectories(directory), Set.of("watch-demo")).deployed()).containsExactly("watch-demo");

            signInAs("admin");
            var view = new ProcessVersionsView(new ProcessVersions(catalogue, engine.getRepositoryService(), runtime));
            UI.getCurrent().add(view);
            Grid<Object> grid = _get(view, Grid.class, spec -> spec.withId("process-versions"));
            var rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i)).toList();
            assertThat(rows).extracting(r -> r.get(0)).containsOnly("9.000021 · Thủ tục theo dõi (watch-demo)");
            assertThat(rows).extracting(r -> r.get(1), r -> r.get(3)).containsExactly(tuple("2 (mới nhất)", "0"), tuple("1", "2"));
            assertThat(GridKt._getCellComponent(grid, 0, "action")).isNotInstanceOf(Button.class);
            _click((Button) GridKt._getCellComponent(grid, 1, "action"));
            _click(_get(Button.class, spec -> spec.withId("migration-confirm")));

            var moved = _get(UnorderedList.class, spec -> spec.withId("migration-moved"));
            assertThat(_find(moved, ListItem.class)).extracting(ListItem::getText)
                    .containsExactlyInAnyOrder(first.getId(), second.getId());
            assertThat(_find(UnorderedList.class, spec -> spec.withId("migration-not-moved"))).isEmpty();
            assertThat(runtime.createProcessInstanceQuery().processDefinitionId(source).count()).isZero();
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private void signInAs(String username) {
        var auth = users.signInAs(username);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
