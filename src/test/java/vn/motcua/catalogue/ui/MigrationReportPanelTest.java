package vn.motcua.catalogue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import vn.motcua.catalogue.MigrationReport;
import vn.motcua.catalogue.MigrationReport.Failure;
import vn.motcua.catalogue.MigrationReport.Instance;
import vn.motcua.catalogue.MigrationReport.Reason;

/** The migration report in words, in Vietnamese and English. */
class MigrationReportPanelTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void whatMovedAndWhatStayedWithTheReasonsPerStep() {
        var report = new MigrationReport("birth-registration", 1, 2, List.of(),
                List.of(new Instance("pi-1", "000.01.15.H33-261127-0001")),
                List.of(new Failure(new Instance("pi-2", null), List.of(new Reason("Task_Second", "There is no migration instruction for this instance's activity")))));

        var vi = new ProcessVersionsView.ReportPanel(report, VI);
        assertThat(_find(vi, H4.class)).extracting(H4::getText).containsExactly("Đã chuyển: 1", "Không chuyển được: 1");
        assertThat(vi.getElement().getTextRecursively()).contains("000.01.15.H33-261127-0001").contains("pi-2")
                .contains("Bước Task_Second: There is no migration instruction for this instance's activity");

        var en = new ProcessVersionsView.ReportPanel(report, Locale.ENGLISH);
        assertThat(_find(en, H4.class)).extracting(H4::getText).containsExactly("Moved: 1", "Not moved: 1");
        assertThat(en.getElement().getTextRecursively()).contains("Step Task_Second: ");
    }

    @Test
    void aPlanTheEngineRefusesMovesNothingAndSaysWhy() {
        var report = new MigrationReport("birth-registration", 3, 1, List.of(new Reason("Task_Review", "Cannot migrate")), List.of(), List.of());

        var panel = new ProcessVersionsView.ReportPanel(report, VI);

        assertThat(_find(panel, Paragraph.class)).extracting(Paragraph::getText)
                .containsExactly("Máy quy trình không ánh xạ được phiên bản 3 sang phiên bản 1; chưa chuyển hồ sơ nào:");
        assertThat(panel.getElement().getTextRecursively()).contains("Bước Task_Review: Cannot migrate");
        assertThat(new ProcessVersionsView.ReportPanel(new MigrationReport("k", 1, 2, List.of(), List.of(), List.of()), Locale.ENGLISH)
                .getElement().getTextRecursively()).isEqualTo("No dossier was in progress on that version.");
    }
}
