package vn.motcua.paperwork;

import java.util.Arrays;

/**
 * The status of a dossier as the tracking register (form 07) prints it, with the numeric codes the national public
 * service portal synchronises, so that a caller maps its own status by code. Labels: {@code paperwork.status.*}.
 */
public enum ProcessingStatus {
    /** Mới đăng ký. */ NEW(1),
    /** Được tiếp nhận. */ RECEIVED(2),
    /** Không được tiếp nhận. */ REFUSED(3),
    /** Đang xử lý. */ IN_PROCESS(4),
    /** Yêu cầu bổ sung giấy tờ. */ SUPPLEMENT_REQUESTED(5),
    /** Yêu cầu thực hiện nghĩa vụ tài chính. */ PAYMENT_REQUESTED(6),
    /** Công dân yêu cầu rút hồ sơ. */ WITHDRAWN(7),
    /** Dừng xử lý. */ STOPPED(8),
    /** Đã xử lý xong. */ PROCESSED(9),
    /** Đã trả kết quả. */ RETURNED(10);

    private final int code;

    ProcessingStatus(int code) {
        this.code = code;
    }

    /** The national portal's status code, 1 to 10. */
    public int code() {
        return code;
    }

    /**
     * The status with a national portal code.
     *
     * @throws IllegalArgumentException for a code outside 1 to 10
     */
    public static ProcessingStatus ofCode(int code) {
        return Arrays.stream(values()).filter(status -> status.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dossier status code " + code));
    }

    String messageKey() {
        return "paperwork.status." + code;
    }
}
