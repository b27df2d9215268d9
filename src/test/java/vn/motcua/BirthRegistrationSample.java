package vn.motcua;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ReceiveDossier;

/** A valid birth registration (1.001193) as a desk clerk would enter it. */
public final class BirthRegistrationSample {
    public static final String PROCEDURE = "1.001193";
    public static final String WARD = "000.01.15.H33";

    private BirthRegistrationSample() { }

    public static Map<String, Object> intakeData() {
        var data = new LinkedHashMap<String, Object>();
        data.put("childFullName", "Nguyễn Thị Hồng Nhung");
        data.put("childSex", "NU");
        data.put("childBirthDate", "2026-11-20");
        data.put("childBirthPlace", "Bệnh viện Đa khoa tỉnh Kiên Giang");
        data.put("childEthnicity", "Kinh");
        data.put("childNationality", "Việt Nam");
        data.put("motherFullName", "Trần Thị Mỹ Lệ");
        data.put("fatherFullName", "Nguyễn Văn Hùng");
        data.put("requesterRelationship", "ME");
        return data;
    }

    /** The components the desk checks on paper for it: the declaration and the birth certificate (both required). */
    public static final java.util.List<String> CHECKED = java.util.List.of("TO_KHAI", "GIAY_CHUNG_SINH");

    /** The same receipt as the API takes it (JSON), at the desk with its required papers checked. */
    public static Map<String, Object> receiptJson() {
        var applicant = new LinkedHashMap<String, Object>();
        applicant.put("fullName", "Trần Thị Mỹ Lệ");
        applicant.put("phone", "0912345678");
        var request = new LinkedHashMap<String, Object>();
        request.put("procedureCode", PROCEDURE);
        request.put("channel", "IN_PERSON");
        request.put("applicant", applicant);
        request.put("data", intakeData());
        request.put("checkedComponents", CHECKED);
        return request;
    }

    /** The dossier as the desk receives it, with its required papers checked. */
    public static ReceiveDossier inPerson() {
        return new ReceiveDossier(PROCEDURE, Channel.IN_PERSON,
                new Applicant("Trần Thị Mỹ Lệ", "091234567890", "0912345678", "myle@example.vn", "12 Nguyễn Trung Trực, Rạch Giá"),
                intakeData(), null).withCheckedComponents(CHECKED);
    }
}
