package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Which form values become process variables, the one rule the intake, the task list and the linter share: only the
 * fields marked {@code processVariable=true}, with values the process can compare.
 */
class ProcessVariablesTest {
    private static final FormSchema FORM = FormSchema.parse("""
            {"id": "Form_Routing", "type": "default", "components": [
              {"type": "textfield", "key": "landArea", "properties": {"processVariable": "true"}},
              {"type": "number", "key": "parcelArea", "properties": {"processVariable": "TRUE"}},
              {"type": "number", "key": "fee", "properties": {"processVariable": "true"}},
              {"type": "checkbox", "key": "conditionsMet", "properties": {"processVariable": "true"}},
              {"type": "textarea", "key": "opinion"},
              {"type": "textfield", "key": "note", "properties": {"processVariable": "false"}}
            ]}""");

    @Test
    void onlyTheFieldsMarkedAsRoutingDataAreProcessVariables() {
        assertThat(FORM.processVariableKeys()).containsExactly("landArea", "parcelArea", "fee", "conditionsMet");
    }

    @Test
    void numbersReachTheProcessAsNumbersAndMissingValuesStayOut() {
        var data = new HashMap<String, Object>(Map.of("landArea", "RACH_GIA", "parcelArea", new BigDecimal("96.5"),
                "fee", new BigDecimal("500000"), "opinion", "Đủ điều kiện", "note", "ghi chú"));
        data.put("conditionsMet", null);

        var variables = FORM.processVariables(data);

        assertThat(variables).containsOnlyKeys("landArea", "parcelArea", "fee");
        assertThat(variables.get("landArea")).isEqualTo("RACH_GIA");
        assertThat(variables.get("parcelArea")).isEqualTo(96.5d);
        assertThat(variables.get("fee")).isEqualTo(500_000L);
    }

    @Test
    void aValueThatIsNeitherTextNorNumberNorFlagReachesTheProcessAsText() {
        var variables = FORM.processVariables(Map.of("landArea", List.of("A", "B"), "conditionsMet", true));
        assertThat(variables).containsEntry("landArea", "[A, B]").containsEntry("conditionsMet", true);
    }
}
