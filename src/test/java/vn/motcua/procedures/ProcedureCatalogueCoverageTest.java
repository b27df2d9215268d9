package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.motcua.MotCuaTest;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.Sector;
import vn.motcua.organisation.UnitLevel;

/** The catalogue as a whole: one national code per procedure, and the sectors and levels the province plan needs. */
@MotCuaTest
class ProcedureCatalogueCoverageTest {
    @Autowired ProcedureCatalogue catalogue;

    /** Read from the folders themselves: the catalogue keys procedures by code and would hide a duplicate. */
    private static List<String> codesOfEveryFolder() throws IOException {
        var json = new ObjectMapper();
        List<String> codes = new ArrayList<>();
        for (Resource descriptor : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*/procedure.json")) {
            try (InputStream in = descriptor.getInputStream()) {
                codes.add(json.readTree(in).path("code").asText());
            }
        }
        return codes;
    }

    @Test
    void everyProcedureFolderHasItsOwnNationalCodeInTheFormOfTheNationalDatabase() throws IOException {
        List<String> codes = codesOfEveryFolder();
        assertThat(codes).hasSizeGreaterThanOrEqualTo(12).doesNotHaveDuplicates().allMatch(c -> c.matches("[1-3]\\.\\d{6}"));
        assertThat(catalogue.procedures()).extracting(Procedure::code).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void theCatalogueCoversThePlansPrioritySectorsTheProvinceStillRunsAndJusticeLandAndConstruction() {
        // Transport (driving licences: the police) and finance (the registration fee: the tax office) left the
        // province's one-stop desks; see the README's "The procedures"
        var required = EnumSet.of(Sector.HEALTH, Sector.EDUCATION, Sector.AGRICULTURE, Sector.TOURISM,
                Sector.ENERGY, Sector.INDUSTRY, Sector.JUSTICE, Sector.LAND, Sector.CONSTRUCTION);
        assertThat(catalogue.procedures()).extracting(Procedure::sector).containsAll(required);
    }

    @Test
    void theCatalogueHasProceduresAtProvinceAndCommuneLevelAndNoneAtTheFormerDistricts() {
        assertThat(catalogue.procedures()).extracting(Procedure::level).containsOnly(UnitLevel.PROVINCE, UnitLevel.COMMUNE)
                .contains(UnitLevel.PROVINCE, UnitLevel.COMMUNE);
    }

    @Test
    void everyTimeAndFeeCitesItsSourceAndAFeeTheProvinceSetsIsASetting() {
        assertThat(catalogue.procedures()).allSatisfy(p -> {
            assertThat(p.timeSource()).as(p.code()).isNotBlank();
            assertThat(p.feeCitation()).as(p.code()).isNotBlank();
        });
        assertThat(catalogue.procedures()).filteredOn(p -> p.feeSource() == Procedure.FeeSource.PROVINCE_RESOLUTION)
                .extracting(Procedure::feeSetting)
                .containsExactlyInAnyOrder("motcua.fees.construction-permit", "motcua.fees.land-transfer-registration");
    }

    @Test
    void detachedHouseConstructionPermitsAndDiplomaCopiesAreCommuneProcedures() {
        assertThat(catalogue.procedure("1.013225")).get().extracting(Procedure::level).isEqualTo(UnitLevel.COMMUNE);
        assertThat(catalogue.procedure("3.000465")).get().extracting(Procedure::level).isEqualTo(UnitLevel.COMMUNE);
        assertThat(catalogue.procedure("3.000347")).as("driving licence exchange: the police").isEmpty();
        assertThat(catalogue.procedure("1.007277")).as("registration fee declaration: the tax office").isEmpty();
    }

    @Test
    void everyProcedureStatesAPositiveProcessingTimeAndANonNegativeFee() {
        assertThat(catalogue.procedures()).allSatisfy(p -> {
            assertThat(p.processingTime().amount()).as(p.code()).isPositive();
            assertThat(p.fee().signum()).as(p.code()).isGreaterThanOrEqualTo(0);
            assertThat(p.components()).as(p.code()).isNotEmpty();
        });
    }
}
