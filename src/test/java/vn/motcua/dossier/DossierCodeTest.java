package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;

/** Mã hồ sơ: &lt;unit&gt;-&lt;YYMMDD&gt;-&lt;NNNN&gt;, unique and sequential per unit and day, whatever the concurrency. */
@MotCuaTest
class DossierCodeTest {
    @Autowired DossierService dossiers;
    @Autowired TestUsers users;

    @Test
    void theCodeIsTheUnitTheReceiptDayAndAFourDigitSequence() {
        assertThat(DossierCode.of("000.00.15.H33", LocalDate.of(2026, 11, 27), 1)).isEqualTo("000.00.15.H33-261127-0001");
        assertThat(DossierCode.of("000.01.15.H33", LocalDate.of(2027, 1, 5), 42)).isEqualTo("000.01.15.H33-270105-0042");
        assertThat(DossierCode.isValid("000.01.15.H33-270105-0042")).isTrue();
        assertThat(DossierCode.isValid("000.01.15.H33-2701050-042")).isFalse();
        assertThatThrownBy(() -> DossierCode.of("000.01.15.H33", LocalDate.of(2027, 1, 5), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesOfUnitsWithAThreeDigitSegmentAreValidAndParseBack() {
        // QCVN 102:2016 identifiers may have a three-digit Y segment (000.00.101.H05); Circular 03/2025/TT-VPCP.
        String code = DossierCode.of("000.00.101.H05", LocalDate.of(2027, 11, 24), 7);
        assertThat(code).isEqualTo("000.00.101.H05-271124-0007");
        assertThat(DossierCode.isValid(code)).isTrue();
        assertThat(DossierCode.parse(code)).contains(
                new DossierCode.Parts("000.00.101.H05", LocalDate.of(2027, 11, 24), 7));
        assertThat(DossierCode.parse("000.01.15.H33-270105-10000")).contains(
                new DossierCode.Parts("000.01.15.H33", LocalDate.of(2027, 1, 5), 10000));
        assertThat(DossierCode.isValid("000.00.1011.H05-271124-0007")).as("four digits").isFalse();
        assertThat(DossierCode.isValid("000.00.1.H05-271124-0007")).as("one digit").isFalse();
        assertThat(DossierCode.isValid("000.00.101.H05-270231-0001")).as("31 February").isFalse();
        assertThat(DossierCode.isValid("000.00.101.H05-271124-0000")).as("sequence 0").isFalse();
        assertThat(DossierCode.isValid(null)).isFalse();
    }

    @Test
    void twoHundredParallelReceiptsGetTwoHundredDistinctConsecutiveCodes() throws Exception {
        ConcurrentReceipts.assertDistinctConsecutiveCodes(dossiers, users, 200);
    }
}
