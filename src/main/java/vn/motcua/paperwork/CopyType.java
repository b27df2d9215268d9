package vn.motcua.paperwork;

/** In which form a paper was submitted (hình thức), as the receipt lists it. Labels: {@code paperwork.copy.*}. */
public enum CopyType {
    /** Bản chính. */
    ORIGINAL,
    /** Bản sao có chứng thực (or issued from the master register). */
    CERTIFIED_COPY,
    /** Bản sao kèm bản chính để đối chiếu. */
    COPY_WITH_ORIGINAL,
    /** Bản chụp. */
    PHOTOCOPY,
    /** Bản điện tử (submitted online or digitised). */
    ELECTRONIC;

    String messageKey() {
        return "paperwork.copy." + name();
    }
}
