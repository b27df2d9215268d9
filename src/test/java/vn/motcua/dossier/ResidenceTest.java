package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitKind;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;

/**
 * Desks receive regardless of residence (Decree 118/2025/ND-CP, issue 12 point 6): a commune's desk receives a dossier
 * for an applicant of any commune, ward or special zone of the province; the dossier belongs to the receiving unit, the
 * applicant's commune of residence is recorded with it (a commune merged since: its successor), refused with a
 * Vietnamese message naming {@code applicant.residence} when it is not a commune of the province (nothing stored), and
 * the indicators count the period's receipts by where their applicants live.
 */
@MotCuaTest
class ResidenceTest {
    /** Three communes of the province no other test uses: the clerk's, a neighbour, and one merged into the neighbour. */
    static final String HOME = "000.61.96.H33";
    static final String NEIGHBOUR = "000.62.96.H33";
    static final String MERGED = "000.63.96.H33";
    static final String CLERK = "clerk-96";

    private static final java.time.ZoneId VIET_NAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired OrganisationService organisation;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @BeforeEach
    void organisation() {
        if (organisation.unitByIdentifier(HOME).isPresent()) return;
        SystemAccess.run(() -> {
            Unit province = organisation.unitByIdentifier("000.00.00.H33").orElseThrow();
            Unit home = organisation.createUnit(HOME, "Xã Thử Nghiệm Nơi Ở", "Residence Test Commune", UnitLevel.COMMUNE,
                    UnitKind.COMMUNE, province);
            organisation.createUnit(NEIGHBOUR, "Phường Láng Giềng", "Neighbour Ward", UnitLevel.COMMUNE, UnitKind.WARD, province);
            organisation.createUnit(MERGED, "Xã Đã Nhập", "Merged Commune", UnitLevel.COMMUNE, UnitKind.COMMUNE, province);
            organisation.createUser(CLERK, "demo", "Lê Văn Một Cửa", null, home, EnumSet.of(Role.CLERK));
        });
        var merge = http.withBasicAuth("admin", "demo").postForEntity("/api/admin/units/" + MERGED + "/merge",
                entity(Map.of("successor", NEIGHBOUR, "effectiveDate", LocalDate.now(clock).toString())), String.class);
        assertThat(merge.getStatusCode()).as(merge.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCommuneDeskReceivesForAnApplicantOfAnotherCommuneAndTheDossierShowsWhereTheyLive() throws Exception {
        JsonNode dossier = body(clerk().postForEntity("/api/dossiers", entity(request(NEIGHBOUR)), String.class), HttpStatus.CREATED);

        assertThat(dossier.get("unit").asText()).as("the receiving unit owns the dossier").isEqualTo(HOME);
        assertThat(dossier.get("applicant").get("residence").asText()).isEqualTo(NEIGHBOUR);
        JsonNode read = body(clerk().getForEntity("/api/dossiers/" + dossier.get("code").asText(), String.class), HttpStatus.OK);
        assertThat(read.get("applicant").get("residence").asText()).isEqualTo(NEIGHBOUR);
    }

    @Test
    void aCommuneMergedSinceIsRecordedAsTheCommuneThatCarriesItOn() throws Exception {
        JsonNode dossier = body(clerk().postForEntity("/api/dossiers", entity(request(MERGED)), String.class), HttpStatus.CREATED);

        assertThat(dossier.get("applicant").get("residence").asText()).isEqualTo(NEIGHBOUR);
    }

    @Test
    void whenTheApplicantsCommuneMergesTheOpenDossierFollowsAndStaysReceivedAtHome() throws Exception {
        String later = "000.64.96.H33";
        SystemAccess.run(() -> organisation.createUnit(later, "Xã Sẽ Nhập", "Later Merged Commune", UnitLevel.COMMUNE,
                UnitKind.COMMUNE, organisation.unitByIdentifier("000.00.00.H33").orElseThrow()));
        String code = body(clerk().postForEntity("/api/dossiers", entity(request(later)), String.class), HttpStatus.CREATED)
                .get("code").asText();
        var merge = http.withBasicAuth("admin", "demo").postForEntity("/api/admin/units/" + later + "/merge",
                entity(Map.of("successor", HOME, "effectiveDate", LocalDate.now(clock).toString())), String.class);
        assertThat(merge.getStatusCode()).as(merge.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(body(clerk().getForEntity("/api/dossiers/" + code, String.class), HttpStatus.OK)
                .get("applicant").get("residence").asText()).isEqualTo(HOME);
    }

    @Test
    void noResidenceIsRecordedWhenNoneIsGiven() throws Exception {
        JsonNode dossier = body(clerk().postForEntity("/api/dossiers", entity(request(null)), String.class), HttpStatus.CREATED);

        assertThat(dossier.get("applicant").hasNonNull("residence")).isFalse();
    }

    @Test
    void aResidenceThatIsNotACommuneOfTheProvinceIsRefusedAndNothingIsStored() throws Exception {
        long before = dossiersOfHome();
        for (String[] wrong : List.of(
                new String[] {"999.99.99.H99", "Không có xã, phường, đặc khu nào có mã định danh 999.99.99.H99."},
                new String[] {"000.00.00.H33", "UBND tỉnh An Giang không phải là xã, phường hoặc đặc khu."})) {
            JsonNode error = body(clerk().postForEntity("/api/dossiers", entity(request(wrong[0])), String.class),
                    HttpStatus.BAD_REQUEST);
            assertThat(error.get("errors")).as(wrong[0]).anySatisfy(v -> {
                assertThat(v.get("field").asText()).isEqualTo("applicant.residence");
                assertThat(v.get("message").asText()).isEqualTo(wrong[1]);
            });
        }
        assertThat(dossiersOfHome()).isEqualTo(before);
    }

    @Test
    void theIndicatorsCountThePeriodsReceiptsByWhereTheirApplicantsLive() throws Exception {
        body(clerk().postForEntity("/api/dossiers", entity(request(NEIGHBOUR)), String.class), HttpStatus.CREATED);
        body(clerk().postForEntity("/api/dossiers", entity(request(HOME)), String.class), HttpStatus.CREATED);
        body(clerk().postForEntity("/api/dossiers", entity(request(null)), String.class), HttpStatus.CREATED);
        // what this class received today, counted straight from the table
        long received = dossiersOfHome();
        long recorded = count("residence_unit_id is not null");
        long away = count("residence_unit_id is not null and residence_unit_id <> unit_id");
        long atHome = count("residence_unit_id = unit_id");
        assertThat(away).isPositive();
        assertThat(atHome).isPositive();
        assertThat(received).isGreaterThan(recorded);

        LocalDate today = LocalDate.now(clock.withZone(VIET_NAM));
        JsonNode report = body(http.withBasicAuth("admin", "demo").getForEntity("/api/reports/indicators?from=" + today
                + "&to=" + today + "&unit=" + HOME, String.class), HttpStatus.OK);
        JsonNode residence = report.get("residence");
        assertThat(residence.get("received").asLong()).isEqualTo(received);
        assertThat(residence.get("recorded").asLong()).isEqualTo(recorded);
        assertThat(residence.get("awayFromHome").asLong()).isEqualTo(away);
        Map<String, JsonNode> rows = new HashMap<>();
        residence.get("communes").forEach(r -> rows.put(r.get("key").asText(), r));
        assertThat(rows.keySet()).containsExactlyInAnyOrder(HOME, NEIGHBOUR);
        assertThat(rows.get(NEIGHBOUR).get("atOtherCommune").asLong()).isEqualTo(away);
        assertThat(rows.get(NEIGHBOUR).get("atHome").asLong()).isZero();
        assertThat(rows.get(HOME).get("atHome").asLong()).isEqualTo(atHome);
        assertThat(rows.get(HOME).get("name").asText()).isEqualTo("Xã Thử Nghiệm Nơi Ở");
    }

    @Test
    void aCommuneOfAnotherProvinceOrOneDissolvedWithoutSuccessorIsRefusedAndACentralAgencyReceivesForAnyCommune() {
        Unit province = unit(1, "/1/", UnitKind.PEOPLES_COMMITTEE, UnitLevel.PROVINCE);
        Unit desk = unit(2, "/1/2/", UnitKind.WARD, UnitLevel.COMMUNE);
        Unit neighbour = unit(3, "/1/3/", UnitKind.COMMUNE, UnitLevel.COMMUNE);
        Unit elsewhere = unit(5, "/4/5/", UnitKind.COMMUNE, UnitLevel.COMMUNE);
        Unit tax = unit(7, "/6/7/", UnitKind.TAX, UnitLevel.PROVINCE);

        assertThat(DossierService.residenceRefused(neighbour, neighbour, desk)).isNull();
        assertThat(DossierService.residenceRefused(elsewhere, elsewhere, desk)).isEqualTo("dossier.residence.otherProvince");
        assertThat(DossierService.residenceRefused(neighbour, null, desk)).isEqualTo("dossier.residence.closed");
        assertThat(DossierService.residenceRefused(neighbour, province, desk)).isEqualTo("dossier.residence.closed");
        assertThat(DossierService.residenceRefused(province, province, desk)).isEqualTo("dossier.residence.notCommune");
        assertThat(DossierService.residenceRefused(elsewhere, elsewhere, tax)).isNull();
    }

    private static Unit unit(long id, String path, UnitKind kind, UnitLevel level) {
        return new Unit(id, "000.00." + (10 + id) + ".H33", "Đơn vị " + id, null, level, null, path, true, kind, null);
    }

    private long dossiersOfHome() {
        return count("1 = 1");
    }

    private long count(String condition) {
        // today's (Viet Nam's day): the period the report is asked for
        var since = LocalDate.now(clock.withZone(VIET_NAM)).atStartOfDay(VIET_NAM).toOffsetDateTime();
        return jdbc.queryForObject("select count(*) from dossier where unit_id = (select id from org_unit where identifier = ?)"
                + " and received_at >= ? and " + condition, Long.class, HOME, since);
    }

    private TestRestTemplate clerk() { return http.withBasicAuth(CLERK, "demo"); }

    @SuppressWarnings("unchecked")
    static Map<String, Object> request(String residence) {
        var request = BirthRegistrationSample.receiptJson();
        if (residence != null) ((Map<String, Object>) request.get("applicant")).put("residence", residence);
        return request;
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static HttpEntity<Object> entity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(Locale.forLanguageTag("vi")));
        return new HttpEntity<>(body, headers);
    }
}
