package vn.motcua.monitoring;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One indicator of Decision 766/QĐ-TTg for a report.
 *
 * @param code        its number in the decision: 2.1, 2.2, 3.1, 3.3, 3.6, 4.1, 4.2, 5.4
 * @param name        its name in Vietnamese
 * @param numerator   what is counted (for 2.2: the working days of the results, in all)
 * @param denominator among what (for 2.2: the results counted); null when it cannot be computed (4.2 without the
 *                    attachment table)
 * @param rate        numerator ÷ denominator in percent (2.2: the average in working days), rounded to 2 decimals
 *                    half up; null (N/A) when the denominator is 0 or unknown
 * @param unit        {@code %} or {@code ngày làm việc} (working days)
 * @param target      the target rate in percent, null when the indicator is not scored
 * @param points      the points earned: rate × max points ÷ target below the target, max points at or above it, with
 *                    the rounded rate, rounded to 2 decimals; null when the rate is N/A or the indicator is not scored
 * @param maxPoints   the points at stake, null when not scored
 * @param note        why a figure is missing, or how it was computed when that needs saying; null otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Indicator(String code, String name, BigDecimal numerator, BigDecimal denominator, BigDecimal rate,
                        String unit, BigDecimal target, BigDecimal points, BigDecimal maxPoints, String note) {
}
