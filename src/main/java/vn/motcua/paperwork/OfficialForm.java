package vn.motcua.paperwork;

import java.util.Arrays;
import java.util.Locale;

/**
 * The documents of the one-stop desk (Circular 03/2025/TT-VPCP, Annex I), by their template number. Their titles
 * are in the {@code i18n/paperwork} bundles under {@link #titleKey()}.
 */
public enum OfficialForm {
    /** 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    F01_RECEIPT("01"),
    /** 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    F02_SUPPLEMENT_REQUEST("02"),
    /** 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    F03_REFUSAL("03"),
    /** 04 Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết. */
    F04_APOLOGY_EXTENSION("04"),
    /** 05 Thông báo dừng giải quyết hồ sơ. */
    F05_STOP_NOTICE("05"),
    /** 06 Phiếu kiểm soát quá trình giải quyết hồ sơ. */
    F06_CONTROL_SHEET("06"),
    /** 07 Sổ theo dõi hồ sơ. */
    F07_TRACKING_REGISTER("07");

    private final String number;

    OfficialForm(String number) {
        this.number = number;
    }

    /** The template number in the annex, two digits: {@code "01"} to {@code "07"}. */
    public String number() {
        return number;
    }

    /** The message key of the title, e.g. {@code paperwork.form.01.title}. */
    public String titleKey() {
        return "paperwork.form." + number + ".title";
    }

    /**
     * The title in sentence case, as a user interface lists it; the document itself prints it in capitals.
     *
     * @param locale English if its language is "en", else Vietnamese (also for null)
     */
    public String title(Locale locale) {
        return PaperworkMessages.of(locale).get(titleKey());
    }

    /**
     * The form with a template number.
     *
     * @param number {@code "01"} to {@code "07"}
     * @throws IllegalArgumentException if no form has that number
     */
    public static OfficialForm ofNumber(String number) {
        return Arrays.stream(values()).filter(form -> form.number.equals(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no official form numbered " + number));
    }
}
