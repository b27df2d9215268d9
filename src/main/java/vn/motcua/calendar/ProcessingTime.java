package vn.motcua.calendar;

/**
 * A statutory processing time (thời hạn giải quyết): an amount of working days, working hours or calendar days.
 */
public record ProcessingTime(int amount, Unit unit) {

    public enum Unit { WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS }

    public ProcessingTime {
        if (amount < 0) throw new IllegalArgumentException("amount must be >= 0");
        if (unit == null) throw new IllegalArgumentException("unit is required");
    }

    public static ProcessingTime workingDays(int days) { return new ProcessingTime(days, Unit.WORKING_DAYS); }

    public static ProcessingTime workingHours(int hours) { return new ProcessingTime(hours, Unit.WORKING_HOURS); }

    public static ProcessingTime calendarDays(int days) { return new ProcessingTime(days, Unit.CALENDAR_DAYS); }
}
