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
import vn.motcua.attachment.internal.SearchIndex;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;

/**
 * Search over dossiers and attachment text without diacritics, each user seeing only their own scope. Dossiers are
 * indexed from their events in the background, attachments once extracted.
 */
@MotCuaTest
class SearchApiTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired SearchIndex index;
    @Autowired JdbcClient jdbc;
    Uploads uploads;
    /** A made-up word no other dossier holds, so that the results are this test's own. */
    String marker;
    String code;

    @BeforeEach
    void setUp() {
        uploads = new Uploads(http, json);
        marker = word();
        var data = BirthRegistrationSample.intakeData();
        data.put("childFullName", "Lê Thị Ngọc Ánh " + capitalised(marker));
        var sample = BirthRegistrationSample.inPerson();
        users.signInAs("clerk");
        code = dossiers.receive(new ReceiveDossier(sample.procedureCode(), sample.channel(), sample.applicant(), data, null)
                .withCheckedComponents(sample.checkedComponents())).code();
        users.signOut();
    }

    @AfterEach
    void signOut() { users.signOut(); }

    private JsonNode search(String user, String q) throws Exception {
        return uploads.get(user, "/api/search?q=" + q);
    }

    private JsonNode awaitHits(String user, String q, int atLeast) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> search(user, q).size() >= atLeast);
        return search(user, q);
    }

    @Test
    void dossiersAreFoundByTheirFieldsWithoutDiacriticsWithinTheUsersScope() throws Exception {
        JsonNode hits = awaitHits("clerk", "le thi ngoc anh " + marker, 1);
        assertThat(hits).hasSize(1);
        JsonNode hit = hits.get(0);
        assertThat(hit.get("dossierCode").asText()).isEqualTo(code);
        assertThat(hit.get("source").asText()).isEqualTo("DOSSIER");
        assertThat(hit.get("field").asText()).isEqualTo("data.childFullName");
        assertThat(hit.get("where").asText()).startsWith("Tờ khai: ");
        assertThat(hit.get("snippet").asText()).isEqualTo("Lê Thị Ngọc Ánh " + capitalised(marker));

        assertThat(search("supervisor", marker)).hasSize(1);
        assertThat(search("specialist", "LÊ THỊ " + marker.toUpperCase())).hasSize(1);
        assertThat(search("clerk2", marker)).isEmpty();
        assertThat(search("citizen", marker)).isEmpty();

        JsonNode byCode = search("clerk", code);
        assertThat(byCode.findValuesAsText("dossierCode")).contains(code);
        assertThat(byCode.get(0).get("field").asText()).isEqualTo("code");
        JsonNode byProcedure = search("clerk", "dang ky khai sinh " + marker);
        assertThat(byProcedure).hasSize(1);
    }

    @Test
    void attachmentsAreFoundByNameAtOnceAndByTextOnceExtracted() throws Exception {
        byte[] pdf = TestDocuments.pdf(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Căn cứ Giấy chứng nhận quyền sử dụng đất số " + marker.toUpperCase() + " cấp ngày 15/3/2020",
                "Ông bà xác nhận nơi cư trú của người đăng ký"));
        var response = uploads.upload("clerk", code, "Xác nhận cư trú " + marker + ".pdf", pdf, null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = uploads.read(response).get("id").asLong();

        JsonNode byName = search("clerk", "xac nhan cu tru " + marker);
        assertThat(byName.findValuesAsText("source")).contains("ATTACHMENT");
        JsonNode nameHit = first(byName, "ATTACHMENT");
        assertThat(nameHit.get("field").asText()).isEqualTo("fileName");
        assertThat(nameHit.get("where").asText()).isEqualTo("Tên tệp đính kèm: Xác nhận cư trú " + marker + ".pdf");

        uploads.extracted("clerk", code, id);
        JsonNode byText = search("clerk", "giay chung nhan quyen su dung dat " + marker);
        assertThat(byText).hasSize(1);
        JsonNode textHit = byText.get(0);
        assertThat(textHit.get("dossierCode").asText()).isEqualTo(code);
        assertThat(textHit.get("field").asText()).isEqualTo("text");
        assertThat(textHit.get("attachmentId").asLong()).isEqualTo(id);
        assertThat(textHit.get("snippet").asText()).contains("Giấy chứng nhận quyền sử dụng đất số " + marker.toUpperCase());
        assertThat(search("clerk2", "giay chung nhan " + marker)).isEmpty();
        assertThat(search("citizen", "giay chung nhan " + marker)).isEmpty();
    }

    @Test
    void aQueryIsRequiredAndCallersSignedIn() throws Exception {
        var blank = uploads.as("clerk").getForEntity("/api/search?q= ,", String.class);
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(uploads.read(blank).get("field").asText()).isEqualTo("q");
        assertThat(uploads.as("clerk").getForEntity("/api/search", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(uploads.as(null).getForEntity("/api/search?q=a", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void onPostgresqlTheEntriesHaveAFullTextIndex() {
        boolean postgres = jdbc.sql("select count(*) from information_schema.tables where table_name = 'pg_class'")
                .query(Integer.class).single() > 0;
        assertThat(index.ensureFullTextIndex()).isEqualTo(postgres);
        if (postgres) {
            assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'ix_search_entry_fulltext'").query(String.class).single())
                    .contains("gin", "to_tsvector('simple'::regconfig, folded)");
        }
    }

    private static JsonNode first(JsonNode hits, String source) {
        for (JsonNode h : hits) if (source.equals(h.get("source").asText())) return h;
        throw new AssertionError("no " + source + " hit in " + hits);
    }

    private static String word() {
        var random = new Random();
        var b = new StringBuilder("x");
        for (int i = 0; i < 9; i++) b.append((char) ('a' + random.nextInt(26)));
        return b.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
