package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.demo.HistoryGenerator;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.DossierService;
import vn.motcua.monitoring.internal.Figures;
import vn.motcua.monitoring.internal.IndicatorQueries;
import vn.motcua.monitoring.internal.Selection;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * The demo history generator, on two communes of its own: consistent dossiers (codes, counters, hash-chained trails
 * the dossier module verifies), real engine history the bottleneck view reads, and the indicator SQL giving on them
 * exactly what the naive row-by-row rules give.
 */
@MotCuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryGeneratorTest {
    static final String DISTRICT = "000.00.98.H33";
    static final List<String> COMMUNES = List.of("000.01.98.H33", "000.02.98.H33");

    @Autowired HistoryGenerator generator;
    @Autowired OrganisationService organisation;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired HistoryService history;
    @Autowired IndicatorQueries queries;
    @Autowired BottleneckService bottlenecks;

    HistoryGenerator.Result result;
    Unit district;

    @BeforeAll
    void generate() {
        SystemAccess.run(() -> {
            Unit province = organisation.unitByIdentifier("000.00.00.H33").orElseThrow();
            district = organisation.createUnit(DISTRICT, "UBND huyện Sinh Dữ Liệu", null, UnitLevel.DISTRICT, province);
            organisation.createUnit(COMMUNES.get(0), "UBND xã Lịch Sử", null, UnitLevel.COMMUNE, district);
            organisation.createUnit(COMMUNES.get(1), "UBND xã Hồ Sơ", null, UnitLevel.COMMUNE, district);
            result = generator.generate(new HistoryGenerator.Options(600, 12, 6, COMMUNES, 42L));
        });
    }

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void theDossiersHaveCodesInTheNationalFormatUniqueAndCountedOn() {
        assertThat(result.dossiers()).isEqualTo(600);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select d.code, d.received_at, u.identifier from dossier d join org_unit u on u.id = d.unit_id
                where u.tree_path like ?""", district.treePath() + "%");
        assertThat(rows).hasSize(600);
        var codes = new HashSet<String>();
        for (var row : rows) {
            String code = (String) row.get("code");
            assertThat(DossierCode.isValid(code)).as(code).isTrue();
            assertThat(codes.add(code)).isTrue();
            Instant received = ((OffsetDateTime) jdbc.queryForObject("select received_at from dossier where code = ?",
                    OffsetDateTime.class, code)).toInstant();
            LocalDate day = received.atZone(Formats.ZONE).toLocalDate();
            assertThat(code).startsWith(row.get("identifier") + "-" + DossierCode.of("000.00.00.H33", day, 1).substring(14, 20));
        }
        // The unit's counter of each day is at least the highest sequence generated that day
        Integer behind = jdbc.queryForObject("""
                select count(*) from dossier d join org_unit u on u.id = d.unit_id
                where u.tree_path like ? and not exists (select 1 from dossier_code_sequence s where s.unit_id = d.unit_id
                  and s.last_value >= cast(substring(d.code, 22, 4) as integer))""", Integer.class, district.treePath() + "%");
        assertThat(behind).isZero();
    }

    @Test
    void theAuditTrailsVerifyAsTheDossierModuleChainsThem() {
        users.signInAs("admin");
        List<String> sample = jdbc.queryForList("""
                select d.code from dossier d join org_unit u on u.id = d.unit_id where u.tree_path like ?
                order by d.process_instance_id nulls last, d.id""", String.class, district.treePath() + "%")
                .subList(0, 60);
        for (String code : sample) assertThat(dossiers.verifyHistory(code)).as(code).isNull();
        var statuses = jdbc.queryForList("""
                select distinct d.status from dossier d join org_unit u on u.id = d.unit_id where u.tree_path like ?""",
                Integer.class, district.treePath() + "%");
        assertThat(statuses).contains(4, 9, 10);
        Integer twice = jdbc.queryForObject("""
                select count(*) from dossier d join org_unit u on u.id = d.unit_id where u.tree_path like ? and d.supplement_count = 2""",
                Integer.class, district.treePath() + "%");
        assertThat(twice).isPositive();
    }

    @Test
    void someDossiersRanOnTheEngineAndTheBottlenecksComeFromItsHistory() {
        assertThat(result.engineInstances()).isPositive();
        List<Map<String, Object>> engineRun = jdbc.queryForList("""
                select d.code, d.process_instance_id, d.status, d.finished_at, d.received_at from dossier d
                join org_unit u on u.id = d.unit_id where u.tree_path like ? and d.process_instance_id is not null""",
                district.treePath() + "%");
        assertThat(engineRun).hasSize(result.engineInstances());
        for (var row : engineRun) {
            var instance = history.createHistoricProcessInstanceQuery().processInstanceId((String) row.get("process_instance_id")).singleResult();
            assertThat(instance.getBusinessKey()).isEqualTo(row.get("code"));
            assertThat(instance.getEndTime()).as("the instance ended").isNotNull();
            assertThat(instance.getStartTime().toInstant())
                    .as("the engine recorded the dossier's past, not the moment of the test")
                    .isEqualTo(((OffsetDateTime) jdbc.queryForObject("select received_at from dossier where code = ?",
                            OffsetDateTime.class, row.get("code"))).toInstant());
        }

        users.signInAs("supervisor");
        LocalDate today = LocalDate.now(Formats.ZONE);
        var report = bottlenecks.bottlenecks(new ReportFilter(today.minusMonths(7), today, DISTRICT, "1.001193", null, null));
        assertThat(report.bpmnXml()).contains("birth-registration");
        assertThat(report.steps()).extracting(BottleneckService.StepTiming::elementId)
                .contains("Task_ReviewDossier", "Task_ApproveResult", "Task_ReturnResult");
        var costliest = report.steps().get(0);
        assertThat(report.costliest()).isEqualTo(costliest.elementId());
        assertThat(costliest.heat()).isEqualTo(1.0);
        for (var step : report.steps()) {
            assertThat(step.averageHours().signum()).isPositive();
            assertThat(step.heat()).isBetween(0.0, 1.0);
        }
        assertThat(report.overlays().get(costliest.elementId())).startsWith("TB ").contains("P90", "giờ", "lượt");
        assertThat(report.units()).extracting(BottleneckService.UnitSteps::unitIdentifier).containsAnyElementsOf(COMMUNES);
        // each commune sees its own steps only, and the two together are the district's (which commune the engine-run
        // dossiers fall in depends on the day the test runs)
        long perCommune = 0;
        for (String commune : COMMUNES) {
            var one = bottlenecks.bottlenecks(new ReportFilter(today.minusMonths(7), today, commune, "1.001193", null, null));
            assertThat(one.units()).extracting(BottleneckService.UnitSteps::unitIdentifier).isSubsetOf(commune);
            perCommune += one.stepInstances();
        }
        assertThat(perCommune).isEqualTo(report.stepInstances());
    }

    @Test
    void theIndicatorSqlGivesWhatTheRowByRowRulesGive() {
        LocalDate today = LocalDate.now(Formats.ZONE);
        for (int months : new int[] {1, 3, 7}) {
            Instant from = today.minusMonths(months).withDayOfMonth(1).atStartOfDay(Formats.ZONE).toInstant();
            Instant asOf = Instant.now();
            Figures sql = Figures.NONE;
            for (var g : queries.groups(new Selection(from, asOf, district.treePath(), null, null))) sql = sql.plus(g.figures());
            Figures naive = NaiveIndicators.figures(jdbc, district.treePath(), from, asOf);
            assertThat(NaiveIndicators.comparable(sql)).as("since " + from).isEqualTo(naive);
            assertThat(sql.dossiers()).isPositive();
            assertThat(sql.late()).isPositive();
            assertThat(sql.online()).isPositive();
        }
    }
}
