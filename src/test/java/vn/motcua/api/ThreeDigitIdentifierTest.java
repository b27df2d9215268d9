package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaTest;
import vn.motcua.dossier.DossierCode;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.security.SystemAccess;

/**
 * QCVN 102:2016 identifiers whose Y segment has three digits ({@code 000.00.101.H33}) work wherever the application
 * validates or parses one: creating the unit, the dossier code a clerk of it gives (Circular 03/2025/TT-VPCP: the
 * unit's identifier, the receipt day YYMMDD, a sequence), finding the dossier by its code, the calendar's unit.
 */
@MotCuaTest
class ThreeDigitIdentifierTest {
    static final String UNIT = "000.00.101.H33";
    static final String CLERK = "clerk-101";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired OrganisationService organisation;

    @Test
    void aUnitWithAThreeDigitSegmentReceivesDossiersWhoseCodesAreValidAndFound() throws Exception {
        ensureUnitAndClerk();
        TestRestTemplate clerk = http.withBasicAuth(CLERK, "demo");

        JsonNode dossier = read(clerk.postForEntity("/api/dossiers", entity(DossierApiTest.validRequest()),
                String.class), HttpStatus.CREATED);
        String code = dossier.get("code").asText();
        assertThat(code).matches("000\\.00\\.101\\.H33-\\d{6}-\\d{4}");
        assertThat(DossierCode.isValid(code)).isTrue();
        assertThat(DossierCode.parse(code)).get().satisfies(p -> {
            assertThat(p.unitIdentifier()).isEqualTo(UNIT);
            assertThat(p.receiptDay()).isBeforeOrEqualTo(LocalDate.now().plusDays(1));
        });

        assertThat(read(clerk.getForEntity("/api/dossiers/" + code, String.class), HttpStatus.OK)
                .get("code").asText()).isEqualTo(code);
        JsonNode found = read(clerk.getForEntity("/api/dossiers?q=" + code, String.class), HttpStatus.OK).get("items");
        assertThat(found).extracting(n -> n.get("code").asText()).containsExactly(code);
        assertThat(http.getForEntity("/api/calendar/due?start=2027-11-23T02:00:00Z&workingDays=1&unit=" + UNIT,
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void ensureUnitAndClerk() {
        if (organisation.unitByIdentifier(UNIT).isPresent()) {
            return;
        }
        SystemAccess.run(() -> {
            Unit province = organisation.unitByIdentifier("000.00.00.H33").orElseThrow();
            Unit unit = organisation.createUnit(UNIT, "UBND xã Thử Nghiệm Ba Số", "Three-digit Test Commune",
                    UnitLevel.COMMUNE, province);
            organisation.createUser(CLERK, "demo", "Công Chức Ba Số", null, unit, EnumSet.of(Role.CLERK));
        });
    }

    private JsonNode read(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static HttpEntity<Object> entity(Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
