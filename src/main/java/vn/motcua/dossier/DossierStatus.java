package vn.motcua.dossier;

import java.util.Arrays;

/** The dossier statuses with the numeric codes the national portal (Cổng DVCQG) synchronises. */
public enum DossierStatus {
    /** Mới đăng ký: submitted online, not yet accepted. */ NEW(1),
    /** Được tiếp nhận. */ RECEIVED(2),
    /** Không được tiếp nhận. */ REFUSED(3),
    /** Đang xử lý. */ IN_PROCESS(4),
    /** Yêu cầu bổ sung giấy tờ (clock stopped). */ SUPPLEMENT_REQUESTED(5),
    /** Yêu cầu thực hiện nghĩa vụ tài chính (clock stopped). */ PAYMENT_REQUESTED(6),
    /** Công dân yêu cầu rút hồ sơ. */ WITHDRAWN(7),
    /** Dừng xử lý (clock stopped). */ STOPPED(8),
    /** Đã xử lý xong. */ PROCESSED(9),
    /** Đã trả kết quả. */ RETURNED(10);

    private final int code;

    DossierStatus(int code) { this.code = code; }

    public int code() { return code; }

    public String messageKey() { return "dossier.status." + code; }

    public static DossierStatus ofCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status code " + code));
    }

    /** The status whose national code is written in this text ({@code "4"}), or empty when there is none. */
    public static java.util.Optional<DossierStatus> ofText(String code) {
        if (code == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(ofCode(Integer.parseInt(code.trim())));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
