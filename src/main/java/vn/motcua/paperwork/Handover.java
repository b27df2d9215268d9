package vn.motcua.paperwork;

import java.time.Instant;

/**
 * One hand-over of the dossier, a row of the control sheet (form 06): who handed it to whom and when, by when the
 * receiving step was due and when it was actually done. The sheet derives the result from {@code dueAt} and
 * {@code completedAt}, days counted in Vietnam's time: "Trước hạn" if done on a day before the due day, "Đúng hạn"
 * if done on the due day and not after the due time, "Quá hạn" if done after the due time, "Đang giải quyết" while
 * not done, and nothing without a due time. The caller passes due times with any clock stop already added.
 *
 * @param from         who handed it over, e.g. {@code "Bộ phận Một cửa - Lê Thị Thu Trang"}; required
 * @param to           who received it, e.g. {@code "Công chức Tư pháp - Hộ tịch - Phạm Minh Khoa"}; required
 * @param handedOverAt when it was handed over; required
 * @param dueAt        when the receiving step was due; optional (no judgement is printed without it)
 * @param completedAt  when the receiving step was done; null while it is in progress
 * @param remarks      free remarks (ghi chú); optional
 * @param giver        full name of the person who handed it over, printed under the room to sign; optional
 * @param receiver     full name of the person who received it, printed under the room to sign; optional
 */
public record Handover(String from, String to, Instant handedOverAt, Instant dueAt, Instant completedAt,
                       String remarks, String giver, String receiver) {

    /** A hand-over whose signers' names are left to write by hand. */
    public Handover(String from, String to, Instant handedOverAt, Instant dueAt, Instant completedAt,
                    String remarks) {
        this(from, to, handedOverAt, dueAt, completedAt, remarks, null, null);
    }
}
