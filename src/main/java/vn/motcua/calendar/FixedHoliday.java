package vn.motcua.calendar;

import java.time.MonthDay;
import java.util.Locale;
import java.util.Objects;

/**
 * A fixed-date public holiday as it applies in a given year: a statutory one of the Labour Code 2019, Art. 112
 * (1 January, 30 April, 1 May, 2 September) or one an administrator added ({@link HolidayRule}).
 *
 * @param date   day and month
 * @param kind   the statutory holiday, or {@link HolidayKind#ADDED}
 * @param nameVi the administrator's Vietnamese name (added holidays), else null
 * @param nameEn the administrator's English name, or null
 * @param source where the holiday comes from
 * @param ruleId the administrator's rule that added it, or null for a statutory holiday
 */
public record FixedHoliday(MonthDay date, HolidayKind kind, String nameVi, String nameEn, Source source, Long ruleId) {

    /** Where a fixed-date holiday comes from. */
    public enum Source {
        /** The Labour Code as the application knows it. */
        STATUTORY,
        /** An administrator's rule. */
        ADDED;

        /** Key of the source's label in the {@code i18n/calendar} bundles. */
        public String messageKey() {
            return this == STATUTORY ? "calendar.fixed.source.statutory" : "calendar.fixed.source.added";
        }
    }

    public FixedHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The name to show: the administrator's (English when asked and given), else the statutory holiday's name.
     *
     * @param locale   the reader's locale
     * @param messages resolves the {@code calendar.*} keys in the reader's language
     */
    public String displayName(Locale locale, MessageResolver messages) {
        if (nameVi != null) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            return english && nameEn != null ? nameEn : nameVi;
        }
        return messages.message(kind.messageKey());
    }
}
