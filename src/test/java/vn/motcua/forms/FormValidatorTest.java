package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    /** 2025-03-10 09:00 in Vietnam. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), Forms.ZONE);

    private final FormValidator validator = new FormValidator(CLOCK);

    private List<FieldViolation> validate(FormSchema schema, Map<String, ?> data) {
        return validator.validate(schema, data, null);
    }

    private static List<String> codes(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    private static FormSchema field(String json) {
        return FormSamples.parse(json);
    }

    @Nested
    class FilePickers {

        private final FormSchema schema = field("""
                {"type": "filepicker", "id": "A", "key": "banVe", "multiple": true, "validate": {"required": true}},
                {"type": "filepicker", "id": "B", "key": "anh"}
                """);

        @Test
        void aRequiredPickerNeedsAFileAndAPickerTakesReferencesOfFilesUploadedBeforehand() {
            assertThat(codes(validate(schema, Map.of()))).containsExactly("banVe:required");
            assertThat(codes(validate(schema, Map.of("banVe", List.of())))).containsExactly("banVe:required");
            assertThat(validate(schema, Map.of("banVe", List.of("ref-1", "ref-2"), "anh", "ref-3"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("banVe", List.of(Map.of("documentId", "7"))))))
                    .as("a file is named by its upload's reference, never described by the sender")
                    .containsExactly("banVe:type.files");
            assertThat(codes(validate(schema, Map.of("banVe", List.of(12)))))
                    .containsExactly("banVe:type.files");
        }

        @Test
        void aPickerWithoutMultipleTakesOneFileAndNoPickerMoreThanTheLimit() {
            assertThat(codes(validate(schema, Map.of("banVe", List.of("x"), "anh", List.of("a", "b")))))
                    .containsExactly("anh:singleFile");
            var many = java.util.stream.IntStream.rangeClosed(0, FormValidator.MAX_FILES).mapToObj(i -> "ref-" + i).toList();
            assertThat(validate(schema, Map.of("banVe", many))).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo("tooManyFiles");
                assertThat(v.message()).isEqualTo("Chỉ được tải lên tối đa 20 tệp ở đây.");
            });
        }

        @Test
        void aSingleReferenceIsStoredAsAListOfOne() {
            assertThat(validator.normalize(schema, Map.of("banVe", List.of(" r1 "), "anh", "r2")))
                    .containsEntry("banVe", List.of("r1")).containsEntry("anh", List.of("r2"));
        }
    }

    @Nested
    class Required {

        private final FormSchema schema = field("""
                {"type": "textfield", "id": "A", "key": "hoTen", "validate": {"required": true}},
                {"type": "checkbox", "id": "B", "key": "camDoan", "validate": {"required": true}},
                {"type": "checklist", "id": "C", "key": "kenh", "validate": {"required": true},
                 "values": [{"label": "SMS", "value": "sms"}]},
                {"type": "number", "id": "D", "key": "soBan", "validate": {"required": true}}
                """);

        @Test
        void requiredFieldsMissingFromTheDataAreReported() {
            assertThat(codes(validate(schema, Map.of()))).containsExactly(
                    "hoTen:required", "camDoan:required", "kenh:required", "soBan:required");
        }

        @Test
        void requiredRejectsBlankTextUncheckedBoxAndEmptyList() {
            Map<String, Object> data = Map.of("hoTen", "   ", "camDoan", false, "kenh", List.of(), "soBan", 1);
            assertThat(codes(validate(schema, data)))
                    .containsExactly("hoTen:required", "camDoan:required", "kenh:required");
        }

        @Test
        void requiredIsSatisfiedByAnyValue() {
            Map<String, Object> data = Map.of("hoTen", "Nguyễn Văn An", "camDoan", true, "kenh", List.of("sms"),
                    "soBan", 0);
            assertThat(validate(schema, data)).isEmpty();
        }

        @Test
        void requiredIsSatisfiedByTheDefaultValue() {
            FormSchema withDefault = field("""
                    {"type": "textfield", "id": "A", "key": "quocTich", "defaultValue": "Việt Nam", "validate": {"required": true}}
                    """);
            assertThat(validate(withDefault, Map.of())).isEmpty();
        }

        @Test
        void optionalEmptyFieldsAreNotCheckedFurther() {
            FormSchema optional = field("""
                    {"type": "textfield", "id": "A", "key": "email", "validate": {"validationType": "email", "minLength": 5}},
                    {"type": "number", "id": "B", "key": "n", "validate": {"min": 3}}
                    """);
            assertThat(validate(optional, Map.of("email", "", "n", ""))).isEmpty();
        }
    }

    @Nested
    class Types {

        private final FormSchema schema = field("""
                {"type": "textfield", "id": "A", "key": "ten"},
                {"type": "number", "id": "B", "key": "soBan"},
                {"type": "checkbox", "id": "C", "key": "dongY"},
                {"type": "datetime", "subtype": "date", "id": "D", "key": "ngay"},
                {"type": "datetime", "subtype": "time", "id": "E", "key": "gio"},
                {"type": "datetime", "subtype": "datetime", "id": "F", "key": "thoiDiem"},
                {"type": "checklist", "id": "G", "key": "kenh", "values": [{"label": "SMS", "value": "sms"}]}
                """);

        @Test
        void typeTextRequiresAString() {
            assertThat(codes(validate(schema, Map.of("ten", 42)))).containsExactly("ten:type.text");
        }

        @Test
        void typeNumberRequiresANumberNotNumericText() {
            assertThat(codes(validate(schema, Map.of("soBan", "3")))).containsExactly("soBan:type.number");
            assertThat(codes(validate(schema, Map.of("soBan", Double.NaN)))).containsExactly("soBan:type.number");
            assertThat(validate(schema, Map.of("soBan", 3))).isEmpty();
            assertThat(validate(schema, Map.of("soBan", new BigDecimal("2.5")))).isEmpty();
            assertThat(validate(schema, Map.of("soBan", 2.5d))).isEmpty();
        }

        @Test
        void typeNumberAcceptsNumericTextWhenSerializedToString() {
            FormSchema asString = field("{\"type\": \"number\", \"id\": \"B\", \"key\": \"soTien\", \"serializeToString\": true}");
            assertThat(validate(asString, Map.of("soTien", "123456789012345678901234567890.5"))).isEmpty();
            assertThat(codes(validate(asString, Map.of("soTien", "12,5")))).containsExactly("soTien:type.number");
        }

        @Test
        void typeBooleanRequiresTrueOrFalse() {
            assertThat(codes(validate(schema, Map.of("dongY", "true")))).containsExactly("dongY:type.boolean");
        }

        @Test
        void typeDateRequiresAnIsoDate() {
            assertThat(validate(schema, Map.of("ngay", "2025-02-28"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("ngay", "28/02/2025")))).containsExactly("ngay:type.date");
            assertThat(codes(validate(schema, Map.of("ngay", "2025-02-30")))).containsExactly("ngay:type.date");
        }

        @Test
        void typeTimeRequiresAnIsoTimeWithOrWithoutOffset() {
            assertThat(validate(schema, Map.of("gio", "14:30"))).isEmpty();
            assertThat(validate(schema, Map.of("gio", "14:30+07:00"))).isEmpty();
            assertThat(validate(schema, Map.of("gio", "07:30Z"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("gio", "2h30")))).containsExactly("gio:type.time");
        }

        @Test
        void typeDateTimeRequiresAnIsoDateTime() {
            assertThat(validate(schema, Map.of("thoiDiem", "2025-03-10T14:30"))).isEmpty();
            assertThat(validate(schema, Map.of("thoiDiem", "2025-03-10T14:30+07:00"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("thoiDiem", "2025-03-10 14:30"))))
                    .containsExactly("thoiDiem:type.datetime");
        }

        @Test
        void typeListRequiresAListForChecklists() {
            assertThat(codes(validate(schema, Map.of("kenh", "sms")))).containsExactly("kenh:type.list");
        }
    }

    @Nested
    class Numbers {

        @Test
        void minRejectsSmallerNumbers() {
            FormSchema schema = field("{\"type\": \"number\", \"id\": \"N\", \"key\": \"namSinh\", \"validate\": {\"min\": 1900}}");
            assertThat(codes(validate(schema, Map.of("namSinh", 1899)))).containsExactly("namSinh:min");
            assertThat(validate(schema, Map.of("namSinh", 1900))).isEmpty();
        }

        @Test
        void maxRejectsGreaterNumbers() {
            FormSchema schema = field("{\"type\": \"number\", \"id\": \"N\", \"key\": \"soBan\", \"validate\": {\"max\": 10}}");
            assertThat(codes(validate(schema, Map.of("soBan", new BigDecimal("10.01"))))).containsExactly("soBan:max");
            assertThat(validate(schema, Map.of("soBan", 10))).isEmpty();
        }

        @Test
        void minAndMaxMayBeFeelExpressionsOverTheData() {
            FormSchema schema = field("""
                    {"type": "number", "id": "A", "key": "tuNam"},
                    {"type": "number", "id": "B", "key": "denNam", "validate": {"min": "=tuNam"}}
                    """);
            assertThat(codes(validate(schema, Map.of("tuNam", 2020, "denNam", 2019)))).containsExactly("denNam:min");
            assertThat(validate(schema, Map.of("tuNam", 2020, "denNam", 2021))).isEmpty();
            // no bound when the expression has no number
            assertThat(validate(schema, Map.of("denNam", 1))).isEmpty();
        }

        @Test
        void decimalDigitsZeroRequiresAWholeNumber() {
            FormSchema schema = field("{\"type\": \"number\", \"id\": \"N\", \"key\": \"soBan\", \"decimalDigits\": 0}");
            assertThat(codes(validate(schema, Map.of("soBan", new BigDecimal("1.5"))))).containsExactly("soBan:integer");
            assertThat(validate(schema, Map.of("soBan", new BigDecimal("2.00")))).isEmpty();
        }

        @Test
        void decimalDigitsLimitsTheFractionalDigits() {
            FormSchema schema = field("{\"type\": \"number\", \"id\": \"N\", \"key\": \"dienTich\", \"decimalDigits\": 2}");
            List<FieldViolation> violations = validate(schema, Map.of("dienTich", new BigDecimal("75.125")));
            assertThat(codes(violations)).containsExactly("dienTich:decimalDigits");
            assertThat(violations.get(0).message()).isEqualTo("Chỉ được nhập tối đa 2 chữ số thập phân.");
            assertThat(validate(schema, Map.of("dienTich", new BigDecimal("75.12")))).isEmpty();
        }

        @Test
        void incrementRequiresAMultipleAndNamesTheNearestValidValues() {
            FormSchema schema = field("{\"type\": \"number\", \"id\": \"N\", \"key\": \"soTien\", \"increment\": 500}");
            List<FieldViolation> violations = validator.validate(schema, Map.of("soTien", 1200), Locale.ENGLISH);
            assertThat(codes(violations)).containsExactly("soTien:increment");
            assertThat(violations.get(0).message())
                    .isEqualTo("Enter a valid value. The two nearest valid values are 1,000 and 1,500.");
            assertThat(validate(schema, Map.of("soTien", 1500))).isEmpty();
        }
    }

    @Nested
    class Texts {

        @Test
        void minLengthCountsTrimmedCharacters() {
            FormSchema schema = field("{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"ten\", \"validate\": {\"minLength\": 3}}");
            assertThat(codes(validate(schema, Map.of("ten", "  An  ")))).containsExactly("ten:minLength");
            assertThat(validate(schema, Map.of("ten", "Ánh"))).isEmpty();
        }

        @Test
        void maxLengthCountsCharactersNotDecomposedMarks() {
            FormSchema schema = field("{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"ten\", \"validate\": {\"maxLength\": 3}}");
            // "Hiếu" typed with combining marks (NFD) is still 4 characters, "Hiế" 3
            String decomposed = java.text.Normalizer.normalize("Hiế", java.text.Normalizer.Form.NFD);
            assertThat(decomposed).hasSizeGreaterThan(3);
            assertThat(validate(schema, Map.of("ten", decomposed))).isEmpty();
            assertThat(codes(validate(schema, Map.of("ten", "Hiếu")))).containsExactly("ten:maxLength");
        }

        @Test
        void patternMustMatchTheWholeValue() {
            FormSchema schema = field("{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"cccd\", \"validate\": {\"pattern\": \"[0-9]{12}\"}}");
            assertThat(validate(schema, Map.of("cccd", "001203004567"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("cccd", "CCCD 001203004567")))).containsExactly("cccd:pattern");
            assertThat(codes(validate(schema, Map.of("cccd", "0012030045678")))).containsExactly("cccd:pattern");
        }

        @Test
        void emailValidationTypeRequiresAnAddressWithDomain() {
            FormSchema schema = field("{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"email\", \"validate\": {\"validationType\": \"email\"}}");
            assertThat(validate(schema, Map.of("email", "nguyen.van.an@hanoi.gov.vn"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("email", "an@localhost")))).containsExactly("email:email");
            assertThat(codes(validate(schema, Map.of("email", "an hanoi.gov.vn")))).containsExactly("email:email");
        }

        @Test
        void phoneValidationTypeAcceptsVietnameseAndInternationalNumbers() {
            FormSchema schema = field("{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"sdt\", \"validate\": {\"validationType\": \"phone\"}}");
            for (String valid : List.of("0912345678", "0912 345 678", "024.3825.1234", "+84 912 345 678", "0084912345678",
                    "+4930664040900")) {
                assertThat(validate(schema, Map.of("sdt", valid))).as(valid).isEmpty();
            }
            for (String invalid : List.of("912345678", "09123", "+84-abc", "091234567890")) {
                assertThat(codes(validate(schema, Map.of("sdt", invalid)))).as(invalid).containsExactly("sdt:phone");
            }
        }

        @Test
        void textRulesAreAllReported() {
            FormSchema schema = field("""
                    {"type": "textfield", "id": "T", "key": "ma", "validate": {"minLength": 5, "pattern": "[A-Z]+"}}
                    """);
            assertThat(codes(validate(schema, Map.of("ma", "ab")))).containsExactly("ma:minLength", "ma:pattern");
        }
    }

    @Nested
    class Options {

        private final FormSchema schema = field("""
                {"type": "select", "id": "S", "key": "tinh", "values": [{"label": "Hà Nội", "value": "01"}, {"label": "TP HCM", "value": "79"}]},
                {"type": "radio", "id": "R", "key": "gioiTinh", "values": [{"label": "Nam", "value": "nam"}, {"label": "Nữ", "value": "nu"}]},
                {"type": "checklist", "id": "C", "key": "kenh", "values": [{"label": "SMS", "value": "sms"}, {"label": "Email", "value": "email"}]},
                {"type": "taglist", "id": "T", "key": "linhVuc", "values": [{"label": "Hộ tịch", "value": "ho_tich"}]}
                """);

        @Test
        void selectValueMustBeADeclaredOption() {
            assertThat(codes(validate(schema, Map.of("tinh", "02")))).containsExactly("tinh:option");
            assertThat(validate(schema, Map.of("tinh", "79"))).isEmpty();
        }

        @Test
        void radioValueMustBeADeclaredOption() {
            assertThat(codes(validate(schema, Map.of("gioiTinh", "khac")))).containsExactly("gioiTinh:option");
        }

        @Test
        void checklistValuesMustAllBeDeclaredOptions() {
            assertThat(codes(validate(schema, Map.of("kenh", List.of("sms", "zalo"))))).containsExactly("kenh:option");
            assertThat(validate(schema, Map.of("kenh", List.of("email", "sms")))).isEmpty();
        }

        @Test
        void taglistValuesMustAllBeDeclaredOptions() {
            assertThat(codes(validate(schema, Map.of("linhVuc", List.of("dat_dai"))))).containsExactly("linhVuc:option");
        }

        @Test
        void valuesKeyOptionsComeFromTheData() {
            FormSchema dynamic = field("{\"type\": \"select\", \"id\": \"X\", \"key\": \"xa\", \"valuesKey\": \"danhSachXa\"}");
            Map<String, Object> data = new HashMap<>();
            data.put("danhSachXa", List.of(Map.of("label", "Phường Ba Đình", "value", "00004"), "00008"));
            data.put("xa", "00008");
            assertThat(validate(dynamic, data)).isEmpty();
            data.put("xa", "99999");
            assertThat(codes(validate(dynamic, data))).containsExactly("xa:option");
            // Without the source nothing can be chosen: fail closed.
            assertThat(codes(validate(dynamic, Map.of("xa", "00008")))).containsExactly("xa:option");
        }

        @Test
        void valuesExpressionOptionsAreComputedByFeel() {
            FormSchema dynamic = field("""
                    {"type": "radio", "id": "X", "key": "nam", "valuesExpression": "=for y in 2023..2025 return {label: string(y), value: y}"}
                    """);
            assertThat(validate(dynamic, Map.of("nam", 2024))).isEmpty();
            assertThat(codes(validate(dynamic, Map.of("nam", 2022)))).containsExactly("nam:option");
        }
    }

    @Nested
    class Dates {

        @Test
        void disallowPassedDatesRejectsDaysBeforeTodayInVietnam() {
            FormSchema schema = field("""
                    {"type": "datetime", "subtype": "date", "id": "D", "key": "ngayHen", "disallowPassedDates": true},
                    {"type": "datetime", "subtype": "datetime", "id": "E", "key": "luc", "disallowPassedDates": true}
                    """);
            assertThat(codes(validate(schema, Map.of("ngayHen", "2025-03-09")))).containsExactly("ngayHen:datePassed");
            assertThat(validate(schema, Map.of("ngayHen", "2025-03-10"))).isEmpty();
            // 2025-03-09T18:00Z is already 10 March in Vietnam
            assertThat(validate(schema, Map.of("luc", "2025-03-09T18:00:00Z"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("luc", "2025-03-09T23:59")))).containsExactly("luc:datePassed");
        }

        @Test
        void declaredDatesLieBetween1900And2100() {
            FormSchema schema = field("""
                    {"type": "datetime", "subtype": "date", "id": "D", "key": "ngaySinh"},
                    {"type": "datetime", "subtype": "datetime", "id": "E", "key": "luc"}
                    """);
            assertThat(validate(schema, Map.of("ngaySinh", "1900-01-01", "luc", "2100-12-31T23:59"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("ngaySinh", "1899-12-31", "luc", "2101-01-01T00:00"))))
                    .containsExactly("ngaySinh:dateRange", "luc:dateRange");
            assertThat(codes(validate(schema, Map.of("ngaySinh", "0001-01-01")))).containsExactly("ngaySinh:dateRange");
            assertThat(validate(schema, Map.of("ngaySinh", "1899-12-31"))).extracting(FieldViolation::message)
                    .containsExactly("Ngày phải trong khoảng từ năm 1900 đến năm 2100.");
        }
    }

    @Nested
    class ControlCharacters {

        private final FormSchema schema = field("""
                {"type": "textfield", "id": "A", "key": "hoTen"},
                {"type": "textarea", "id": "B", "key": "yKien"}
                """);

        @Test
        void aTextFieldIsOneLineWithoutControlCharacters() {
            assertThat(codes(validate(schema, Map.of("hoTen", "Nguyễn Văn An\nGiới tính: Nữ")))).containsExactly("hoTen:singleLine");
            assertThat(codes(validate(schema, Map.of("hoTen", "Nguyễn Văn An\rX")))).containsExactly("hoTen:singleLine");
            for (String control : new String[] {"\u0000", "\u001b", "\u0007", "\u007f", "\u0085"}) {
                assertThat(codes(validate(schema, Map.of("hoTen", "Nguyễn" + control + "Văn An")))).as(control)
                        .containsExactly(control.equals("\u0085") ? "hoTen:singleLine" : "hoTen:control");
            }
            assertThat(validate(schema, Map.of("hoTen", " Nguyễn\tVăn An\n"))).as("outer white space and tabs").isEmpty();
        }

        @Test
        void aTextAreaMayHaveSeveralLinesButNoOtherControlCharacter() {
            assertThat(validate(schema, Map.of("yKien", "Hồ sơ hợp lệ.\r\nĐề nghị phê duyệt.\n\tGhi chú"))).isEmpty();
            assertThat(codes(validate(schema, Map.of("yKien", "Hồ sơ hợp lệ.\u001b[2J")))).containsExactly("yKien:control");
        }

        @Test
        void textIsStoredInNfcWithTheTextAreasLineBreaksAsLineFeeds() {
            String decomposed = java.text.Normalizer.normalize("Nguyễn Thị Ánh", java.text.Normalizer.Form.NFD);
            Map<String, Object> stored = validator.normalize(schema, Map.of("hoTen", decomposed,
                    "yKien", "Dòng một\r\nDòng hai\rDòng ba\u2028Dòng bốn"));
            assertThat(stored).containsEntry("hoTen", "Nguyễn Thị Ánh")
                    .containsEntry("yKien", "Dòng một\nDòng hai\nDòng ba\nDòng bốn");
        }
    }

    @Nested
    class Structure {

        private final FormSchema schema = field("""
                {"type": "group", "id": "G", "path": "me", "components": [
                  {"type": "textfield", "id": "A", "key": "hoTen", "validate": {"required": true}}]},
                {"type": "dynamiclist", "id": "L", "path": "children", "components": [
                  {"type": "textfield", "id": "B", "key": "name", "validate": {"required": true}},
                  {"type": "number", "id": "C", "key": "age", "validate": {"max": 17}}]}
                """);

        @Test
        void violationsInsideGroupsUseTheGroupPath() {
            assertThat(codes(validate(schema, Map.of("children", List.of())))).containsExactly("me.hoTen:required");
        }

        @Test
        void violationsInsideDynamicListsNameTheItemIndexFromZero() {
            Map<String, Object> data = Map.of("me", Map.of("hoTen", "Trần Thị Bình"), "children", List.of(
                    Map.of("name", "An", "age", 5),
                    Map.of("name", "", "age", 20)));
            assertThat(codes(validate(schema, data))).containsExactly("children[1].name:required", "children[1].age:max");
        }

        @Test
        void aMissingDynamicListIsValidatedWithItsDefaultItem() {
            assertThat(codes(validate(schema, Map.of("me", Map.of("hoTen", "Bình")))))
                    .containsExactly("children[0].name:required");
        }

        @Test
        void dynamicListMustHoldAListOfObjects() {
            assertThat(codes(validate(schema, Map.of("me", Map.of("hoTen", "B"), "children", "none"))))
                    .containsExactly("children:type.list");
            assertThat(codes(validate(schema, Map.of("me", Map.of("hoTen", "B"), "children", List.of("x")))))
                    .containsExactly("children[0]:type.object");
        }

        @Test
        void groupPathMustHoldAnObject() {
            assertThat(codes(validate(schema, Map.of("me", "x", "children", List.of())))).containsExactly("me:type.object");
        }

        @Test
        void disabledFieldsAreNotValidated() {
            FormSchema disabled = field("""
                    {"type": "textfield", "id": "A", "key": "ma", "disabled": true, "validate": {"required": true}},
                    {"type": "textfield", "id": "B", "key": "lyDo", "disabled": "=khoa = true", "validate": {"required": true}}
                    """);
            assertThat(codes(validate(disabled, Map.of()))).containsExactly("lyDo:required");
            assertThat(validate(disabled, Map.of("khoa", true))).isEmpty();
        }
    }

    @Nested
    class MessagesInTheLocale {

        private final FormSchema schema = field("""
                {"type": "textfield", "id": "A", "key": "hoTen", "validate": {"required": true}},
                {"type": "number", "id": "B", "key": "dienTich", "validate": {"min": 1000.5}}
                """);

        @Test
        void vietnameseIsTheDefault() {
            List<FieldViolation> violations = validator.validate(schema, Map.of("dienTich", 3), null);
            assertThat(violations).extracting(FieldViolation::message).containsExactly(
                    "Thông tin này là bắt buộc.", "Giá trị phải lớn hơn hoặc bằng 1.000,5.");
        }

        @Test
        void vietnameseOnRequest() {
            assertThat(validator.validate(schema, Map.of("hoTen", "A", "dienTich", 3), Locale.forLanguageTag("vi")))
                    .extracting(FieldViolation::message).containsExactly("Giá trị phải lớn hơn hoặc bằng 1.000,5.");
        }

        @Test
        void englishOnRequestAndForOtherLanguages() {
            assertThat(validator.validate(schema, Map.of("dienTich", 3), Locale.ENGLISH))
                    .extracting(FieldViolation::message)
                    .containsExactly("This field is required.", "The value must be at least 1,000.5.");
            assertThat(validator.validate(schema, Map.of(), Locale.FRENCH))
                    .extracting(FieldViolation::message).containsExactly("This field is required.");
        }

        @Test
        void englishLengthMessagesUseSingularAndPlural() {
            FormSchema lengths = field("""
                    {"type": "textfield", "id": "A", "key": "a", "validate": {"minLength": 2}},
                    {"type": "textfield", "id": "B", "key": "b", "validate": {"maxLength": 1}}
                    """);
            assertThat(validator.validate(lengths, Map.of("a", "x", "b", "yz"), Locale.ENGLISH))
                    .extracting(FieldViolation::message)
                    .containsExactly("Enter at least 2 characters.", "Enter at most 1 character.");
        }
    }
}
