package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.monitoring.IndicatorRulesTest.assertDecimal;
import static vn.motcua.monitoring.IndicatorRulesTest.indicator;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.motcua.MotCuaTest;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.monitoring.internal.AttachmentTable;
import vn.motcua.organisation.UnitLevel;

/**
 * The Decision 766 scoring of March 2025 computed by hand on {@link ScoringDossiers} and compared with the API's
 * answer, row by row of the default table ({@code indicators/scoring-766.csv}: the national portal's formula sheet),
 * to the total out of 100.
 *
 * <p>Birth registration alone ({@code procedure=1.001193}): b1 b2 b3 b4 b5 = 5 dossiers, received 5; ended 4 (b1 b3,
 * and b4 b5 stopped: status 8 ends a dossier); the procedures in scope: 1 (birth registration, free).
 * <ul>
 *   <li>CK.3 complete parts 1/1 = 100.00 % → 2.00 of 2; CK.1 (6), CK.2 (4), CK.4 (6) not computed: the national
 *       database's and portal's facts.</li>
 *   <li>TD.1 on time: b1, b2 (within its due date), b4 (stopped by its due date) = 3; late b3, b5 (stopped after its
 *       due date): 3/5 = 60.00 % → 60 × 20 / 100 = 12.00 of 20.</li>
 *   <li>DVC.1 birth registration is offered fully online, its paper result also issued electronically: online b1 b2
 *       = 2/5 = 40.00 % → 40 × 12 / 50 = 9.60 of 12. DVC.2 offered online 1/1 = 100.00 %, 0 points (followed).</li>
 *   <li>TT.1 dossiers with a fee to pay: b1, paid online = 1/1 = 100.00 % → 6.00 of 6; TT.2 not computed (2); TT.3
 *       no procedure in scope has a fee (birth registration is free): N/A, no points.</li>
 *   <li>HL.1 feedback about birth registrations: f1 only, answered on time = 1/1 = 100.00 % → 6.00 of 6; HL.2 its
 *       sender was not satisfied with the answer: 0/1 = 0.00 % → 0.00 of 6; HL.3 late 2 (b3 b5), negative 1 (b3 rated
 *       1): 5 − 2 − 1 = 2/5 = 40.00 % → 40 × 6 / 90 = 2.666… → 2.67 of 6.</li>
 *   <li>SH.1 results returned b1 b3, both of a procedure issuing an electronic result: 2/2 = 100.00 % → 6.00 of 6.</li>
 *   <li>SH.2 with an attachment and an electronic result: b1 = 1/5 = 20.00 % → 20 × 4 / 80 = 1.00 of 4; SH.3–SH.7
 *       not computed (2 + 2 + 4 + 2 + 2).</li>
 *   <li>Total 2 + 12 + 9.60 + 0 + 6 + 6 + 0 + 2.67 + 6 + 1.00 = 45.27 of 100; at stake in the rows with points 68
 *       (TT.3 N/A); not computed 6 + 4 + 6 + 2 + 12 = 30.</li>
 * </ul>
 *
 * <p>All three procedures: 11 dossiers, ended 9 (all but b2 c3).
 * <ul>
 *   <li>TD.1 on time b1 b2 b4 c1 c2 c4 m1 m2 (refused without a due date) = 8; late b3 b5 c3 (overdue, open):
 *       8/11 = 72.727… → 72.73 % → 72.73 × 20 / 100 = 14.546 → 14.55.</li>
 *   <li>DVC.1 only birth registration is offered fully online: c1 and m2, online too, are not counted: 2/5 = 40.00 % →
 *       9.60.</li>
 *   <li>TT.1 dossiers with a fee b1 c1 c2 c3 c4; paid online b1 c4: 2/5 = 40.00 % → 40 × 6 / 100 = 2.40.</li>
 *   <li>TT.3 procedures of the district's and commune's levels with a fee: certified copies, construction permits,
 *       signature certification = 3; with an online payment: certified copies (c4) = 1/3 = 33.33 % → 33.33 × 2 / 80
 *       = 0.833… → 0.83 (birth registration's online payment does not count: it has no fee in the catalogue).</li>
 *   <li>SH.1 results returned b1 b3 c1 c2 c4 m1 (every procedure's result is a document); issued electronically b1 b3
 *       m1 (certified copies are on paper only): 3/6 = 50.00 % → 50 × 6 / 100 = 3.00. The old indicator 4.1 the same.</li>
 *   <li>SH.2 b1 m1 (c1 has an attachment but a paper result) = 2/11 = 18.18 % → 18.18 × 4 / 80 = 0.909 → 0.91.</li>
 *   <li>HL.3 late 3, negative 2 (b3 rated 1, c1 complaint): 11 − 3 − 2 = 6/11 = 54.55 % → 54.55 × 6 / 90 = 3.6366… →
 *       3.64.</li>
 *   <li>HL.1 every feedback received in March: f1 f2 f3 f4 (f5 came in February); on time f1 (answered by its due
 *       date) and f3 (unanswered, within its due date at the period's end); late f2 (answered in April, after its due
 *       date) and f4: 2/4 = 50.00 % → 50 × 6 / 100 = 3.00. HL.2 handled well: f3 (f1 on time, but its sender was not
 *       satisfied with the answer): 1/4 = 25.00 % → 1.50.</li>
 *   <li>3.3 (online submissions) b1 b2 c1 m2 = 4/11 = 36.36 %: reported, no longer scored on its own.</li>
 * </ul>
 *
 * <p>April: no feedback was received, so HL.1 and HL.2 have an empty denominator and earn their 6 points each (the
 * formula sheet's rule for a unit without feedback), while an empty SH.1 (no result returned) stays N/A.
 */
@MotCuaTest
class IndicatorScoringTest {
    static final String MARCH = "from=2025-03-01&to=2025-03-31&unit=" + ScoringDossiers.DISTRICT;

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ScoringDossiers dossiers;
    @Autowired AttachmentTable attachments;
    @Autowired ProcedureCatalogue catalogue;

    @BeforeEach
    void data() { dossiers.ensure(); }

    @Test
    void theScoringOfOneProcedureIsAsComputedByHandAndTotalsOutOf100() throws Exception {
        JsonNode r = report(MARCH + "&procedure=" + ScoringDossiers.BIRTH);
        assertThat(r.at("/population/dossiers").asLong()).isEqualTo(5);
        assertThat(r.at("/population/ended").asLong()).as("b1 b3 and the stopped b4 b5").isEqualTo(4);
        assertThat(r.get("scoring").findValuesAsText("code")).containsExactly("CK.1", "CK.2", "CK.3", "CK.4", "TD.1",
                "DVC.1", "DVC.2", "TT.1", "TT.2", "TT.3", "HL.1", "HL.2", "HL.3", "SH.1", "SH.2", "SH.3", "SH.4", "SH.5",
                "SH.6", "SH.7");

        assertNotComputed(r, "CK.1", "6", "Cơ sở dữ liệu quốc gia về TTHC");
        assertNotComputed(r, "CK.2", "4", "Cơ sở dữ liệu quốc gia về TTHC");
        assertLine(r, "CK.3", "1", "1", "100.00", "2.00", "2");
        assertNotComputed(r, "CK.4", "6", "Cổng Dịch vụ công quốc gia");
        assertLine(r, "TD.1", "3", "5", "60.00", "12.00", "20");
        assertLine(r, "DVC.1", "2", "5", "40.00", "9.60", "12");
        assertLine(r, "DVC.2", "1", "1", "100.00", "0.00", "0");
        assertLine(r, "TT.1", "1", "1", "100.00", "6.00", "6");
        assertNotComputed(r, "TT.2", "2", "Nền tảng thanh toán");
        JsonNode feeProcedures = line(r, "TT.3");
        assertThat(feeProcedures.get("computed").asBoolean()).isTrue();
        assertDecimal(feeProcedures.get("denominator"), "0");
        assertThat(feeProcedures.get("rate").isNull()).as("no procedure with a fee: N/A").isTrue();
        assertThat(feeProcedures.get("points").isNull()).as("N/A earns nothing").isTrue();
        assertLine(r, "HL.1", "1", "1", "100.00", "6.00", "6");
        assertLine(r, "HL.2", "0", "1", "0.00", "0.00", "6");
        assertLine(r, "HL.3", "2", "5", "40.00", "2.67", "6");
        assertLine(r, "SH.1", "2", "2", "100.00", "6.00", "6");
        assertNotComputed(r, "SH.3", "2", "chứng thực bản sao điện tử");
        assertNotComputed(r, "SH.4", "2", "Kho quản lý dữ liệu điện tử");
        assertNotComputed(r, "SH.5", "4", "Kho quản lý dữ liệu điện tử");
        assertNotComputed(r, "SH.6", "2", "Cơ sở dữ liệu quốc gia về dân cư");
        assertNotComputed(r, "SH.7", "2", "Cơ sở dữ liệu quốc gia về dân cư");
        assertDecimal(r.get("totalMaxPoints"), "100");
        if (attachments.shape().isPresent()) {
            assertLine(r, "SH.2", "1", "5", "20.00", "1.00", "4");
            assertDecimal(r.get("points"), "45.27");
            assertDecimal(r.get("maxPoints"), "68");
        } else {
            assertThat(line(r, "SH.2").get("points").isNull()).as("no attachment table: N/A").isTrue();
            assertDecimal(r.get("points"), "44.27");
            assertDecimal(r.get("maxPoints"), "64");
        }
        JsonNode progress = line(r, "TD.1");
        assertThat(progress.get("group").asText()).isEqualTo("PROGRESS");
        assertThat(progress.get("name").asText()).isEqualTo("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn");
        assertThat(progress.get("source").asText()).contains("766/QĐ-TTg");
        assertThat(progress.get("reason").isNull()).isTrue();
    }

    @Test
    void theScoringAcrossProceduresCountsOnlyWhatThePublishedFormulasCount() throws Exception {
        JsonNode r = report(MARCH);
        assertThat(r.at("/population/dossiers").asLong()).isEqualTo(11);
        assertThat(r.at("/population/ended").asLong()).isEqualTo(9);
        assertThat(r.at("/population/late").asLong()).isEqualTo(3);
        assertLine(r, "TD.1", "8", "11", "72.73", "14.55", "20");
        assertLine(r, "DVC.1", "2", "5", "40.00", "9.60", "12");
        assertLine(r, "TT.1", "2", "5", "40.00", "2.40", "6");
        assertLine(r, "SH.1", "3", "6", "50.00", "3.00", "6");
        assertLine(r, "HL.3", "6", "11", "54.55", "3.64", "6");
        assertLine(r, "HL.1", "2", "4", "50.00", "3.00", "6");
        assertLine(r, "HL.2", "1", "4", "25.00", "1.50", "6");
        if (attachments.shape().isPresent()) assertLine(r, "SH.2", "2", "11", "18.18", "0.91", "4");

        // the public-disclosure group over the catalogue's procedures of the units' levels (district and commune)
        var inScope = catalogue.procedures().stream()
                .filter(p -> p.level() == UnitLevel.DISTRICT || p.level() == UnitLevel.COMMUNE).toList();
        assertDecimal(line(r, "CK.3").get("numerator"), String.valueOf(inScope.stream().filter(IndicatorService::published).count()));
        assertDecimal(line(r, "CK.3").get("denominator"), String.valueOf(inScope.size()));
        assertDecimal(line(r, "DVC.2").get("numerator"), String.valueOf(inScope.stream().filter(p -> p.onlineLevel() != null).count()));
        // the procedures with a fee: certified copies, construction permits, signature certification
        assertThat(inScope.stream().filter(p -> p.fee() != null && p.fee().signum() > 0).map(p -> p.code()))
                .containsExactlyInAnyOrder(ScoringDossiers.COPY, "1.013225", "2.000884");
        assertLine(r, "TT.3", "1", "3", "33.33", "0.83", "2");

        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (JsonNode l : r.get("scoring")) {
            if (!l.get("points").isNull()) sum = sum.add(l.get("points").decimalValue());
            max = max.add(l.get("maxPoints").decimalValue());
        }
        assertThat(max).isEqualByComparingTo("100");
        assertDecimal(r.get("points"), sum.toPlainString());

        // the old indicators keep their figures, scored by the table's rows
        JsonNode online = indicator(r, "3.3");
        assertDecimal(online.get("rate"), "36.36");
        assertThat(online.get("points").isNull()).as("scored within the online services").isTrue();
        assertThat(online.get("maxPoints").isNull()).isTrue();
        JsonNode electronic = indicator(r, "4.1");
        assertDecimal(electronic.get("rate"), "50.00");
        assertDecimal(electronic.get("points"), "3.00");
        JsonNode payments = indicator(r, "3.6");
        assertDecimal(payments.get("numerator"), "2");
        assertDecimal(payments.get("denominator"), "5");
        assertDecimal(electronic.get("maxPoints"), "6");
    }

    @Test
    void aUnitWithoutFeedbackEarnsTheFeedbackPointsAsTheFormulaSheetRules() throws Exception {
        JsonNode april = report("from=2025-04-01&to=2025-04-30&unit=" + ScoringDossiers.DISTRICT);
        JsonNode onTime = line(april, "HL.1");
        assertThat(onTime.get("computed").asBoolean()).isTrue();
        assertDecimal(onTime.get("denominator"), "0");
        assertThat(onTime.get("rate").isNull()).as("no feedback received in April").isTrue();
        assertDecimal(onTime.get("points"), "6.00");
        assertThat(onTime.get("reason").asText()).contains("mẫu số bằng 0");
        assertThat(onTime.get("reasonEn").asText()).contains("empty denominator");
        JsonNode handled = line(april, "HL.2");
        assertDecimal(handled.get("denominator"), "0");
        assertDecimal(handled.get("points"), "6.00");
        // an empty denominator elsewhere stays N/A: no dossier of April was returned (SH.1)
        JsonNode results = line(april, "SH.1");
        assertDecimal(results.get("denominator"), "0");
        assertThat(results.get("points").isNull()).isTrue();
    }

    @Test
    void aStoppedDossierIsEndedAndNotCarriedIntoTheNextPeriod() throws Exception {
        JsonNode april = report("from=2025-04-01&to=2025-04-30&unit=" + ScoringDossiers.DISTRICT);
        assertThat(april.at("/population/dossiers").asLong()).as("b2 and c3, unfinished; b4 and b5 ended when stopped")
                .isEqualTo(2);
        assertThat(april.at("/population/carriedOver").asLong()).isEqualTo(2);
    }

    // --- helpers

    private JsonNode report(String query) throws Exception {
        var response = http.withBasicAuth("admin", "demo").getForEntity("/api/reports/indicators?" + query, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private static JsonNode line(JsonNode report, String code) {
        for (JsonNode l : report.get("scoring")) if (l.get("code").asText().equals(code)) return l;
        throw new AssertionError("no scoring row " + code);
    }

    private static void assertLine(JsonNode report, String code, String numerator, String denominator, String rate,
                                   String points, String maxPoints) {
        JsonNode l = line(report, code);
        assertThat(l.get("computed").asBoolean()).as(code + " computed").isTrue();
        assertDecimal(l.get("numerator"), numerator);
        assertDecimal(l.get("denominator"), denominator);
        assertDecimal(l.get("rate"), rate);
        assertDecimal(l.get("points"), points);
        assertDecimal(l.get("maxPoints"), maxPoints);
    }

    private static void assertNotComputed(JsonNode report, String code, String maxPoints, String reasonMentions) {
        JsonNode l = line(report, code);
        assertThat(l.get("computed").asBoolean()).as(code + " not computed").isFalse();
        assertThat(l.get("points").isNull()).isTrue();
        assertThat(l.get("rate").isNull()).isTrue();
        assertDecimal(l.get("maxPoints"), maxPoints);
        assertThat(l.get("reason").asText()).contains(reasonMentions);
        assertThat(l.get("reasonEn").asText()).isNotBlank();
    }
}
