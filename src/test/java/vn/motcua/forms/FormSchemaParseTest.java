package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.motcua.forms.FormComponent.ComputeOn;
import vn.motcua.forms.FormComponent.DateTimeSubtype;
import vn.motcua.forms.FormComponent.TimeSerializingFormat;
import vn.motcua.forms.ValidationRules.ValidationType;

class FormSchemaParseTest {

    @Nested
    class BirthRegistrationAsModelerSavesIt {

        private final FormSchema schema = FormSamples.schema(FormSamples.BIRTH_REGISTRATION);

        @Test
        void readsTheFormHeader() {
            assertThat(schema.id()).isEqualTo("Form_DangKyKhaiSinh");
            assertThat(schema.schemaVersion()).isEqualTo(16);
            assertThat(schema.exporterName()).isEqualTo("Camunda Modeler");
            assertThat(schema.exporterVersion()).isEqualTo("5.41.0");
            assertThat(schema.executionPlatform()).isEqualTo("Camunda Platform");
            assertThat(schema.executionPlatformVersion()).isEqualTo("7.24.0");
        }

        @Test
        void listsTopLevelComponentsInFileOrder() {
            assertThat(schema.components()).extracting(FormComponent::type).containsExactly(
                    ComponentType.TEXT, ComponentType.GROUP, ComponentType.GROUP, ComponentType.CHECKBOX,
                    ComponentType.GROUP, ComponentType.GROUP, ComponentType.SEPARATOR, ComponentType.DYNAMICLIST,
                    ComponentType.NUMBER, ComponentType.EXPRESSION, ComponentType.CHECKLIST, ComponentType.TEXTAREA,
                    ComponentType.TEXT, ComponentType.CHECKBOX);
        }

        @Test
        void inputKeysAreBindingPathsWithGroupPathsAndListItems() {
            assertThat(schema.inputKeys()).containsExactly(
                    "nguoiYeuCau.hoTen", "nguoiYeuCau.soDinhDanh", "nguoiYeuCau.soDienThoai", "nguoiYeuCau.email",
                    "nguoiYeuCau.quanHe",
                    "tre.hoTen", "tre.gioiTinh", "tre.ngaySinh", "tre.noiSinh", "tre.tenCoSoYTe", "tre.danToc",
                    "tre.quocTich",
                    "khaiThongTinCha", "cha.hoTen", "cha.namSinh", "me.hoTen", "me.namSinh",
                    "giayToKemTheo[].loai", "giayToKemTheo[].soBan", "giayToKemTheo[].moTa",
                    "soBanTrichLuc", "lePhi", "hinhThucNhan", "diaChiBuuChinh", "camDoan");
        }

        @Test
        void readsFieldPropertiesAndValidation() {
            FormComponent idNumber = schema.componentByBindingPath("nguoiYeuCau.soDinhDanh").orElseThrow();
            assertThat(idNumber.id()).isEqualTo("Field_0d3y7uk");
            assertThat(idNumber.label()).isEqualTo("Số định danh cá nhân");
            assertThat(idNumber.description()).isEqualTo("12 chữ số trên thẻ căn cước");
            assertThat(idNumber.validation().required()).isTrue();
            assertThat(idNumber.validation().pattern().pattern()).isEqualTo("[0-9]{12}");
            assertThat(idNumber.validation().validationType()).isNull();
            assertThat(idNumber.layoutRow()).isEqualTo("Row_1m9s2ax");
            assertThat(idNumber.layoutColumns()).isEqualTo(6);

            FormComponent phone = schema.componentByBindingPath("nguoiYeuCau.soDienThoai").orElseThrow();
            assertThat(phone.validation().validationType()).isEqualTo(ValidationType.PHONE);

            FormComponent copies = schema.componentByBindingPath("soBanTrichLuc").orElseThrow();
            assertThat(copies.decimalDigits()).isZero();
            assertThat(copies.defaultValue()).isEqualTo(BigDecimal.ONE);
            assertThat(copies.suffixAdorner()).isEqualTo("bản");
            assertThat(copies.validation().min().value()).isEqualByComparingTo("0");
            assertThat(copies.validation().max().value()).isEqualByComparingTo("20");
        }

        @Test
        void readsOptionsDefaultsAndConditions() {
            FormComponent ethnicity = schema.componentByBindingPath("tre.danToc").orElseThrow();
            assertThat(ethnicity.type()).isEqualTo(ComponentType.SELECT);
            assertThat(ethnicity.searchable()).isTrue();
            assertThat(ethnicity.values()).hasSize(6).first()
                    .isEqualTo(new FormOption("Kinh", "kinh"));
            assertThat(ethnicity.defaultValue()).isEqualTo("kinh");

            FormComponent facility = schema.componentByBindingPath("tre.tenCoSoYTe").orElseThrow();
            assertThat(facility.hideCondition()).isEqualTo("=tre.noiSinh != \"co_so_y_te\"");

            FormComponent birthDate = schema.componentByBindingPath("tre.ngaySinh").orElseThrow();
            assertThat(birthDate.subtype()).isEqualTo(DateTimeSubtype.DATE);
            assertThat(birthDate.dateLabel()).isEqualTo("Ngày sinh");
            assertThat(birthDate.timeSerializingFormat()).isEqualTo(TimeSerializingFormat.UTC_OFFSET);
        }

        @Test
        void readsContainers() {
            FormComponent father = schema.componentById("Field_1j4q8rn").orElseThrow();
            assertThat(father.type()).isEqualTo(ComponentType.GROUP);
            assertThat(father.path()).isEqualTo("cha");
            assertThat(father.showOutline()).isTrue();
            assertThat(father.hideCondition()).isEqualTo("=khaiThongTinCha = false");
            assertThat(father.components()).extracting(FormComponent::key).containsExactly("hoTen", "namSinh");

            FormComponent documents = schema.componentByBindingPath("giayToKemTheo").orElseThrow();
            assertThat(documents.type()).isEqualTo(ComponentType.DYNAMICLIST);
            assertThat(documents.repeating()).isTrue();
            assertThat(documents.allowAddRemove()).isTrue();
            assertThat(documents.defaultRepetitions()).isEqualTo(1);
            assertThat(documents.components()).extracting(FormComponent::bindingPath)
                    .containsExactly("giayToKemTheo[].loai", "giayToKemTheo[].soBan", "giayToKemTheo[].moTa");
        }

        @Test
        void readsExpressionAndTextComponents() {
            FormComponent fee = schema.componentByBindingPath("lePhi").orElseThrow();
            assertThat(fee.expression()).isEqualTo("=if soBanTrichLuc = null then 0 else soBanTrichLuc * 8000");
            assertThat(fee.computeOn()).isEqualTo(ComputeOn.CHANGE);
            assertThat(schema.componentById("Field_1u8r5cy").orElseThrow().text())
                    .isEqualTo("Lệ phí dự kiến: **{{lePhi}}** đồng.");
        }

        @Test
        void allComponentsWalksDepthFirst() {
            assertThat(schema.allComponents()).hasSize(33);
            assertThat(schema.allComponents().get(1).id()).isEqualTo("Field_1s2r0mb");
            assertThat(schema.allComponents().get(2).key()).isEqualTo("hoTen");
        }
    }

    @Nested
    class EveryComponentType {

        private final FormSchema schema = FormSamples.schema(FormSamples.ALL_COMPONENTS);

        @Test
        void parsesAllSupportedTypes() {
            assertThat(schema.allComponents()).extracting(FormComponent::type)
                    .contains(ComponentType.values());
        }

        @Test
        void readsTypeSpecificProperties() {
            FormComponent time = schema.componentByBindingPath("gioHen").orElseThrow();
            assertThat(time.subtype()).isEqualTo(DateTimeSubtype.TIME);
            assertThat(time.use24h()).isTrue();
            assertThat(time.timeInterval()).isEqualTo(30);
            assertThat(time.timeSerializingFormat()).isEqualTo(TimeSerializingFormat.NO_TIMEZONE);

            assertThat(schema.componentByBindingPath("xa").orElseThrow().valuesKey()).isEqualTo("danhSachXa");
            assertThat(schema.componentByBindingPath("diaChi.soNha")).isPresent();
            assertThat(schema.componentByBindingPath("maHoSoCu")).isPresent();
            assertThat(schema.componentById("Field_khoangTrong").orElseThrow().height()).isEqualTo(40);
            assertThat(schema.componentById("Field_gui").orElseThrow().action()).isEqualTo("submit");
            assertThat(schema.componentById("Field_ten").orElseThrow().prefixAdorner()).isEqualTo("Ông/Bà");
        }

        @Test
        void generatesIdsForComponentsWithout() {
            FormSchema withoutIds = FormSamples.parse("""
                    {"type": "textfield", "key": "a"},
                    {"type": "group", "components": [{"type": "textfield", "key": "b"}]}
                    """);
            assertThat(withoutIds.allComponents()).extracting(FormComponent::id)
                    .containsExactly("Field_0", "Field_1", "Field_1_0");
        }

        @Test
        void optionValuesMayBeNumbersAndLabelsDefaultToTheValue() {
            FormSchema numbers = FormSamples.parse("""
                    {"type": "radio", "id": "F1", "key": "n", "values": [{"value": 1}, {"label": "Hai", "value": 2}]}
                    """);
            List<FormOption> options = numbers.componentById("F1").orElseThrow().values();
            assertThat(options).extracting(FormOption::label).containsExactly("1", "Hai");
            assertThat(options.get(0).matches(1L)).isTrue();
            assertThat(options.get(0).matches(new BigDecimal("1.0"))).isTrue();
            assertThat(options.get(0).matches("1")).isFalse();
        }
    }

    @Nested
    class BrokenForms {

        @Test
        void invalidJsonNamesLineAndColumn() {
            assertThatThrownBy(() -> FormSchema.parse("{\"components\": [ {\"type\": \"textfield\", } ]}"))
                    .isInstanceOf(FormSchemaException.class)
                    .hasMessageStartingWith("Invalid form JSON at line 1, column");
        }

        @Test
        void emptyDocumentIsRefused() {
            assertThatThrownBy(() -> FormSchema.parse("  "))
                    .isInstanceOf(FormSchemaException.class)
                    .hasMessage("Invalid form JSON: the document is empty");
        }

        @Test
        void formWithoutIdIsRefused() {
            assertThatThrownBy(() -> FormSchema.parse("{\"components\": [], \"type\": \"default\"}"))
                    .hasMessageContaining("Form has no id");
        }

        @Test
        void componentsMustBeAnArray() {
            assertThatThrownBy(() -> FormSchema.parse("{\"id\": \"Form_X\", \"components\": {}}"))
                    .hasMessage("Form 'Form_X': 'components' must be an array");
        }

        @Test
        void unknownComponentTypeIsNamed() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"signature\", \"id\": \"Field_sig\", \"key\": \"k\"}"))
                    .isInstanceOf(FormSchemaException.class)
                    .hasMessage("Component 'Field_sig' (signature): unknown component type 'signature'")
                    .extracting(e -> ((FormSchemaException) e).component()).isEqualTo("Field_sig");
        }

        @Test
        void unsupportedComponentTypeIsNamed() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"iframe\", \"id\": \"Field_web\", \"url\": \"https://x\"}"))
                    .hasMessage("Component 'Field_web' (iframe): component type 'iframe' is not supported by MotCua forms");
        }

        @Test
        void missingKeyOnInputComponent() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"textfield\", \"id\": \"Field_1\", \"label\": \"Họ tên\"}"))
                    .hasMessageStartingWith("Component 'Field_1' (textfield): missing key");
        }

        @Test
        void missingKeyOnExpressionField() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"expression\", \"id\": \"Field_e\", \"expression\": \"=1\"}"))
                    .hasMessageStartingWith("Component 'Field_e' (expression): missing key");
        }

        @Test
        void invalidKeySyntax() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"textfield\", \"id\": \"Field_1\", \"key\": \"họ tên\"}"))
                    .hasMessageContaining("invalid key 'họ tên'");
        }

        @Test
        void duplicateKeyNamesBothComponents() {
            assertThatThrownBy(() -> FormSamples.parse("""
                    {"type": "textfield", "id": "Field_a", "key": "hoTen"},
                    {"type": "textarea", "id": "Field_b", "key": "hoTen"}
                    """))
                    .hasMessage("Component 'Field_b' (textarea, key 'hoTen'): duplicate key 'hoTen', already used by"
                            + " component 'Field_a' (textfield, key 'hoTen')");
        }

        @Test
        void duplicateKeyThroughAGroupPathInAModelerFile() {
            assertThatThrownBy(() -> FormSamples.schema(FormSamples.DUPLICATE_KEY))
                    .hasMessage("Component 'Field_0bbb222' (textfield, key 'hoTen'): duplicate key 'nguoiKhai.hoTen',"
                            + " already used by component 'Field_0aaa111' (textfield, key 'nguoiKhai.hoTen')");
        }

        @Test
        void sameKeyInDifferentGroupPathsIsFine() {
            FormSchema schema = FormSamples.parse("""
                    {"type": "group", "id": "G1", "path": "cha", "components": [{"type": "textfield", "id": "A", "key": "hoTen"}]},
                    {"type": "group", "id": "G2", "path": "me", "components": [{"type": "textfield", "id": "B", "key": "hoTen"}]}
                    """);
            assertThat(schema.inputKeys()).containsExactly("cha.hoTen", "me.hoTen");
        }

        @Test
        void keyInsideAnotherFieldsValueConflicts() {
            assertThatThrownBy(() -> FormSamples.parse("""
                    {"type": "textfield", "id": "A", "key": "diaChi"},
                    {"type": "textfield", "id": "B", "key": "diaChi.soNha"}
                    """))
                    .hasMessage("Component 'B' (textfield, key 'diaChi.soNha'): key conflict, 'diaChi.soNha' lies inside"
                            + " the value of component 'A' (textfield, key 'diaChi')");
        }

        @Test
        void duplicateIdIsRefused() {
            assertThatThrownBy(() -> FormSamples.parse("""
                    {"type": "textfield", "id": "Field_1", "key": "a"},
                    {"type": "textfield", "id": "Field_1", "key": "b"}
                    """))
                    .hasMessage("Component 'Field_1' (textfield): duplicate id 'Field_1'");
        }

        @Test
        void dynamicListWithoutPath() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"dynamiclist\", \"id\": \"L\", \"components\": []}"))
                    .hasMessageStartingWith("Component 'L' (dynamiclist): a dynamic list needs a path");
        }

        @Test
        void validateMinMustBeANumber() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"number\", \"id\": \"N\", \"key\": \"n\", \"validate\": {\"min\": \"abc\"}}"))
                    .hasMessage("Component 'N' (number, key 'n'): validate.min must be a number or a FEEL expression"
                            + " starting with '=', got \"abc\"");
        }

        @Test
        void validateMinLengthMustBeAWholeNonNegativeNumber() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"t\", \"validate\": {\"minLength\": -1}}"))
                    .hasMessageContaining("validate.minLength must be a whole number of characters, 0 or more, got -1");
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"t\", \"validate\": {\"maxLength\": 2.5}}"))
                    .hasMessageContaining("validate.maxLength must be a whole number");
        }

        @Test
        void validateMinGreaterThanMax() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"number\", \"id\": \"N\", \"key\": \"n\", \"validate\": {\"min\": 10, \"max\": 5}}"))
                    .hasMessage("Component 'N' (number, key 'n'): validate.min (10) is greater than validate.max (5)");
        }

        @Test
        void validatePatternMustCompile() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"t\", \"validate\": {\"pattern\": \"[0-9\"}}"))
                    .hasMessageStartingWith("Component 'T' (textfield, key 't'): validate.pattern '[0-9' is not a valid"
                            + " regular expression");
        }

        @Test
        void validateRequiredMustBeBoolean() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"t\", \"validate\": {\"required\": \"yes\"}}"))
                    .hasMessageContaining("validate.required must be true or false, got \"yes\"");
        }

        @Test
        void validateValidationTypeMustBeKnown() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"t\", \"validate\": {\"validationType\": \"cccd\"}}"))
                    .hasMessageContaining("validate.validationType must be email, phone or custom, got 'cccd'");
        }

        @Test
        void textRulesOnANumberFieldAreRefused() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"number\", \"id\": \"N\", \"key\": \"n\", \"validate\": {\"maxLength\": 3}}"))
                    .hasMessageContaining("apply to textfield and textarea only, not to number");
        }

        @Test
        void unparsableFeelInConditionalHide() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"t\", \"conditional\": {\"hide\": \"=a >\"}}"))
                    .hasMessageStartingWith("Component 'T' (textfield, key 't'): unparsable FEEL in conditional.hide '=a >':");
        }

        @Test
        void conditionalHideMustStartWithEquals() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"t\", \"conditional\": {\"hide\": \"a = 1\"}}"))
                    .hasMessageContaining("conditional.hide must be a FEEL expression starting with '='");
        }

        @Test
        void unparsableFeelInExpressionField() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"expression\", \"id\": \"E\", \"key\": \"e\", \"expression\": \"=1 +* 2\"}"))
                    .hasMessageStartingWith("Component 'E' (expression, key 'e'): unparsable FEEL in expression '=1 +* 2':");
        }

        @Test
        void unparsableFeelInATextTemplate() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"text\", \"id\": \"X\", \"text\": \"Hello {{ a + }}\"}"))
                    .hasMessageStartingWith("Component 'X' (text): unparsable FEEL in text placeholder 'a +':");
        }

        @Test
        void unparsableFeelInValidateBound() {
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"number\", \"id\": \"N\", \"key\": \"n\", \"validate\": {\"max\": \"=(\"}}"))
                    .hasMessageStartingWith("Component 'N' (number, key 'n'): unparsable FEEL in validate.max");
        }

        @Test
        void defaultValueMustBeADeclaredOption() {
            assertThatThrownBy(() -> FormSamples.parse("""
                    {"type": "select", "id": "S", "key": "s", "values": [{"label": "A", "value": "a"}], "defaultValue": "b"}
                    """))
                    .hasMessage("Component 'S' (select, key 's'): defaultValue 'b' is not one of the declared values");
        }

        @Test
        void defaultValueMustMatchTheType() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"checkbox\", \"id\": \"C\", \"key\": \"c\", \"defaultValue\": \"yes\"}"))
                    .hasMessageContaining("defaultValue must be true or false");
            assertThatThrownBy(() -> FormSamples.parse(
                    "{\"type\": \"datetime\", \"subtype\": \"date\", \"id\": \"D\", \"key\": \"d\", \"defaultValue\": \"31/12/2024\"}"))
                    .hasMessageContaining("defaultValue '31/12/2024' is not a valid ISO date");
        }

        @Test
        void duplicateOptionValues() {
            assertThatThrownBy(() -> FormSamples.parse("""
                    {"type": "radio", "id": "R", "key": "r", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "a"}]}
                    """))
                    .hasMessageContaining("duplicate option value 'a'");
        }

        @Test
        void unknownDatetimeSubtype() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"datetime\", \"subtype\": \"week\", \"id\": \"D\", \"key\": \"d\"}"))
                    .hasMessageContaining("'subtype' must be one of [date, datetime, time], got 'week'");
        }

        @Test
        void malformedTemplateBlocksAreRefusedNamingTheProblem() {
            assertThat(FormSamples.parse("{\"type\": \"text\", \"id\": \"X\", \"text\": \"{{#if a}}x{{/if}}{{#loop xs}}{{this}}{{/loop}}\"}")
                    .components()).hasSize(1);
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"text\", \"id\": \"X\", \"text\": \"{{#if a}}x\"}"))
                    .hasMessage("Component 'X' (text): text: {{#if}} is not closed");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"text\", \"id\": \"X\", \"text\": \"{{#if a ==}}x{{/if}}\"}"))
                    .hasMessageContaining("unparsable FEEL");
        }

        @Test
        void imagesTablesAndDocumentPreviewsAreReadAndTheirSourcesChecked() {
            var schema = FormSamples.parse("{\"type\": \"image\", \"id\": \"Logo\", \"source\": \"/images/logo.png\", \"alt\": \"Quốc huy\"},"
                    + "{\"type\": \"table\", \"id\": \"T\", \"label\": \"Con\", \"dataSource\": \"=children\", \"rowCount\": 5,"
                    + " \"columns\": [{\"label\": \"Họ tên\", \"key\": \"name\"}, {\"key\": \"age\"}]},"
                    + "{\"type\": \"documentPreview\", \"id\": \"D\", \"label\": \"Tài liệu\", \"dataSource\": \"dossierDocuments\", \"maxHeight\": 400}");
            assertThat(schema.components()).extracting(FormComponent::type)
                    .containsExactly(ComponentType.IMAGE, ComponentType.TABLE, ComponentType.DOCUMENT_PREVIEW);
            assertThat(schema.components().get(1).columns()).containsExactly(new FormComponent.TableColumn("Họ tên", "name"),
                    new FormComponent.TableColumn("age", "age"));
            assertThat(schema.components().get(1).rowCount()).isEqualTo(5);
            assertThat(schema.components().get(2).dataSource()).as("a key path read as a FEEL variable").isEqualTo("=dossierDocuments");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"image\", \"id\": \"I\", \"source\": \"https://tracker.example/p.gif\"}"))
                    .hasMessageContaining("image source 'https://tracker.example/p.gif' is not allowed");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"image\", \"id\": \"I\", \"source\": \"data:image/svg+xml;base64,PHN2Zz4=\"}"))
                    .hasMessageContaining("is not allowed");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"table\", \"id\": \"T\"}"))
                    .hasMessageContaining("'dataSource' is missing");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"iframe\", \"id\": \"F\", \"url\": \"https://example.vn\"}"))
                    .hasMessage("Component 'F' (iframe): component type 'iframe' is not supported by MotCua forms");
        }

        @Test
        void aFilePickerIsAnInputWithItsAcceptedTypesAndWhetherItTakesSeveralFiles() {
            FormSchema schema = FormSamples.parse(
                    "{\"type\": \"filepicker\", \"id\": \"F\", \"key\": \"banVe\", \"label\": \"Bản vẽ\", \"accept\": \".pdf, image/*\","
                    + " \"multiple\": true, \"validate\": {\"required\": true}},"
                    + "{\"type\": \"filepicker\", \"id\": \"G\", \"key\": \"anh\"}");
            FormComponent picker = schema.components().get(0);
            assertThat(picker.type()).isEqualTo(ComponentType.FILEPICKER);
            assertThat(picker.type().isInput()).isTrue();
            assertThat(picker.accept()).isEqualTo(".pdf, image/*");
            assertThat(picker.multiple()).isTrue();
            assertThat(picker.validation().required()).isTrue();
            assertThat(schema.components().get(1).accept()).as("any type MotCua takes").isNull();
            assertThat(schema.components().get(1).multiple()).as("one file by default, as form-js").isFalse();
            assertThat(schema.inputKeys()).containsExactly("banVe", "anh");

            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"filepicker\", \"id\": \"F\", \"key\": \"f\", \"accept\": \"pdf\"}"))
                    .hasMessage("Component 'F' (filepicker, key 'f'): 'accept' entry 'pdf' is neither a file extension (.pdf) nor a media type"
                            + " (application/pdf, image/*)");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"filepicker\", \"id\": \"F\", \"key\": \"f\", \"accept\": \"=types\"}"))
                    .hasMessageContaining("'accept' must be written out");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"filepicker\", \"id\": \"F\", \"key\": \"f\", \"multiple\": \"=many\"}"))
                    .hasMessageContaining("'multiple' must be true or false");
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"dynamiclist\", \"id\": \"L\", \"path\": \"items\", \"components\": ["
                    + "{\"type\": \"filepicker\", \"id\": \"F\", \"key\": \"f\"}]}"))
                    .hasMessageContaining("a filepicker inside a dynamic list is not supported");
        }

        @Test
        void componentWithoutIdIsNamedByPosition() {
            assertThatThrownBy(() -> FormSamples.parse("{\"type\": \"textfield\"}, {\"type\": \"textfield\", \"key\": \"x y\"}"))
                    .hasMessageStartingWith("Component 'Field_0' (textfield): missing key");
        }
    }
}
