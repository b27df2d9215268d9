package vn.motcua.paperwork;

import java.time.Instant;

/**
 * Whether a step of the control sheet (form 06) was done before, on or after its due time — the "Trước hạn / Đúng
 * hạn / Quá hạn" of the template. Labels: {@code paperwork.timeliness.*}.
 */
enum StepTimeliness {
    /** Done on a day before the due day. */
    EARLY,
    /** Done on the due day, not after the due time. */
    ON_TIME,
    /** Done after the due time. */
    LATE,
    /** Not done yet. */
    PENDING;

    /**
     * The judgement of a step, days counted in Vietnam's time zone.
     *
     * @param due       when the step was due; null gives null (nothing to judge against)
     * @param completed when it was done; null gives {@link #PENDING}
     */
    static StepTimeliness of(Instant due, Instant completed) {
        if (completed == null) {
            return PENDING;
        }
        if (due == null) {
            return null;
        }
        if (completed.isAfter(due)) {
            return LATE;
        }
        return VietnameseDates.day(completed).isBefore(VietnameseDates.day(due)) ? EARLY : ON_TIME;
    }

    String messageKey() {
        return "paperwork.timeliness." + name();
    }
}
