package vn.motcua.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for the meridian 105° E (UTC+7).
 *
 * <p>This is Hồ Ngọc Đức's algorithm ("Thuật toán tính âm lịch", informatik.uni-leipzig.de/~duc/amlich): a lunar month
 * starts on the day (UTC+7) containing the new moon; the winter solstice always falls in month 11; in a year of 13
 * months, the first month after month 11 that contains no major solar term (trung khí) is the leap month. New moons
 * and sun longitudes use the simplified astronomical series of that article, whose precision is sufficient for day
 * boundaries in {@value #MIN_YEAR}–{@value #MAX_YEAR}.
 *
 * <p>The time zone matters: Vietnam has used UTC+7 since 1967 (the whole country since 1975) while the Chinese calendar
 * is computed for UTC+8, so the two calendars differ in some years (Tết 1985 was on 21 January in Vietnam but on
 * 20 February in China; Tết 2007 and 2030 come one day earlier in Vietnam). A Chinese-calendar library therefore must
 * not be used instead of this class. Dates before 1967 are also computed for UTC+7, as the official Vietnamese
 * tables do for the reference period.
 *
 * <p>Thread-safe, stateless. All methods throw {@link DateTimeException} for dates outside the supported range.
 */
public final class LunarCalendar {

    /** First supported Gregorian (and lunar) year. */
    public static final int MIN_YEAR = 1900;
    /** Last supported Gregorian (and lunar) year. */
    public static final int MAX_YEAR = 2100;
    /** The offset the Vietnamese calendar is computed for. */
    public static final ZoneOffset TIME_ZONE = ZoneOffset.ofHours(7);

    private static final double TIME_ZONE_HOURS = 7.0;
    /** Mean length of a synodic month in days. */
    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian date of the mean new moon of 1900-01-01 (k = 0 in the new-moon series). */
    private static final double NEW_MOON_EPOCH = 2415021.076998695;
    /** Julian day number of 1970-01-01, to convert from {@link LocalDate#toEpochDay()}. */
    private static final long JULIAN_DAY_OF_EPOCH = 2440588L;
    private static final double DEG = Math.PI / 180;

    private LunarCalendar() {
    }

    /**
     * Converts a Gregorian date to its Vietnamese lunar date.
     *
     * @param date a date between {@value #MIN_YEAR}-01-01 and {@value #MAX_YEAR}-12-31
     * @return the lunar date, never null
     * @throws DateTimeException if the date is outside the supported range
     */
    public static LunarDate toLunar(LocalDate date) {
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new DateTimeException("Lunar calendar supports " + MIN_YEAR + "-" + MAX_YEAR + ", not " + date);
        }
        long dayNumber = julianDay(date);
        // Start from the mean lunation and step to the true new moon on or before the day: the true new moon can be
        // more than a day away from the mean one (the published algorithm steps back once only, which yields a
        // "day 0" on 2054-05-07 and 2062-04-09).
        long k = (long) Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
        long monthStart = newMoonDay(k);
        while (monthStart > dayNumber) {
            k--;
            monthStart = newMoonDay(k);
        }
        while (newMoonDay(k + 1) <= dayNumber) {
            k++;
            monthStart = newMoonDay(k);
        }
        int year = date.getYear();
        long a11 = month11(year);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = year;
            a11 = month11(year - 1);
        } else {
            lunarYear = year + 1;
            b11 = month11(year + 1);
        }
        int day = (int) (dayNumber - monthStart + 1);
        // Months are counted from the start of month 11 (the month of the winter solstice).
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            if (diff >= leapOffset) {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, month, day, leap);
    }

    /**
     * Converts a Vietnamese lunar date to its Gregorian date.
     *
     * @param date a lunar date of a lunar year between {@value #MIN_YEAR} and {@value #MAX_YEAR}; lunar year 1899 is
     *             accepted too, because the first days of January 1900 belong to it
     * @return the Gregorian date, never null
     * @throws DateTimeException if the year is outside the supported range, if {@code date.leapMonth()} is set but
     *                           that month is not the leap month of the year, or if the month has fewer days
     */
    public static LocalDate toSolar(LunarDate date) {
        checkLunarYear(date.year());
        long index = monthIndex(date.year(), date.month(), date.leapMonth());
        long monthStart = newMoonDay(index);
        long nextMonthStart = newMoonDay(index + 1);
        if (date.day() > nextMonthStart - monthStart) {
            throw new DateTimeException("Lunar month " + date.month() + (date.leapMonth() ? " (leap)" : "")
                    + " of " + date.year() + " has " + (nextMonthStart - monthStart) + " days: " + date);
        }
        return fromJulianDay(monthStart + date.day() - 1);
    }

    /** Converts a lunar date given by its fields; see {@link #toSolar(LunarDate)}. */
    public static LocalDate toSolar(int year, int month, int day, boolean leapMonth) {
        return toSolar(new LunarDate(year, month, day, leapMonth));
    }

    /**
     * The first day of a lunar year (mùng 1 Tết).
     *
     * @param lunarYear 1899 to {@value #MAX_YEAR}
     */
    public static LocalDate newYear(int lunarYear) {
        return toSolar(lunarYear, 1, 1, false);
    }

    /**
     * The leap month of a lunar year.
     *
     * @param lunarYear 1899 to {@value #MAX_YEAR}
     * @return the number of the month the leap month follows (1 to 12), or 0 if the year has no leap month
     */
    public static int leapMonth(int lunarYear) {
        checkLunarYear(lunarYear);
        // Months 1..10 of the year lie after month 11 of the previous year; months 11 and 12 after its own month 11.
        int early = leapMonthAfterMonth11(lunarYear - 1);
        if (early >= 1 && early <= 10) {
            return early;
        }
        int late = leapMonthAfterMonth11(lunarYear);
        return late == 11 || late == 12 ? late : 0;
    }

    /**
     * The number of days (29 or 30) of a lunar month.
     *
     * @throws DateTimeException as {@link #toSolar(LunarDate)} for a month that does not exist
     */
    public static int monthLength(int lunarYear, int month, boolean leapMonth) {
        LocalDate first = toSolar(lunarYear, month, 1, leapMonth);
        return (int) (newMoonDay(monthIndex(lunarYear, month, leapMonth) + 1) - julianDay(first));
    }

    private static void checkLunarYear(int lunarYear) {
        if (lunarYear < MIN_YEAR - 1 || lunarYear > MAX_YEAR) {
            throw new DateTimeException("Lunar calendar supports lunar years " + (MIN_YEAR - 1) + "-" + MAX_YEAR
                    + ", not " + lunarYear);
        }
    }

    /** New-moon series index k of the given lunar month; validates that a requested leap month exists. */
    private static long monthIndex(int lunarYear, int month, boolean leapMonth) {
        long a11;
        long b11;
        if (month < 11) {
            a11 = month11(lunarYear - 1);
            b11 = month11(lunarYear);
        } else {
            a11 = month11(lunarYear);
            b11 = month11(lunarYear + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11);
            if (leapMonth && leapMonthNumber(leapOffset) != month) {
                throw new DateTimeException("Lunar year " + lunarYear + " has no leap month " + month);
            }
            // The leap month directly follows its base month; every later month moves by one.
            if (leapMonth || offset >= leapOffset) {
                offset += 1;
            }
        } else if (leapMonth) {
            throw new DateTimeException("Lunar year " + lunarYear + " has no leap month " + month);
        }
        return k + offset;
    }

    /** Number of the month a leap month at the given offset from month 11 follows (offset 1 = leap 11). */
    private static int leapMonthNumber(int leapOffset) {
        return (9 + leapOffset) % 12 + 1;
    }

    /** The leap month (1..12) of the 13-month period starting at month 11 of {@code year}, or 0 if none. */
    private static int leapMonthAfterMonth11(int year) {
        long a11 = month11(year);
        long b11 = month11(year + 1);
        return b11 - a11 > 365 ? leapMonthNumber(leapMonthOffset(a11)) : 0;
    }

    /** Julian day number of the first day of lunar month 11 (the month of the winter solstice) of a year. */
    private static long month11(int year) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021L;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        // If the sun is already past 270° (sector 9 = winter solstice) at that new moon, month 11 started earlier.
        if (sunLongitudeSector(newMoon) >= 9) {
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** Offset from month 11 (at {@code a11}) of the first month without a major solar term. */
    private static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunLongitudeSector(newMoonDay(k + i));
        int last;
        do {
            last = arc;
            i++;
            arc = sunLongitudeSector(newMoonDay(k + i));
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** Julian day number (UTC+7) of the day containing the k-th new moon after 1900-01-01. */
    private static long newMoonDay(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
    }

    /** Sun longitude sector (0..11, 30° each, 0 = spring equinox) at the start of a day (UTC+7). */
    private static int sunLongitudeSector(long dayNumber) {
        return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI * 6);
    }

    /** Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus' series as simplified by Hồ Ngọc Đức). */
    private static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m);
        c1 = c1 - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr);
        c1 = c1 - 0.0004 * Math.sin(DEG * 3 * mpr);
        c1 = c1 + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr));
        c1 = c1 - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m));
        c1 = c1 - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** Apparent sun longitude in radians, normalised to [0, 2π), at a Julian date (UT). */
    private static double sunLongitude(double jdn) {
        double t = (jdn - 2451545.0) / 36525;
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m);
        dl = dl + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.000290 * Math.sin(DEG * 3 * m);
        double l = (l0 + dl) * DEG;
        return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    }

    private static long julianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_EPOCH;
    }

    private static LocalDate fromJulianDay(long julianDay) {
        return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH);
    }
}
