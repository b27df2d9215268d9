package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.organisation.UnitLevel;

/**
 * A fee the provincial People's Council sets by its own resolution ({@code "feeSource": "province-resolution"}) is the
 * setting {@code motcua.fees.<folder>}; a fee a national text sets is the descriptor's, whatever the settings say.
 */
class ProvinceFeesTest {

    private static Procedure procedure(String folder, Procedure.FeeSource source, long fee) {
        return new Procedure("1.000001", new Localized("Thủ tục", "Procedure"), Sector.CONSTRUCTION, UnitLevel.COMMUNE,
                OnlineLevel.PARTIAL, new ProcessingTime(7, ProcessingTime.Unit.WORKING_DAYS), null, BigDecimal.valueOf(fee),
                null, List.of(), new Localized("Kết quả", "Result"), Procedure.ResultType.PAPER, folder, folder + "-intake",
                folder, "Nghị định 175/2024/NĐ-CP, Điều 57", "Thông tư 85/2019/TT-BTC, Điều 5", source);
    }

    @Test
    void aFeeTheProvinceSetsIsTheSettingOfItsFolder() {
        var fees = ProcedureCatalogue.provinceFees(new MockEnvironment().withProperty("motcua.fees.construction-permit", "100000"));

        var permit = fees.apply(procedure("construction-permit", Procedure.FeeSource.PROVINCE_RESOLUTION, 75_000));

        assertThat(permit.fee()).isEqualByComparingTo("100000");
        assertThat(permit.feeSetting()).isEqualTo("motcua.fees.construction-permit");
        assertThat(permit.feeSource()).isEqualTo(Procedure.FeeSource.PROVINCE_RESOLUTION);
    }

    @Test
    void withoutTheSettingTheDescriptorsAmountStands() {
        var fees = ProcedureCatalogue.provinceFees(new MockEnvironment());

        assertThat(fees.apply(procedure("construction-permit", Procedure.FeeSource.PROVINCE_RESOLUTION, 75_000)).fee())
                .isEqualByComparingTo("75000");
    }

    @Test
    void aNationalFeeIgnoresTheSetting() {
        var fees = ProcedureCatalogue.provinceFees(new MockEnvironment().withProperty("motcua.fees.certified-copy", "5000"));

        assertThat(fees.apply(procedure("certified-copy", Procedure.FeeSource.NATIONAL, 2_000)).fee()).isEqualByComparingTo("2000");
    }

    @Test
    void aSettingThatIsNotAnAmountStopsTheStart() {
        var permit = procedure("construction-permit", Procedure.FeeSource.PROVINCE_RESOLUTION, 75_000);

        assertThatThrownBy(() -> ProcedureCatalogue.provinceFees(new MockEnvironment()
                .withProperty("motcua.fees.construction-permit", "75.000đ")).apply(permit))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("motcua.fees.construction-permit");
        assertThatThrownBy(() -> ProcedureCatalogue.provinceFees(new MockEnvironment()
                .withProperty("motcua.fees.construction-permit", "-1")).apply(permit))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("negative");
    }

    @Test
    void theDescriptorNamesTheSourceByItsOwnWords() {
        assertThat(Procedure.FeeSource.ofDescriptor(null)).isEqualTo(Procedure.FeeSource.NATIONAL);
        assertThat(Procedure.FeeSource.ofDescriptor("province-resolution")).isEqualTo(Procedure.FeeSource.PROVINCE_RESOLUTION);
        assertThat(Procedure.FeeSource.ofDescriptor("council")).isNull();
    }
}
