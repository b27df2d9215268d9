package vn.motcua.paperwork;

/** How the dossier was submitted, with the national portal's channel codes. Labels: {@code paperwork.channel.*}. */
public enum SubmissionChannel {
    /** Trực tiếp, at the desk: the applicant signs the receipt. */
    IN_PERSON,
    /** Trực tuyến, on the public service portal. */
    ONLINE,
    /** Qua dịch vụ bưu chính công ích. */
    POSTAL;

    String messageKey() {
        return "paperwork.channel." + name();
    }
}
