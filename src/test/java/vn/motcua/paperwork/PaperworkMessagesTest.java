package vn.motcua.paperwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperworkMessagesTest {

    @Test
    void bothBundlesDefineTheSameKeys() throws IOException {
        assertThat(load("paperwork_vi").stringPropertyNames()).isEqualTo(load("paperwork").stringPropertyNames());
    }

    @Test
    void everyLabelTheFormsPrintExistsInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (OfficialForm form : OfficialForm.values()) {
            keys.add(form.titleKey());
        }
        for (CopyType type : CopyType.values()) {
            keys.add(type.messageKey());
        }
        for (SubmissionChannel channel : SubmissionChannel.values()) {
            keys.add(channel.messageKey());
        }
        for (ResultDelivery delivery : ResultDelivery.values()) {
            keys.add(delivery.messageKey());
        }
        for (ProcessingStatus status : ProcessingStatus.values()) {
            keys.add(status.messageKey());
        }
        for (StepTimeliness timeliness : StepTimeliness.values()) {
            keys.add(timeliness.messageKey());
        }
        for (ProcessingPeriod.Unit unit : ProcessingPeriod.Unit.values()) {
            keys.add("paperwork.period." + unit.name());
        }
        for (String bundle : new String[] {"paperwork", "paperwork_vi"}) {
            Properties messages = load(bundle);
            assertThat(keys).allSatisfy(key -> assertThat(messages.getProperty(key)).as("%s in %s", key, bundle)
                    .isNotBlank());
        }
    }

    @Test
    void messagesContainNoAsciiApostropheSoMessageFormatCannotSwallowText() throws IOException {
        for (String bundle : new String[] {"paperwork", "paperwork_vi"}) {
            Properties messages = load(bundle);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                assertThat(value).as("%s in %s", key, bundle).doesNotContain("'");
                new MessageFormat(value, Locale.ROOT);
            }
        }
    }

    @Test
    void formTitlesAreVietnameseByDefaultAndEnglishOnlyWhenAsked() {
        assertThat(OfficialForm.F01_RECEIPT.title(Locale.forLanguageTag("vi-VN")))
                .isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(OfficialForm.F04_APOLOGY_EXTENSION.title(null))
                .isEqualTo("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
        assertThat(OfficialForm.F07_TRACKING_REGISTER.title(Locale.JAPANESE)).isEqualTo("Sổ theo dõi hồ sơ");
        assertThat(OfficialForm.F07_TRACKING_REGISTER.title(Locale.UK)).isEqualTo("Dossier tracking register");
    }

    @Test
    void formsAreFoundByTheirTemplateNumber() {
        assertThat(OfficialForm.ofNumber("06")).isEqualTo(OfficialForm.F06_CONTROL_SHEET);
        assertThat(OfficialForm.F03_REFUSAL.number()).isEqualTo("03");
        assertThatThrownBy(() -> OfficialForm.ofNumber("08")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesMapFromTheNationalPortalCodes() {
        assertThat(ProcessingStatus.ofCode(10)).isEqualTo(ProcessingStatus.RETURNED);
        assertThat(ProcessingStatus.ofCode(5)).isEqualTo(ProcessingStatus.SUPPLEMENT_REQUESTED);
        assertThatThrownBy(() -> ProcessingStatus.ofCode(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingKeyFailsLoudlyRatherThanPrintingAPlaceholderOnAnOfficialDocument() {
        assertThatThrownBy(() -> PaperworkMessages.vietnamese().get("paperwork.nope"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("paperwork.nope");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PaperworkMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
