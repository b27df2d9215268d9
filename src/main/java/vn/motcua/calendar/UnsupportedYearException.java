package vn.motcua.calendar;

import java.time.DateTimeException;

/**
 * A computation reached a year outside {@value LunarCalendar#MIN_YEAR}–{@value LunarCalendar#MAX_YEAR}, the range for
 * which the lunar calendar, hence the holidays, are computed.
 */
public class UnsupportedYearException extends DateTimeException {

    private final int year;

    public UnsupportedYearException(int year) {
        super("The working calendar supports the years " + LunarCalendar.MIN_YEAR + "-" + LunarCalendar.MAX_YEAR
                + ", not " + year);
        this.year = year;
    }

    /** The offending year. */
    public int year() {
        return year;
    }
}
