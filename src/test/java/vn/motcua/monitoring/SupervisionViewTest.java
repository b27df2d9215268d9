package vn.motcua.monitoring;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.diagram.BpmnViewer;
import vn.motcua.dossier.DossierService;
import vn.motcua.monitoring.ui.Chart;
import vn.motcua.organisation.Unit;

/** The supervisor's dashboard without a browser (Karibu-Testing), on the crafted dossiers. */
@MotCuaTest
class SupervisionViewTest {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("vn.motcua");

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired CraftedDossiers crafted;
    @Autowired DossierService dossiers;

    @BeforeEach
    void setUp() {
        crafted.ensure();
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDown() {
        users.signOut();
        MockVaadin.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSupervisorSeesTheIndicatorsRankingsChartsAndDownloadsOfAPeriod() {
        signInAs("supervisor");
        UI.getCurrent().navigate("supervision");
        // the opening period's trend first (computed in the background, it must not land in the middle of the next step)
        assertThat(awaitTrend("\"line\"")).contains("\"line\"");
        _get(DatePicker.class, spec -> spec.withId("filter-from")).setValue(LocalDate.of(2025, 3, 1));
        _get(DatePicker.class, spec -> spec.withId("filter-to")).setValue(LocalDate.of(2025, 3, 31));
        ComboBox<Unit> unit = _get(ComboBox.class, spec -> spec.withId("filter-unit"));
        unit.setValue(unit.getListDataView().getItems().filter(u -> u.identifier().equals(CraftedDossiers.DISTRICT)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("filter-apply")));

        Grid<Indicator> indicators = _get(Grid.class, spec -> spec.withId("indicator-grid"));
        assertThat(GridKt._size(indicators)).isEqualTo(8);
        assertThat(GridKt._get(indicators, 0).rate()).isEqualByComparingTo("73.33");
        assertThat(GridKt._getFormattedRow(indicators, 0)).contains("2.1", "11 / 15");
        assertThat(_get(Chart.class, spec -> spec.withId("indicator-chart")).getOption()).contains("\"xAxis\"", "73.33", "2.1");
        // the trend follows in the background (the page polls until it is there, then stops)
        assertThat(awaitTrend("T03/2025")).contains("\"line\"", "T03/2025");
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("trend-status")).getText()).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withId("download-register-xlsx")).getHref())
                .isEqualTo("api/reports/register.xlsx?from=2025-03-01&to=2025-03-31&unit=" + CraftedDossiers.DISTRICT);
        assertThat(_get(Anchor.class, spec -> spec.withId("download-indicators-csv")).getHref()).startsWith("api/reports/indicators.csv?");
        _get(TabSheet.class, spec -> spec.withId("supervision-tabs")).setSelectedIndex(3);
        BpmnViewer diagram = _get(BpmnViewer.class, spec -> spec.withId("bottleneck-diagram"));
        assertThat(diagram.getXml()).contains("birth-registration");
    }

    @Test
    @SuppressWarnings("unchecked")
    void overdueAndNearlyDueDossiersLinkToTheirDossierView() {
        signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        signInAs("supervisor");
        UI.getCurrent().navigate("supervision");
        assertThat(awaitTrend("\"line\"")).contains("\"line\"");
        _get(TabSheet.class, spec -> spec.withId("supervision-tabs")).setSelectedIndex(2);
        Grid<vn.motcua.monitoring.IndicatorService.DueDossier> due = _get(Grid.class, spec -> spec.withId("due-grid"));
        var row = GridKt._findAll(due).stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
        assertThat(row.overdue()).as("due within a working day, not yet overdue").isFalse();
        var link = (Anchor) GridKt._getCellComponent(due, GridKt._findAll(due).indexOf(row), "code");
        assertThat(link.getHref()).isEqualTo("dossiers/" + code);
    }

    private void signInAs(String username) {
        var auth = users.signInAs(username);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    /**
     * Round trips (as the page's polls) until the trend chart shows {@code expected} and no request is being computed;
     * at most 20 s. Says what it saw when it gives up.
     */
    static String awaitTrend(String expected) {
        String[] seen = new String[2];
        try {
            // Karibu's UI lives on this thread: poll here, not on Awaitility's own thread
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).pollInSameThread().until(() -> {
                com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
                seen[0] = _get(Chart.class, spec -> spec.withId("trend-chart")).getOption();
                seen[1] = _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("trend-status")).getText();
                return seen[0] != null && seen[0].contains("\"line\"") && seen[0].contains(expected) && seen[1].isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no trend with " + expected + " (status '" + seen[1] + "'): " + seen[0], e);
        }
        return seen[0];
    }
}
