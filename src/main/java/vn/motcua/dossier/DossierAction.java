package vn.motcua.dossier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import vn.motcua.organisation.Role;

/**
 * What people do to a dossier outside the steps of its process, with who may do it. The path segment is the one of
 * {@code POST /api/dossiers/{code}/actions/{action}}.
 */
public enum DossierAction {
    /** Tiếp nhận hồ sơ trực tuyến (1 → 2). */
    ACCEPT("accept", false, EnumSet.of(Role.CLERK)),
    /** Từ chối tiếp nhận (1 → 3), form 03. */
    REFUSE("refuse", true, EnumSet.of(Role.CLERK)),
    /** Yêu cầu bổ sung, hoàn thiện hồ sơ (4 → 5, clock stops), form 02. */
    REQUEST_SUPPLEMENT("request-supplement", true, EnumSet.of(Role.CLERK, Role.SPECIALIST)),
    /** Nhận hồ sơ bổ sung (5 → 4, clock runs again). */
    RECEIVE_SUPPLEMENT("receive-supplement", false, EnumSet.of(Role.CLERK)),
    /** Yêu cầu thực hiện nghĩa vụ tài chính (4 → 6, clock stops). */
    REQUEST_PAYMENT("request-payment", true, EnumSet.of(Role.CLERK, Role.SPECIALIST)),
    /** Xác nhận đã nộp phí, lệ phí (6 → 4, clock runs again). */
    CONFIRM_PAYMENT("confirm-payment", false, EnumSet.of(Role.CLERK)),
    /** Dừng giải quyết hồ sơ (4, 5 → 8, clock stops), form 05. */
    STOP("stop", true, EnumSet.of(Role.LEADER)),
    /** Tiếp tục giải quyết (8 → 4, clock runs again). */
    RESUME("resume", false, EnumSet.of(Role.LEADER)),
    /** Công dân rút hồ sơ (→ 7): by the applicant online, or by the desk at the applicant's written request. */
    WITHDRAW("withdraw", true, EnumSet.of(Role.CITIZEN, Role.CLERK)),
    /** Trả kết quả (9 → 10). */
    RETURN_RESULT("return-result", false, EnumSet.of(Role.CLERK));

    private final String path;
    private final boolean reasonRequired;
    private final Set<Role> roles;

    DossierAction(String path, boolean reasonRequired, Set<Role> roles) {
        this.path = path;
        this.reasonRequired = reasonRequired;
        this.roles = roles;
    }

    public String path() { return path; }

    public boolean reasonRequired() { return reasonRequired; }

    /** The roles allowed to take this action (always within their scope: own unit, or own dossier for citizens). */
    public Set<Role> roles() { return roles; }

    public String messageKey() { return "dossier.action." + path; }

    /** True when a dossier in this status can take this action; the rule is the dossier's own transition table. */
    public boolean applicableTo(DossierStatus status) {
        return Dossier.admits(this, status);
    }

    public static Optional<DossierAction> ofPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst();
    }
}
