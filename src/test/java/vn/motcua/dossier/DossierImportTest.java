package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestClock;
import vn.motcua.TestUsers;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.Formats;

/**
 * The dossier module's import: dossiers whose past is given are written with trails chained by the one audit trail
 * (they verify as the desk's do), their steps and ratings, and the code counters move past their codes, so that the
 * desk goes on after them; bad input changes nothing; only the system imports; a history is replaced only on dossiers
 * the same import wrote. The audit trail reads the time from the application's clock.
 */
@MotCuaTest
class DossierImportTest {
    static final String WARD = "000.01.15.H33";
    static final String SOURCE = "import-test";

    @Autowired DossierImport imports;
    @Autowired DossierService dossiers;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        users.signOut();
    }

    private long unit(String identifier) {
        return jdbc.sql("select id from org_unit where identifier = ?").param(identifier).query(Long.class).single();
    }

    private int counter(long unitId, LocalDate day) {
        return jdbc.sql("select last_value from dossier_code_sequence where unit_id = ? and receipt_day = ?")
                .params(unitId, day).query(Integer.class).optional().orElse(0);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A birth registration received in person at 08:15 that day, processed, returned, rated, with its two steps. */
    private ImportedDossier returned(String code, long unitId, LocalDate day) {
        Instant received = day.atTime(LocalTime.of(8, 15)).atZone(Formats.ZONE).toInstant();
        Instant reviewed = received.plusSeconds(3 * 3600);
        Instant approved = received.plusSeconds(5 * 3600);
        Instant returned = received.plusSeconds(26 * 3600);
        var events = List.of(
                new ImportedDossier.Event(received, SOURCE, Channel.IN_PERSON, "RECEIVED", null, DossierStatus.RECEIVED, "1.001193"),
                new ImportedDossier.Event(received, SOURCE, Channel.IN_PERSON, "PROCESSING_STARTED", DossierStatus.RECEIVED,
                        DossierStatus.IN_PROCESS, null),
                new ImportedDossier.Event(approved, SOURCE, Channel.IN_PERSON, "PROCESSED", DossierStatus.IN_PROCESS,
                        DossierStatus.PROCESSED, null),
                new ImportedDossier.Event(returned, SOURCE, Channel.IN_PERSON, "RESULT_RETURNED", DossierStatus.PROCESSED,
                        DossierStatus.RETURNED, null),
                new ImportedDossier.Event(returned.plusSeconds(600), SOURCE, Channel.ONLINE, "RATED", DossierStatus.RETURNED,
                        DossierStatus.RETURNED, "score 5"));
        var steps = List.of(
                new ImportedDossier.Step(code + "-review", "Task_ReviewDossier", "Thẩm định hồ sơ", SOURCE, received, reviewed),
                new ImportedDossier.Step(code + "-approve", "Task_ApproveResult", "Phê duyệt", SOURCE, reviewed, approved));
        return new ImportedDossier(code, "1.001193", unitId, Channel.IN_PERSON, DossierStatus.RETURNED,
                new Applicant("Lê Thị Nhập", null, null, null, null), SOURCE,
                new ImportedDossier.Dates(received, null, received.plusSeconds(8 * 3600), null, approved, returned),
                new ImportedDossier.Facts(null, 0, 0, null, 5L * 3600, BigDecimal.ZERO, null, null), null, events, steps,
                new ImportedDossier.Rating(5, false, "Nhanh", returned.plusSeconds(600)));
    }

    @Test
    void importedTrailsVerifyAsTheDesksAndTheDeskNumbersOnAfterTheImportedCodes() {
        long ward = unit(WARD);
        LocalDate today = LocalDate.now(Formats.ZONE);
        int before = counter(ward, today);
        String first = DossierCode.of(WARD, today, before + 40);
        String second = DossierCode.of(WARD, today, before + 41);

        int written = SystemAccess.call(() -> imports.importDossiers(List.of(returned(first, ward, today), returned(second, ward, today))));

        assertThat(written).as("audit records written").isEqualTo(10);
        assertThat(counter(ward, today)).as("the unit's counter of the day").isEqualTo(before + 41);
        users.signInAs("supervisor");
        for (String code : List.of(first, second)) {
            assertThat(dossiers.verifyHistory(code)).as(code).isNull();
            var history = dossiers.history(code);
            assertThat(history).extracting(AuditEntry::action)
                    .containsExactly("RECEIVED", "PROCESSING_STARTED", "PROCESSED", "RESULT_RETURNED", "RATED");
            assertThat(history).extracting(AuditEntry::actor).containsOnly(SOURCE);
            assertThat(history.get(1).previousHash()).isEqualTo(history.get(0).hash());
            var dossier = dossiers.get(code);
            assertThat(dossier.status()).isEqualTo(DossierStatus.RETURNED);
            assertThat(dossier.workingSeconds()).isEqualTo(5L * 3600);
            assertThat(dossiers.steps(code)).extracting(DossierStep::stepKey).containsExactly("Task_ReviewDossier", "Task_ApproveResult");
        }
        assertThat(count("select count(*) from dossier_rating r join dossier d on d.id = r.dossier_id where d.code in (?, ?)",
                first, second)).isEqualTo(2);

        users.signInAs("clerk");
        String next = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        assertThat(next).as("the desk's next code of the day").isEqualTo(DossierCode.of(WARD, today, before + 42));
    }

    @Test
    void aBatchWithOneBadDossierWritesNothing() {
        long ward = unit(WARD);
        long otherUnit = unit("000.02.17.H33");
        LocalDate day = LocalDate.of(2025, 6, 10);
        int before = counter(ward, day);
        String good = DossierCode.of(WARD, day, before + 1);
        String wrongUnit = DossierCode.of(WARD, day, before + 2);
        long dossiersBefore = count("select count(*) from dossier");
        long eventsBefore = count("select count(*) from dossier_event");

        assertThatThrownBy(() -> SystemAccess.call(() -> imports.importDossiers(List.of(
                returned(good, ward, day), returned(wrongUnit, otherUnit, day)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(wrongUnit).hasMessageContaining("000.02.17.H33");
        assertThatThrownBy(() -> SystemAccess.call(() -> imports.importDossiers(List.of(
                returned(good, ward, day), returned(good, ward, day)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> returned(DossierCode.of(WARD, day.plusDays(1), before + 3), ward, day))
                .as("a code dated on another day than the receipt").isInstanceOf(IllegalArgumentException.class);

        assertThat(count("select count(*) from dossier")).isEqualTo(dossiersBefore);
        assertThat(count("select count(*) from dossier_event")).isEqualTo(eventsBefore);
        assertThat(counter(ward, day)).isEqualTo(before);

        SystemAccess.run(() -> imports.importDossiers(List.of(returned(good, ward, day))));
        assertThatThrownBy(() -> SystemAccess.call(() -> imports.importDossiers(List.of(returned(good, ward, day)))))
                .as("a code that exists already").isInstanceOf(IllegalArgumentException.class);
        assertThat(count("select count(*) from dossier where code = ?", good)).isEqualTo(1);
    }

    @Test
    void onlyTheSystemImports() {
        long ward = unit(WARD);
        LocalDate day = LocalDate.of(2025, 6, 11);
        var dossier = returned(DossierCode.of(WARD, day, counter(ward, day) + 1), ward, day);
        assertThatThrownBy(() -> imports.importDossiers(List.of(dossier)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        for (String user : new String[] {"admin", "clerk", "supervisor"}) {
            users.signInAs(user);
            assertThatThrownBy(() -> imports.importDossiers(List.of(dossier))).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> imports.replaceHistory(List.of(dossier))).as(user).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> imports.dossierCount()).as(user).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(count("select count(*) from dossier where code = ?", dossier.code())).isZero();
    }

    @Test
    void aHistoryIsReplacedOnlyOnDossiersTheSameImportWrote() {
        long ward = unit(WARD);
        LocalDate day = LocalDate.of(2025, 6, 12);
        String code = DossierCode.of(WARD, day, counter(ward, day) + 1);
        var full = returned(code, ward, day);
        var received = new ImportedDossier(code, full.procedureCode(), ward, Channel.IN_PERSON, DossierStatus.RECEIVED,
                full.applicant(), SOURCE, new ImportedDossier.Dates(full.dates().receivedAt(), null, full.dates().dueAt(), null, null, null),
                null, null, full.events().subList(0, 1), List.of(), null);
        SystemAccess.run(() -> imports.importDossiers(List.of(received)));

        int written = SystemAccess.call(() -> imports.replaceHistory(List.of(full)));
        assertThat(written).isEqualTo(5);
        users.signInAs("supervisor");
        assertThat(dossiers.get(code).status()).isEqualTo(DossierStatus.RETURNED);
        assertThat(dossiers.history(code)).hasSize(5);
        assertThat(dossiers.verifyHistory(code)).isNull();

        users.signInAs("clerk");
        String desk = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signOut();
        var rewrite = new ArrayList<ImportedDossier>();
        LocalDate deskDay = LocalDate.parse("20" + desk.substring(14, 16) + "-" + desk.substring(16, 18) + "-" + desk.substring(18, 20));
        var forged = returned(desk, ward, deskDay);
        rewrite.add(full);
        rewrite.add(forged);
        assertThatThrownBy(() -> SystemAccess.call(() -> imports.replaceHistory(rewrite)))
                .as("a dossier the desk received").isInstanceOf(IllegalArgumentException.class).hasMessageContaining(desk);
        users.signInAs("supervisor");
        assertThat(dossiers.history(desk)).extracting(AuditEntry::actor).doesNotContain(SOURCE);
        assertThat(dossiers.verifyHistory(desk)).isNull();
        assertThat(dossiers.history(code)).hasSize(5);
    }

    @Test
    void theAuditTrailTakesTheTimeFromTheApplicationsClock() {
        long ward = unit(WARD);
        LocalDate day = LocalDate.of(2025, 6, 13);
        String code = DossierCode.of(WARD, day, counter(ward, day) + 1);
        SystemAccess.run(() -> imports.importDossiers(List.of(returned(code, ward, day))));
        long id = jdbc.sql("select id from dossier where code = ?").param(code).query(Long.class).single();
        Instant set = Instant.parse("2025-06-20T02:03:04.567891Z");
        clock.setTo(set);

        audit.append(id, "clerk", Channel.IN_PERSON.name(), "NOTE", DossierStatus.RETURNED, DossierStatus.RETURNED, "ghi chú");

        users.signInAs("supervisor");
        var history = dossiers.history(code);
        assertThat(history).hasSize(6);
        assertThat(history.get(5).occurredAt()).isEqualTo(set);
        assertThat(history.get(5).seq()).isEqualTo(6);
        assertThat(dossiers.verifyHistory(code)).isNull();
    }
}
