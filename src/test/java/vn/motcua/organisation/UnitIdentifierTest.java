package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Electronic identifiers of units (QCVN 102:2016, format V1V2V3.Z1Z2.Y1Y2.MX1X2): the Y segment has two or three
 * digits in real identifiers ({@code 000.00.101.H05}); anything else is refused.
 */
class UnitIdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"000.00.15.H33", "000.01.15.H33", "000.00.00.H33", "000.00.101.H05",
            "123.00.999.H05"})
    void twoAndThreeDigitYSegmentsAreAccepted(String identifier) {
        assertThat(Unit.isValidIdentifier(identifier)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.1.H33", "000.00.1011.H05", "000.0.15.H33", "000.000.15.H33", "00.00.15.H33",
            "000.00.15.h33", "000.00.15.H3", "000.00.15", "000.00.101.H05-260101-0001", " 000.00.15.H33", ""})
    void otherShapesAreRefused(String identifier) {
        assertThat(Unit.isValidIdentifier(identifier)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aLocalGovernmentIsNamedByThePlaceItGovernsWhereSomeoneLivesThere() {
        var commune = new Unit(1, "000.02.17.H33", "UBND xã Bình An", "Binh An Commune People's Committee", UnitLevel.COMMUNE,
                null, "/1/", true, UnitKind.COMMUNE, null);
        org.assertj.core.api.Assertions.assertThat(commune.placeName(java.util.Locale.forLanguageTag("vi"))).isEqualTo("Xã Bình An");
        org.assertj.core.api.Assertions.assertThat(commune.placeName(java.util.Locale.ENGLISH)).isEqualTo("Binh An Commune");
        var department = new Unit(2, "000.00.10.H33", "Sở Tư pháp", null, UnitLevel.PROVINCE, null, "/2/", true,
                UnitKind.DEPARTMENT, null);
        org.assertj.core.api.Assertions.assertThat(department.placeName(null)).isEqualTo("Sở Tư pháp");
        org.assertj.core.api.Assertions.assertThat(new Unit(3, "000.00.11.H33", "X", null, UnitLevel.PROVINCE, 1L, "/1/3/",
                true, UnitKind.DEPARTMENT, null).rootId()).isEqualTo(1);
    }
}
