package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class FormNormalizeTest {

    private final FormValidator validator = new FormValidator();

    @Test
    void dropsUnknownKeys() {
        FormSchema schema = FormSamples.parse("{\"type\": \"textfield\", \"id\": \"A\", \"key\": \"hoTen\"}");
        assertThat(validator.normalize(schema, Map.of("hoTen", "An", "matKhau", "x", "__proto__", "y")))
                .containsExactly(Map.entry("hoTen", "An"));
    }

    @Test
    void givesMissingValuesTheirFormJsEmptyValue() {
        FormSchema schema = FormSamples.schema(FormSamples.ALL_COMPONENTS);
        Map<String, Object> normalized = validator.normalize(schema, Map.of("thanhVien", List.of()));
        assertThat(normalized).containsEntry("ten", "").containsEntry("ghiChu", "").containsEntry("dienTich", null)
                .containsEntry("ngayHen", null).containsEntry("tinh", null).containsEntry("dongY", false)
                .containsEntry("thongBao", List.of()).containsEntry("linhVuc", List.of())
                .containsEntry("maHoSoCu", "").containsEntry("diaChi", Map.of("soNha", ""))
                .containsEntry("thanhVien", List.of()).containsEntry("soThanhVien", BigDecimal.ZERO);
    }

    @Test
    void appliesDefaultsAndDefaultListItems() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        Map<String, Object> normalized = validator.normalize(schema, Map.of());
        assertThat(normalized.get("tre")).isEqualTo(orderedMap("hoTen", "", "gioiTinh", null, "ngaySinh", null,
                "noiSinh", "co_so_y_te", "tenCoSoYTe", "", "danToc", "kinh", "quocTich", "Việt Nam"));
        assertThat(normalized.get("khaiThongTinCha")).isEqualTo(true);
        assertThat(normalized.get("giayToKemTheo")).isEqualTo(List.of(orderedMap("loai", null, "soBan", BigDecimal.ONE)));
        assertThat(normalized.get("soBanTrichLuc")).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void keepsGivenValuesOverDefaults() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        Map<String, Object> normalized = validator.normalize(schema, Map.of("tre", Map.of("quocTich", "Lào"),
                "giayToKemTheo", List.of()));
        assertThat(((Map<?, ?>) normalized.get("tre")).get("quocTich")).isEqualTo("Lào");
        assertThat(normalized.get("giayToKemTheo")).isEqualTo(List.of());
    }

    @Test
    void numbersBecomeBigDecimalsOrStringsWhenSerializedToString() {
        FormSchema schema = FormSamples.parse("""
                {"type": "number", "id": "A", "key": "a"},
                {"type": "number", "id": "B", "key": "b"},
                {"type": "number", "id": "C", "key": "c", "serializeToString": true},
                {"type": "radio", "id": "D", "key": "d", "values": [{"value": 1}, {"value": 2}]},
                {"type": "checklist", "id": "E", "key": "e", "values": [{"value": 1}, {"value": 2}]}
                """);
        Map<String, Object> normalized = validator.normalize(schema, Map.of("a", 42, "b", 2.5d, "c", 12345678901234567890.0,
                "d", 2L, "e", List.of(1, 2)));
        assertThat(normalized.get("a")).isEqualTo(BigDecimal.valueOf(42));
        assertThat(normalized.get("b")).isEqualTo(new BigDecimal("2.5"));
        assertThat(normalized.get("c")).isEqualTo("12345678901234567000");
        assertThat(normalized.get("d")).isEqualTo(BigDecimal.valueOf(2));
        assertThat(normalized.get("e")).isEqualTo(List.of(BigDecimal.ONE, BigDecimal.valueOf(2)));
    }

    @Test
    void disabledFieldsAreNotStored() {
        FormSchema schema = FormSamples.parse("""
                {"type": "textfield", "id": "A", "key": "maHoSo", "disabled": true},
                {"type": "textfield", "id": "B", "key": "ghiChu", "readonly": true}
                """);
        assertThat(validator.normalize(schema, Map.of("maHoSo", "H01", "ghiChu", "x")))
                .containsExactly(Map.entry("ghiChu", "x"));
    }

    @Test
    void nestsDottedKeysAndGroupPaths() {
        FormSchema schema = FormSamples.parse("""
                {"type": "textfield", "id": "A", "key": "nguoiKhai.diaChi.tinh"},
                {"type": "group", "id": "G", "path": "nguoiKhai", "components": [
                  {"type": "textfield", "id": "B", "key": "hoTen"}]}
                """);
        assertThat(validator.normalize(schema, Map.of("nguoiKhai", Map.of("hoTen", "An", "diaChi", Map.of("tinh", "01")))))
                .isEqualTo(Map.of("nguoiKhai", Map.of("diaChi", Map.of("tinh", "01"), "hoTen", "An")));
    }

    @Test
    void doesNotModifyTheInput() {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("soBanTrichLuc", 2);
        Map<String, Object> tre = new LinkedHashMap<>();
        tre.put("hoTen", "An");
        input.put("tre", tre);
        validator.normalize(schema, input);
        validator.validate(schema, input, Locale.ENGLISH);
        assertThat(input).isEqualTo(Map.of("soBanTrichLuc", 2, "tre", Map.of("hoTen", "An")));
    }

    @Test
    void aValidBirthRegistrationIsStoredAsJson() throws Exception {
        FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);
        String submitted = """
                {
                  "nguoiYeuCau": {"hoTen": "Nguyễn Văn Bình", "soDinhDanh": "001085012345", "soDienThoai": "0912 345 678",
                                  "email": "binh.nguyen@example.vn", "quanHe": "cha", "matKhau": "dropped"},
                  "tre": {"hoTen": "Nguyễn Minh An", "gioiTinh": "nam", "ngaySinh": "2025-03-01", "noiSinh": "co_so_y_te",
                          "tenCoSoYTe": "Bệnh viện Phụ sản Hà Nội", "danToc": "kinh", "quocTich": "Việt Nam"},
                  "khaiThongTinCha": true,
                  "cha": {"hoTen": "Nguyễn Văn Bình", "namSinh": 1990},
                  "me": {"hoTen": "Trần Thị Hoa", "namSinh": 1992},
                  "giayToKemTheo": [{"loai": "giay_chung_sinh", "soBan": 1}],
                  "soBanTrichLuc": 2,
                  "lePhi": 1,
                  "hinhThucNhan": ["truc_tiep"],
                  "diaChiBuuChinh": "dropped because hidden",
                  "camDoan": true
                }
                """;
        ObjectMapper json = new ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = json.readValue(submitted, Map.class);

        Forms.FormSubmission submission = new Forms(java.time.Clock.system(Forms.ZONE)).submit(schema, data, null);

        assertThat(submission.violations()).isEmpty();
        assertThat(submission.isValid()).isTrue();
        assertThat(json.writeValueAsString(submission.data())).isEqualTo("""
                {"nguoiYeuCau":{"hoTen":"Nguyễn Văn Bình","soDinhDanh":"001085012345","soDienThoai":"0912 345 678",\
                "email":"binh.nguyen@example.vn","quanHe":"cha"},\
                "tre":{"hoTen":"Nguyễn Minh An","gioiTinh":"nam","ngaySinh":"2025-03-01","noiSinh":"co_so_y_te",\
                "tenCoSoYTe":"Bệnh viện Phụ sản Hà Nội","danToc":"kinh","quocTich":"Việt Nam"},\
                "khaiThongTinCha":true,"cha":{"hoTen":"Nguyễn Văn Bình","namSinh":1990},\
                "me":{"hoTen":"Trần Thị Hoa","namSinh":1992},\
                "giayToKemTheo":[{"loai":"giay_chung_sinh","soBan":1}],\
                "soBanTrichLuc":2,"lePhi":16000,"hinhThucNhan":["truc_tiep"],"camDoan":true}""");
    }

    @Test
    void anInvalidSubmissionStoresNothing() {
        Forms.FormSubmission submission = new Forms(java.time.Clock.system(Forms.ZONE)).submit(FormSamples.schema(FormSamples.BIRTH_REGISTRATION), Map.of(),
                Locale.ENGLISH);
        assertThat(submission.isValid()).isFalse();
        assertThat(submission.data()).isEmpty();
        assertThat(submission.violations()).extracting(FieldViolation::field).contains("nguoiYeuCau.hoTen", "camDoan");
    }

    private static Map<String, Object> orderedMap(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
