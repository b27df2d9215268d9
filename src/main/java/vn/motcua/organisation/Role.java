package vn.motcua.organisation;

/** What a user may do. The Spring authority is {@code ROLE_<name>}. */
public enum Role {
    /** Quản trị */ ADMIN,
    /** Người thiết kế quy trình */ DESIGNER,
    /** Người giám sát */ SUPERVISOR,
    /** Công chức tiếp nhận (Bộ phận Một cửa) */ CLERK,
    /** Chuyên viên xử lý */ SPECIALIST,
    /** Lãnh đạo */ LEADER,
    /** Công dân / Doanh nghiệp */ CITIZEN;

    public String authority() { return "ROLE_" + name(); }

    /** The Camunda candidate group of this role at a unit, e.g. {@code SPECIALIST_000.00.15.H33}. */
    public String groupAt(String unitIdentifier) { return name() + "_" + unitIdentifier; }
}
