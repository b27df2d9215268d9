package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.monitoring.internal.ScoringTable;

/**
 * The scoring table is data: the default's rows add up to 100 points in the decision's groups, a file named by
 * {@code motcua.indicators.scoring-file} replaces it and is read again when edited, and a table that is not valid is
 * refused naming the row and the column.
 */
class ScoringTableTest {
    private static final String HEADER = "code,group,measure,max_points,target,name_vi,name_en,formula_vi,formula_en,source,reason_vi,reason_en\n";

    @Test
    void theDefaultTableGivesTheGroupsOfTheFormulaSheetAndTotals100() {
        List<ScoringTable.Rule> rules = new ScoringTable(new IndicatorSettings()).rules();
        assertThat(total(rules, null)).isEqualByComparingTo("100");
        assertThat(total(rules, "DISCLOSURE")).isEqualByComparingTo("18");
        assertThat(total(rules, "PROGRESS")).isEqualByComparingTo("20");
        assertThat(total(rules, "ONLINE_SERVICES")).isEqualByComparingTo("12");
        assertThat(total(rules, "ONLINE_PAYMENT")).isEqualByComparingTo("10");
        assertThat(total(rules, "SATISFACTION")).isEqualByComparingTo("18");
        assertThat(total(rules, "DIGITISATION")).isEqualByComparingTo("22");
        assertThat(points(rules, ScoringMeasure.ONLINE_SERVICES)).isEqualByComparingTo("12");
        assertThat(points(rules, ScoringMeasure.ONLINE_PAYMENT)).isEqualByComparingTo("6");
        assertThat(points(rules, ScoringMeasure.ELECTRONIC_RESULTS)).isEqualByComparingTo("6");
        assertThat(points(rules, ScoringMeasure.DIGITISATION)).isEqualByComparingTo("4");
        assertThat(points(rules, ScoringMeasure.ON_TIME)).isEqualByComparingTo("20");
        assertThat(points(rules, ScoringMeasure.SATISFACTION)).isEqualByComparingTo("6");
        // the formula sheet's rows: disclosure 6 + 4 + 2 + 6, payment 6 + 2 + 2, satisfaction 6 + 6 + 6,
        // digitisation 6 + 4 + 2 + 2 + 4 + 2 + 2
        assertThat(rules).filteredOn(r -> r.group().equals("DISCLOSURE")).extracting(r -> r.maxPoints().intValue())
                .containsExactly(6, 4, 2, 6);
        assertThat(rules).filteredOn(r -> r.group().equals("ONLINE_PAYMENT")).extracting(r -> r.maxPoints().intValue())
                .containsExactly(6, 2, 2);
        assertThat(rules).filteredOn(r -> r.group().equals("SATISFACTION")).extracting(r -> r.maxPoints().intValue())
                .containsExactly(6, 6, 6);
        assertThat(rules).filteredOn(r -> r.group().equals("DIGITISATION")).extracting(r -> r.maxPoints().intValue())
                .containsExactly(6, 4, 2, 2, 4, 2, 2);
        assertThat(points(rules, ScoringMeasure.PUBLISHED_COMPLETE)).isEqualByComparingTo("2");
        assertThat(points(rules, ScoringMeasure.AVAILABLE_ONLINE)).as("followed, not scored").isEqualByComparingTo("0");
        assertThat(points(rules, ScoringMeasure.FEE_PROCEDURES_PAID_ONLINE)).isEqualByComparingTo("2");
        assertThat(points(rules, ScoringMeasure.FEEDBACK_ON_TIME)).isEqualByComparingTo("6");
        // thresholds of the description of the formulas: full points from 50 % online, 90 % satisfied, 80 % digitised;
        // the rest linear
        assertThat(target(rules, ScoringMeasure.ONLINE_SERVICES)).isEqualByComparingTo("50");
        assertThat(target(rules, ScoringMeasure.SATISFACTION)).isEqualByComparingTo("90");
        assertThat(target(rules, ScoringMeasure.DIGITISATION)).isEqualByComparingTo("80");
        assertThat(target(rules, ScoringMeasure.ON_TIME)).isEqualByComparingTo("100");
        assertThat(target(rules, ScoringMeasure.ONLINE_PAYMENT)).isEqualByComparingTo("100");
        assertThat(target(rules, ScoringMeasure.ELECTRONIC_RESULTS)).isEqualByComparingTo("100");
        assertThat(points(rules, ScoringMeasure.FEEDBACK_SATISFIED)).isEqualByComparingTo("6");
        assertThat(rules).filteredOn(ScoringTable.Rule::fullWhenEmpty).extracting(ScoringTable.Rule::code)
                .as("only the feedback rows earn their points without feedback").containsExactly("HL.1", "HL.2");
        assertThat(rules).allSatisfy(r -> assertThat(r.source()).isNotBlank());
        assertThat(rules).filteredOn(r -> r.measure() == null).allSatisfy(r -> {
            assertThat(r.reasonVi()).isNotBlank();
            assertThat(r.reasonEn()).isNotBlank();
        });
    }

    @Test
    void aFileNamedBySettingsReplacesTheTableAndIsReadAgainWhenEdited(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scoring.csv");
        Files.writeString(file, HEADER + "TD.1,PROGRESS,ON_TIME,100,100,Đúng hạn,On time,a ÷ b,a ÷ b,QĐ 766,,\n", StandardCharsets.UTF_8);
        var settings = new IndicatorSettings();
        settings.setScoringFile(file.toString());
        var table = new ScoringTable(settings);
        assertThat(table.rules()).extracting(ScoringTable.Rule::code).containsExactly("TD.1");

        Files.writeString(file, HEADER + "TD.1,PROGRESS,ON_TIME,80,100,Đúng hạn,On time,a ÷ b,a ÷ b,QĐ 766,,\n"
                + "CK.3,DISCLOSURE,,20,100,Đồng bộ,Synchronised,c ÷ d,c ÷ d,QĐ 766,Cổng DVCQG giữ dữ liệu,The portal holds it\n",
                StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(table.rules()).extracting(ScoringTable.Rule::code).containsExactly("TD.1", "CK.3");
        assertThat(table.rules().get(1).measure()).isNull();

        // an edit that breaks the table is refused: the last valid table stays
        Files.writeString(file, HEADER + "TD.1,PROGRESS,ON_TIME,90,100,Đúng hạn,On time,a ÷ b,a ÷ b,QĐ 766,,\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(120)));
        assertThat(table.rules()).extracting(ScoringTable.Rule::code).containsExactly("TD.1", "CK.3");
    }

    @Test
    void anInvalidTableIsRefusedNamingTheRowAndColumn() {
        assertRefused(HEADER + "TD.1,PROGRESS,ON_TIME,90,100,Đúng hạn,On time,f,f,QĐ 766,,\n", "add up to 90, not 100");
        assertRefused(HEADER + "TD.1,PROGRESS,SPEED,100,100,Đúng hạn,On time,f,f,QĐ 766,,\n", "row 2: measure");
        assertRefused(HEADER + "TD.1,PROGRESS,,100,100,Đúng hạn,On time,f,f,QĐ 766,,\n", "row 2: reason_vi is required");
        assertRefused(HEADER + "TD.1,SPEED,ON_TIME,100,100,Đúng hạn,On time,f,f,QĐ 766,,\n", "row 2: group");
        assertRefused(HEADER + "TD.1,PROGRESS,ON_TIME,mười,100,Đúng hạn,On time,f,f,QĐ 766,,\n", "row 2: max_points must be a number");
        assertRefused(HEADER + "TD.1,PROGRESS,ON_TIME,100,0,Đúng hạn,On time,f,f,QĐ 766,,\n", "row 2: target");
        assertRefused(HEADER + "TD.1,PROGRESS,ON_TIME,50,100,Đúng hạn,On time,f,f,,,\n", "row 2: source is required");
        assertRefused(HEADER + "TD.1,PROGRESS,ON_TIME,50,100,A,A,f,f,s,,\nTD.1,PROGRESS,ON_TIME,50,100,A,A,f,f,s,,\n",
                "row 3: code TD.1 appears twice");
        assertRefused("code,group\nTD.1,PROGRESS\n", "no column measure");
        assertRefused(HEADER.strip() + ",when_empty\nTD.1,PROGRESS,ON_TIME,100,100,A,A,f,f,s,,,all\n",
                "row 2: when_empty must be empty, na or full");
    }

    @Test
    void theOptionalColumnSaysWhatAnEmptyDenominatorEarns() throws Exception {
        List<ScoringTable.Rule> rules = ScoringTable.parse(new StringReader(HEADER.strip() + ",when_empty\n"
                + "TD.1,PROGRESS,ON_TIME,50,100,A,A,f,f,s,,,na\n"
                + "HL.1,SATISFACTION,FEEDBACK_ON_TIME,30,100,B,B,f,f,s,,,full\n"
                + "HL.3,SATISFACTION,SATISFACTION,20,90,C,C,f,f,s,,,\n"), "test.csv");
        assertThat(rules).extracting(ScoringTable.Rule::fullWhenEmpty).containsExactly(false, true, false);
        // a table without the column (a province's file written before it existed) reads as before: N/A
        assertThat(ScoringTable.parse(new StringReader(HEADER + "TD.1,PROGRESS,ON_TIME,100,100,A,A,f,f,s,,\n"), "old.csv"))
                .extracting(ScoringTable.Rule::fullWhenEmpty).containsExactly(false);
    }

    private static void assertRefused(String csv, String message) {
        assertThatThrownBy(() -> ScoringTable.parse(new StringReader(csv), "test.csv"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test.csv").hasMessageContaining(message);
    }

    private static BigDecimal total(List<ScoringTable.Rule> rules, String group) {
        return rules.stream().filter(r -> group == null || r.group().equals(group)).map(ScoringTable.Rule::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal target(List<ScoringTable.Rule> rules, ScoringMeasure measure) {
        return rules.stream().filter(r -> r.measure() == measure).findFirst().orElseThrow().target();
    }

    private static BigDecimal points(List<ScoringTable.Rule> rules, ScoringMeasure measure) {
        return rules.stream().filter(r -> r.measure() == measure).map(ScoringTable.Rule::maxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
