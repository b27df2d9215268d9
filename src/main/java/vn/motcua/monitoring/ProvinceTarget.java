package vn.motcua.monitoring;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A target of the province's digital-transformation plan (2021–2025) beside the figure reached.
 *
 * @param code        {@code online.PROVINCE}, {@code online.DISTRICT}, {@code online.COMMUNE} (dossiers processed
 *                    online at that level) or {@code fullyOnlineServices} (online services that are fully online)
 * @param name        in Vietnamese
 * @param rate        in percent, 2 decimals half up; null (N/A) when the denominator is 0
 * @param target      in percent
 * @param gap         rate − target in percentage points (negative: short of the target); null when the rate is N/A
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProvinceTarget(String code, String name, long numerator, long denominator, BigDecimal rate,
                             BigDecimal target, BigDecimal gap) {
}
