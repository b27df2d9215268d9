package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.Localized;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.Sector;
import vn.motcua.monitoring.internal.Figures;
import vn.motcua.monitoring.internal.IndicatorQueries;
import vn.motcua.organisation.UnitLevel;

/**
 * DVC.1 (Decision 766, the national dashboard's formula sheet): an online dossier of a procedure offered fully online
 * counts as processed fully online, except that where the procedure's result is a document issued on paper only it
 * counts only when its result was issued electronically (by MotCua, signed with the unit's key); a procedure offered
 * partly online counts none.
 */
class FullyOnlineRuleTest {
    /** A group of 10 dossiers, 6 of them online, 2 of those with a result MotCua issued electronically. */
    private static final IndicatorQueries.Group GROUP = new IndicatorQueries.Group(1, "1.000001",
            new Figures(10, 10, 8, 7, 7, 3600, 6, 0, 0, 5, 0, 0, 0, 0, 0, 0), new IndicatorQueries.Returned(0, 3, 0, 2));

    @Test
    void anOnlineDossierOfAPaperResultCountsOnlyWithItsResultIssuedElectronically() {
        assertThat(IndicatorService.processedFullyOnline(procedure(OnlineLevel.FULL, Procedure.ResultType.PAPER), GROUP)).isEqualTo(2);
    }

    @Test
    void everyOnlineDossierCountsWhereTheResultIsIssuedElectronicallyAnyway() {
        assertThat(IndicatorService.processedFullyOnline(procedure(OnlineLevel.FULL, Procedure.ResultType.PAPER_AND_ELECTRONIC), GROUP)).isEqualTo(6);
        assertThat(IndicatorService.processedFullyOnline(procedure(OnlineLevel.FULL, Procedure.ResultType.ELECTRONIC), GROUP)).isEqualTo(6);
    }

    @Test
    void aProcedureOfferedPartlyOnlineCountsNone() {
        assertThat(IndicatorService.processedFullyOnline(procedure(OnlineLevel.PARTIAL, Procedure.ResultType.ELECTRONIC), GROUP)).isZero();
    }

    private static Procedure procedure(OnlineLevel online, Procedure.ResultType result) {
        return new Procedure("1.000001", new Localized("Thủ tục", "Procedure"), Sector.JUSTICE, UnitLevel.COMMUNE, online,
                new ProcessingTime(3, ProcessingTime.Unit.WORKING_DAYS), null, BigDecimal.ZERO, null, List.of(),
                new Localized("Giấy chứng nhận", "Certificate"), result, "p", "p-intake", "p", "Luật", "Thông tư", null);
    }
}
