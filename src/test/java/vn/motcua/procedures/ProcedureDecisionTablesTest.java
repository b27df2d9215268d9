package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fee tables and routing decisions of the procedures, evaluated by the decision engine alone (no application). */
class ProcedureDecisionTablesTest {
    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecisionResult evaluate(String folder, String decisionId, Map<String, Object> variables) {
        try (InputStream in = ProcedureDecisionTablesTest.class.getResourceAsStream("/processes/" + folder + "/" + decisionId + ".dmn")) {
            assertThat(in).as(decisionId + ".dmn on the classpath").isNotNull();
            DmnDecision decision = ENGINE.parseDecision(decisionId, in);
            return ENGINE.evaluateDecision(decision, variables);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} trang x {1} bản = {2} đồng")
    @CsvSource({"1, 1, 2000", "2, 1, 4000", "2, 3, 12000", "3, 1, 5000", "10, 2, 24000", "198, 1, 200000", "199, 1, 200000", "500, 2, 400000"})
    void certifiedCopyFeeIs2000PerPageForTwoPagesThen1000PerPageCappedAt200000PerCopy(int pages, int copies, long fee) {
        var result = evaluate("certified-copy", "certified-copy-fee", Map.of("pageCount", pages, "copyCount", copies));
        assertThat(((Number) result.getSingleEntry()).longValue()).isEqualTo(fee);
    }

    @ParameterizedTest(name = "{0} → {1}, {2}")
    @CsvSource({"birth-residence-health-insurance, 000.01.15.H33, 000.01.33.G12, 000.01.33.G22",
            "birth-residence-health-insurance, 000.02.17.H33, 000.02.33.G12, 000.01.33.G22",
            "birth-residence-health-insurance, 000.03.26.H33, 000.00.33.G12, 000.00.33.G22",
            "death-residence-funeral-allowance, 000.01.15.H33, 000.01.33.G12, 000.01.33.G22",
            "death-residence-funeral-allowance, 000.03.26.H33, 000.00.33.G12, 000.00.33.G22"})
    void aJoinedUpDossierGoesToThePoliceAndSocialInsuranceOfItsCommuneOrElseOfTheProvince(String folder, String unit,
                                                                                           String police, String insurance) {
        assertThat((String) evaluate(folder, folder + "-police", Map.of("unit", unit)).getSingleEntry()).isEqualTo(police);
        assertThat((String) evaluate(folder, folder + "-insurance", Map.of("unit", unit)).getSingleEntry()).isEqualTo(insurance);
    }

    @Test
    void parcelsInRachGiaAndKienHaiAreHandedToTheRegionalTaxOfficeAndUnknownAreasToNone() {
        assertThat((String) evaluate("land-transfer-registration", "land-transfer-registration-tax-office", Map.of("landArea", "RACH_GIA")).getSingleEntry())
                .isEqualTo("000.00.30.H33");
        assertThat((String) evaluate("land-transfer-registration", "land-transfer-registration-tax-office", Map.of("landArea", "KIEN_HAI")).getSingleEntry())
                .isEqualTo("000.00.30.H33");
        assertThat(evaluate("land-transfer-registration", "land-transfer-registration-tax-office", Map.of("landArea", "PHU_QUOC"))).isEmpty();
    }

    @Test
    void constructionPermitConsultsOneDepartmentPerCorridorTheBuildingLiesIn() {
        assertThat(evaluate("construction-permit", "construction-permit-consultation", Map.of("nearRoadSafetyCorridor", false,
                "nearPowerLineCorridor", false, "inIrrigationProtectionZone", false)).collectEntries("consultedUnit")).isEmpty();
        assertThat(evaluate("construction-permit", "construction-permit-consultation", Map.of("nearRoadSafetyCorridor", true,
                "nearPowerLineCorridor", true, "inIrrigationProtectionZone", true)).collectEntries("consultedUnit"))
                .containsExactly("000.00.10.H33", "000.00.07.H33", "000.00.02.H33");
        assertThat(evaluate("construction-permit", "construction-permit-consultation", Map.of("nearRoadSafetyCorridor", false,
                "nearPowerLineCorridor", false, "inIrrigationProtectionZone", true)).collectEntries("consultedUnit"))
                .containsExactly("000.00.02.H33");
    }

    @ParameterizedTest
    @CsvSource({"QUOC_TE, 650000", "NOI_DIA, 650000"})
    void tourGuideCardAppraisalFeeIs650000DongPerCard(String cardType, long fee) {
        var result = evaluate("tour-guide-card-renewal", "tour-guide-card-renewal-fee", Map.of("cardType", cardType));
        assertThat(((Number) result.getSingleEntry()).longValue()).isEqualTo(fee);
    }

    @ParameterizedTest
    @CsvSource({"false, 1000000", "true, 500000"})
    void pharmacyAppraisalFeeIsHalvedInEspeciallyDisadvantagedAreas(boolean difficultArea, long fee) {
        var result = evaluate("pharmacy-gpp-assessment", "pharmacy-gpp-assessment-fee", Map.of("difficultArea", difficultArea));
        assertThat(((Number) result.getSingleEntry()).longValue()).isEqualTo(fee);
    }
}
