package vn.motcua.paperwork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic documents of the desk of Phường Vĩnh Thanh Vân, thành phố Rạch Giá, Kiên Giang: a birth registration
 * (procedure 1.001193) received on Friday 27 November 2026 at 08:15, Vietnam time.
 */
final class PaperworkSamples {

    static final String CODE = "000.01.15.H33-261127-0001";
    static final String MOTHER = "Trần Thị Mỹ Lệ";
    static final String CHILD = "Nguyễn Thị Hồng Nhung";
    static final String CLERK = "Lê Thị Thu Trang";

    static final IssuingUnit WARD = new IssuingUnit("UBND phường Vĩnh Thanh Vân", "UBND thành phố Rạch Giá",
            "000.01.15.H33", "Rạch Giá");

    static final Instant RECEIVED = vietnam(2026, 11, 27, 8, 15);
    static final Instant DUE = vietnam(2026, 11, 27, 16, 30);

    private PaperworkSamples() {
    }

    /** An instant given as a Vietnamese wall-clock time. */
    static Instant vietnam(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(VietnameseDates.ZONE).toInstant();
    }

    static Applicant mother() {
        return new Applicant(MOTHER, "12 Nguyễn Trung Trực, phường Vĩnh Thanh Vân, thành phố Rạch Giá, tỉnh Kiên Giang",
                "0912 345 678", "myle@example.vn");
    }

    static DossierSheet birthRegistration() {
        return new DossierSheet(CODE, "1.001193", "Đăng ký khai sinh", mother(), SubmissionChannel.IN_PERSON,
                RECEIVED, DUE, CLERK, List.of(
                new SubmittedDocument("Tờ khai đăng ký khai sinh (theo mẫu)", CopyType.ORIGINAL, 1),
                new SubmittedDocument("Giấy chứng sinh của trẻ " + CHILD + " do Bệnh viện Đa khoa tỉnh Kiên Giang cấp",
                        CopyType.ORIGINAL, 1),
                new SubmittedDocument("Giấy chứng nhận kết hôn của cha, mẹ", CopyType.CERTIFIED_COPY, 1),
                new SubmittedDocument("Căn cước của người đi đăng ký khai sinh", CopyType.COPY_WITH_ORIGINAL, 1)),
                1, ProcessingPeriod.workingDays(0), ResultDelivery.AT_DESK);
    }

    static ReceiptAndAppointment receipt() {
        return new ReceiptAndAppointment(WARD, "0001/GTN-BPMC", RECEIVED, birthRegistration(), null);
    }

    static SupplementRequest supplementRequest() {
        return new SupplementRequest(WARD, "0001/PBS-BPMC", RECEIVED.plusSeconds(600), birthRegistration(), List.of(
                "Tờ khai đăng ký khai sinh ghi họ, chữ đệm và tên của trẻ là \"Nguyễn Thị Hồng Nhungg\", không khớp với"
                        + " Giấy chứng sinh (" + CHILD + "): đề nghị khai lại tờ khai.",
                "Bổ sung bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ hoặc xuất trình bản chính để đối"
                        + " chiếu."),
                "Thông tin của trẻ trên tờ khai phải thống nhất với Giấy chứng sinh (Điều 16 Luật Hộ tịch 2014).",
                CLERK, "0297 3862 123");
    }

    static RefusalNotice refusal() {
        DossierSheet dossier = new DossierSheet("000.01.15.H33-261127-0002", "1.001193", "Đăng ký khai sinh",
                new Applicant(CHILD, "45 Lạc Hồng, phường Vĩnh Thanh Vân, thành phố Rạch Giá, tỉnh Kiên Giang", null,
                        null), SubmissionChannel.IN_PERSON, RECEIVED, null, null, List.of(), 1, null, null);
        return new RefusalNotice(WARD, "0001/PTC-BPMC", vietnam(2026, 11, 27, 9, 5), dossier,
                "Nơi cư trú của người mẹ thuộc phường Vĩnh Lạc, thành phố Rạch Giá; theo Điều 13 Luật Hộ tịch 2014,"
                        + " việc đăng ký khai sinh thuộc thẩm quyền của UBND phường Vĩnh Lạc hoặc UBND phường nơi"
                        + " cư trú của người cha.\nĐề nghị Ông/Bà nộp hồ sơ tại Bộ phận Một cửa UBND phường Vĩnh Lạc.",
                CLERK);
    }

    static ApologyAndExtension apology() {
        DossierSheet dossier = new DossierSheet("000.01.15.H33-261120-0003", "1.001193", "Đăng ký khai sinh",
                mother(), SubmissionChannel.ONLINE, vietnam(2026, 11, 20, 9, 40), vietnam(2026, 11, 25, 16, 30),
                CLERK, List.of(), 1, null, null);
        return new ApologyAndExtension(WARD, "58/UBND-BPMC", vietnam(2026, 11, 25, 10, 0), dossier,
                "Cần xác minh thông tin về nơi sinh của trẻ " + CHILD + " tại Bệnh viện Đa khoa tỉnh Kiên Giang; đến"
                        + " nay chưa nhận được văn bản trả lời xác minh.",
                vietnam(2026, 12, 2, 16, 30), new Signatory("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình"),
                List.of("Bệnh viện Đa khoa tỉnh Kiên Giang (để phối hợp)", "Công chức Tư pháp - Hộ tịch phường"));
    }

    static StopNotice stopNotice() {
        DossierSheet dossier = new DossierSheet("000.01.15.H33-261120-0004", "1.001193", "Đăng ký khai sinh",
                mother(), SubmissionChannel.IN_PERSON, vietnam(2026, 11, 20, 14, 5), vietnam(2026, 11, 23, 16, 30),
                CLERK, List.of(), 1, null, null);
        return new StopNotice(WARD, "61/TB-UBND", vietnam(2026, 11, 23, 8, 30), dossier,
                "Trẻ " + CHILD + " đã được đăng ký khai sinh tại UBND xã Bình An, huyện Châu Thành ngày 21 tháng 11"
                        + " năm 2026 (trùng hồ sơ); theo quy định, không đăng ký khai sinh lần thứ hai.",
                new Signatory("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Thanh Hương"), List.of());
    }

    static ControlSheet controlSheet() {
        return new ControlSheet(WARD, vietnam(2026, 11, 27, 15, 10), birthRegistration(), "0001/GTN-BPMC",
                "Công chức Tư pháp - Hộ tịch, UBND phường Vĩnh Thanh Vân", List.of("Công an phường Vĩnh Thanh Vân"),
                List.of(
                        new Handover("Bộ phận Một cửa - " + CLERK, "Công chức Tư pháp - Hộ tịch - Phạm Minh Khoa",
                                vietnam(2026, 11, 27, 8, 20), vietnam(2026, 11, 30, 11, 0),
                                vietnam(2026, 11, 27, 10, 40), null),
                        new Handover("Công chức Tư pháp - Hộ tịch - Phạm Minh Khoa",
                                "Chủ tịch UBND phường - Nguyễn Văn Bình", vietnam(2026, 11, 27, 10, 40),
                                vietnam(2026, 11, 27, 14, 30), vietnam(2026, 11, 27, 14, 10), "Trình ký"),
                        new Handover("Chủ tịch UBND phường - Nguyễn Văn Bình", "Bộ phận Một cửa - " + CLERK,
                                vietnam(2026, 11, 27, 14, 10), vietnam(2026, 11, 27, 15, 0),
                                vietnam(2026, 11, 27, 15, 5), "Ký số chậm do mất kết nối"),
                        new Handover("Bộ phận Một cửa - " + CLERK, "Người nộp hồ sơ - " + MOTHER,
                                vietnam(2026, 11, 27, 15, 5), DUE, null, "Chờ công dân đến nhận")));
    }

    static final String[] PROCEDURES = {
        "Đăng ký khai sinh",
        "Đăng ký kết hôn",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc"
                + " chứng nhận",
        "Đăng ký khai tử",
    };
    static final String[] APPLICANTS = {MOTHER, CHILD, "Lâm Văn Đức", "Huỳnh Ngọc Ánh", "Đặng Thị Kiều Oanh"};

    /** The code of the n-th (from 0) dossier of the register: five a day from 2 November 2026. */
    static String registerCode(int n) {
        return String.format("000.01.15.H33-2611%02d-%04d", 2 + n / 5, n % 5 + 1);
    }

    static TrackingRegister register(int rows) {
        List<RegisterRow> list = new ArrayList<>();
        ProcessingStatus[] statuses = ProcessingStatus.values();
        for (int n = 0; n < rows; n++) {
            Instant received = vietnam(2026, 11, 2 + n / 5, 8 + n % 5, 5 * (n % 12));
            Instant due = received.plusSeconds(3 * 86_400L);
            boolean finished = n % 3 != 0;
            list.add(new RegisterRow(registerCode(n), PROCEDURES[n % PROCEDURES.length],
                    APPLICANTS[n % APPLICANTS.length], received, due,
                    finished ? received.plusSeconds(2 * 86_400L) : null,
                    finished && n % 2 == 0 ? received.plusSeconds(2 * 86_400L + 7_200) : null,
                    statuses[n % statuses.length], n % 7 == 0 ? "Bổ sung hồ sơ một lần" : null));
        }
        return new TrackingRegister(WARD, vietnam(2026, 12, 1, 7, 30), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), list);
    }
}
