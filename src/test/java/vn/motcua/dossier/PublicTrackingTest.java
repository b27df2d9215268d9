package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;

/**
 * Anyone follows a dossier with its code and the last digits of the applicant's phone or identity number: the stage in
 * plain words, no personal data; a wrong key and a wrong code get the same answer; guessing is stopped after a few
 * tries (429).
 */
@MotCuaTest
class PublicTrackingTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired DossierDocuments documents;
    @Autowired vn.motcua.tasklist.TaskListService tasks;
    @Autowired vn.motcua.monitoring.IndicatorService indicators;
    @Autowired vn.motcua.TestClock clock;

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void theCodeAndTheLastDigitsOfThePhoneShowTheStageWithoutPersonalData() throws Exception {
        String code = receive();
        ResponseEntity<String> found = http.getForEntity("/api/public/dossiers/" + code + "?key=5678", String.class);
        assertThat(found.getStatusCode()).as(found.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode t = json.readTree(found.getBody());
        assertThat(t.get("code").asText()).isEqualTo(code);
        assertThat(t.get("stage").asText()).isEqualTo("PROCESSING");
        assertThat(t.get("stageText").asText()).isEqualTo("Đang giải quyết");
        assertThat(t.get("procedureName").asText()).isEqualTo("Thủ tục đăng ký khai sinh");
        assertThat(t.get("dueAt").asText()).isNotBlank();
        assertThat(found.getBody()).doesNotContain("Trần Thị Mỹ Lệ", "0912345678", "091234567890", "Nguyễn Trung Trực",
                "Hồng Nhung", "applicant");
        // the end of the identity number works too
        assertThat(http.getForEntity("/api/public/dossiers/" + code + "?key=7890", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongKeyAndAWrongCodeGetTheSameAnswerAndGuessingStops() throws Exception {
        String code = receive();
        var wrongKey = http.getForEntity("/api/public/dossiers/" + code + "?key=1111", String.class);
        String unknown = "000.01.15.H33-200101-" + (1000 + new java.util.Random().nextInt(9000));
        var wrongCode = http.getForEntity("/api/public/dossiers/" + unknown + "?key=5678", String.class);
        assertThat(wrongKey.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(wrongKey.getBody()).get("message").asText())
                .isEqualTo(json.readTree(wrongCode.getBody()).get("message").asText());
        assertThat(http.getForEntity("/api/public/dossiers/" + code + "?key=78", String.class).getStatusCode())
                .as("fewer than four digits").isEqualTo(HttpStatus.NOT_FOUND);
        for (int i = 0; i < 3; i++) http.getForEntity("/api/public/dossiers/" + code + "?key=2222", String.class);
        var locked = http.getForEntity("/api/public/dossiers/" + code + "?key=5678", String.class);
        assertThat(locked.getStatusCode()).as("even the right key while the code is locked").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(locked.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(json.readTree(locked.getBody()).get("message").asText()).contains("thử lại sau");
    }

    @Test
    void theReceiptPrintsTheTrackingPagesAddressWhenThePublicAddressIsKnown() throws Exception {
        String code = receive();
        try {
            documents.setPublicUrl("https://motcua.example.vn/");
            users.signInAs("clerk");
            var pdf = documents.render(code, vn.motcua.paperwork.OfficialForm.ofNumber("01"));
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.content())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
                assertThat(text).contains("https://motcua.example.vn/tra-cuu?ma=" + code);
            }
        } finally {
            documents.setPublicUrl("");
        }
    }

    @Test
    void theReceiptsTrackingKeyFollowsTheDossierAlsoWhenTheApplicantGaveNoPhoneOrIdentityNumber() throws Exception {
        var sample = BirthRegistrationSample.inPerson();
        var noContacts = new ReceiveDossier(sample.procedureCode(), sample.channel(),
                new Applicant("Trần Thị Mỹ Lệ", null, null, null, "12 Nguyễn Trung Trực, Rạch Giá"), sample.data(),
                sample.unitIdentifier(), sample.stagedFiles(), sample.checkedComponents(), sample.missingComponentsReason());
        users.signInAs("clerk");
        String code = dossiers.receive(noContacts).code();
        String other = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        String key = dossiers.trackingKey(code).orElseThrow();
        String otherKey = dossiers.trackingKey(other).orElseThrow();
        assertThat(key).as("eight random digits").matches("\\d{8}").isNotEqualTo(otherKey);
        try {
            documents.setPublicUrl("https://motcua.example.vn/");
            var pdf = documents.render(code, vn.motcua.paperwork.OfficialForm.ofNumber("01"));
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.content())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
                assertThat(text).as("printed with the tracking sentence, and in the page's address the QR code holds")
                        .contains("mãtracứu" + key, "https://motcua.example.vn/tra-cuu?ma=" + code + "&khoa=" + key);
            }
        } finally {
            documents.setPublicUrl("");
            users.signOut();
        }

        var found = http.getForEntity("/api/public/dossiers/" + code + "?key=" + key, String.class);
        assertThat(found.getStatusCode()).as(found.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(found.getBody()).get("stage").asText()).isEqualTo("PROCESSING");
        assertThat(http.getForEntity("/api/public/dossiers/" + code + "?key=" + key.substring(4), String.class).getStatusCode())
                .as("the whole key, not its end").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/public/dossiers/" + code + "?key=" + otherKey, String.class).getStatusCode())
                .as("another dossier's key").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/public/dossiers/" + other + "?key=" + otherKey, String.class).getStatusCode())
                .as("a dossier with a phone number: its key works too").isEqualTo(HttpStatus.OK);
        users.signInAs("citizen");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> dossiers.trackingKey(code)))
                .as("only whoever may see the dossier reads its key").isInstanceOf(vn.motcua.shared.NotFoundException.class);
    }

    @Test
    void theApplicantRatesTheEndedDossierOnceFromTheTrackingPage() throws Exception {
        String code = receive();
        var early = rate(code, "5678", 5);
        assertThat(early.getStatusCode()).as("not ended yet").isEqualTo(HttpStatus.CONFLICT);
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));

        JsonNode tracked = json.readTree(http.getForEntity("/api/public/dossiers/" + code + "?key=5678", String.class).getBody());
        assertThat(tracked.get("stage").asText()).isEqualTo("DONE");
        assertThat(tracked.get("canRate").asBoolean()).isTrue();
        assertThat(tracked.get("rated").asBoolean()).isFalse();
        assertThat(rate(code, "1111", 4).getStatusCode()).as("a wrong key").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rate(code, "5678", 9).getStatusCode()).as("a score out of range").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rate(code, "5678", 4).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rate(code, "5678", 1).getStatusCode()).as("once per dossier").isEqualTo(HttpStatus.CONFLICT);
        tracked = json.readTree(http.getForEntity("/api/public/dossiers/" + code + "?key=5678", String.class).getBody());
        assertThat(tracked.get("rated").asBoolean()).isTrue();
        users.signInAs("clerk");
        assertThat(dossiers.history(code)).anySatisfy(e -> assertThat(e.action()).isEqualTo("RATED"));
    }

    @Test
    void aLowRatingSaysWhatWentWrongAlongTheSatisfactionCriteria() throws Exception {
        String code = receive();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));

        var high = rate(code, Map.of("key", "5678", "score", 5, "criteria", java.util.List.of("TIME")));
        assertThat(high.getStatusCode()).as("criteria only with a low score").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(high.getBody()).get("field").asText()).isEqualTo("criteria");
        var unknown = rate(code, Map.of("key", "5678", "score", 2, "criteria", java.util.List.of("TIME", "WEATHER")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(unknown.getBody()).get("message").asText()).contains("WEATHER", "STAFF");
        assertThat(json.readTree(http.getForEntity("/api/public/dossiers/" + code + "?key=5678", String.class).getBody())
                .get("rated").asBoolean()).as("nothing was stored").isFalse();

        var low = rate(code, Map.of("key", "5678", "score", 2, "criteria", java.util.List.of("TIME", "STAFF")));
        assertThat(low.getStatusCode()).as(low.getBody()).isEqualTo(HttpStatus.CREATED);
        users.signInAs("clerk");
        assertThat(dossiers.ratingCriteria(code)).containsExactly(RatingCriterion.STAFF, RatingCriterion.TIME);
        assertThat(dossiers.history(code)).anySatisfy(e -> assertThat(e.detail()).contains("score 2", "STAFF,TIME"));
    }

    @Test
    void aRatingFromTheTrackingPageIsCountedByIndicatorFiveFour() throws Exception {
        // a working day of its own, far ahead, so that the period holds few dossiers (earlier runs' on PostgreSQL)
        java.time.Instant day = java.time.Instant.parse("2031-03-04T02:00:00Z");
        clock.setTo(day);
        try {
            String code = receive();
            complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ đầy đủ"));
            complete("leader", code, Map.of("decision", "APPROVE"));
            complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
            clock.setTo(day.plusSeconds(3600));
            var before = satisfaction();
            assertThat(rate(code, "5678", 1).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            var after = satisfaction();
            assertThat(after.denominator()).as("the same dossiers").isEqualByComparingTo(before.denominator());
            assertThat(before.numerator().subtract(after.numerator())).as("one satisfied dossier fewer: the rating of 1")
                    .isEqualByComparingTo(java.math.BigDecimal.ONE);
        } finally {
            clock.reset();
        }
    }

    /** Indicator 5.4 of the ward's birth registrations on 4 March 2031, as the supervisor reads it. */
    private vn.motcua.monitoring.Indicator satisfaction() {
        return vn.motcua.monitoring.IndicatorReading.of(indicators, users, "2031-03-04", BirthRegistrationSample.WARD,
                BirthRegistrationSample.PROCEDURE, "5.4");
    }

    private ResponseEntity<String> rate(String code, Map<String, Object> body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/public/dossiers/" + code + "/rating", new org.springframework.http.HttpEntity<>(body, headers),
                String.class);
    }

    private ResponseEntity<String> rate(String code, String key, int score) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/public/dossiers/" + code + "/rating", new org.springframework.http.HttpEntity<>(
                Map.of("key", key, "score", score, "comment", "Cán bộ hướng dẫn tận tình"), headers), String.class);
    }

    private void complete(String user, String code, Map<String, Object> data) {
        users.signInAs(user);
        tasks.complete(tasks.tasksOf(code).get(0).id(), data);
        users.signOut();
    }

    private String receive() {
        users.signInAs("clerk");
        String code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        users.signOut();
        return code;
    }
}
