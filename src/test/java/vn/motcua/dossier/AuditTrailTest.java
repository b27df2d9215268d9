package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;

/** The audit trail is a hash chain: an altered, removed or truncated record is detected. */
@MotCuaTest
class AuditTrailTest {
    @Autowired DossierService dossiers;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;

    @AfterEach
    void signOut() { users.signOut(); }

    private String dossierWithHistory() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        dossiers.act(code, DossierAction.REQUEST_SUPPLEMENT, "Thiếu giấy chứng sinh");
        dossiers.act(code, DossierAction.RECEIVE_SUPPLEMENT, null);
        users.signInAs("supervisor");
        assertThat(dossiers.history(code)).hasSize(4);
        assertThat(dossiers.verifyHistory(code)).isNull();
        return code;
    }

    private long id(String code) {
        return jdbc.sql("select id from dossier where code = ?").param(code).query(Long.class).single();
    }

    @Test
    void anAlteredRecordIsDetected() {
        String code = dossierWithHistory();
        jdbc.sql("update dossier_event set actor = 'someone-else' where dossier_id = ? and seq = 2").param(id(code)).update();
        assertThat(dossiers.verifyHistory(code)).isEqualTo("record 2 was altered");
    }

    @Test
    void aRemovedRecordIsDetected() {
        String code = dossierWithHistory();
        jdbc.sql("delete from dossier_event where dossier_id = ? and seq = 3").param(id(code)).update();
        assertThat(dossiers.verifyHistory(code)).isEqualTo("record 3 is missing");
    }

    @Test
    void removingTheLastRecordsIsDetected() {
        String code = dossierWithHistory();
        jdbc.sql("delete from dossier_event where dossier_id = ? and seq = 4").param(id(code)).update();
        assertThat(dossiers.verifyHistory(code)).isEqualTo("the last records were removed");
    }

    @Test
    void theHistoryIsOldestFirstWithWhoWhatAndStatuses() {
        String code = dossierWithHistory();
        var history = dossiers.history(code);
        assertThat(history).extracting(AuditEntry::action)
                .containsExactly("RECEIVED", "PROCESSING_STARTED", "REQUEST_SUPPLEMENT", "RECEIVE_SUPPLEMENT");
        assertThat(history).extracting(AuditEntry::statusAfter).containsExactly(2, 4, 5, 4);
        assertThat(history.get(2).actor()).isEqualTo("clerk");
        assertThat(history.get(2).detail()).isEqualTo("Thiếu giấy chứng sinh");
        assertThat(history.get(1).previousHash()).isEqualTo(history.get(0).hash());
    }
}
