package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * The daily working hours of a unit: a morning and an afternoon session separated by the lunch break, in local time
 * (Asia/Ho_Chi_Minh). A session is half-open: it includes its start and excludes its end.
 *
 * @param morningStart   start of the morning session
 * @param morningEnd     end of the morning session, after {@code morningStart}
 * @param afternoonStart start of the afternoon session, not before {@code morningEnd}
 * @param afternoonEnd   end of the afternoon session, after {@code afternoonStart}
 */
public record WorkingHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
                           LocalTime afternoonEnd) {

    /** The default of the civil service: 07:00–11:00 and 13:00–17:00, 8 hours. */
    public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(7, 0), LocalTime.of(11, 0),
            LocalTime.of(13, 0), LocalTime.of(17, 0));

    /** One working session of a day. */
    public record Session(LocalTime start, LocalTime end) {
    }

    public WorkingHours {
        String problem = problem(morningStart, morningEnd, afternoonStart, afternoonEnd);
        if (problem != null) {
            throw new IllegalArgumentException("invalid working hours (" + problem + "): " + morningStart + "-"
                    + morningEnd + ", " + afternoonStart + "-" + afternoonEnd);
        }
    }

    /**
     * Checks four times without constructing.
     *
     * @return null if they make valid working hours, else the key of a message of the {@code i18n/calendar}
     *         bundles explaining what is wrong
     */
    public static String problem(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
                                 LocalTime afternoonEnd) {
        if (morningStart == null || morningEnd == null || afternoonStart == null || afternoonEnd == null) {
            return "calendar.error.hoursRequired";
        }
        if (!morningStart.isBefore(morningEnd)) {
            return "calendar.error.morningOrder";
        }
        if (morningEnd.isAfter(afternoonStart)) {
            return "calendar.error.sessionsOverlap";
        }
        if (!afternoonStart.isBefore(afternoonEnd)) {
            return "calendar.error.afternoonOrder";
        }
        return null;
    }

    /** The two sessions in order. */
    public List<Session> sessions() {
        return List.of(new Session(morningStart, morningEnd), new Session(afternoonStart, afternoonEnd));
    }

    /** Working time of a full working day: the sum of both sessions. */
    public Duration daily() {
        return Duration.between(morningStart, morningEnd).plus(Duration.between(afternoonStart, afternoonEnd));
    }

    /** Start of the first session. */
    public LocalTime dayStart() {
        return morningStart;
    }

    /** End of the last session. */
    public LocalTime dayEnd() {
        return afternoonEnd;
    }

    /** Whether a local time lies inside a session (start included, end excluded). */
    public boolean contains(LocalTime time) {
        Objects.requireNonNull(time, "time");
        return sessions().stream().anyMatch(s -> !time.isBefore(s.start()) && time.isBefore(s.end()));
    }
}
