package vn.motcua.monitoring;

/** The indicators of Decision 766/QĐ-TTg that MotCua computes, with their official Vietnamese names. */
public enum IndicatorCode {
    /** 2.1 */ ON_TIME("2.1", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn"),
    /** 2.2 */ AVERAGE_TIME("2.2", "Thời gian giải quyết trung bình của thủ tục hành chính"),
    /** 3.1 */ ONLINE_PROCEDURES("3.1", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến"),
    /** 3.3 */ ONLINE_SUBMISSION("3.3", "Tỷ lệ hồ sơ nộp trực tuyến"),
    /** 3.6 */ ONLINE_PAYMENT("3.6", "Tỷ lệ hồ sơ thanh toán trực tuyến"),
    /** 4.1 */ ELECTRONIC_RESULTS("4.1", "Tỷ lệ kết quả giải quyết thủ tục hành chính được cấp dưới dạng điện tử"),
    /** 4.2 */ DIGITISATION("4.2", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"),
    /** 5.4 */ SATISFACTION("5.4", "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính");

    private final String code;
    private final String nameVi;

    IndicatorCode(String code, String nameVi) {
        this.code = code;
        this.nameVi = nameVi;
    }

    /** The number in the decision, e.g. {@code 2.1}. */
    public String code() { return code; }

    /** The official name in Vietnamese. */
    public String nameVi() { return nameVi; }

    /** The message key of the name in the dashboard's language. */
    public String messageKey() { return "monitoring.indicator." + code; }
}
