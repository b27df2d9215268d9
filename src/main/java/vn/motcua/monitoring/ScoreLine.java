package vn.motcua.monitoring;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the Decision 766 scoring for a report: a row of the scoring table with what MotCua computed for it.
 *
 * @param code        the row's code in the table, e.g. {@code TD.1}
 * @param group       the indicator group: DISCLOSURE, PROGRESS, ONLINE_SERVICES, ONLINE_PAYMENT, SATISFACTION,
 *                    DIGITISATION
 * @param name        in Vietnamese
 * @param nameEn      in English
 * @param formula     numerator ÷ denominator, in Vietnamese
 * @param formulaEn   in English
 * @param measure     what MotCua computes for it; null when it is not computed
 * @param computed    whether MotCua computes it (it holds the facts)
 * @param numerator   null when not computed
 * @param denominator null when not computed
 * @param rate        in percent, 2 decimals half up; null when not computed or the denominator is 0 (N/A)
 * @param target      in percent: at or above it the row earns its maximum points, below it rate × max ÷ target
 * @param points      the points earned, 2 decimals half up; null when not computed or N/A
 * @param maxPoints   the points at stake
 * @param reason      why MotCua does not compute it (Vietnamese); null when computed
 * @param reasonEn    in English
 * @param source      where the rule and its points come from
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScoreLine(String code, String group, String name, String nameEn, String formula, String formulaEn,
                        String measure, boolean computed, BigDecimal numerator, BigDecimal denominator, BigDecimal rate,
                        BigDecimal target, BigDecimal points, BigDecimal maxPoints, String reason, String reasonEn,
                        String source) {
}
