package vn.motcua.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Procedure;

/**
 * Lives one dossier through the rules of the one-stop shop, from its receipt to now, the way the dossier module would
 * have recorded it: an online submission waits for acceptance (or is refused, or withdrawn), the processing time counts
 * from receipt or acceptance, the due date comes from {@link WorkingCalendar#dueAt}, each clock stop (supplement,
 * payment, stop) moves the due date by exactly the working time it lasted, the working time at the end excludes the
 * stops, and whatever would happen after now has not happened yet. About 9 % of dossiers take longer than their
 * processing time, a quarter finish early, 12 % are supplemented once and 3 % twice, 2 % are withdrawn, 2 % of online
 * submissions are refused, some are stopped; fees are paid (online more often for online dossiers); about a third of
 * the results are rated, late ones worse.
 */
final class HistorySimulator {
    private static final long HOUR = 3600;
    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lâm", "Trịnh", "Mai", "Tô"};
    static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Đức", "Kim", "Thị Mỹ",
            "Hoàng", "Xuân", "Bảo"};
    static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Hương", "Khánh",
            "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Nhung", "Phúc", "Phương", "Quân", "Quỳnh", "Sơn", "Tâm",
            "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Vy", "Yến", "Lộc", "Đạt", "Ánh", "Tiến"};
    private static final String[] SUPPLEMENT_REASONS = {"Bổ sung bản sao giấy tờ tùy thân của người đi đăng ký",
            "Tờ khai còn thiếu chữ ký của người yêu cầu", "Bổ sung giấy tờ chứng minh nơi cư trú",
            "Giấy tờ nộp kèm chưa được chứng thực"};
    private static final String[] REFUSAL_REASONS = {"Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị",
            "Thành phần hồ sơ không đúng quy định"};
    private static final String[] WITHDRAWAL_REASONS = {"Công dân không còn nhu cầu giải quyết",
            "Công dân nộp nhầm thủ tục"};
    private static final String[] STOP_REASONS = {"Chờ kết quả xác minh của cơ quan có liên quan"};
    private static final String[] COMMENTS = {"Cán bộ hướng dẫn tận tình", "Giải quyết nhanh", "Thời gian chờ hơi lâu",
            "Trả kết quả trễ so với giấy hẹn", "Hài lòng"};

    private final WorkingCalendar calendar;

    HistorySimulator(WorkingCalendar calendar) { this.calendar = calendar; }

    /**
     * A dossier received at {@code received} and lived until {@code now}.
     *
     * @param onlineShare the probability that it was submitted online
     */
    DossierPlan simulate(SplittableRandom rnd, Procedure procedure, long unitId, String unitIdentifier,
                                String code, Instant received, double onlineShare, Instant now) {
        var d = new DossierPlan();
        d.code = code;
        d.procedureCode = procedure.code();
        d.unitId = unitId;
        d.unitIdentifier = unitIdentifier;
        d.applicantName = FAMILY[rnd.nextInt(FAMILY.length)] + " " + MIDDLE[rnd.nextInt(MIDDLE.length)] + " "
                + GIVEN[rnd.nextInt(GIVEN.length)];
        double c = rnd.nextDouble();
        boolean online = c < onlineShare;
        d.channel = online ? "ONLINE" : c < onlineShare + 0.04 ? "POSTAL" : "IN_PERSON";
        // The desk receives in person or by post only with the required papers checked (online, they would be files)
        if (!online) {
            procedure.components().stream().filter(vn.motcua.catalogue.DossierComponent::required)
                    .forEach(component -> d.checkedComponents.add(component.code()));
        }
        d.receivedAt = received;
        d.feeAmount = procedure.fee() == null ? BigDecimal.ZERO : procedure.fee();
        Instant start;
        if (online) {
            d.status = 1;
            d.event(received, "ONLINE", "SUBMITTED", null, 1, procedure.code());
            Instant decided = add(unitIdentifier, calendar.countingStart(received, unitIdentifier), hours(rnd, 0.5, 6));
            if (decided.isAfter(now)) return d; // still waiting for the desk
            double r = rnd.nextDouble();
            if (r < 0.02) {
                end(d, decided, "IN_PERSON", "REFUSE", 3, pick(rnd, REFUSAL_REASONS), received);
                return d;
            }
            if (r < 0.03) {
                end(d, decided, "ONLINE", "WITHDRAW", 7, pick(rnd, WITHDRAWAL_REASONS), received);
                return d;
            }
            move(d, decided, "IN_PERSON", "ACCEPT", 2, null);
            d.acceptedAt = decided;
            start = decided;
        } else {
            d.status = 2;
            d.event(received, d.channel, "RECEIVED", null, 2, procedure.code());
            start = received;
        }
        d.dueAt = calendar.dueAt(start, procedure.processingTime(online), unitIdentifier);
        move(d, start, d.channel, "PROCESSING_STARTED", 4, null);

        long allowed = Math.max(HOUR, calendar.workingTimeBetween(start, d.dueAt, unitIdentifier).getSeconds());
        double pace = rnd.nextDouble();
        double factor = pace < 0.09 ? 1.05 + rnd.nextDouble() * 1.15 : pace < 0.34 ? 0.1 + rnd.nextDouble() * 0.4
                : 0.5 + rnd.nextDouble() * 0.48;
        long work = Math.max(900, Math.round(allowed * factor));

        // Interruptions at working-time offsets into the processing
        record Stop(long offset, int status, long seconds, boolean remains) { }
        List<Stop> stops = new ArrayList<>();
        double s = rnd.nextDouble();
        int supplements = s < 0.03 ? 2 : s < 0.15 ? 1 : 0;
        for (int i = 0; i < supplements; i++) {
            stops.add(new Stop(Math.round(work * (0.1 + 0.35 * i + rnd.nextDouble() * 0.3)), 5,
                    Math.round(HOUR * (4 + rnd.nextDouble() * 36)), false));
        }
        if (d.feeAmount.signum() > 0) {
            stops.add(new Stop(Math.round(work * (0.5 + rnd.nextDouble() * 0.4)), 6, Math.round(HOUR * (1 + rnd.nextDouble() * 15)), false));
        }
        if (rnd.nextDouble() < 0.008) {
            stops.add(new Stop(Math.round(work * rnd.nextDouble() * 0.8), 8, Math.round(HOUR * (8 + rnd.nextDouble() * 72)),
                    rnd.nextBoolean()));
        }
        stops.sort(java.util.Comparator.comparingLong(Stop::offset));
        long withdrawAt = rnd.nextDouble() < 0.02 ? Math.round(work * rnd.nextDouble()) : -1;

        Instant t = start;
        long consumed = 0;
        for (Stop stop : stops) {
            if (withdrawAt >= 0 && withdrawAt <= stop.offset()) break;
            Instant stoppedAt = add(unitIdentifier, t, Duration.ofSeconds(Math.max(0, stop.offset() - consumed)));
            if (stoppedAt.isAfter(now)) return d;
            String action = stop.status() == 5 ? "REQUEST_SUPPLEMENT" : stop.status() == 6 ? "REQUEST_PAYMENT" : "STOP";
            String reason = stop.status() == 5 ? pick(rnd, SUPPLEMENT_REASONS)
                    : stop.status() == 6 ? "Nộp phí, lệ phí " + d.feeAmount.toPlainString() + " đồng" : pick(rnd, STOP_REASONS);
            move(d, stoppedAt, "IN_PERSON", action, stop.status(), reason);
            d.clockStoppedAt = stoppedAt;
            if (stop.status() == 5) d.supplementCount++;
            if (stop.remains()) return d; // processing stopped for good: the dossier ended here
            Instant resumed = add(unitIdentifier, stoppedAt, Duration.ofSeconds(stop.seconds()));
            if (resumed.isAfter(now)) return d;
            long stopped = Math.max(0, calendar.workingTimeBetween(stoppedAt, resumed, unitIdentifier).getSeconds());
            d.stoppedSeconds += stopped;
            d.dueAt = calendar.addWorkingTime(d.dueAt, Duration.ofSeconds(stopped), unitIdentifier);
            String resume = stop.status() == 5 ? "RECEIVE_SUPPLEMENT" : stop.status() == 6 ? "CONFIRM_PAYMENT" : "RESUME";
            move(d, resumed, stop.status() == 5 && online ? "ONLINE" : "IN_PERSON", resume, 4, null);
            d.clockStoppedAt = null;
            if (stop.status() == 6) {
                d.paidAt = resumed;
                double m = rnd.nextDouble();
                d.paymentMethod = m < (online ? 0.6 : 0.1) ? "ONLINE" : m < 0.75 ? "CASH" : "BANK_TRANSFER";
            }
            t = resumed;
            consumed = stop.offset();
        }
        if (withdrawAt >= 0) {
            Instant at = add(unitIdentifier, t, Duration.ofSeconds(Math.max(0, withdrawAt - consumed)));
            if (at.isAfter(now)) return d;
            end(d, at, online ? "ONLINE" : "IN_PERSON", "WITHDRAW", 7, pick(rnd, WITHDRAWAL_REASONS), start);
            return d;
        }
        Instant processed = add(unitIdentifier, t, Duration.ofSeconds(Math.max(0, work - consumed)));
        if (processed.isAfter(d.dueAt) && rnd.nextBoolean()) {
            // Form 04: the leader apologised before the due date, with a new date
            Instant apology = d.dueAt.minusSeconds(Math.max(60, Duration.between(start, d.dueAt).getSeconds() / 5));
            if (!apology.isAfter(now) && apology.isAfter(start)) {
                d.extendedDueAt = processed.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
                d.statusReason = "Cần thêm thời gian xác minh thông tin";
                d.event(apology, "IN_PERSON", "EXTENDED", 4, 4, d.statusReason);
            }
        }
        if (processed.isAfter(now)) return d;
        end(d, processed, d.channel, "PROCESSED", 9, null, start);
        Instant returned = add(unitIdentifier, processed, hours(rnd, 0.25, 20));
        if (!returned.isAfter(now) && rnd.nextDouble() < 0.97) {
            move(d, returned, d.channel, "RESULT_RETURNED", 10, null);
            d.returnedAt = returned;
        }
        rate(d, rnd, online, now);
        return d;
    }

    /** Rates again a dossier whose life was rewritten (run on the engine): its earlier rating is dropped. */
    void reRate(DossierPlan d, SplittableRandom rnd, Instant now) {
        d.rating = null;
        d.events.removeIf(e -> "RATED".equals(e.action()));
        rate(d, rnd, "ONLINE".equals(d.channel), now);
    }

    /** The applicant's rating of an ended result: about a third are rated, late ones worse. */
    void rate(DossierPlan d, SplittableRandom rnd, boolean online, Instant now) {
        if (d.status != 9 && d.status != 10) return;
        if (rnd.nextDouble() >= (online ? 0.45 : 0.25)) return;
        boolean late = d.supplementCount > 1 || (d.dueAt != null && d.finishedAt.isAfter(d.dueAt));
        double r = rnd.nextDouble();
        int score = late ? (r < 0.35 ? 1 : r < 0.6 ? 2 : r < 0.85 ? 3 : 4)
                : (r < 0.02 ? 1 : r < 0.05 ? 2 : r < 0.15 ? 3 : r < 0.45 ? 4 : 5);
        boolean complaint = score <= 2 ? rnd.nextDouble() < 0.3 : rnd.nextDouble() < 0.01;
        Instant base = d.returnedAt != null ? d.returnedAt : d.finishedAt;
        Instant at = base.plusSeconds(rnd.nextLong(3 * 24 * HOUR)).truncatedTo(ChronoUnit.SECONDS);
        if (at.isAfter(now)) return;
        d.rating = new DossierPlan.Rating(score, complaint, rnd.nextDouble() < 0.4 ? pick(rnd, COMMENTS) : null, at);
        d.event(at, "ONLINE", "RATED", d.status, d.status, "score " + score + (complaint ? ", complaint" : ""));
    }

    private void move(DossierPlan d, Instant at, String channel, String action, int to, String reason) {
        d.event(at, channel, action, d.status, to, reason);
        d.status = to;
        d.statusReason = reason;
    }

    /** Processed (9), refused (3) or withdrawn (7): the working time from the start, clock stops excluded. */
    private void end(DossierPlan d, Instant at, String channel, String action, int to, String reason, Instant start) {
        move(d, at, channel, action, to, reason);
        d.finishedAt = at;
        d.clockStoppedAt = null;
        long working = calendar.workingTimeBetween(start, at, d.unitIdentifier).getSeconds();
        d.workingSeconds = Math.max(0, working - d.stoppedSeconds);
    }

    private Instant add(String unit, Instant from, Duration working) {
        return calendar.addWorkingTime(from, working, unit).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Duration hours(SplittableRandom rnd, double min, double max) {
        return Duration.ofSeconds(Math.round((min + rnd.nextDouble() * (max - min)) * HOUR));
    }

    private static String pick(SplittableRandom rnd, String[] options) { return options[rnd.nextInt(options.length)]; }
}
