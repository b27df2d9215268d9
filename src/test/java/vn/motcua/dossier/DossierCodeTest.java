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
    void twoHundredParallelReceiptsGetTwoHundredDistinctConsecutiveCodes() throws Exception {
        ConcurrentReceipts.assertDistinctConsecutiveCodes(dossiers, users, 200);
    }
}
