package vn.motcua.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic of Decision 766: rates in percent with 2 decimals rounded half up, and points against a target. */
public final class Scoring {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A working day for indicator 2.2: 8 working hours. */
    public static final long WORKING_DAY_SECONDS = 8 * 3600;

    private Scoring() { }

    /** numerator ÷ denominator × 100, 2 decimals half up; null (N/A) when the denominator is 0. */
    public static BigDecimal rate(long numerator, long denominator) {
        if (denominator == 0) return null;
        return BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    /** The average of {@code seconds} over {@code count} results, in working days of 8 hours; null when none. */
    public static BigDecimal averageDays(long seconds, long count) {
        if (count == 0) return null;
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(count * WORKING_DAY_SECONDS), 2, RoundingMode.HALF_UP);
    }

    /** Working seconds as working days, 2 decimals half up. */
    public static BigDecimal days(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(WORKING_DAY_SECONDS), 2, RoundingMode.HALF_UP);
    }

    /**
     * Points against a target: below it rate × max ÷ target, at or above it max; 2 decimals half up. Null when the
     * rate is N/A or the indicator has no target.
     */
    public static BigDecimal points(BigDecimal rate, BigDecimal target, BigDecimal maxPoints) {
        if (rate == null || target == null || maxPoints == null) return null;
        if (target.signum() <= 0 || rate.compareTo(target) >= 0) return maxPoints.setScale(2, RoundingMode.HALF_UP);
        return rate.multiply(maxPoints).divide(target, 2, RoundingMode.HALF_UP);
    }

    /** rate − target in percentage points; null when the rate is N/A. */
    public static BigDecimal gap(BigDecimal rate, BigDecimal target) {
        if (rate == null || target == null) return null;
        return rate.subtract(target).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * 5.4: 100 % − (late rate + rate of dossiers with a complaint or a negative rating), both over all the period's
     * dossiers, never below 0: the numerator is dossiers − late − negative (at least 0).
     */
    public static long satisfied(long dossiers, long late, long negative) {
        return Math.max(0, dossiers - late - negative);
    }
}
