package vn.motcua;

import java.util.EnumSet;
import java.util.Map;

import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.security.SystemAccess;

/**
 * A land transfer registration (1.013831) at the natural resources department, whose process hands the dossier over
 * to the tax office (user {@code tax}) once the conditions are checked: the demo's inter-agency procedure.
 */
public final class LandTransferSample {
    public static final String PROCEDURE = "1.013831";
    public static final String PROCESS = "land-transfer-registration";
    /** Sở Nông nghiệp và Môi trường (land since 1 March 2025), which the demo data gives no users. */
    public static final String OFFICE = "000.00.02.H33";

    private LandTransferSample() { }

    public static Map<String, Object> intakeData() {
        return Map.ofEntries(Map.entry("transferKind", "CHUYEN_NHUONG"), Map.entry("certificateSerial", "CS 123456"),
                Map.entry("parcelNumber", "215"), Map.entry("mapSheetNumber", "12"),
                Map.entry("parcelAddress", "Khu phố 3, phường Vĩnh Lạc, Rạch Giá"), Map.entry("parcelArea", 96.5),
                Map.entry("transferorName", "Phạm Văn Bình"), Map.entry("transfereeName", "Nguyễn Văn An"));
    }

    /** The office's step that sends the dossier to the Rạch Giá - Kiên Hải tax office. */
    public static Map<String, Object> conditionsChecked() {
        return Map.of("landArea", "RACH_GIA", "conditionsMet", true,
                "checkOpinion", "Đủ điều kiện chuyển nhượng theo Điều 45 Luật Đất đai");
    }

    /** The tax office's step. */
    public static Map<String, Object> obligationDetermined() {
        return Map.of("personalIncomeTax", 30_000_000, "registrationFee", 7_500_000, "taxNoticeNumber", "TB-2026/001234");
    }

    /** The office's clerk, officer and leader ({@code landclerk}, {@code landofficer}, {@code landleader}), created once. */
    public static void ensureStaff(OrganisationService organisation) {
        ensure(organisation, "landclerk", Role.CLERK);
        ensure(organisation, "landofficer", Role.SPECIALIST);
        ensure(organisation, "landleader", Role.LEADER);
    }

    private static void ensure(OrganisationService organisation, String username, Role role) {
        SystemAccess.run(() -> {
            if (organisation.user(username).isPresent()) return;
            var unit = organisation.unitByIdentifier(OFFICE).orElseThrow();
            organisation.createUser(username, "demo", "Cán Bộ " + username, username + "@test.motcua.vn", unit, EnumSet.of(role));
        });
    }
}
