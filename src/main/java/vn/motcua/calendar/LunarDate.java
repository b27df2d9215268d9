package vn.motcua.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch).
 *
 * <p>The year is the Gregorian year in which the lunar year begins (lunar year 2025 = Ất Tỵ, beginning on
 * 2025-01-29). A leap month (tháng nhuận) carries the number of the month it follows and {@code leapMonth = true}.
 * This record only checks the ranges of its fields; whether the date exists in a given year (the month has 30 days,
 * the leap month exists) is checked by {@link LunarCalendar#toSolar(LunarDate)}.
 *
 * @param year      lunar year, identified by the Gregorian year of its first day
 * @param month     month number, 1 to 12
 * @param day       day of the month, 1 to 30
 * @param leapMonth whether the month is the leap month following month {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    public LunarDate {
        if (month < 1 || month > 12) throw new IllegalArgumentException("lunar month must be 1..12: " + month);
        if (day < 1 || day > 30) throw new IllegalArgumentException("lunar day must be 1..30: " + day);
    }

    /** A date in a regular (non-leap) month. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    /** Formats as {@code d/m/yyyy}, with {@code n} after the month number for a leap month (e.g. {@code 1/2n/2023}). */
    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? "n" : "") + "/" + year;
    }
}
