package vn.motcua.monitoring;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
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
        // the Decision 766 scoring row by row, out of 100, with the reason of each row MotCua cannot compute
        Grid<ScoreLine> scoring = _get(Grid.class, spec -> spec.withId("score-grid"));
        assertThat(GridKt._size(scoring)).isEqualTo(20);
        assertThat(GridKt._getFormattedRow(scoring, 4)).contains("TD.1", "Tiến độ giải quyết", "11 / 15", "14,67 / 20");
        assertThat(String.join(" | ", GridKt._getFormattedRow(scoring, 3))).contains("CK.4", "— / 6", "Không tính: MotCua chưa kết nối");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("score-total")).getText())
                .startsWith("Tổng điểm: ").contains("/100", "9 chỉ số (30 điểm)");
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
    void theRankingsSayWhereTheApplicantsOfThePeriodLiveAgainstWhereTheyWereReceived() {
        signInAs("clerk");
        var request = BirthRegistrationSample.inPerson();
        var applicant = request.applicant().withResidence("000.02.17.H33");
        dossiers.receive(new vn.motcua.dossier.ReceiveDossier(request.procedureCode(), request.channel(), applicant,
                request.data(), null, List.of(), request.checkedComponents(), null));
        signInAs("supervisor");
        UI.getCurrent().navigate("supervision");
        assertThat(awaitTrend("\"line\"")).contains("\"line\"");
        _get(TabSheet.class, spec -> spec.withId("supervision-tabs")).setSelectedIndex(1);

        Grid<IndicatorReport.ResidenceRow> residence = _get(Grid.class, spec -> spec.withId("residence-grid"));
        var binhAn = GridKt._findAll(residence).stream().filter(r -> r.key().equals("000.02.17.H33")).findFirst().orElseThrow();
        assertThat(binhAn.name()).isEqualTo("Xã Bình An");
        assertThat(binhAn.atOtherCommune()).as("received by Phường Vĩnh Thanh Vân").isPositive();
        assertThat(binhAn.dossiers()).isEqualTo(binhAn.atHome() + binhAn.atOtherCommune() + binhAn.atProvince());
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("residence-summary")).getText())
                .startsWith("Tiếp nhận trong kỳ ").contains("hồ sơ có ghi nơi cư trú");
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

    @Test
    @SuppressWarnings("unchecked")
    void aTabIsFilledWhenItIsShownNotWithTheOverview() {
        signInAs("supervisor");
        UI.getCurrent().navigate("supervision");
        assertThat(awaitTrend("\"line\"")).contains("\"line\"");
        // received while the supervisor reads the overview: the due tab, read only when shown, lists it
        signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        signInAs("supervisor");
        _get(TabSheet.class, spec -> spec.withId("supervision-tabs")).setSelectedIndex(2);
        Grid<vn.motcua.monitoring.IndicatorService.DueDossier> due = _get(Grid.class, spec -> spec.withId("due-grid"));
        assertThat(GridKt._findAll(due)).as("read when the tab is shown").anyMatch(d -> d.code().equals(code));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFiltersLiveInTheAddressSoThatBookmarksBackAndALanguageChangeKeepThem() {
        signInAs("supervisor");
        QueryParameters march = query("from", "2025-03-01", "to", "2025-03-31", "unit", CraftedDossiers.DISTRICT, "tab", "rankings");
        UI.getCurrent().navigate("supervision", march);
        awaitTrendOnAnyTab("T03/2025");
        assertThat(_get(DatePicker.class, spec -> spec.withId("filter-from")).getValue()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(_get(DatePicker.class, spec -> spec.withId("filter-to")).getValue()).isEqualTo(LocalDate.of(2025, 3, 31));
        ComboBox<Unit> unit = _get(ComboBox.class, spec -> spec.withId("filter-unit"));
        assertThat(unit.getValue().identifier()).isEqualTo(CraftedDossiers.DISTRICT);
        Grid<IndicatorReport.Row> communes = _get(Grid.class, spec -> spec.withId("commune-grid"));
        assertThat(GridKt._getFormattedRow(communes, 0)).as("Vietnamese numbers").contains("UBND xã Kiểm Thử", "15", "73,33 %");

        // a new filter is a new address (a history entry)...
        ComboBox<vn.motcua.catalogue.Procedure> procedure = _get(ComboBox.class, spec -> spec.withId("filter-procedure"));
        procedure.setValue(procedure.getListDataView().getItems().filter(p -> p.code().equals(CraftedDossiers.PROCEDURE)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("filter-apply")));
        awaitTrendOnAnyTab("T03/2025");
        assertThat(address().getQueryParameters().getSingleParameter("procedure")).contains(CraftedDossiers.PROCEDURE);
        assertThat(address().getQueryParameters().getSingleParameter("unit")).contains(CraftedDossiers.DISTRICT);
        assertThat(address().getQueryParameters().getSingleParameter("tab")).contains("rankings");

        // ...and Back (the browser's history) returns to the previous one
        back(march);
        awaitTrendOnAnyTab("T03/2025");
        assertThat(procedure.getValue()).isNull();
        assertThat(unit.getValue().identifier()).isEqualTo(CraftedDossiers.DISTRICT);

        // a change of language reloads the page at the same address: same filters, English numbers
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("dossiers");
        UI.getCurrent().navigate("supervision", march);
        awaitTrendOnAnyTab("T03/2025");
        assertThat(_get(DatePicker.class, spec -> spec.withId("filter-from")).getValue()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(((ComboBox<Unit>) _get(ComboBox.class, spec -> spec.withId("filter-unit"))).getValue().identifier())
                .isEqualTo(CraftedDossiers.DISTRICT);
        Grid<IndicatorReport.Row> english = _get(Grid.class, spec -> spec.withId("commune-grid"));
        assertThat(GridKt._getFormattedRow(english, 0)).as("English numbers").contains("73.33%");
        assertThat(_get(Chart.class, spec -> spec.withId("commune-chart")).getOption()).contains("\"locale\":\"en-US\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBadAddressFallsBackToTheDefaultsAndSaysSo() {
        signInAs("supervisor");
        UI.getCurrent().navigate("supervision", query("from", "tháng ba", "unit", "999.99.99.H99"));
        awaitTrendOnAnyTab("\"line\"");
        assertThat(_get(DatePicker.class, spec -> spec.withId("filter-from")).getValue())
                .isEqualTo(_get(DatePicker.class, spec -> spec.withId("filter-to")).getValue().withDayOfMonth(1));
        assertThat(((ComboBox<Unit>) _get(ComboBox.class, spec -> spec.withId("filter-unit"))).getValue()).isNull();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "Địa chỉ trang có tham số không hợp lệ (from, unit): đã dùng giá trị mặc định.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void departmentsAndCommunesAreRankedApartAndARowDrillsDownLikeABar() {
        signInAs("supervisor");
        QueryParameters province = query("from", "2025-03-01", "to", "2025-03-31", "tab", "rankings");
        UI.getCurrent().navigate("supervision", province);
        awaitTrendOnAnyTab("T03/2025");
        Grid<IndicatorReport.Row> departments = _get(Grid.class, spec -> spec.withId("province-grid"));
        Grid<IndicatorReport.Row> communes = _get(Grid.class, spec -> spec.withId("commune-grid"));
        Grid<IndicatorReport.Row> districts = _get(Grid.class, spec -> spec.withId("district-grid"));
        assertThat(GridKt._findAll(departments)).allSatisfy(r -> assertThat(r.level()).isEqualTo("PROVINCE"));
        assertThat(GridKt._findAll(communes)).allSatisfy(r -> assertThat(r.level()).isEqualTo("COMMUNE"))
                .as("a commune under a former district is ranked with the communes")
                .anySatisfy(r -> assertThat(r.key()).isEqualTo(CraftedDossiers.COMMUNE));
        assertThat(GridKt._findAll(districts)).anySatisfy(r -> assertThat(r.key()).isEqualTo(CraftedDossiers.DISTRICT));

        // a row drills down into its unit, as a bar does
        int row = GridKt._findAll(communes).stream().map(IndicatorReport.Row::key).toList().indexOf(CraftedDossiers.COMMUNE);
        GridKt._clickItem(communes, row, 1, false, false, false, false);
        awaitTrendOnAnyTab("T03/2025");
        assertThat(address().getQueryParameters().getSingleParameter("unit")).contains(CraftedDossiers.COMMUNE);
        assertThat(((ComboBox<Unit>) _get(ComboBox.class, spec -> spec.withId("filter-unit"))).getValue().identifier())
                .isEqualTo(CraftedDossiers.COMMUNE);
        // the dossiers behind the commune's numbers, each a link to its dossier
        _get(TabSheet.class, spec -> spec.withId("supervision-tabs")).setSelectedIndex(4);
        Grid<IndicatorService.RegisterEntry> register = _get(Grid.class, spec -> spec.withId("register-grid"));
        assertThat(GridKt._size(register)).as("the 15 dossiers of the commune's indicators").isEqualTo(15);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("register-count")).getText())
                .isEqualTo("15 hồ sơ.");
        assertThat(((Anchor) GridKt._getCellComponent(register, 0, "code")).getHref()).isEqualTo("dossiers/" + GridKt._get(register, 0).code());
        assertThat(GridKt._findAll(register)).extracting(IndicatorService.RegisterEntry::code)
                .contains(CraftedDossiers.code("a"), CraftedDossiers.code("h"));
        _get(TabSheet.class, spec -> spec.withId("supervision-tabs")).setSelectedIndex(1);

        back(province);
        awaitTrendOnAnyTab("T03/2025");
        assertThat(((ComboBox<Unit>) _get(ComboBox.class, spec -> spec.withId("filter-unit"))).getValue()).isNull();
        Chart districtChart = _get(Chart.class, spec -> spec.withId("district-chart"));
        ComponentUtil.fireEvent(districtChart, new Chart.ChartClickEvent(districtChart, true, "UBND huyện Thử Nghiệm", "Đúng hạn", 0));
        awaitTrendOnAnyTab("T03/2025");
        assertThat(address().getQueryParameters().getSingleParameter("unit")).contains(CraftedDossiers.DISTRICT);

        // a procedure's row narrows the report to that procedure
        Grid<IndicatorReport.Row> procedures = _get(Grid.class, spec -> spec.withId("procedure-grid"));
        GridKt._clickItem(procedures, 0, 1, false, false, false, false);
        awaitTrendOnAnyTab("T03/2025");
        assertThat(address().getQueryParameters().getSingleParameter("procedure")).contains(CraftedDossiers.PROCEDURE);
        assertThat(address().getQueryParameters().getSingleParameter("unit")).contains(CraftedDossiers.DISTRICT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUnitIsFoundWithoutDiacritics() {
        signInAs("supervisor");
        UI.getCurrent().navigate("supervision");
        awaitTrend("\"line\"");
        ComboBox<Unit> unit = _get(ComboBox.class, spec -> spec.withId("filter-unit"));
        ComboBoxKt.setUserInput(unit, "xa kiem thu");
        assertThat(ComboBoxKt.getSuggestionItems(unit)).extracting(Unit::identifier).containsExactly(CraftedDossiers.COMMUNE);
        ComboBoxKt.setUserInput(unit, "huyen thu nghiem");
        assertThat(ComboBoxKt.getSuggestionItems(unit)).extracting(Unit::identifier).containsExactly(CraftedDossiers.DISTRICT);
        ComboBoxKt.setUserInput(unit, "ubnd tinh an giang");
        assertThat(ComboBoxKt.getSuggestionItems(unit)).extracting(Unit::name).containsExactly("UBND tỉnh An Giang");
        ComboBoxKt.setUserInput(unit, "kiem thu dong thap");
        assertThat(ComboBoxKt.getSuggestionItems(unit)).isEmpty();
    }

    private static QueryParameters query(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return QueryParameters.simple(map);
    }

    /** Where the page is now (its address). */
    private static Location address() { return UI.getCurrent().getInternals().getActiveViewLocation(); }

    /** The browser's Back button: a navigation from the history to an earlier address. */
    private static void back(QueryParameters earlier) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location("supervision", earlier), NavigationTrigger.HISTORY);
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

    /** Waits for the trend on the first tab (only the selected tab is attached), then shows the tab shown before. */
    static void awaitTrendOnAnyTab(String expected) {
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("supervision-tabs"));
        int shown = tabs.getSelectedIndex();
        tabs.setSelectedIndex(0);
        awaitTrend(expected);
        tabs.setSelectedIndex(shown);
    }
}
