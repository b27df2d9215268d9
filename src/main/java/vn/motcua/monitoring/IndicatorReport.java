package vn.motcua.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The indicators of a period for a unit (with its sub-units), level, procedure and sector, the province plan's
 * targets beside them, and the same figures per unit below and per procedure.
 *
 * @param asOf             the instant dossiers are judged at: the end of the period, or the moment of the report
 *                         when the period has not ended
 * @param unit             the unit reported on, null for the whole province (administrators)
 * @param population       which dossiers were counted
 * @param indicators       2.1, 2.2, 3.1, 3.3, 3.6, 4.1, 4.2, 5.4 in that order
 * @param points           the points earned: the sum of {@code scoring}'s points (out of {@code totalMaxPoints})
 * @param maxPoints        the points at stake in the rows of {@code scoring} that have a rate (computed, not N/A)
 * @param attachmentsAvailable false when the attachment table does not exist (4.2 is then N/A)
 * @param units            the units directly below the unit reported on (each with its own sub-units), and the unit
 *                         itself for its own dossiers, best on-time rate first
 * @param communes         every commune, ward and special zone (commune level) in scope with dossiers in the period,
 *                         wherever it sits in the tree (under the province, or under a former district), best first:
 *                         the communes' ranking, apart from the departments'
 * @param procedures       the procedures with dossiers in the period, best on-time rate first
 * @param scoring          the scoring table of Decision 766, row by row: points earned and maximum; for a row MotCua
 *                         does not compute, the reason
 * @param totalMaxPoints   the maximum points of all the table's rows: 100
 * @param residence        where the applicants of the dossiers received in the period live, against where they were
 *                         received (desks receive regardless of residence, Decree 118/2025/ND-CP)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IndicatorReport(LocalDate from, LocalDate to, Instant asOf, UnitRef unit, String procedure, String sector,
                              String level, Population population, List<Indicator> indicators, BigDecimal points,
                              BigDecimal maxPoints, List<ProvinceTarget> provinceTargets, boolean attachmentsAvailable,
                              List<Row> units, List<Row> communes, List<Row> procedures, List<ScoreLine> scoring,
                              BigDecimal totalMaxPoints, Residence residence) {

    /**
     * The dossiers received in the period (an online submission: accepted) by where their applicants live.
     *
     * @param received     the dossiers received in the period
     * @param recorded     those whose applicant's commune of residence was recorded
     * @param awayFromHome those a commune, ward or special zone received for an applicant living in another one
     * @param communes     per commune of residence (with dossiers in the period), most dossiers first
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Residence(long received, long recorded, long awayFromHome, List<ResidenceRow> communes) { }

    /**
     * The dossiers of the applicants living in one commune, ward or special zone, by where they were received.
     *
     * @param key            the commune's identifier
     * @param dossiers       its residents' dossiers received in the period
     * @param atHome         received by the commune itself
     * @param atOtherCommune received by another commune, ward or special zone
     * @param atProvince     received by a provincial unit (the public service centre, its branches, a department...)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResidenceRow(String key, String name, long dossiers, long atHome, long atOtherCommune, long atProvince) { }

    /** A unit by its identifier and name. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitRef(String identifier, String name, String level) { }

    /**
     * Which dossiers are "in the period": every dossier received (for an online submission: accepted) before the
     * as-of instant that had not ended before the period began, online submissions still awaiting acceptance
     * excepted; {@code received} of them in the period, {@code carriedOver} from before it, {@code ended} by the
     * as-of instant.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Population(long dossiers, long received, long carriedOver, long ended, long late, String rule) { }

    /**
     * One unit's or procedure's figures.
     *
     * @param key              the unit's identifier or the procedure's code
     * @param name             its name
     * @param level            the unit's or procedure's level
     * @param statutoryDays    for a procedure, its statutory processing time in working days (null when counted in
     *                         calendar days or hours); null for units
     * @param onTimeRate       2.1 in percent
     * @param averageDays      2.2 in working days
     * @param onlineRate       3.3 in percent
     * @param satisfactionRate 5.4 in percent
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(String key, String name, String level, Integer statutoryDays, long dossiers, long late,
                      long processed, BigDecimal onTimeRate, BigDecimal averageDays, BigDecimal onlineRate,
                      BigDecimal satisfactionRate) { }

    /** The indicator with this code. */
    public Indicator indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }
}
