package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaTest;

/**
 * A joined-up dossier of Decree 63/2024/NĐ-CP through the API as the people of each agency use it: received at the
 * commune desk, registered by the justice officer, signed by the chairman, then the police (user {@code police}) and
 * the social insurance (user {@code insurance}) each complete their own step from their own task list, and the desk
 * returns the one result.
 */
@MotCuaTest
class JoinedUpDossierApiTest {
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Test
    void aBirthResidenceAndHealthInsuranceDossierIsReceivedAtTheDeskAndCompletedThroughThePoliceAndTheSocialInsurance() throws Exception {
        var applicant = new HashMap<String, Object>();
        applicant.put("fullName", "Nguyễn Văn An");
        applicant.put("idNumber", "091234567890");
        applicant.put("phone", "0912 345 678");
        applicant.put("address", "5 Trần Phú, Rạch Giá");
        var data = new HashMap<String, Object>(Map.of("childFullName", "Nguyễn Thị Mai", "childSex", "NU",
                "childBirthDate", "2026-11-20", "childBirthPlace", "Bệnh viện Sản Nhi Kiên Giang", "motherFullName", "Lê Thị Hoa",
                "residenceAddress", "5 Trần Phú, phường Vĩnh Thanh Vân", "householdHead", "Nguyễn Văn An",
                "healthFacility", "Trạm Y tế phường Vĩnh Thanh Vân"));
        var request = Map.of("procedureCode", "1.012694", "channel", "IN_PERSON", "applicant", applicant, "data", data,
                "checkedComponents", List.of("TO_KHAI", "GIAY_CHUNG_SINH"));
        String code = body(http.withBasicAuth("clerk", "demo").postForEntity("/api/dossiers",
                DossierAudienceTest.jsonEntity(request), String.class), HttpStatus.CREATED).get("code").asText();

        complete("specialist", code, Map.of("documentsComplete", true, "registerNumber", "301/2026",
                "personalIdNumber", "091326000301", "reviewOpinion", "Hồ sơ hợp lệ"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        assertThat(taskOf("clerk", code)).as("nothing at the desk while the agencies work").isNull();
        assertThat(taskOf("specialist", code)).as("the commune's specialist has no step of the police").isNull();
        complete("police", code, Map.of("residenceOutcome", "REGISTERED"));
        assertThat(taskOf("police", code)).isNull();
        complete("insurance", code, Map.of("insuranceOutcome", "ISSUED", "healthInsuranceCardNumber", "9126000301"));
        complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Nguyễn Văn An"));

        JsonNode dossier = body(http.withBasicAuth("clerk", "demo").getForEntity("/api/dossiers/" + code, String.class), HttpStatus.OK);
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(10);
    }

    @Test
    void theCatalogueSaysWhoSetsAFeeAndCitesTheSourceOfTimeAndFee() throws Exception {
        JsonNode permit = body(http.getForEntity("/api/procedures/1.013225", String.class), HttpStatus.OK);
        assertThat(permit.get("level").asText()).isEqualTo("COMMUNE");
        assertThat(permit.get("feeSource").asText()).isEqualTo("province-resolution");
        assertThat(permit.get("feeSetting").asText()).isEqualTo("motcua.fees.construction-permit");
        assertThat(permit.get("feeCitation").asText()).contains("85/2019/TT-BTC");
        JsonNode bundle = body(http.getForEntity("/api/procedures/1.012694", String.class), HttpStatus.OK);
        assertThat(bundle.get("processingTimeSource").asText()).contains("63/2024/NĐ-CP");
        assertThat(bundle.get("feeSource").asText()).isEqualTo("national");
        assertThat(bundle.has("feeSetting")).isFalse();
    }

    /** The caller's task of the dossier in their task list, or null. */
    private JsonNode taskOf(String username, String code) throws Exception {
        JsonNode items = body(http.withBasicAuth(username, "demo").getForEntity("/api/tasks?size=1000", String.class), HttpStatus.OK).get("items");
        for (JsonNode t : items) if (code.equals(t.get("dossierCode").asText())) return t;
        return null;
    }

    private void complete(String username, String code, Map<String, Object> data) throws Exception {
        JsonNode task = taskOf(username, code);
        assertThat(task).as("a task of " + code + " in the task list of " + username).isNotNull();
        body(http.withBasicAuth(username, "demo").postForEntity("/api/tasks/" + task.get("id").asText() + "/complete",
                DossierAudienceTest.jsonEntity(Map.of("data", data)), String.class), HttpStatus.OK);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }
}
