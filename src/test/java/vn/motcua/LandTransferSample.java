package vn.motcua;

import java.util.Map;

/**
 * A land transfer registration (1.013831) received at the Department of Natural Resources and Environment, whose
 * financial obligation a tax office determines in an inter-agency step.
 */
public final class LandTransferSample {
    public static final String PROCEDURE = "1.013831";
    public static final String PROCESS = "land-transfer-registration";
    /** Sở Tài nguyên và Môi trường: the demo data gives it no users; tests create them. */
    public static final String DEPARTMENT = "000.00.02.H33";
    public static final String TAX_OFFICE = "000.00.30.H33";

    private LandTransferSample() { }

    public static Map<String, Object> intakeData() {
        return Map.ofEntries(Map.entry("transferKind", "CHUYEN_NHUONG"), Map.entry("certificateSerial", "CS 123456"),
                Map.entry("parcelNumber", "215"), Map.entry("mapSheetNumber", "12"),
                Map.entry("parcelAddress", "Khu phố 3, phường Vĩnh Lạc, Rạch Giá"), Map.entry("parcelArea", 96.5),
                Map.entry("transferorName", "Phạm Văn Bình"), Map.entry("transfereeName", "Nguyễn Văn An"));
    }

    /** The specialist's check that sends the dossier to the tax office of Rạch Giá - Kiên Hải. */
    public static Map<String, Object> conditionsMetInRachGia() {
        return Map.of("landArea", "RACH_GIA", "conditionsMet", true,
                "checkOpinion", "Đủ điều kiện chuyển nhượng theo Điều 45 Luật Đất đai");
    }
}
