package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.shared.BusinessRuleException;

/**
 * The dossier's transition table, walked in full without Spring: every method of the aggregate in every status. An
 * allowed move changes the status as the table below says, changes what the move changes and registers exactly the
 * events listeners get today, in their order; a refused move throws {@code dossier.transition.illegal} and changes
 * nothing (status, dates, counters, events). The table is written out here independently of {@code Dossier}, so a
 * change to the rules fails this test until the table (and the README) says so too.
 */
class DossierTransitionsTest {

    /**
     * The one-stop rules: the row is the dossier's method, the column the status it is in (national codes 1–10), the
     * cell the status it moves to; "." the move is refused; "=" nothing happens (no change, no event, no error).
     */
    private static final String TABLE = """
            method                     1   2   3   4   5   6   7   8   9  10
            ACCEPT                     2   .   .   .   .   .   .   .   .   .
            REFUSE                     3   .   .   .   .   .   .   .   .   .
            START_PROCESSING           .   4   .   .   .   .   .   .   .   .
            REQUEST_SUPPLEMENT         .   .   .   5   .   .   .   .   .   .
            RECEIVE_SUPPLEMENT         .   .   .   .   4   .   .   .   .   .
            REQUEST_PAYMENT            .   .   .   6   .   .   .   .   .   .
            CONFIRM_PAYMENT            .   .   .   .   .   4   .   .   .   .
            STOP                       .   .   .   8   8   .   .   .   .   .
            STOP_AND_END               .   .   .   8   8   .   .   .   .   .
            RESUME                     .   .   .   .   .   .   .   4   .   .
            WITHDRAW                   7   7   .   7   7   7   .   .   .   .
            MARK_PROCESSED             .   .   .   9   .   .   .   .   .   .
            RETURN_RESULT              .   .   .   .   .   .   .   .  10   .
            RETURN_RESULT_BY_PROCESS   .   .   .   .   .   .   .   .  10   =
            """;

    private static final String CODE = "000.01.15.H33-261127-0001";
    private static final String PROCEDURE = "1.001193";
    private static final String UNIT = "000.01.15.H33";
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-27T02:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant STOPPED_AT = Instant.parse("2026-11-28T03:00:00Z");
    private static final long EARLIER_STOPS = 3_600;
    private static final Instant NOW = Instant.parse("2026-12-01T04:30:00Z");
    private static final Instant NEW_DUE = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration STOPPED = Duration.ofHours(5);
    private static final Duration WORKING = Duration.ofHours(20);
    private static final String REASON = "Thiếu bản sao giấy chứng sinh";
    private static final String ACTOR = "clerk";

    /** Every method of the aggregate that moves a dossier, called with what the service would give it. */
    private enum Call {
        ACCEPT(d -> d.accept(NOW, NEW_DUE)),
        REFUSE(d -> d.refuse(NOW, REASON, WORKING)),
        START_PROCESSING(Dossier::startProcessing),
        REQUEST_SUPPLEMENT(d -> d.requestSupplement(NOW, REASON)),
        RECEIVE_SUPPLEMENT(d -> d.receiveSupplement(STOPPED, NEW_DUE)),
        REQUEST_PAYMENT(d -> d.requestPayment(NOW, REASON)),
        CONFIRM_PAYMENT(d -> d.confirmPayment(STOPPED, NEW_DUE, "BANK_TRANSFER", NOW)),
        STOP(d -> d.stop(NOW, REASON)),
        STOP_AND_END(d -> d.stopAndEnd(NOW, REASON, WORKING)),
        RESUME(d -> d.resume(STOPPED, NEW_DUE)),
        WITHDRAW(d -> d.withdraw(NOW, REASON, WORKING)),
        MARK_PROCESSED(d -> d.markProcessed(NOW, WORKING)),
        RETURN_RESULT(d -> d.returnResult(NOW, ACTOR)),
        RETURN_RESULT_BY_PROCESS(d -> d.returnResultByProcess(NOW));

        final Consumer<Dossier> call;

        Call(Consumer<Dossier> call) { this.call = call; }
    }

    @Test
    void everyAllowedMoveChangesTheStatusAsTheTableSaysAndRegistersItsEvents() {
        var table = table();
        int allowed = 0;
        for (Call call : Call.values()) {
            for (DossierStatus from : DossierStatus.values()) {
                String cell = table.get(call).get(from);
                if (cell.equals(".") || cell.equals("=")) continue;
                DossierStatus to = DossierStatus.ofCode(Integer.parseInt(cell));
                Dossier d = inStatus(from, true);
                Map<String, Object> before = state(d);

                call.call.accept(d);

                String pair = call + " from " + from;
                assertThat(d.status()).as(pair).isEqualTo(to);
                var events = expectedEvents(call, from, to, before.get("processInstanceId") != null);
                assertThat(d.events()).as(pair + ": events, in order").containsExactlyElementsOf(events);
                assertChanges(call, from, before, d, pair);
                assertThat(d.pullEvents()).as(pair + ": pulled once").containsExactlyElementsOf(events);
                assertThat(d.events()).as(pair + ": forgotten once pulled").isEmpty();
                allowed++;
            }
        }
        assertThat(allowed).as("allowed pairs in the table").isEqualTo(20);
    }

    @Test
    void everyRefusedMoveThrowsAndChangesNothing() {
        var table = table();
        int refused = 0;
        for (Call call : Call.values()) {
            for (DossierStatus from : DossierStatus.values()) {
                if (!table.get(call).get(from).equals(".")) continue;
                for (boolean withProcess : new boolean[] {true, false}) {
                    Dossier d = inStatus(from, withProcess);
                    Map<String, Object> before = state(d);
                    String pair = call + " from " + from;

                    var refusal = catchThrowableOfType(() -> call.call.accept(d), BusinessRuleException.class);

                    assertThat(refusal).as(pair + " is refused").isNotNull();
                    assertThat(refusal.messageKey()).as(pair).isEqualTo("dossier.transition.illegal");
                    assertThat(refusal.args()).as(pair + ": the dossier and its status are named").startsWith(CODE, from.code());
                    assertThat(state(d)).as(pair + " changes nothing").isEqualTo(before);
                    assertThat(d.events()).as(pair + " registers nothing").isEmpty();
                }
                refused++;
            }
        }
        assertThat(refused).as("refused pairs in the table").isEqualTo(Call.values().length * DossierStatus.values().length - 20 - 1);
    }

    @Test
    void theProcessReturningAResultTheDeskAlreadyHandedOverChangesNothing() {
        Dossier d = inStatus(DossierStatus.RETURNED, true);
        Map<String, Object> before = state(d);
        d.returnResultByProcess(NOW);
        assertThat(state(d)).isEqualTo(before);
        assertThat(d.events()).isEmpty();
    }

    @Test
    void theActionsPeopleTakeApplyInExactlyTheStatusesOfTheTable() {
        var table = table();
        for (DossierAction action : DossierAction.values()) {
            Call call = Call.valueOf(action.name());
            for (DossierStatus status : DossierStatus.values()) {
                boolean moves = !table.get(call).get(status).equals(".");
                assertThat(action.applicableTo(status)).as(action + " in " + status).isEqualTo(moves);
                assertThat(Dossier.admits(action, status)).as(action + " in " + status).isEqualTo(moves);
            }
        }
    }

    @Test
    void aWithdrawalBeforeAnyProcessRanEndsNoProcess() {
        for (DossierStatus from : List.of(DossierStatus.NEW, DossierStatus.RECEIVED)) {
            Dossier d = inStatus(from, false);
            d.withdraw(NOW, REASON, WORKING);
            assertThat(d.events()).as("from " + from)
                    .containsExactly(new DossierEvents.DossierStatusChanged(CODE, from, DossierStatus.WITHDRAWN));
        }
    }

    @Test
    void theDeskReceivesADossierDueAtItsDateAndItsProcessStartsAfterItsStagedFilesAreTaken() {
        Dossier d = Dossier.receive(intake(List.of("staged-1", "staged-2")), DUE);
        assertThat(d.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(d.dueAt()).isEqualTo(DUE);
        assertThat(d.ownerUsername()).as("a desk receipt belongs to no citizen account").isNull();
        assertThat(d.receivedAt()).isEqualTo(NOW);
        assertThat(d.createdBy()).isEqualTo(ACTOR);
        assertThat(d.feeAmount()).isEqualByComparingTo("8000");
        assertThat(d.events()).containsExactly(
                new DossierEvents.StagedFilesSubmitted(CODE, PROCEDURE, List.of("staged-1", "staged-2")),
                new DossierEvents.DossierCreated(CODE, DossierStatus.RECEIVED),
                new DossierEvents.DossierReceived(CODE, PROCEDURE, UNIT));

        assertThat(Dossier.receive(intake(List.of()), DUE).events()).containsExactly(
                new DossierEvents.DossierCreated(CODE, DossierStatus.RECEIVED), new DossierEvents.DossierReceived(CODE, PROCEDURE, UNIT));
    }

    @Test
    void anOnlineSubmissionIsTheApplicantsAndWaitsForTheDeskWithoutADueDate() {
        Dossier d = Dossier.submitOnline(intake(List.of("staged-1")));
        assertThat(d.status()).isEqualTo(DossierStatus.NEW);
        assertThat(d.dueAt()).isNull();
        assertThat(d.ownerUsername()).isEqualTo(ACTOR);
        assertThat(d.events()).as("no process starts before the desk accepts it")
                .containsExactly(new DossierEvents.StagedFilesSubmitted(CODE, PROCEDURE, List.of("staged-1")),
                        new DossierEvents.DossierCreated(CODE, DossierStatus.NEW));
        assertThat(Dossier.submitOnline(intake(null)).events()).containsExactly(new DossierEvents.DossierCreated(CODE, DossierStatus.NEW));
    }

    @Test
    void aStopThatEndedTheDossierNeverResumes() {
        Dossier d = inStatus(DossierStatus.IN_PROCESS, true);
        d.stopAndEnd(NOW, REASON, WORKING);
        d.pullEvents();
        assertThat(d.resumable()).isFalse();
        Map<String, Object> before = state(d);
        var refusal = catchThrowableOfType(() -> d.resume(STOPPED, NEW_DUE), BusinessRuleException.class);
        assertThat(refusal).isNotNull();
        assertThat(refusal.messageKey()).isEqualTo("dossier.resume.ended");
        assertThat(state(d)).isEqualTo(before);
        assertThat(d.events()).isEmpty();
    }

    @Test
    void aWorkingTimeIsNeverNegative() {
        Dossier d = inStatus(DossierStatus.STOPPED, true);
        Map<String, Object> before = state(d);
        assertThatThrownBy(() -> d.resume(Duration.ofMinutes(-1), NEW_DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(state(d)).isEqualTo(before);
        assertThat(d.events()).isEmpty();
    }

    // --- what each allowed move registers and changes, written out

    private static List<Object> expectedEvents(Call call, DossierStatus from, DossierStatus to, boolean processRuns) {
        var changed = new DossierEvents.DossierStatusChanged(CODE, from, to);
        var events = new ArrayList<Object>();
        switch (call) {
            case ACCEPT -> {
                events.add(changed);
                events.add(new DossierEvents.DossierReceived(CODE, PROCEDURE, UNIT));
            }
            case REQUEST_SUPPLEMENT, REQUEST_PAYMENT, STOP -> {
                events.add(changed);
                // a stop while waiting for a supplement: the clock was already stopped
                if (from == DossierStatus.IN_PROCESS) events.add(new DossierEvents.ClockStopped(CODE, to));
            }
            case RECEIVE_SUPPLEMENT, CONFIRM_PAYMENT, RESUME -> {
                events.add(new DossierEvents.ClockResumed(CODE, STOPPED));
                events.add(changed);
            }
            case WITHDRAW -> {
                events.add(changed);
                if (processRuns) events.add(new DossierEvents.DossierWithdrawn(CODE)); // its process ends
            }
            case STOP_AND_END -> {
                events.add(changed); // the dossier ends: no clock stop to wait for
                if (processRuns) events.add(new DossierEvents.DossierStopped(CODE)); // its process ends
            }
            case RETURN_RESULT -> {
                events.add(changed);
                events.add(new DossierEvents.ResultReturned(CODE, ACTOR));
            }
            case REFUSE, START_PROCESSING, MARK_PROCESSED, RETURN_RESULT_BY_PROCESS -> events.add(changed);
        }
        return events;
    }

    private static void assertChanges(Call call, DossierStatus from, Map<String, Object> before, Dossier d, String pair) {
        var expected = new LinkedHashMap<>(before);
        expected.put("status", d.status());
        expected.put("statusReason", null);
        switch (call) {
            case ACCEPT -> {
                expected.put("acceptedAt", NOW);
                expected.put("startedAt", NOW);
                expected.put("dueAt", NEW_DUE);
            }
            case REFUSE, WITHDRAW, MARK_PROCESSED -> {
                if (call != Call.MARK_PROCESSED) expected.put("statusReason", REASON);
                expected.put("finishedAt", NOW);
                expected.put("workingSeconds", WORKING.getSeconds() - EARLIER_STOPS);
                if (call == Call.WITHDRAW) expected.put("clockStoppedAt", null);
            }
            case REQUEST_SUPPLEMENT, REQUEST_PAYMENT, STOP -> {
                expected.put("statusReason", REASON);
                expected.put("resumable", call == Call.STOP);
                if (from == DossierStatus.IN_PROCESS) expected.put("clockStoppedAt", NOW);
                if (call == Call.REQUEST_SUPPLEMENT) expected.put("supplementCount", (int) before.get("supplementCount") + 1);
            }
            case RECEIVE_SUPPLEMENT, CONFIRM_PAYMENT, RESUME -> {
                expected.put("resumable", false);
                expected.put("clockStoppedAt", null);
                expected.put("stoppedSeconds", EARLIER_STOPS + STOPPED.getSeconds());
                expected.put("dueAt", NEW_DUE);
                if (call == Call.CONFIRM_PAYMENT) {
                    expected.put("paymentMethod", "BANK_TRANSFER");
                    expected.put("paidAt", NOW);
                }
            }
            case STOP_AND_END -> {
                // ended when the clock stopped: now, or at the supplement request it was waiting on
                Instant clockStopped = from == DossierStatus.IN_PROCESS ? NOW : STOPPED_AT;
                expected.put("statusReason", REASON);
                expected.put("clockStoppedAt", clockStopped);
                expected.put("finishedAt", clockStopped);
                expected.put("workingSeconds", WORKING.getSeconds() - EARLIER_STOPS);
                expected.put("resumable", false);
            }
            case RETURN_RESULT, RETURN_RESULT_BY_PROCESS -> expected.put("returnedAt", NOW);
            case START_PROCESSING -> { }
        }
        assertThat(state(d)).as(pair + ": what the move changes, and nothing else").isEqualTo(expected);
    }

    // --- fixtures

    /** A dossier as it would be stored in this status: its clock stopped in 5, 6, 8, ended in 3, 7, 9, 10. */
    private static Dossier inStatus(DossierStatus status, boolean processRuns) {
        boolean submittedOnline = status == DossierStatus.NEW || status == DossierStatus.REFUSED;
        boolean ended = status == DossierStatus.REFUSED || status == DossierStatus.WITHDRAWN
                || status == DossierStatus.PROCESSED || status == DossierStatus.RETURNED;
        return Dossier.stored().id(42).code(CODE).procedureCode(PROCEDURE).unit(7, UNIT, "/1/16/42/")
                .channel(submittedOnline ? Channel.ONLINE : Channel.IN_PERSON).status(status)
                .applicant(new Applicant("Trần Thị Mỹ Lệ", "091234567890", "0912345678", null, null))
                .ownerUsername(submittedOnline ? "citizen" : null).formData(Map.of("childFullName", "Nguyễn Thị Hồng Nhung"))
                .receivedAt(RECEIVED_AT).dueAt(status == DossierStatus.NEW || status == DossierStatus.REFUSED ? null : DUE)
                .finishedAt(ended ? RECEIVED_AT.plus(Duration.ofDays(1)) : null)
                .returnedAt(status == DossierStatus.RETURNED ? RECEIVED_AT.plus(Duration.ofDays(2)) : null)
                .processInstanceId(processRuns && !submittedOnline ? "process-1" : null).currentStep("Thẩm định hồ sơ")
                .createdBy(ACTOR).version(3)
                .clockStoppedAt(Dossier.clockStopped(status) ? STOPPED_AT : null).stoppedSeconds(EARLIER_STOPS)
                .supplementCount(1).statusReason(Dossier.clockStopped(status) || ended ? "lý do trước" : null)
                .workingSeconds(ended ? 10_000L : null).feeAmount(new BigDecimal("8000"))
                .build();
    }

    private static Dossier.Intake intake(List<String> staged) {
        var unit = new Unit(7, UNIT, "UBND phường Vĩnh Thanh Vân", "Vinh Thanh Van Ward", UnitLevel.COMMUNE, 5L, "/1/16/42/", true,
                vn.motcua.organisation.UnitKind.WARD, null);
        return new Dossier.Intake(CODE, PROCEDURE, new BigDecimal("8000"), unit, Channel.IN_PERSON,
                new Applicant("Trần Thị Mỹ Lệ", null, null, null, null), Map.of("childFullName", "Nguyễn Thị Hồng Nhung"),
                NOW, ACTOR, staged);
    }

    /** Everything a dossier shows (its public getters), by name. */
    private static Map<String, Object> state(Dossier d) {
        var state = new LinkedHashMap<String, Object>();
        Arrays.stream(Dossier.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0 && !m.getName().equals("toString"))
                .sorted(java.util.Comparator.comparing(Method::getName))
                .forEach(m -> {
                    try {
                        state.put(m.getName(), m.invoke(d));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return state;
    }

    private static Map<Call, Map<DossierStatus, String>> table() {
        var lines = TABLE.strip().lines().toList();
        var columns = Arrays.stream(lines.get(0).trim().split("\\s+")).skip(1)
                .map(c -> DossierStatus.ofCode(Integer.parseInt(c))).toList();
        assertThat(columns).as("one column per status").containsExactlyInAnyOrder(DossierStatus.values());
        var table = new EnumMap<Call, Map<DossierStatus, String>>(Call.class);
        for (String line : lines.subList(1, lines.size())) {
            var cells = line.trim().split("\\s+");
            var row = new EnumMap<DossierStatus, String>(DossierStatus.class);
            for (int i = 0; i < columns.size(); i++) row.put(columns.get(i), cells[i + 1]);
            table.put(Call.valueOf(cells[0]), row);
        }
        assertThat(table.keySet()).as("one row per method").containsExactlyInAnyOrder(Call.values());
        return table;
    }
}
