package vn.motcua.forms;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

/** The renderer without a browser (Karibu-Testing). */
class FormRendererTest {

    /** 2025-03-10 09:00 in Vietnam. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T02:00:00Z"), Forms.ZONE);

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static FormRenderer show(String sample, Locale locale) {
        FormRenderer renderer = new FormRenderer(FormSamples.schema(sample), locale, new FormValidator(CLOCK));
        UI.getCurrent().add(renderer);
        return renderer;
    }

    private static <T extends Component> T field(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return field(RadioButtonGroup.class, id);
    }

    private static FormOption option(Component field, String label) {
        Stream<?> items;
        if (field instanceof Select<?> select) {
            items = select.getListDataView().getItems();
        } else if (field instanceof ComboBox<?> comboBox) {
            items = comboBox.getListDataView().getItems();
        } else if (field instanceof RadioButtonGroup<?> group) {
            items = group.getListDataView().getItems();
        } else if (field instanceof CheckboxGroup<?> group) {
            items = group.getListDataView().getItems();
        } else if (field instanceof MultiSelectComboBox<?> box) {
            items = box.getListDataView().getItems();
        } else {
            throw new IllegalArgumentException(field.toString());
        }
        return items.map(FormOption.class::cast).filter(o -> o.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void eachComponentBecomesTheMatchingVaadinField() {
        show(FormSamples.ALL_COMPONENTS, null);

        TextField name = field(TextField.class, "form-ten");
        assertThat(name.getLabel()).isEqualTo("Tên");
        assertThat(name.getHelperText()).isEqualTo("Như trên giấy tờ");
        assertThat(name.isRequiredIndicatorVisible()).isTrue();
        assertThat(((Span) name.getPrefixComponent()).getText()).isEqualTo("Ông/Bà");
        assertThat(((Span) name.getSuffixComponent()).getText()).isEqualTo("(bắt buộc)");

        field(TextArea.class, "form-ghiChu");
        assertThat(((Span) field(BigDecimalField.class, "form-dienTich").getSuffixComponent()).getText()).isEqualTo("m²");
        assertThat(field(DatePicker.class, "form-ngayHen").getLabel()).isEqualTo("Ngày hẹn");
        assertThat(field(TimePicker.class, "form-gioHen").getLabel()).isEqualTo("Giờ hẹn");
        assertThat(field(DateTimePicker.class, "form-thoiDiem").getLabel()).isEqualTo("Ngày – Giờ");
        field(Select.class, "form-tinh");
        field(ComboBox.class, "form-xa");
        field(RadioButtonGroup.class, "form-hinhThuc");
        assertThat(field(Checkbox.class, "form-dongY").getLabel()).isEqualTo("Đồng ý");
        field(CheckboxGroup.class, "form-thongBao");
        field(MultiSelectComboBox.class, "form-linhVuc");
        field(TextField.class, "form-maHoSoCu");
        field(TextField.class, "form-diaChi-soNha");
        field(TextField.class, "form-thanhVien-0-hoTen");
        field(BigDecimalField.class, "form-thanhVien-0-namSinh");

        assertThat(_find(FieldSet.class)).extracting(FieldSet::getLegendText)
                .contains("Nhóm không có đường dẫn", "Địa chỉ", "Thành viên hộ gia đình");
        assertThat(_find(Hr.class)).hasSize(1);
        assertThat(_find(Button.class)).extracting(Button::getText).containsExactly("Xóa", "Thêm");
    }

    /** A picker field as a host would supply it: its value the references of the files "uploaded". */
    private static final class FakePicker extends com.vaadin.flow.component.customfield.CustomField<List<String>> {
        private List<String> references = List.of();

        void pick(String reference) {
            references = new java.util.ArrayList<>(references);
            references.add(reference);
            updateValue();
        }

        @Override
        protected List<String> generateModelValue() {
            return references;
        }

        @Override
        protected void setPresentationValue(List<String> value) {
            references = value == null ? List.of() : value;
        }
    }

    @Test
    void aFilePickerTakesFilesThroughTheHostsPickerAndSaysWhereFilesComeFromWithoutOne() {
        String json = "{\"type\": \"filepicker\", \"id\": \"F\", \"key\": \"banVe\", \"label\": \"Bản vẽ\", \"multiple\": true,"
                + " \"validate\": {\"required\": true}}";
        FormRenderer preview = new FormRenderer(FormSamples.parse(json), null, new FormValidator(CLOCK));
        UI.getCurrent().add(preview);
        assertThat(_get(preview, Span.class, spec -> spec.withText("Tệp được tải lên khi điền biểu mẫu cho một hồ sơ."))).isNotNull();
        assertThat(preview.validate()).extracting(FieldViolation::code).containsExactly("required");

        FormRenderer form = new FormRenderer(FormSamples.parse(json), null, new FormValidator(CLOCK));
        var pickers = new java.util.ArrayList<FakePicker>();
        form.setFilePickers(picker -> {
            assertThat(picker.multiple()).isTrue();
            var field = new FakePicker();
            pickers.add(field);
            return field;
        });
        UI.getCurrent().add(form);
        FakePicker picker = pickers.get(0);
        assertThat(picker.getLabel()).isEqualTo("Bản vẽ");
        assertThat(picker.isRequiredIndicatorVisible()).isTrue();
        form.validate();
        assertThat(picker.isInvalid()).isTrue();
        assertThat(picker.getErrorMessage()).isEqualTo("Thông tin này là bắt buộc.");

        picker.pick("ref-1");
        picker.pick("ref-2");
        assertThat(picker.isInvalid()).as("the marker follows the change").isFalse();
        assertThat(form.getValues()).containsEntry("banVe", List.of("ref-1", "ref-2"));
        assertThat(form.getField("banVe")).contains(picker);

        // a stored form names the files it already holds
        form.setValues(Map.of("banVe", List.of(Map.of("documentId", "5", "metadata", Map.of("fileName", "ban-ve.pdf")))));
        assertThat(_get(form, Span.class, spec -> spec.withText("Đã tải lên trước đó: ban-ve.pdf"))).isNotNull();
    }

    @Test
    void textIsMarkdownAndHtmlIsSanitised() {
        show(FormSamples.ALL_COMPONENTS, null);
        _setValue(field(TextField.class, "form-ten"), "<b>An</b> [x](javascript:alert(1))");

        String greeting = _get(Html.class, spec -> spec.withPredicate(h -> h.getInnerHtml().contains("Xin chào"))).getInnerHtml();
        assertThat(greeting).isEqualTo("<p>Xin chào &lt;b&gt;An&lt;/b&gt; [x](javascript:alert(1))!</p>");

        String help = _get(Html.class, spec -> spec.withPredicate(h -> h.getInnerHtml().contains("Hướng dẫn"))).getInnerHtml();
        assertThat(help).isEqualTo("<p>Hướng dẫn <b>&lt;b&gt;An&lt;/b&gt; [x](javascript:alert(1))</b></p>");
    }

    @Test
    void birthRegistrationTextRendersMarkdownWithSafeLinks() {
        show(FormSamples.BIRTH_REGISTRATION, null);
        String intro = _get(Html.class, spec -> spec.withPredicate(h -> h.getInnerHtml().contains("Tờ khai"))).getInnerHtml();
        assertThat(intro).startsWith("<h1>Tờ khai đăng ký khai sinh</h1>\n<p>Kính gửi: <strong>Ủy ban nhân dân</strong>")
                .contains("<a href=\"https://vanban.chinhphu.vn/\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">"
                        + "Luật Hộ tịch 2014</a>")
                .contains("<em>chính xác</em>");
    }

    @Test
    void getValuesReturnsTheNormalisedMap() {
        FormRenderer renderer = show(FormSamples.ALL_COMPONENTS, null);

        _setValue(field(TextField.class, "form-ten"), "Phạm Thu Hà");
        _setValue(field(TextArea.class, "form-ghiChu"), "Nộp thay");
        _setValue(field(BigDecimalField.class, "form-dienTich"), new BigDecimal("75.50"));
        _setValue(field(DatePicker.class, "form-ngayHen"), LocalDate.of(2025, 3, 20));
        _setValue(field(TimePicker.class, "form-gioHen"), LocalTime.of(14, 30));
        _setValue(field(DateTimePicker.class, "form-thoiDiem"), LocalDateTime.of(2025, 3, 20, 8, 0));
        Select<FormOption> province = field(Select.class, "form-tinh");
        _setValue(province, option(province, "Hà Nội"));
        RadioButtonGroup<FormOption> form = radio("form-hinhThuc");
        _setValue(form, option(form, "Bản điện tử"));
        _setValue(field(Checkbox.class, "form-dongY"), true);
        CheckboxGroup<FormOption> channels = field(CheckboxGroup.class, "form-thongBao");
        _setValue(channels, Set.of(option(channels, "Zalo"), option(channels, "Tin nhắn")));
        MultiSelectComboBox<FormOption> areas = field(MultiSelectComboBox.class, "form-linhVuc");
        _setValue(areas, Set.of(option(areas, "Đất đai")));
        _setValue(field(TextField.class, "form-diaChi-soNha"), "12 Tràng Tiền");
        _setValue(field(TextField.class, "form-thanhVien-0-hoTen"), "Phạm Văn Nam");
        _setValue(field(BigDecimalField.class, "form-thanhVien-0-namSinh"), new BigDecimal("2001"));

        Map<String, Object> values = renderer.getValues();

        assertThat(values).containsEntry("ten", "Phạm Thu Hà")
                .containsEntry("ghiChu", "Nộp thay")
                .containsEntry("dienTich", new BigDecimal("75.50"))
                .containsEntry("ngayHen", "2025-03-20")
                .containsEntry("gioHen", "14:30")
                .containsEntry("thoiDiem", "2025-03-20T08:00+07:00")
                .containsEntry("tinh", "01")
                .containsEntry("xa", null)
                .containsEntry("hinhThuc", "dien_tu")
                .containsEntry("dongY", true)
                .containsEntry("thongBao", List.of("sms", "zalo"))
                .containsEntry("linhVuc", List.of("dat_dai"))
                .containsEntry("maHoSoCu", "")
                .containsEntry("diaChi", Map.of("soNha", "12 Tràng Tiền"))
                .containsEntry("thanhVien", List.of(Map.of("hoTen", "Phạm Văn Nam", "namSinh", new BigDecimal("2001"))))
                .containsEntry("soThanhVien", BigDecimal.ONE);
        assertThat(new FormValidator(CLOCK).validate(renderer.getSchema(), values, null)).isEmpty();
    }

    @Test
    void setValuesShowsStoredDataAndOptionsFromTheContext() {
        FormRenderer renderer = show(FormSamples.ALL_COMPONENTS, null);
        renderer.setValues(Map.of(
                "ten", "Đỗ Minh",
                "dienTich", 120,
                "ngayHen", "2025-04-01",
                "gioHen", "09:00",
                "thoiDiem", "2025-04-01T02:00:00Z",
                "xa", "00004",
                "danhSachXa", List.of(Map.of("label", "Phường Ba Đình", "value", "00004"), Map.of("label", "Phường Kim Mã", "value", "00008")),
                "thongBao", List.of("email"),
                "thanhVien", List.of(Map.of("hoTen", "A"), Map.of("hoTen", "B"))));

        assertThat(field(TextField.class, "form-ten").getValue()).isEqualTo("Đỗ Minh");
        assertThat(field(BigDecimalField.class, "form-dienTich").getValue()).isEqualByComparingTo("120");
        assertThat(field(DatePicker.class, "form-ngayHen").getValue()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(field(TimePicker.class, "form-gioHen").getValue()).isEqualTo(LocalTime.of(9, 0));
        // 02:00 UTC is 09:00 in Vietnam
        assertThat(field(DateTimePicker.class, "form-thoiDiem").getValue()).isEqualTo(LocalDateTime.of(2025, 4, 1, 9, 0));
        ComboBox<FormOption> ward = field(ComboBox.class, "form-xa");
        assertThat(ward.getValue()).isEqualTo(new FormOption("Phường Ba Đình", "00004"));
        assertThat(ward.getListDataView().getItems()).hasSize(2);
        assertThat(field(TextField.class, "form-thanhVien-1-hoTen").getValue()).isEqualTo("B");

        Map<String, Object> values = renderer.getValues();
        assertThat(values).containsEntry("xa", "00004").containsEntry("thongBao", List.of("email"))
                .containsEntry("thoiDiem", "2025-04-01T09:00+07:00").containsEntry("soThanhVien", new BigDecimal("2"))
                .doesNotContainKey("danhSachXa");
    }

    @Test
    void defaultsAreShownWhenTheFormOpens() {
        show(FormSamples.BIRTH_REGISTRATION, null);
        assertThat(field(TextField.class, "form-tre-quocTich").getValue()).isEqualTo("Việt Nam");
        assertThat(field(Checkbox.class, "form-khaiThongTinCha").getValue()).isTrue();
        assertThat(field(BigDecimalField.class, "form-giayToKemTheo-0-soBan").getValue()).isEqualByComparingTo("1");
        RadioButtonGroup<FormOption> birthPlace = radio("form-tre-noiSinh");
        assertThat(birthPlace.getValue().value()).isEqualTo("co_so_y_te");
    }

    @Test
    void aConditionalFieldAppearsAndDisappearsWithTheData() {
        FormRenderer renderer = show(FormSamples.BIRTH_REGISTRATION, null);
        field(TextField.class, "form-tre-tenCoSoYTe");

        RadioButtonGroup<FormOption> birthPlace = radio("form-tre-noiSinh");
        _setValue(birthPlace, option(birthPlace, "Ngoài cơ sở y tế"));
        _assertNone(TextField.class, spec -> spec.withId("form-tre-tenCoSoYTe"));
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) renderer.getValues().get("tre");
        assertThat(child).doesNotContainKey("tenCoSoYTe");

        _setValue(birthPlace, option(birthPlace, "Cơ sở y tế"));
        field(TextField.class, "form-tre-tenCoSoYTe");
    }

    @Test
    void aHiddenGroupHidesItsFields() {
        FormRenderer renderer = show(FormSamples.BIRTH_REGISTRATION, null);
        field(TextField.class, "form-cha-hoTen");
        _setValue(field(Checkbox.class, "form-khaiThongTinCha"), false);
        _assertNone(TextField.class, spec -> spec.withId("form-cha-hoTen"));
        assertThat(renderer.getValues()).doesNotContainKey("cha");
    }

    @Test
    void aConditionInsideADynamicListFollowsItsItem() {
        show(FormSamples.BIRTH_REGISTRATION, null);
        _assertNone(TextField.class, spec -> spec.withId("form-giayToKemTheo-0-moTa"));
        Select<FormOption> kind = field(Select.class, "form-giayToKemTheo-0-loai");
        _setValue(kind, option(kind, "Giấy tờ khác"));
        field(TextField.class, "form-giayToKemTheo-0-moTa");
    }

    @Test
    void expressionsAndTemplatesAreRecomputedOnChange() {
        FormRenderer renderer = show(FormSamples.BIRTH_REGISTRATION, null);
        assertThat(_get(Html.class, spec -> spec.withPredicate(h -> h.getInnerHtml().contains("Lệ phí"))).getInnerHtml())
                .isEqualTo("<p>Lệ phí dự kiến: <strong>8000</strong> đồng.</p>");

        _setValue(field(BigDecimalField.class, "form-soBanTrichLuc"), new BigDecimal("3"));

        assertThat(_get(Html.class, spec -> spec.withPredicate(h -> h.getInnerHtml().contains("Lệ phí"))).getInnerHtml())
                .isEqualTo("<p>Lệ phí dự kiến: <strong>24000</strong> đồng.</p>");
        assertThat(renderer.getValues()).containsEntry("lePhi", new BigDecimal("24000"));
    }

    @Test
    void validateMarksEachInvalidFieldWithItsMessage() {
        FormRenderer renderer = show(FormSamples.BIRTH_REGISTRATION, null);
        _setValue(field(TextField.class, "form-nguoiYeuCau-soDinhDanh"), "12345");

        List<FieldViolation> violations = renderer.validate();

        assertThat(violations).extracting(FieldViolation::field).contains("nguoiYeuCau.hoTen", "nguoiYeuCau.soDinhDanh",
                "tre.ngaySinh", "camDoan");
        TextField idNumber = field(TextField.class, "form-nguoiYeuCau-soDinhDanh");
        assertThat(idNumber.isInvalid()).isTrue();
        assertThat(idNumber.getErrorMessage()).isEqualTo("Giá trị không đúng định dạng yêu cầu.");
        assertThat(field(Checkbox.class, "form-camDoan").isInvalid()).isTrue();
        assertThat(field(DatePicker.class, "form-tre-ngaySinh").getErrorMessage()).isEqualTo("Thông tin này là bắt buộc.");
        TextField phone = field(TextField.class, "form-nguoiYeuCau-soDienThoai");
        assertThat(phone.isInvalid()).isFalse();

        // markers follow the corrections
        _setValue(idNumber, "001085012345");
        assertThat(idNumber.isInvalid()).isFalse();
        assertThat(idNumber.getErrorMessage()).isNullOrEmpty();
        _setValue(phone, "12");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).isEqualTo("Số điện thoại không hợp lệ.");

        renderer.clearValidation();
        assertThat(phone.isInvalid()).isFalse();
    }

    @Test
    void validateMarksFieldsInsideDynamicLists() {
        FormRenderer renderer = show(FormSamples.BIRTH_REGISTRATION, Locale.ENGLISH);
        BigDecimalField copies = field(BigDecimalField.class, "form-giayToKemTheo-0-soBan");
        _setValue(copies, new BigDecimal("11"));

        assertThat(renderer.validate()).filteredOn(v -> v.field().startsWith("giayToKemTheo"))
                .extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(tuple("giayToKemTheo[0].loai", FieldViolation.REQUIRED),
                        tuple("giayToKemTheo[0].soBan", FieldViolation.MAX));
        assertThat(copies.getErrorMessage()).isEqualTo("The value must be at most 10.");
        assertThat(field(Select.class, "form-giayToKemTheo-0-loai").isInvalid()).isTrue();
    }

    @Test
    void aValidlyFilledBirthRegistrationPassesValidation() {
        FormRenderer renderer = show(FormSamples.BIRTH_REGISTRATION, null);
        renderer.setValues(Map.of(
                "nguoiYeuCau", Map.of("hoTen", "Nguyễn Văn Bình", "soDinhDanh", "001085012345", "quanHe", "cha"),
                "tre", Map.of("hoTen", "Nguyễn Minh An", "gioiTinh", "nam", "ngaySinh", "2025-03-01",
                        "tenCoSoYTe", "Bệnh viện Phụ sản Hà Nội"),
                "cha", Map.of("hoTen", "Nguyễn Văn Bình"),
                "me", Map.of("hoTen", "Trần Thị Hoa"),
                "giayToKemTheo", List.of(Map.of("loai", "giay_chung_sinh"))));
        CheckboxGroup<FormOption> delivery = field(CheckboxGroup.class, "form-hinhThucNhan");
        _setValue(delivery, Set.of(option(delivery, "Qua dịch vụ bưu chính")));
        TextArea address = field(TextArea.class, "form-diaChiBuuChinh");
        _setValue(address, "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội");
        _setValue(field(Checkbox.class, "form-camDoan"), true);

        assertThat(renderer.validate()).isEmpty();
        Map<String, Object> values = renderer.getValues();
        assertThat(values).containsEntry("diaChiBuuChinh", "Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội")
                .containsEntry("hinhThucNhan", List.of("buu_chinh"))
                .containsEntry("giayToKemTheo", List.of(Map.of("loai", "giay_chung_sinh", "soBan", BigDecimal.ONE)));
    }

    @Test
    void dynamicListItemsAreAddedAndRemoved() {
        FormRenderer renderer = show(FormSamples.ALL_COMPONENTS, null);
        _setValue(field(TextField.class, "form-thanhVien-0-hoTen"), "Một");

        _click(field(Button.class, "form-thanhVien-add"));
        _setValue(field(TextField.class, "form-thanhVien-1-hoTen"), "Hai");
        _click(field(Button.class, "form-thanhVien-add"));
        _setValue(field(TextField.class, "form-thanhVien-2-hoTen"), "Ba");
        assertThat(renderer.getValues()).containsEntry("soThanhVien", new BigDecimal("3"));

        _click(field(Button.class, "form-thanhVien-0-remove"));

        assertThat(field(TextField.class, "form-thanhVien-0-hoTen").getValue()).isEqualTo("Hai");
        assertThat(field(TextField.class, "form-thanhVien-1-hoTen").getValue()).isEqualTo("Ba");
        _assertNone(TextField.class, spec -> spec.withId("form-thanhVien-2-hoTen"));
        assertThat(renderer.getValues().get("thanhVien")).isEqualTo(List.of(item("Hai"), item("Ba")));
    }

    private static Map<String, Object> item(String name) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("hoTen", name);
        item.put("namSinh", null);
        return item;
    }

    @Test
    void readOnlyFormsCannotBeChanged() {
        FormRenderer renderer = show(FormSamples.ALL_COMPONENTS, null);
        renderer.setReadOnly(true);
        assertThat(renderer.isReadOnly()).isTrue();
        assertThat(field(TextField.class, "form-ten").isReadOnly()).isTrue();
        assertThat(field(CheckboxGroup.class, "form-thongBao").isReadOnly()).isTrue();
        _assertNone(Button.class, spec -> spec.withId("form-thanhVien-add"));

        renderer.setReadOnly(false);
        assertThat(field(TextField.class, "form-ten").isReadOnly()).isFalse();
        field(Button.class, "form-thanhVien-add");
    }

    @Test
    void readonlyAndDisabledFollowTheirExpressions() {
        FormRenderer renderer = new FormRenderer(FormSamples.parse("""
                {"type": "checkbox", "id": "A", "key": "khoa"},
                {"type": "textfield", "id": "B", "key": "ma", "readonly": "=khoa"},
                {"type": "textfield", "id": "C", "key": "ghiChu", "disabled": "=khoa"},
                {"type": "textfield", "id": "D", "key": "so", "readonly": true}
                """));
        UI.getCurrent().add(renderer);
        assertThat(field(TextField.class, "form-ma").isReadOnly()).isFalse();
        assertThat(field(TextField.class, "form-so").isReadOnly()).isTrue();
        _setValue(field(Checkbox.class, "form-khoa"), true);
        assertThat(field(TextField.class, "form-ma").isReadOnly()).isTrue();
        assertThat(_find(TextField.class, spec -> spec.withId("form-ghiChu").withEnabled(false))).hasSize(1);
        assertThat(renderer.getValues()).containsOnlyKeys("khoa", "ma", "so");
    }

    @Test
    void englishLocaleTranslatesTheRenderersOwnTexts() {
        FormRenderer renderer = show(FormSamples.ALL_COMPONENTS, Locale.ENGLISH);
        assertThat(field(Button.class, "form-thanhVien-add").getText()).isEqualTo("Add");
        assertThat(field(Button.class, "form-thanhVien-0-remove").getText()).isEqualTo("Remove");
        assertThat(renderer.validate()).extracting(FieldViolation::message).contains("This field is required.");
        assertThat(field(DatePicker.class, "form-ngayHen").getI18n().getToday()).isEqualTo("Today");
    }

    @Test
    void vietnameseDatePickersSpeakVietnamese() {
        show(FormSamples.ALL_COMPONENTS, null);
        DatePicker.DatePickerI18n i18n = field(DatePicker.class, "form-ngayHen").getI18n();
        assertThat(i18n.getToday()).isEqualTo("Hôm nay");
        assertThat(i18n.getMonthNames()).startsWith("Tháng 1").hasSize(12);
        assertThat(i18n.getWeekdaysShort()).containsExactly("CN", "T2", "T3", "T4", "T5", "T6", "T7");
        assertThat(i18n.getDateFormats()).containsExactly("dd/MM/yyyy");
    }

    @Test
    void getFieldFindsTheComponentOfADataPath() {
        FormRenderer renderer = show(FormSamples.BIRTH_REGISTRATION, null);
        assertThat(renderer.getField("tre.hoTen")).containsInstanceOf(TextField.class);
        assertThat(renderer.getField("giayToKemTheo[0].soBan")).containsInstanceOf(BigDecimalField.class);
        assertThat(renderer.getField("nope")).isEmpty();
    }

    @Test
    void changesAreAnnounced() {
        FormRenderer renderer = show(FormSamples.ALL_COMPONENTS, null);
        List<FormRenderer.ChangeEvent> events = new ArrayList<>();
        renderer.addChangeListener(events::add);
        _setValue(field(TextField.class, "form-ten"), "X");
        _click(field(Button.class, "form-thanhVien-add"));
        assertThat(events).hasSize(2);
    }

    @Test
    void disallowPassedDatesSetsTheMinimumDate() {
        FormRenderer renderer = new FormRenderer(FormSamples.parse("""
                {"type": "datetime", "subtype": "date", "id": "D", "key": "ngayHen", "disallowPassedDates": true}
                """), null, new FormValidator(CLOCK));
        UI.getCurrent().add(renderer);
        assertThat(field(DatePicker.class, "form-ngayHen").getMin()).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void textInsideADynamicListSeesItsOwnItem() {
        FormRenderer renderer = new FormRenderer(FormSamples.parse("""
                {"type": "dynamiclist", "id": "L", "path": "ds", "components": [
                  {"type": "textfield", "id": "T", "key": "ten"},
                  {"type": "text", "id": "X", "text": "Mục {{i[1]}}: {{this.ten}}"}
                ]}
                """));
        UI.getCurrent().add(renderer);
        renderer.setValues(Map.of("ds", List.of(Map.of("ten", "An"), Map.of("ten", "Bình"))));
        assertThat(_find(Html.class)).extracting(Html::getInnerHtml)
                .containsExactly("<p>Mục 1: An</p>", "<p>Mục 2: Bình</p>");
        _setValue(field(TextField.class, "form-ds-1-ten"), "Cường");
        assertThat(_find(Html.class)).extracting(Html::getInnerHtml)
                .containsExactly("<p>Mục 1: An</p>", "<p>Mục 2: Cường</p>");
    }

    @Test
    void aTextRepeatsAndHidesItsSectionsAsTheDataChanges() {
        FormRenderer renderer = new FormRenderer(FormSamples.parse(
                "{\"type\": \"checkbox\", \"id\": \"C\", \"key\": \"coCon\", \"label\": \"Có con\"},"
                        + "{\"type\": \"text\", \"id\": \"T\", \"text\": \"{{#if coCon}}Con:{{#loop con}} {{ten}}{{/loop}}{{/if}}\"}"),
                Locale.forLanguageTag("vi"), new FormValidator(CLOCK));
        UI.getCurrent().add(renderer);
        renderer.setValues(Map.of("con", List.of(Map.of("ten", "Bình"), Map.of("ten", "Châu"))));
        assertThat(_find(Html.class)).extracting(Html::getInnerHtml).containsExactly("");
        _setValue(field(Checkbox.class, "form-coCon"), true);
        assertThat(_find(Html.class)).extracting(Html::getInnerHtml).containsExactly("<p>Con: Bình Châu</p>");
    }

    @Test
    void aTableShowsItsRowsPagedWithItsColumns() {
        FormRenderer renderer = new FormRenderer(FormSamples.parse(
                "{\"type\": \"table\", \"id\": \"T\", \"label\": \"Danh sách con\", \"dataSource\": \"=con\", \"rowCount\": 2,"
                        + " \"columns\": [{\"label\": \"Họ tên\", \"key\": \"ten\"}, {\"label\": \"Tuổi\", \"key\": \"tuoi\"}]}"),
                Locale.forLanguageTag("vi"), new FormValidator(CLOCK));
        UI.getCurrent().add(renderer);
        renderer.setValues(Map.of("con", List.of(Map.of("ten", "Bình", "tuoi", 3), Map.of("ten", "Châu", "tuoi", 5),
                Map.of("ten", "Dũng", "tuoi", 7))));
        var box = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("motcua-form-table"));
        assertThat(tableText(box)).isEqualTo("Họ tên|Tuổi|Bình|3|Châu|5");
        assertThat(box.getElement().getTextRecursively()).contains("Danh sách con").contains("1–2 / 3");
        var pages = _find(box, Button.class);
        _click(pages.get(1));
        assertThat(tableText(box)).isEqualTo("Họ tên|Tuổi|Dũng|7");
        assertThat(pages.get(1).isEnabled()).isFalse();
        renderer.setValues(Map.of());
        assertThat(tableText(box)).isEqualTo("Họ tên|Tuổi|Không có dòng nào.");
    }

    @Test
    void imagesAndDocumentsShowOnlyAddressesOfThisSite() {
        FormRenderer renderer = new FormRenderer(FormSamples.parse(
                "{\"type\": \"image\", \"id\": \"I\", \"source\": \"=anh\", \"alt\": \"Ảnh của {{ten}}\"},"
                        + "{\"type\": \"documentPreview\", \"id\": \"D\", \"label\": \"Giấy tờ\", \"dataSource\": \"=dossierDocuments\"}"),
                Locale.forLanguageTag("vi"), new FormValidator(CLOCK));
        UI.getCurrent().add(renderer);
        renderer.setValues(Map.of("anh", "/api/dossiers/X/attachments/1/content", "ten", "An", "dossierDocuments", List.of(
                Map.of("documentId", "1", "endpoint", "/api/dossiers/X/attachments/1/content",
                        "metadata", Map.of("fileName", "giay-chung-sinh.jpg", "contentType", "image/jpeg")),
                Map.of("documentId", "2", "endpoint", "/api/dossiers/X/attachments/2/content",
                        "metadata", Map.of("fileName", "to-khai.pdf", "contentType", "application/pdf")),
                Map.of("documentId", "3", "endpoint", "https://elsewhere.example/x.pdf",
                        "metadata", Map.of("fileName", "ngoai.pdf", "contentType", "application/pdf")))));
        var image = _get(com.vaadin.flow.component.html.Image.class, spec -> spec.withClasses("motcua-form-image"));
        assertThat(image.getSrc()).isEqualTo("/api/dossiers/X/attachments/1/content");
        assertThat(image.getAlt()).contains("Ảnh của An");
        var documents = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("motcua-form-documents"));
        assertThat(_find(documents, com.vaadin.flow.component.html.Anchor.class)).extracting(a -> a.getHref())
                .containsExactly("/api/dossiers/X/attachments/1/content", "/api/dossiers/X/attachments/2/content");
        assertThat(_find(documents, com.vaadin.flow.component.html.Image.class)).as("the image shown inline").hasSize(1);
        assertThat(documents.getElement().getTextRecursively()).contains("Giấy tờ").contains("ngoai.pdf");

        renderer.setValues(Map.of("anh", "https://tracker.example/p.gif", "dossierDocuments", List.of()));
        assertThat(image.getElement().hasAttribute("src")).as("another site's image is not loaded").isFalse();
        assertThat(documents.getElement().getTextRecursively()).contains("Không có tài liệu nào.");
    }

    private static String tableText(com.vaadin.flow.component.html.Div box) {
        var table = box.getElement().getChildren().filter(e -> e.getTag().equals("table")).findFirst().orElseThrow();
        List<String> cells = new ArrayList<>();
        collectCells(table, cells);
        return String.join("|", cells);
    }

    private static void collectCells(com.vaadin.flow.dom.Element element, List<String> into) {
        if (element.getTag().equals("td") || element.getTag().equals("th")) into.add(element.getText());
        else element.getChildren().forEach(child -> collectCells(child, into));
    }
}
