package vn.motcua.paperwork;

/**
 * The statutory processing time of the procedure (thời hạn giải quyết theo quy định), as the receipt states it.
 *
 * @param amount how many units; 0 working days means "within the day"; not negative
 * @param unit   the unit; required
 */
public record ProcessingPeriod(int amount, Unit unit) {

    /** The unit of a processing time. Labels: {@code paperwork.period.*}. */
    public enum Unit {
        /** Ngày làm việc: weekends and public holidays do not count. */
        WORKING_DAYS,
        /** Giờ làm việc. */
        WORKING_HOURS,
        /** Ngày (calendar days). */
        CALENDAR_DAYS
    }

    /**
     * @throws IllegalArgumentException if the amount is negative or the unit missing
     */
    public ProcessingPeriod {
        if (amount < 0) {
            throw new IllegalArgumentException("processing period amount must not be negative");
        }
        if (unit == null) {
            throw new IllegalArgumentException("processing period unit is required");
        }
    }

    /** A period of working days; 0 prints as "Trong ngày làm việc". */
    public static ProcessingPeriod workingDays(int days) {
        return new ProcessingPeriod(days, Unit.WORKING_DAYS);
    }
}
