package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A step's decision and opinion are read from the fields its form marks {@code recordAs}: a choice shows the label of
 * the option chosen, a yes/no box its label with yes/no, other fields label and value, in form order; opinions are the
 * text of the opinion fields; empty and absent fields add nothing, unmarked fields never count.
 */
class StepRecordTest {
    private static final FormSchema APPROVAL = FormSchema.parse("""
            {"id": "approval", "type": "default", "components": [
              {"type": "radio", "key": "decision", "label": "Quyết định",
               "values": [{"label": "Phê duyệt", "value": "APPROVE"}, {"label": "Trả lại chuyên viên xử lý lại", "value": "REWORK"}],
               "properties": {"processVariable": "true", "recordAs": "decision"}},
              {"type": "textarea", "key": "reworkReason", "label": "Lý do trả lại", "properties": {"recordAs": "opinion"}},
              {"type": "textfield", "key": "internal", "label": "Không ghi"}
            ]}""");
    private static final FormSchema REVIEW = FormSchema.parse("""
            {"id": "review", "type": "default", "components": [
              {"type": "checkbox", "key": "documentsComplete", "label": "Hồ sơ đầy đủ", "properties": {"recordAs": "decision"}},
              {"type": "textarea", "key": "reviewOpinion", "label": "Ý kiến", "properties": {"recordAs": "opinion"}},
              {"type": "textfield", "key": "registerNumber", "label": "Số đăng ký", "properties": {"recordAs": "decision"}},
              {"type": "number", "key": "fee", "label": "Lệ phí", "properties": {"recordAs": "decision"}},
              {"type": "datetime", "subtype": "date", "key": "expiry", "dateLabel": "Hạn", "label": "Hạn", "properties": {"recordAs": "decision"}},
              {"type": "checklist", "key": "kinds", "label": "Loại",
               "values": [{"label": "Một", "value": "A"}, {"label": "Hai", "value": "B"}], "properties": {"recordAs": "decision"}}
            ]}""");

    @Test
    void aSendBackShowsTheChosenOptionsLabelAndItsReason() {
        var record = StepRecord.of(APPROVAL, Map.of("decision", "REWORK", "reworkReason", "Thiếu bản sao giấy chứng sinh",
                "internal", "x"), null);
        assertThat(record.decision()).isEqualTo("Trả lại chuyên viên xử lý lại");
        assertThat(record.opinion()).isEqualTo("Thiếu bản sao giấy chứng sinh");
    }

    @Test
    void anApprovalWithoutReasonHasNoOpinion() {
        var record = StepRecord.of(APPROVAL, Map.of("decision", "APPROVE"), null);
        assertThat(record).isEqualTo(new StepRecord("Phê duyệt", null));
    }

    @Test
    void decisionPartsComeInFormOrderWithLabelsAndYesNoInTheCallersLanguage() {
        var data = Map.<String, Object>of("documentsComplete", true, "registerNumber", "15/2026", "reviewOpinion", "Đề nghị phê duyệt",
                "fee", new BigDecimal("500000.00"), "expiry", "2027-06-30", "kinds", List.of("B", "A"));
        assertThat(StepRecord.of(REVIEW, data, null).decision())
                .isEqualTo("Hồ sơ đầy đủ: có; Số đăng ký: 15/2026; Lệ phí: 500000; Hạn: 30/06/2027; Loại: Hai, Một");
        assertThat(StepRecord.of(REVIEW, data, Locale.ENGLISH).decision()).startsWith("Hồ sơ đầy đủ: yes; ")
                .contains("Hạn: 2027-06-30");
        assertThat(StepRecord.of(REVIEW, Map.of("documentsComplete", false, "registerNumber", " "), null))
                .isEqualTo(new StepRecord("Hồ sơ đầy đủ: không", null));
    }

    @Test
    void aFormWithoutMarksOrWithoutDataRecordsNothing() {
        var plain = FormSchema.parse("""
                {"id": "plain", "type": "default", "components": [{"type": "textarea", "key": "note", "label": "Ghi chú"}]}""");
        assertThat(StepRecord.of(plain, Map.of("note", "x"), null)).isEqualTo(StepRecord.NONE);
        assertThat(StepRecord.of(APPROVAL, null, null)).isEqualTo(StepRecord.NONE);
        assertThat(StepRecord.of(null, Map.of(), null)).isEqualTo(StepRecord.NONE);
    }
}
