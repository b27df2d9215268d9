package vn.motcua.monitoring;

import vn.motcua.TestUsers;

/** Tests read one indicator of one day, one unit (and a procedure, or all), as the province's supervisor reads it. */
public final class IndicatorReading {
    private IndicatorReading() {
    }

    /**
     * @param day       YYYY-MM-DD, the period's first and last day
     * @param procedure a procedure code, or null for all
     * @param code      the indicator's code, e.g. {@code "5.4"}
     */
    public static Indicator of(IndicatorService indicators, TestUsers users, String day, String unit, String procedure,
                               String code) {
        users.signInAs("supervisor");
        try {
            var report = indicators.report(indicators.filter(day, day, unit, procedure, null, null));
            return report.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                    .orElseThrow(() -> new AssertionError("no indicator " + code));
        } finally {
            users.signOut();
        }
    }
}
