package vn.motcua.monitoring;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scoring table's file and the province plan's targets ({@code motcua.indicators.*}).
 *
 * <p>The points, targets and formulas of Decision 766/QĐ-TTg are not settings but a table of data: the class path's
 * {@code indicators/scoring-766.csv}, or the file {@code scoring-file} names (see the README, section "Supervision").
 */
@ConfigurationProperties("motcua.indicators")
public class IndicatorSettings {

    /** The province plan's targets (2021–2025) in percent. */
    public static class ProvincePlan {
        private BigDecimal provinceOnline = new BigDecimal("90");
        private BigDecimal districtOnline = new BigDecimal("80");
        private BigDecimal communeOnline = new BigDecimal("60");
        private BigDecimal fullyOnlineServices = new BigDecimal("80");

        /** Share of province-level dossiers processed online (default 90). */
        public BigDecimal getProvinceOnline() { return provinceOnline; }

        public void setProvinceOnline(BigDecimal v) { this.provinceOnline = v; }

        /** Share of district-level dossiers processed online (default 80). */
        public BigDecimal getDistrictOnline() { return districtOnline; }

        public void setDistrictOnline(BigDecimal v) { this.districtOnline = v; }

        /** Share of commune-level dossiers processed online (default 60). */
        public BigDecimal getCommuneOnline() { return communeOnline; }

        public void setCommuneOnline(BigDecimal v) { this.communeOnline = v; }

        /** Share of online public services that are fully online, toàn trình (default 80). */
        public BigDecimal getFullyOnlineServices() { return fullyOnlineServices; }

        public void setFullyOnlineServices(BigDecimal v) { this.fullyOnlineServices = v; }
    }

    private String scoringFile;
    private ProvincePlan province = new ProvincePlan();
    private int nearlyDueWorkingHours = 8;

    /**
     * A file holding the scoring table (same columns as the class path's {@code indicators/scoring-766.csv}), read
     * again when it changes; blank: the class path's table.
     */
    public String getScoringFile() { return scoringFile; }

    public void setScoringFile(String scoringFile) { this.scoringFile = scoringFile; }

    /** The province plan's targets. */
    public ProvincePlan getProvince() { return province; }

    public void setProvince(ProvincePlan province) { this.province = province; }

    /** An open dossier due within this many working hours is "nearly due" on the dashboard (default 8). */
    public int getNearlyDueWorkingHours() { return nearlyDueWorkingHours; }

    public void setNearlyDueWorkingHours(int hours) { this.nearlyDueWorkingHours = hours; }
}
