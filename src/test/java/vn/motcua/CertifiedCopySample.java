package vn.motcua;

import java.util.List;
import java.util.Map;

import vn.motcua.attachment.StagedUploadService;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ReceiveDossier;

/**
 * A certified copy (2.000815 Chứng thực bản sao từ bản chính) submitted online to the ward: a commune procedure with a
 * fee and a paper result.
 */
public final class CertifiedCopySample {
    public static final String PROCEDURE = "2.000815";

    private CertifiedCopySample() { }

    public static Map<String, Object> intakeData() {
        return Map.of("documentTitle", "Bằng tốt nghiệp trung học phổ thông",
                "issuingAuthority", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang", "requestedCopies", 2);
    }

    /** Submitted online to the ward by the signed-in citizen, its required files staged as theirs. */
    public static ReceiveDossier online(Applicant applicant, StagedUploadService staged) {
        return Intakes.uploaded(new ReceiveDossier(PROCEDURE, Channel.ONLINE, applicant, intakeData(),
                BirthRegistrationSample.WARD, List.of()), staged);
    }
}
