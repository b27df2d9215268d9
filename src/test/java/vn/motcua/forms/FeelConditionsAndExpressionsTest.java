package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Conditional hiding and computed values, evaluated by Camunda's FEEL engine. */
class FeelConditionsAndExpressionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), Forms.ZONE);

    private final FormValidator validator = new FormValidator(CLOCK);

    private static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }

    @Test
    void hiddenFieldIsNeitherValidatedNorSubmitted() {
        FormSchema schema = FormSamples.parse("""
                {"type": "checkbox", "id": "A", "key": "coVoChong"},
                {"type": "textfield", "id": "B", "key": "tenVoChong", "validate": {"required": true},
                 "conditional": {"hide": "=coVoChong != true"}}
                """);
        assertThat(validator.validate(schema, Map.of("tenVoChong", "ignored"), null)).isEmpty();
        assertThat(validator.normalize(schema, Map.of("tenVoChong", "ignored"))).containsExactly(
                Map.entry("coVoChong", false));

        assertThat(fields(validator.validate(schema, Map.of("coVoChong", true), null))).containsExactly("tenVoChong");
        assertThat(validator.normalize(schema, Map.of("coVoChong", true, "tenVoChong", "Lê Thị Cúc")))
                .containsEntry("tenVoChong", "Lê Thị Cúc");
    }

    @Test
    void conditionsSeeDefaultValues() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        // noiSinh defaults to "co_so_y_te": the facility name is shown and required
        assertThat(fields(validator.validate(schema, Map.of(), null))).contains("tre.tenCoSoYTe");
        Map<String, Object> atHome = Map.of("tre", Map.of("noiSinh", "ngoai_co_so_y_te"));
        assertThat(fields(validator.validate(schema, atHome, null))).doesNotContain("tre.tenCoSoYTe");
    }

    @Test
    void hidingAGroupHidesEverythingInside() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        Map<String, Object> withoutFather = Map.of("khaiThongTinCha", false, "cha", Map.of("hoTen", "X"));
        assertThat(fields(validator.validate(schema, withoutFather, null))).noneMatch(f -> f.startsWith("cha."));
        assertThat(validator.normalize(schema, withoutFather)).doesNotContainKey("cha");

        assertThat(fields(validator.validate(schema, Map.of(), null))).contains("cha.hoTen");
    }

    @Test
    void hiddenValuesAreGoneForLaterConditions() {
        FormSchema schema = FormSamples.parse("""
                {"type": "checkbox", "id": "A", "key": "a"},
                {"type": "textfield", "id": "B", "key": "b", "conditional": {"hide": "=a != true"}},
                {"type": "textfield", "id": "C", "key": "c", "conditional": {"hide": "=b = null"}}
                """);
        // b is hidden (a is false), so c sees no b and hides too, although the data has a b
        assertThat(validator.normalize(schema, Map.of("b", "x", "c", "y"))).containsOnlyKeys("a");
        assertThat(validator.normalize(schema, Map.of("a", true, "b", "x", "c", "y"))).containsOnlyKeys("a", "b", "c");
    }

    @Test
    void conditionsInsideDynamicListsUseThis() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        Map<String, Object> data = Map.of("giayToKemTheo", List.of(
                Map.of("loai", "giay_chung_sinh", "soBan", 1),
                Map.of("loai", "khac", "soBan", 1)));
        List<String> invalid = fields(validator.validate(schema, data, null));
        assertThat(invalid).contains("giayToKemTheo[1].moTa").doesNotContain("giayToKemTheo[0].moTa");
    }

    @Test
    void conditionsCanUseTheItemIndexAndTheParent() {
        FormSchema schema = FormSamples.parse("""
                {"type": "textfield", "id": "A", "key": "loai"},
                {"type": "dynamiclist", "id": "L", "path": "ds", "components": [
                  {"type": "textfield", "id": "B", "key": "ghiChu", "conditional": {"hide": "=i[1] > 1"}},
                  {"type": "textfield", "id": "C", "key": "ma", "conditional": {"hide": "=parent.loai != \\"x\\""}}
                ]}
                """);
        Map<String, Object> normalized = validator.normalize(schema, Map.of("loai", "x",
                "ds", List.of(Map.of("ghiChu", "1", "ma", "m1"), Map.of("ghiChu", "2", "ma", "m2"))));
        assertThat(normalized.get("ds")).isEqualTo(List.of(Map.of("ghiChu", "1", "ma", "m1"), Map.of("ma", "m2")));
    }

    @Test
    void conditionsCanUseVariablesFromOutsideTheForm() {
        FormSchema schema = FormSamples.parse("""
                {"type": "textfield", "id": "A", "key": "lyDoTuChoi", "conditional": {"hide": "=ketQua != \\"tu_choi\\""},
                 "validate": {"required": true}}
                """);
        assertThat(validator.validate(schema, Map.of("ketQua", "dong_y"), null)).isEmpty();
        assertThat(fields(validator.validate(schema, Map.of("ketQua", "tu_choi"), null))).containsExactly("lyDoTuChoi");
    }

    @Test
    void aFailingConditionDoesNotHide() {
        FormSchema schema = FormSamples.parse("""
                {"type": "textfield", "id": "A", "key": "a", "conditional": {"hide": "=b > 3"}}
                """);
        // "x" > 3 is not a boolean in FEEL: form-js keeps the field shown
        assertThat(validator.normalize(schema, Map.of("a", "v", "b", "x"))).containsEntry("a", "v");
    }

    @Test
    void expressionFieldComputesFromTheData() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        assertThat(validator.normalize(schema, Map.of("soBanTrichLuc", 3)).get("lePhi")).isEqualTo(new BigDecimal("24000"));
        // soBanTrichLuc defaults to 1
        assertThat(validator.normalize(schema, Map.of()).get("lePhi")).isEqualTo(new BigDecimal("8000"));
    }

    @Test
    void expressionFieldsOverrideSubmittedValues() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        assertThat(validator.normalize(schema, Map.of("soBanTrichLuc", 2, "lePhi", 1)).get("lePhi"))
                .isEqualTo(new BigDecimal("16000"));
    }

    @Test
    void expressionFieldsMayDependOnEachOtherInAnyOrder() {
        FormSchema schema = FormSamples.parse("""
                {"type": "expression", "id": "T", "key": "tong", "expression": "=phi + thue"},
                {"type": "expression", "id": "H", "key": "thue", "expression": "=phi * 0.1"},
                {"type": "number", "id": "P", "key": "phi"}
                """);
        Map<String, Object> normalized = validator.normalize(schema, Map.of("phi", new BigDecimal("150000.50")));
        assertThat(normalized.get("thue")).isEqualTo(new BigDecimal("15000.05"));
        assertThat(normalized.get("tong")).isEqualTo(new BigDecimal("165000.55"));
    }

    @Test
    void expressionsKeepExactDecimals() {
        FormSchema schema = FormSamples.parse("""
                {"type": "expression", "id": "E", "key": "tong", "expression": "=0.1 + 0.2"}
                """);
        assertThat(validator.normalize(schema, Map.of()).get("tong")).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void expressionsInsideDynamicListsComputePerItem() {
        FormSchema schema = FormSamples.parse("""
                {"type": "dynamiclist", "id": "L", "path": "hangMuc", "components": [
                  {"type": "number", "id": "Q", "key": "soLuong"},
                  {"type": "number", "id": "D", "key": "donGia"},
                  {"type": "expression", "id": "T", "key": "thanhTien", "expression": "=this.soLuong * this.donGia"}
                ]},
                {"type": "expression", "id": "S", "key": "tongTien", "expression": "=sum(hangMuc.thanhTien)"}
                """);
        Map<String, Object> normalized = validator.normalize(schema, Map.of("hangMuc", List.of(
                Map.of("soLuong", 2, "donGia", 15000), Map.of("soLuong", 1, "donGia", 30000))));
        assertThat(normalized.get("hangMuc")).isEqualTo(List.of(
                Map.of("soLuong", BigDecimal.valueOf(2), "donGia", BigDecimal.valueOf(15000), "thanhTien", new BigDecimal("30000")),
                Map.of("soLuong", BigDecimal.valueOf(1), "donGia", BigDecimal.valueOf(30000), "thanhTien", new BigDecimal("30000"))));
        assertThat(normalized.get("tongTien")).isEqualTo(new BigDecimal("60000"));
    }

    @Test
    void expressionResultsAreJsonFriendly() {
        FormSchema schema = FormSamples.parse("""
                {"type": "expression", "id": "A", "key": "homNay", "expression": "=today()"},
                {"type": "expression", "id": "B", "key": "hanXuLy", "expression": "=date(ngayNhan) + duration(\\"P15D\\")"},
                {"type": "expression", "id": "C", "key": "tomTat", "expression": "={ten: upper case(ten), so: [1, 2.50]}"},
                {"type": "expression", "id": "D", "key": "loi", "expression": "=date(\\"not a date\\")"}
                """);
        Map<String, Object> normalized = validator.normalize(schema, Map.of("ngayNhan", "2025-03-10", "ten", "an"));
        assertThat(normalized.get("homNay")).isEqualTo("2025-03-10");
        assertThat(normalized.get("hanXuLy")).isEqualTo("2025-03-25");
        assertThat(normalized.get("tomTat")).isEqualTo(Map.of("ten", "AN",
                "so", List.of(BigDecimal.ONE, new BigDecimal("2.5"))));
        assertThat(normalized).containsEntry("loi", null);
    }

    @Test
    void hiddenExpressionFieldsAreNotSubmitted() {
        FormSchema schema = FormSamples.parse("""
                {"type": "checkbox", "id": "A", "key": "mienPhi"},
                {"type": "expression", "id": "B", "key": "phi", "expression": "=50000", "conditional": {"hide": "=mienPhi"}}
                """);
        assertThat(validator.normalize(schema, Map.of("mienPhi", true))).containsOnlyKeys("mienPhi");
        assertThat(validator.normalize(schema, Map.of())).containsEntry("phi", new BigDecimal("50000"));
    }

    @Test
    void conditionsMayUseComputedValues() {
        FormSchema schema = FormSamples.parse("""
                {"type": "number", "id": "A", "key": "tuoi"},
                {"type": "expression", "id": "B", "key": "viThanhNien", "expression": "=tuoi < 18"},
                {"type": "textfield", "id": "C", "key": "nguoiGiamHo", "conditional": {"hide": "=not(viThanhNien)"},
                 "validate": {"required": true}}
                """);
        assertThat(fields(validator.validate(schema, Map.of("tuoi", 15), null))).containsExactly("nguoiGiamHo");
        assertThat(validator.validate(schema, Map.of("tuoi", 30), null)).isEmpty();
    }

    @Test
    void feelExpressionsCannotCallJavaMethods() {
        // Form files are uploaded: FEEL's "external" Java functions stay disabled, refused when the form is parsed.
        assertThatThrownBy(() -> FormSamples.parse("""
                {"type": "expression", "id": "A", "key": "x",
                 "expression": "=function() external {java: {class: \\"java.lang.System\\", method signature: \\"exit(int)\\"}}"}
                """))
                .isInstanceOf(FormSchemaException.class)
                .hasMessageContaining("External functions are disabled");
    }
}
