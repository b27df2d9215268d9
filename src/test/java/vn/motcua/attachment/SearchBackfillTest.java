package vn.motcua.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.internal.SearchBackfill;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;

/**
 * Dossiers missing from the search index (made before it existed, or whose entries were lost) are put back by the
 * back-fill, through the index's outbox: found again by their fields and their attachments' text.
 */
@MotCuaTest
class SearchBackfillTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired JdbcClient jdbc;
    @Autowired SearchBackfill backfill;
    Uploads uploads;
    String marker;
    String code;

    @BeforeEach
    void setUp() throws Exception {
        uploads = new Uploads(http, json);
        marker = word();
        var data = BirthRegistrationSample.intakeData();
        data.put("childFullName", "Phạm Gia Bảo " + marker);
        var sample = BirthRegistrationSample.inPerson();
        users.signInAs("clerk");
        code = dossiers.receive(new ReceiveDossier(sample.procedureCode(), sample.channel(), sample.applicant(), data, null)
                .withCheckedComponents(sample.checkedComponents())).code();
        users.signOut();
        byte[] pdf = TestDocuments.pdf(List.of("GIẤY XÁC NHẬN CƯ TRÚ", "Số " + marker.toUpperCase()));
        long id = uploads.read(uploads.upload("clerk", code, "xac-nhan.pdf", pdf, null)).get("id").asLong();
        uploads.extracted("clerk", code, id);
        await().atMost(Duration.ofSeconds(60)).until(() -> hits("pham gia bao " + marker).size() == 1
                && hits("giay xac nhan cu tru " + marker).size() == 1 && queued() == 0);
        // As if the dossier had been there before the index, or its entries had been lost
        jdbc.sql("delete from search_entry where dossier_code = ?").param(code).update();
        assertThat(hits("pham gia bao " + marker)).isEmpty();
        assertThat(hits("giay xac nhan cu tru " + marker)).isEmpty();
    }

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void aDossierMissingFromTheIndexIsFoundAgainAfterTheBackfillWithItsAttachments() throws Exception {
        assertThat(backfill.run(false)).isGreaterThanOrEqualTo(1);
        awaitFoundAgain();

        // Nothing is missing any more: another pass queues nothing for it
        backfill.run(false);
        assertThat(queued()).isZero();
    }

    @Test
    void anAdministratorStartsItFromTheApiAndNobodyElseMay() throws Exception {
        assertThat(uploads.as("clerk").postForEntity("/api/search/backfill", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(uploads.as("supervisor").postForEntity("/api/search/backfill", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = uploads.as("admin").postForEntity("/api/search/backfill", null, String.class);
            return response.getStatusCode() == HttpStatus.ACCEPTED && uploads.read(response).get("started").asBoolean();
        });
        awaitFoundAgain();
    }

    private void awaitFoundAgain() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> hits("pham gia bao " + marker).size() == 1 && hits("giay xac nhan cu tru " + marker).size() == 1);
        JsonNode dossier = hits("pham gia bao " + marker).get(0);
        assertThat(dossier.get("dossierCode").asText()).isEqualTo(code);
        assertThat(dossier.get("field").asText()).isEqualTo("data.childFullName");
        JsonNode text = hits("giay xac nhan cu tru " + marker).get(0);
        assertThat(text.get("source").asText()).isEqualTo("ATTACHMENT");
        assertThat(text.get("field").asText()).isEqualTo("text");
        // Still scoped: another unit's clerk does not find it
        assertThat(hits("clerk2", "pham gia bao " + marker)).isEmpty();
    }

    private JsonNode hits(String q) throws Exception { return hits("clerk", q); }

    private JsonNode hits(String user, String q) throws Exception {
        return uploads.get(user, "/api/search?q=" + q);
    }

    private long queued() {
        return jdbc.sql("select count(*) from search_index_request where dossier_code = ?").param(code).query(Long.class).single();
    }

    private static String word() {
        var random = new Random();
        var b = new StringBuilder("y");
        for (int i = 0; i < 9; i++) b.append((char) ('a' + random.nextInt(26)));
        return b.toString();
    }
}
