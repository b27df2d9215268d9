package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaTest;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.monitoring.internal.AttachmentTable;
import vn.motcua.organisation.UnitLevel;

/**
 * Every indicator of March 2025 computed by hand on the crafted dossiers ({@link CraftedDossiers}) and compared with
 * the API's answer.
 *
 * <p>In the period (as of 1 April 2025 00:00 ICT): a b c d e f g h i m n o p s r = 15 dossiers (j ended before it, k
 * came after it, l awaits acceptance); received in it 14, carried over 1 (i); ended by the end 11 (all but g h m p).
 * <ul>
 *   <li>2.1 on time: a c d f g i n o p s r = 11; late: b (after its due date), e (two supplements), h (overdue, open),
 *       m (processed only after the period, overdue at its end) = 4. 11/15 = 73.33 %; points 73.33 × 20 / 100 = 14.67.</li>
 *   <li>2.2 results produced in the period: a b c d e i n o, working time 6 + 16 + 7 + 8 + 8 + 4 + 8 + 8 = 65 h =
 *       8.125 → 8.13 days over 8 results: 1.015625 → 1.02 days (f, r ended otherwise; m after the period).</li>
 *   <li>3.3 online: c g n r = 4/15 = 26.67 %; not scored on its own (the scoring table scores the online services
 *       together, see {@link IndicatorScoringTest}).</li>
 *   <li>3.6 dossiers with a fee to pay: n (paid online), o (paid cash), p (unpaid): paid online 1/3 = 33.33 %; linear
 *       (the formula sheet sets no threshold): 33.33 × 6 / 100 = 1.9998 → 2.00 points.</li>
 *   <li>4.1 results returned: a b d i n o = 6, the birth registration's result is a document issued electronically:
 *       6/6 = 100 % → 6 points.</li>
 *   <li>4.2 with an attachment and a result issued electronically: a b (c has one but no result returned) = 2/15 =
 *       13.33 %; points 13.33 × 4 / 80 = 0.6665 → 0.67.</li>
 *   <li>5.4 negative: b (rated 2), c (complaint) = 2; 15 − 4 late − 2 = 9: 9/15 = 60.00 %; points 60 × 6 / 90 = 4.00.</li>
 * </ul>
 */
@MotCuaTest
class IndicatorRulesTest {
    static final String MARCH = "from=2025-03-01&to=2025-03-31";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired CraftedDossiers crafted;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired AttachmentTable attachments;

    @BeforeEach
    void data() { crafted.ensure(); }

    @Test
    void everyIndicatorOfTheCraftedDossiersIsAsComputedByHand() throws Exception {
        JsonNode r = report("supervisor", MARCH + "&unit=" + CraftedDossiers.DISTRICT);
        assertThat(r.at("/unit/identifier").asText()).isEqualTo(CraftedDossiers.DISTRICT);
        assertThat(r.at("/asOf").asText()).isEqualTo("2025-03-31T17:00:00Z");
        JsonNode population = r.get("population");
        assertThat(population.get("dossiers").asLong()).isEqualTo(15);
        assertThat(population.get("received").asLong()).isEqualTo(14);
        assertThat(population.get("carriedOver").asLong()).isEqualTo(1);
        assertThat(population.get("ended").asLong()).isEqualTo(11);
        assertThat(population.get("late").asLong()).isEqualTo(4);

        assertIndicator(r, "2.1", "11", "15", "73.33", "100", "14.67", "20");
        JsonNode average = indicator(r, "2.2");
        assertDecimal(average.get("numerator"), "8.13");
        assertDecimal(average.get("denominator"), "8");
        assertDecimal(average.get("rate"), "1.02");
        assertThat(average.get("unit").asText()).isEqualTo("ngày làm việc");
        assertThat(average.get("points").isNull()).as("2.2 is not scored; JSON null, not absent").isTrue();
        assertThat(average.get("target").isNull()).isTrue();

        var inScope = catalogue.procedures().stream()
                .filter(p -> p.level() == UnitLevel.DISTRICT || p.level() == UnitLevel.COMMUNE).toList();
        long offered = inScope.stream().filter(p -> p.onlineLevel() != null).count();
        JsonNode online = indicator(r, "3.1");
        assertDecimal(online.get("numerator"), String.valueOf(offered));
        assertDecimal(online.get("denominator"), String.valueOf(inScope.size()));

        JsonNode submissions = indicator(r, "3.3");
        assertDecimal(submissions.get("numerator"), "4");
        assertDecimal(submissions.get("denominator"), "15");
        assertDecimal(submissions.get("rate"), "26.67");
        assertThat(submissions.get("points").isNull()).as("scored within the online services").isTrue();
        assertIndicator(r, "3.6", "1", "3", "33.33", "100", "2.00", "6");
        assertIndicator(r, "4.1", "6", "6", "100.00", "100", "6.00", "6");
        if (attachments.shape().isPresent()) {
            assertThat(r.get("attachmentsAvailable").asBoolean()).isTrue();
            assertIndicator(r, "4.2", "2", "15", "13.33", "80", "0.67", "4");
        } else {
            assertThat(r.get("attachmentsAvailable").asBoolean()).isFalse();
            assertThat(indicator(r, "4.2").get("rate").isNull()).isTrue();
            assertThat(indicator(r, "4.2").get("note").asText()).contains("attachment");
        }
        assertIndicator(r, "5.4", "9", "15", "60.00", "90", "4.00", "6");
        assertThat(indicator(r, "2.1").get("name").asText()).isEqualTo("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn");
        assertThat(r.get("indicators").findValuesAsText("code"))
                .containsExactly("2.1", "2.2", "3.1", "3.3", "3.6", "4.1", "4.2", "5.4");

        JsonNode commune = target(r, "online.COMMUNE");
        assertThat(commune.get("numerator").asLong()).isEqualTo(4);
        assertThat(commune.get("denominator").asLong()).isEqualTo(15);
        assertDecimal(commune.get("rate"), "26.67");
        assertDecimal(commune.get("target"), "60");
        assertDecimal(commune.get("gap"), "-33.33");
        assertThat(target(r, "online.DISTRICT").get("rate").isNull()).as("N/A: no district-level dossier").isTrue();
        assertThat(target(r, "online.DISTRICT").get("gap").isNull()).isTrue();
        assertDecimal(target(r, "online.PROVINCE").get("target"), "90");
        assertDecimal(target(r, "fullyOnlineServices").get("target"), "80");

        JsonNode units = r.get("units");
        assertThat(units).hasSize(1);
        assertThat(units.get(0).get("key").asText()).isEqualTo(CraftedDossiers.COMMUNE);
        assertThat(units.get(0).get("late").asLong()).isEqualTo(4);
        assertDecimal(units.get(0).get("onTimeRate"), "73.33");
        JsonNode procedure = r.get("procedures").get(0);
        assertThat(procedure.get("key").asText()).isEqualTo(CraftedDossiers.PROCEDURE);
        assertThat(procedure.get("statutoryDays").asInt()).isEqualTo(1);
        assertDecimal(procedure.get("averageDays"), "1.02");
    }

    @Test
    void theSameDossiersFromTheCommuneSupervisorsOwnScope() throws Exception {
        JsonNode own = report(CraftedDossiers.SUPERVISOR, MARCH);
        assertThat(own.at("/unit/identifier").asText()).isEqualTo(CraftedDossiers.COMMUNE);
        assertThat(own.at("/population/dossiers").asLong()).isEqualTo(15);
        assertIndicator(own, "2.1", "11", "15", "73.33", "100", "14.67", "20");
        JsonNode admin = report("admin", MARCH + "&unit=" + CraftedDossiers.COMMUNE + "&procedure=1.001193&level=COMMUNE&sector=JUSTICE");
        assertIndicator(admin, "2.1", "11", "15", "73.33", "100", "14.67", "20");
        JsonNode otherSector = report("admin", MARCH + "&unit=" + CraftedDossiers.COMMUNE + "&sector=HEALTH");
        assertThat(otherSector.at("/population/dossiers").asLong()).isZero();
        assertThat(indicator(otherSector, "2.1").get("rate").isNull()).as("empty denominator: N/A").isTrue();
        assertThat(indicator(otherSector, "2.1").get("points").isNull()).isTrue();
        JsonNode districtLevel = report("admin", MARCH + "&unit=" + CraftedDossiers.DISTRICT + "&level=DISTRICT");
        assertThat(districtLevel.at("/population/dossiers").asLong()).isZero();
    }

    @Test
    void aPeriodEndsAtMidnightInHoChiMinhCity() throws Exception {
        // i ended 3 March 07:30 ICT (00:30 UTC): in the period 3 March, not in 2 March's
        JsonNode third = report("admin", "from=2025-03-03&to=2025-03-03&unit=" + CraftedDossiers.COMMUNE);
        assertThat(third.at("/asOf").asText()).isEqualTo("2025-03-03T17:00:00Z");
        JsonNode second = report("admin", "from=2025-03-02&to=2025-03-02&unit=" + CraftedDossiers.COMMUNE);
        // On 2 March (a Sunday): i (carried over, ending the next day) only
        assertThat(second.at("/population/dossiers").asLong()).isEqualTo(1);
        assertThat(second.at("/population/carriedOver").asLong()).isEqualTo(1);
        // On 3 March: i ended that morning, a was received and processed that day
        assertThat(third.at("/population/dossiers").asLong()).isEqualTo(2);
        assertThat(third.at("/population/received").asLong()).isEqualTo(1);
        assertThat(third.at("/population/ended").asLong()).isEqualTo(2);
    }

    @Test
    void supervisorsAndAdministratorsOnlyEachWithinTheirScope() {
        assertThat(get("clerk", MARCH).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("citizen", MARCH).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/reports/indicators?" + MARCH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(CraftedDossiers.SUPERVISOR, MARCH + "&unit=" + CraftedDossiers.DISTRICT).getStatusCode())
                .as("the unit above the supervisor's is outside").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(CraftedDossiers.SUPERVISOR, MARCH + "&unit=000.01.15.H33").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("supervisor", MARCH + "&unit=999.99.99.Z99").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("admin", MARCH).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("supervisor", MARCH).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String path : List.of("indicators.xlsx", "indicators.csv", "register.xlsx", "register.csv")) {
            assertThat(http.withBasicAuth("clerk", "demo").getForEntity("/api/reports/" + path + "?" + MARCH, byte[].class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(CraftedDossiers.SUPERVISOR, "demo").getForEntity("/api/reports/" + path + "?" + MARCH
                    + "&unit=" + CraftedDossiers.DISTRICT, byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void malformedParametersAnswer400NamingTheField() throws Exception {
        assertField(get("supervisor", "from=2025-02-30&to=2025-03-31"), "from");
        assertField(get("supervisor", "from=01/03/2025&to=2025-03-31"), "from");
        assertField(get("supervisor", "to=2025-03-31"), "from");
        assertField(get("supervisor", "from=2025-03-01&to=march"), "to");
        assertField(get("supervisor", "from=2025-03-31&to=2025-03-01"), "to");
        assertField(get("supervisor", MARCH + "&level=PLANET"), "level");
        assertField(get("supervisor", MARCH + "&sector=ASTRONOMY"), "sector");
        assertField(get("supervisor", MARCH + "&procedure=9.999999"), "procedure");
        assertThat(http.withBasicAuth("supervisor", "demo").getForEntity("/api/reports/register.csv?from=x&to=2025-03-01",
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    // --- helpers

    private ResponseEntity<String> get(String user, String query) {
        return http.withBasicAuth(user, "demo").getForEntity("/api/reports/indicators?" + query, String.class);
    }

    private JsonNode report(String user, String query) throws Exception {
        var response = get(user, query);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo(field);
    }

    static JsonNode indicator(JsonNode report, String code) {
        for (JsonNode i : report.get("indicators")) if (i.get("code").asText().equals(code)) return i;
        throw new AssertionError("no indicator " + code);
    }

    private static JsonNode target(JsonNode report, String code) {
        for (JsonNode t : report.get("provinceTargets")) if (t.get("code").asText().equals(code)) return t;
        throw new AssertionError("no target " + code);
    }

    static void assertIndicator(JsonNode report, String code, String numerator, String denominator, String rate,
                                String target, String points, String maxPoints) {
        JsonNode i = indicator(report, code);
        assertDecimal(i.get("numerator"), numerator);
        assertDecimal(i.get("denominator"), denominator);
        assertDecimal(i.get("rate"), rate);
        assertDecimal(i.get("target"), target);
        assertDecimal(i.get("points"), points);
        assertDecimal(i.get("maxPoints"), maxPoints);
        assertThat(i.get("unit").asText()).isEqualTo("%");
    }

    static void assertDecimal(JsonNode node, String expected) {
        assertThat(node).as("expected " + expected).isNotNull();
        assertThat(node.isNull()).as("expected " + expected + ", not null").isFalse();
        assertThat(node.decimalValue().compareTo(new BigDecimal(expected))).as(node + " = " + expected).isZero();
    }
}
