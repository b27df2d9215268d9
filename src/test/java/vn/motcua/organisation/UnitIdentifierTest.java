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
}
