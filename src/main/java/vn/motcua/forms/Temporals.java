package vn.motcua.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import vn.motcua.forms.FormComponent.DateTimeSubtype;
import vn.motcua.forms.FormComponent.TimeSerializingFormat;

/**
 * The ISO texts form-js stores for datetime fields, read and written: dates {@code 2024-05-17}, times
 * {@code 14:30}, {@code 14:30+07:00} or {@code 07:30Z}, date-times {@code 2024-05-17T14:30} with the same
 * offset variants. Parsing is strict (no 30 February, four-digit years).
 */
final class Temporals {

    private Temporals() {
    }

    /** Whether the text is a valid ISO value of the subtype, with or without offset for times. */
    static boolean isValid(String text, DateTimeSubtype subtype) {
        return switch (subtype) {
            case DATE -> parseDate(text) != null;
            case TIME -> parseTime(text, ZoneOffset.UTC) != null;
            case DATETIME -> parseDateTime(text, ZoneOffset.UTC) != null;
        };
    }

    /** The date, or null when the text is not an ISO date. */
    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The time of day as seen in the zone: a time with offset is moved to the zone's offset, a time without
     * offset is taken as is. Null when the text is not an ISO time.
     */
    static LocalTime parseTime(String text, ZoneId zone) {
        String trimmed = text.trim();
        try {
            return LocalTime.parse(trimmed);
        } catch (DateTimeParseException notLocal) {
            try {
                OffsetTime time = OffsetTime.parse(trimmed);
                return time.withOffsetSameInstant(offsetToday(zone)).toLocalTime();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /**
     * The date-time as seen in the zone: a date-time with offset is converted, one without is taken as is.
     * Null when the text is not an ISO date-time.
     */
    static LocalDateTime parseDateTime(String text, ZoneId zone) {
        String trimmed = text.trim();
        try {
            return LocalDateTime.parse(trimmed);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(trimmed).atZoneSameInstant(zone).toLocalDateTime();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The calendar date a date or date-time value falls on in the zone; null for times or invalid text. */
    static LocalDate dateIn(String text, DateTimeSubtype subtype, ZoneId zone) {
        return switch (subtype) {
            case DATE -> parseDate(text);
            case DATETIME -> {
                LocalDateTime dateTime = parseDateTime(text, zone);
                yield dateTime == null ? null : dateTime.toLocalDate();
            }
            case TIME -> null;
        };
    }

    /** A time of day in the zone, written in the field's serialising format. */
    static String formatTime(LocalTime time, TimeSerializingFormat format, ZoneId zone) {
        return switch (format) {
            case NO_TIMEZONE -> time.toString();
            case UTC_OFFSET -> time.atOffset(offsetToday(zone)).toString();
            case UTC_NORMALIZED -> time.atOffset(offsetToday(zone)).withOffsetSameInstant(ZoneOffset.UTC).toString();
        };
    }

    /** A date-time in the zone, written in the field's serialising format. */
    static String formatDateTime(LocalDateTime dateTime, TimeSerializingFormat format, ZoneId zone) {
        return switch (format) {
            case NO_TIMEZONE -> dateTime.toString();
            case UTC_OFFSET -> dateTime.atZone(zone).toOffsetDateTime().toString();
            case UTC_NORMALIZED -> dateTime.atZone(zone).toOffsetDateTime()
                    .withOffsetSameInstant(ZoneOffset.UTC).toString();
        };
    }

    /** A bare time has no date to find a zone's offset at; today's offset is right for zones without DST. */
    private static ZoneOffset offsetToday(ZoneId zone) {
        return zone.getRules().getOffset(Instant.now());
    }
}
