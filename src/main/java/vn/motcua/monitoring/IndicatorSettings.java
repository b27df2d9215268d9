package vn.motcua.monitoring;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Targets and maximum points of the indicators, and the province plan's targets ({@code motcua.indicators.*}).
 *
 * <p>The defaults are the figures of Decision 766/QĐ-TTg (23 June 2022) and of Resolution 76/NQ-CP as best known when
 * this was written; they are configuration, not law: check them against the decision's appendix and set them in
 * {@code application.yml}, e.g. {@code motcua.indicators.on-time.max-points: 20}. Known from the sources named in
 * docs/domain.md: 3.1 target 80 %, 3.3 target 50 %, 4.2 target 80 %, 5.4 target 90 %; groups of 100 points in all
 * (progress 20, online services and payment 22, digitisation 22, satisfaction 18 of which the satisfaction rate 6).
 * Best knowledge, to be checked: 2.1 target 100 % with 20 points; 3.1 4 points; 3.3 8 points; 3.6 target 30 %
 * (Resolution 76/NQ-CP) with 10 points; 4.1 target 80 % with 10 points; 4.2 12 points; 5.4 6 points. Indicator 2.2
 * (average processing time) is reported for information and not scored.
 */
@ConfigurationProperties("motcua.indicators")
public class IndicatorSettings {

    /** A target (a percentage) and the points the indicator earns at or above it. */
    public static class Score {
        private BigDecimal target;
        private BigDecimal maxPoints;

        public Score() { }

        public Score(String target, String maxPoints) {
            this.target = new BigDecimal(target);
            this.maxPoints = new BigDecimal(maxPoints);
        }

        /** The target rate in percent (0..100). */
        public BigDecimal getTarget() { return target; }

        public void setTarget(BigDecimal target) { this.target = target; }

        /** The points earned at or above the target. */
        public BigDecimal getMaxPoints() { return maxPoints; }

        public void setMaxPoints(BigDecimal maxPoints) { this.maxPoints = maxPoints; }
    }

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

    private Score onTime = new Score("100", "20");
    private Score onlineProcedures = new Score("80", "4");
    private Score onlineSubmission = new Score("50", "8");
    private Score onlinePayment = new Score("30", "10");
    private Score electronicResults = new Score("80", "10");
    private Score digitisation = new Score("80", "12");
    private Score satisfaction = new Score("90", "6");
    private ProvincePlan province = new ProvincePlan();
    private int nearlyDueWorkingHours = 8;

    /** 2.1 on-time rate. */
    public Score getOnTime() { return onTime; }

    public void setOnTime(Score onTime) { this.onTime = onTime; }

    /** 3.1 share of procedures offered online. */
    public Score getOnlineProcedures() { return onlineProcedures; }

    public void setOnlineProcedures(Score onlineProcedures) { this.onlineProcedures = onlineProcedures; }

    /** 3.3 online submission rate. */
    public Score getOnlineSubmission() { return onlineSubmission; }

    public void setOnlineSubmission(Score onlineSubmission) { this.onlineSubmission = onlineSubmission; }

    /** 3.6 online payment rate. */
    public Score getOnlinePayment() { return onlinePayment; }

    public void setOnlinePayment(Score onlinePayment) { this.onlinePayment = onlinePayment; }

    /** 4.1 share of results issued electronically. */
    public Score getElectronicResults() { return electronicResults; }

    public void setElectronicResults(Score electronicResults) { this.electronicResults = electronicResults; }

    /** 4.2 digitisation rate. */
    public Score getDigitisation() { return digitisation; }

    public void setDigitisation(Score digitisation) { this.digitisation = digitisation; }

    /** 5.4 satisfaction. */
    public Score getSatisfaction() { return satisfaction; }

    public void setSatisfaction(Score satisfaction) { this.satisfaction = satisfaction; }

    /** The province plan's targets. */
    public ProvincePlan getProvince() { return province; }

    public void setProvince(ProvincePlan province) { this.province = province; }

    /** An open dossier due within this many working hours is "nearly due" on the dashboard (default 8). */
    public int getNearlyDueWorkingHours() { return nearlyDueWorkingHours; }

    public void setNearlyDueWorkingHours(int hours) { this.nearlyDueWorkingHours = hours; }
}
