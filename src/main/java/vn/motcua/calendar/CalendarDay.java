package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A notable day of a year's calendar: a computed statutory day off, or a day an administrator overrode.
 * Plain weekends and plain working days are not notable.
 *
 * @param date              the day
 * @param workingDay        the effective status: true if people work that day
 * @param defaultWorkingDay the status the law alone gives (false for weekends and statutory days off)
 * @param source            {@link Source#COMPUTED} if no override exists for the date, else {@link Source#OVERRIDE}
 * @param holiday           the statutory holiday on (or compensated on) that date, or null
 * @param compensatory      whether the computed day is a compensatory day off for {@code holiday}
 * @param overrideNameVi    the administrator's Vietnamese name or note, or null
 * @param overrideNameEn    the administrator's English name or note, or null
 * @param holidayNameVi     the Vietnamese name of a holiday an administrator added ({@link HolidayKind#ADDED}), or null
 * @param holidayNameEn     its English name, or null
 */
public record CalendarDay(LocalDate date, boolean workingDay, boolean defaultWorkingDay, Source source,
                          HolidayKind holiday, boolean compensatory, String overrideNameVi, String overrideNameEn,
                          String holidayNameVi, String holidayNameEn) {

    /** Where the status of a day comes from. */
    public enum Source {
        /** Computed from the law (holidays, compensatory days). */
        COMPUTED,
        /** Set by an administrator for that date. */
        OVERRIDE;

        /** Key of the source's label in the {@code i18n/calendar} bundles. */
        public String messageKey() {
            return this == COMPUTED ? "calendar.source.computed" : "calendar.source.override";
        }
    }

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the day is a Saturday or Sunday. */
    public boolean weekend() {
        return StatutoryHolidays.isWeekend(date);
    }

    /** Whether the day is a Monday–Friday on which people do not work. */
    public boolean nonWorkingWeekday() {
        return !workingDay && !weekend();
    }

    /**
     * The name to show: the administrator's name (English when the locale's language is English and one was given),
     * else the holiday's name (an added holiday's own, else the localized statutory one) ("Nghỉ bù …" for a compensatory day), else a generic label.
     *
     * @param locale   the reader's locale, used only to choose between the administrator's two names
     * @param messages resolves the {@code calendar.*} keys in the reader's language
     */
    public String displayName(Locale locale, MessageResolver messages) {
        if (overrideNameVi != null) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            return english && overrideNameEn != null ? overrideNameEn : overrideNameVi;
        }
        if (holiday != null) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            String name = holidayNameVi == null ? messages.message(holiday.messageKey())
                    : english && holidayNameEn != null ? holidayNameEn : holidayNameVi;
            return compensatory ? messages.message("calendar.holiday.compensatory", name) : name;
        }
        return messages.message(workingDay ? "calendar.day.workedWeekend" : "calendar.day.dayOff");
    }
}
