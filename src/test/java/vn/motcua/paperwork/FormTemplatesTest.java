package vn.motcua.paperwork;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.paperwork.PaperworkSamples.CLERK;
import static vn.motcua.paperwork.PaperworkSamples.CODE;
import static vn.motcua.paperwork.PaperworkSamples.MOTHER;
import static vn.motcua.paperwork.PaperworkSamples.WARD;
import static vn.motcua.paperwork.PaperworkSamples.vietnam;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * Each of the seven forms of Circular 03/2025/TT-VPCP, Annex I, read back from its PDF line by line, top to bottom
 * as a reader sees it, against the template's lines in order; and the presentation of Decree 30/2020/NĐ-CP: the
 * embedded serif (Liberation Serif, Times New Roman's metrics) at the appendix's sizes.
 */
class FormTemplatesTest {

    private final OfficialDocuments documents = new OfficialDocuments();

    /** The province's public service centre receives a department's dossiers: its name heads the desk's papers. */
    private static final IssuingUnit DEPARTMENT = new IssuingUnit("Sở Tư pháp tỉnh Kiên Giang",
            "UBND tỉnh Kiên Giang", "000.00.10.H33", "Kiên Giang", "Trung tâm Phục vụ hành chính công tỉnh Kiên Giang");

    static ReceiptAndAppointment receipt() {
        ReceiptAndAppointment sample = PaperworkSamples.receipt();
        return new ReceiptAndAppointment(WARD, "0001/01", sample.issuedAt(), sample.dossier(), null, "11/2026", "7");
    }

    static ControlSheet controlSheet() {
        ControlSheet sample = PaperworkSamples.controlSheet();
        List<Handover> signed = sample.handovers().stream().map(h -> new Handover(h.from(), h.to(), h.handedOverAt(),
                h.dueAt(), h.completedAt(), h.remarks(), h.from().substring(h.from().lastIndexOf(" - ") + 3),
                h.to().substring(h.to().lastIndexOf(" - ") + 3))).toList();
        return new ControlSheet(WARD, sample.issuedAt(), sample.dossier(), "0001/01", sample.leadUnit(),
                sample.coordinatingUnits(), signed);
    }

    static TrackingRegister register() {
        RegisterRow row = new RegisterRow(CODE, "Đăng ký khai sinh", MOTHER, PaperworkSamples.RECEIVED,
                PaperworkSamples.DUE, vietnam(2026, 11, 27, 15, 5), vietnam(2026, 11, 27, 15, 40),
                ProcessingStatus.RETURNED, null, 1, "12 Nguyễn Trung Trực, 0912 345 678",
                "UBND phường Vĩnh Thanh Vân", vietnam(2026, 11, 27, 8, 20));
        return new TrackingRegister(WARD, vietnam(2026, 12, 1, 7, 30), java.time.LocalDate.of(2026, 11, 1),
                java.time.LocalDate.of(2026, 11, 30), List.of(row), "11/2026");
    }

    @Test
    void form01ReceiptPrintsTwoCopiesEachWithTheDeskLetterheadTheRegisterBookAndNumberAndBothSignatures() {
        List<String> pages = Pdfs.pageTextsByPosition(documents.render(receipt()));

        assertThat(pages).hasSize(2);
        for (int copy = 1; copy <= 2; copy++) {
            assertLinesInOrder(pages.get(copy - 1),
                    "UBND PHƯỜNG VĨNH THANH VÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "BỘ PHẬN MỘT CỬA", "Độc lập - Tự do - Hạnh phúc",
                    "Số: 0001/01", "Rạch Giá, ngày 27 tháng 11 năm 2026",
                    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                    "Mã hồ sơ: " + CODE,
                    copy == 1 ? "(Liên 1: Lưu tại Bộ phận Một cửa)" : "(Liên 2: Giao người nộp hồ sơ)",
                    "Bộ phận Một cửa UBND phường Vĩnh Thanh Vân",
                    "Tiếp nhận hồ sơ của: " + MOTHER,
                    "Địa chỉ: 12 Nguyễn Trung Trực",
                    "Số điện thoại: 0912 345 678; Email: myle@example.vn",
                    "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục:", "1.001193",
                    "Hình thức nộp hồ sơ: Trực tiếp",
                    "1. Thành phần hồ sơ nộp gồm:",
                    "TT Tên loại giấy tờ Số lượng",
                    "1 Tờ khai đăng ký khai sinh (theo mẫu) Bản chính 01",
                    "2. Số lượng hồ sơ: 01 (bộ)",
                    "3. Thời gian giải quyết hồ sơ theo quy định: Trong ngày làm việc",
                    "4. Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 27 tháng 11 năm 2026",
                    "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 27 tháng 11 năm 2026",
                    "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa UBND phường Vĩnh Thanh Vân",
                    "Vào Sổ theo dõi hồ sơ, Quyển số: 11/2026, Số thứ tự: 7",
                    "NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ",
                    "(Ký và ghi rõ họ tên) (Ký và ghi rõ họ tên)",
                    MOTHER + " " + CLERK);
        }
    }

    @Test
    void form01LeavesTheRegisterBookAndNumberBlankToFillInByHandWhenNotGiven() {
        String text = Pdfs.flatText(documents.render(PaperworkSamples.receipt()));

        assertThat(text).contains("Vào Sổ theo dõi hồ sơ, Quyển số: .........., Số thứ tự: ..........");
    }

    @Test
    void form02SupplementRequestFollowsItsTemplateAndAddressesOngBaToChuc() {
        assertLinesInOrder(Pdfs.pageTextsByPosition(documents.render(PaperworkSamples.supplementRequest())).get(0),
                "UBND PHƯỜNG VĨNH THANH VÂN", "BỘ PHẬN MỘT CỬA", "Số: 0001/PBS-BPMC",
                "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mã hồ sơ: " + CODE,
                "Hồ sơ của: " + MOTHER, "Địa chỉ:", "Số điện thoại:", "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", "1. Tờ khai đăng ký khai sinh",
                "2. Bổ sung bản sao có chứng thực", "Lý do:",
                "nếu có vướng mắc, Ông/Bà/Tổ chức", "NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", CLERK);
    }

    @Test
    void form03RefusalFollowsItsTemplate() {
        assertLinesInOrder(Pdfs.pageTextsByPosition(documents.render(PaperworkSamples.refusal())).get(0),
                "UBND PHƯỜNG VĨNH THANH VÂN", "BỘ PHẬN MỘT CỬA", "Số: 0001/PTC-BPMC",
                "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: 000.01.15.H33-261127-0002",
                "Bộ phận Một cửa UBND phường Vĩnh Thanh Vân", "Tiếp nhận hồ sơ của: " + PaperworkSamples.CHILD,
                "Địa chỉ:", "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
                "Qua xem xét, Bộ phận Một cửa UBND phường",
                "Nơi cư trú của người mẹ", "Xin thông báo cho Ông/Bà/Tổ chức được biết và thực hiện./.",
                "NGƯỜI TIẾP NHẬN HỒ SƠ", CLERK);
    }

    @Test
    void form04ApologyIsALetterOfTheCompetentAuthorityUnderTheAuthorityAboveIt() {
        assertLinesInOrder(Pdfs.pageTextsByPosition(documents.render(PaperworkSamples.apology())).get(0),
                "UBND THÀNH PHỐ RẠCH GIÁ", "UBND PHƯỜNG VĨNH", "Số: 58/UBND-BPMC",
                "Rạch Giá, ngày 25 tháng 11 năm 2026",
                "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                "Kính gửi: Ông/Bà/Tổ chức " + MOTHER,
                "Ngày 20 tháng 11 năm 2026, UBND phường Vĩnh Thanh Vân tiếp nhận giải quyết",
                "hồ sơ của Ông/Bà/Tổ chức đề nghị giải quyết thủ tục hành chính Đăng ký khai sinh",
                "Thời hạn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết",
                "Lý do:", "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./.",
                "Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Như trên;", "Nguyễn Văn Bình");
    }

    @Test
    void form05StopNoticeIsALetterOfTheCompetentAuthority() {
        assertLinesInOrder(Pdfs.pageTextsByPosition(documents.render(PaperworkSamples.stopNotice())).get(0),
                "UBND THÀNH PHỐ RẠCH GIÁ", "UBND PHƯỜNG VĨNH", "Số: 61/TB-UBND",
                "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Kính gửi: Ông/Bà/Tổ chức " + MOTHER,
                "Qua xem xét, UBND phường Vĩnh Thanh Vân thông báo dừng giải quyết hồ sơ của",
                "Ông/Bà/Tổ chức với lý do như sau:", "Trẻ Nguyễn Thị Hồng Nhung đã được đăng ký khai sinh",
                "thông báo để Ông/Bà/Tổ chức được biết./.", "Nơi nhận: KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                "Phạm Thị Thanh Hương");
    }

    @Test
    void form06FillsEveryColumnOfEachHandOverAndLeavesRoomForBothSignatures() {
        List<String> pages = Pdfs.pageTextsByPosition(documents.render(controlSheet()));

        assertLinesInOrder(String.join("\n", pages),
                "UBND PHƯỜNG VĨNH THANH VÂN", "BỘ PHẬN MỘT CỬA",
                "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + CODE,
                // the receipt's own number, as form 01 prints it
                "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: 0001/01)",
                "Người nộp hồ sơ: " + MOTHER, "Thời gian nhận hồ sơ:", "Thời gian hẹn trả kết quả:",
                "Cơ quan (bộ phận) giải quyết hồ sơ:", "Cơ quan phối hợp giải quyết hồ sơ:",
                // row 1: handed over, due, completed, result
                "1 Giao: Bộ phận 27/11/2026 30/11/2026 27/11/2026 Trước hạn",
                "Một cửa - Lê Thị 08:20 11:00 10:40",
                "Nhận: Công chức",
                // the signers' names at the foot of the row, under the room to sign
                "- Phạm Minh Lê Thị Thu Phạm Minh", "Khoa Trang Khoa",
                "2 Giao: Công chức 27/11/2026 27/11/2026 27/11/2026 Đúng hạn Trình",
                "10:40 14:30 14:10 ký",
                "3 Giao: Chủ tịch 27/11/2026 27/11/2026 27/11/2026 Quá hạn",
                "4 Giao: Bộ phận 27/11/2026 27/11/2026");
        String flat = Pdfs.flatText(documents.render(controlSheet()));
        assertThat(flat).contains("Người giao (ký, ghi rõ họ tên)", "Người nhận (ký, ghi rõ họ tên)",
                "Kết quả giải quyết hồ sơ (trước hạn/ đúng hạn/ quá hạn)", "Hạn xử lý", "Đang giải quyết",
                "Nhận: Người nộp hồ sơ - " + MOTHER);
    }

    @Test
    void form07HasEveryColumnOfTheTemplateNumberedAndFilled() {
        byte[] pdf = documents.render(register());
        List<String> pages = Pdfs.pageTextsByPosition(pdf);

        // in drawing order each header cell reads whole
        String flat = Pdfs.flatText(pdf);
        assertThat(flat).contains("TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)",
                "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ",
                "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết", "Nhận kết quả từ cơ quan giải quyết",
                "Trả kết quả cho cá nhân, tổ chức", "Ký nhận", "Ghi chú (tình trạng)",
                "(1) (2) (3) (4) (5) (6) (7) (8) (9) (10) (11) (12) (13) (14)");
        assertLinesInOrder(pages.get(0), "UBND PHƯỜNG VĨNH THANH VÂN", "BỘ PHẬN MỘT CỬA", "SỔ THEO DÕI HỒ SƠ",
                "Bộ phận Một cửa UBND phường Vĩnh Thanh Vân", "Quyển số: 11/2026",
                "Từ ngày 01/11/2026 đến ngày 30/11/2026",
                "1 " + CODE + " Đăng ký khai sinh 01 " + MOTHER,
                "27/11/2026 27/11/2026 27/11/2026 27/11/2026 27/11/2026 Đã trả kết quả",
                "08:15 16:30 08:20 15:05 15:40", "Tổng số: 1 hồ sơ.");
    }

    @Test
    void theDeskOfAProvincialDepartmentIsThePublicServiceCentreUnderTheCompetentAuthority() {
        ReceiptAndAppointment sample = receipt();
        byte[] pdf = documents.render(new ReceiptAndAppointment(DEPARTMENT, "0001/01", sample.issuedAt(),
                sample.dossier(), null, "11/2026", "7"));

        assertLinesInOrder(Pdfs.pageTextsByPosition(pdf).get(0), "SỞ TƯ PHÁP TỈNH KIÊN GIANG",
                "TRUNG TÂM PHỤC VỤ", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                "Trung tâm Phục vụ hành chính công tỉnh Kiên Giang", "Tiếp nhận hồ sơ của:",
                "6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công tỉnh Kiên Giang");
    }

    @Test
    void everyFormEmbedsLiberationSerifInItsFourFacesAndNoOtherFont() throws IOException {
        for (DocumentData data : List.of(receipt(), PaperworkSamples.supplementRequest(), PaperworkSamples.refusal(),
                PaperworkSamples.apology(), PaperworkSamples.stopNotice(), controlSheet(), register())) {
            try (PDDocument pdf = Pdfs.open(documents.render(data))) {
                List<PDFont> fonts = Pdfs.fonts(pdf);
                assertThat(fonts).as(data.form().number()).isNotEmpty().allSatisfy(font -> {
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif(-Bold|-Italic|-BoldItalic)?");
                });
                // the title in bold, the date line in italics: real faces, not slanted ones
                assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.endsWith("-Bold"))
                        .anyMatch(name -> name.endsWith("-Italic"));
            }
        }
    }

    @Test
    void theSizesAreThoseOfDecree30() {
        List<TextPosition> glyphs = Pdfs.glyphs(documents.render(PaperworkSamples.apology()));

        assertThat(sizeOf(glyphs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).isBetween(12f, 13f);
        assertThat(sizeOf(glyphs, "Độc lập - Tự do - Hạnh phúc")).isBetween(13f, 14f);
        assertThat(sizeOf(glyphs, "UBND THÀNH PHỐ RẠCH GIÁ")).isBetween(12f, 13f);
        assertThat(sizeOf(glyphs, "UBND PHƯỜNG VĨNH")).isBetween(12f, 13f);
        assertThat(sizeOf(glyphs, "VĂN BẢN XIN LỖI")).isBetween(13f, 14f);
        assertThat(sizeOf(glyphs, "Kính gửi")).isBetween(13f, 14f);
        assertThat(sizeOf(glyphs, "Xin trân trọng cảm ơn")).isBetween(13f, 14f);
        assertThat(sizeOf(glyphs, "Số: 58/UBND-BPMC")).isEqualTo(13f);
        assertThat(sizeOf(glyphs, "Rạch Giá, ngày")).isBetween(13f, 14f);
        assertThat(sizeOf(glyphs, "Nơi nhận:")).isEqualTo(12f);
        assertThat(sizeOf(glyphs, "- Như trên;")).isEqualTo(11f);
        assertThat(sizeOf(glyphs, "Nguyễn Văn Bình")).isBetween(13f, 14f);
    }

    /** The font size of the first glyph of the first occurrence of a text. */
    private static float sizeOf(List<TextPosition> glyphs, String text) {
        StringBuilder all = new StringBuilder();
        for (TextPosition glyph : glyphs) {
            all.append(glyph.getUnicode());
        }
        int at = all.indexOf(text);
        assertThat(at).as(text).isGreaterThanOrEqualTo(0);
        int index = 0;
        for (int i = 0, chars = 0; i < glyphs.size(); i++) {
            if (chars >= at) {
                index = i;
                break;
            }
            chars += glyphs.get(i).getUnicode().length();
        }
        return glyphs.get(index).getFontSizeInPt();
    }

    /**
     * Each expected text on a line of the page (whitespace collapsed), each on the same line as the one before or a
     * later one: the template's lines in its order.
     */
    static void assertLinesInOrder(String page, String... expected) {
        List<String> lines = Arrays.stream(page.split("\n")).map(line -> line.replaceAll("\\s+", " ").strip())
                .filter(line -> !line.isEmpty()).toList();
        int at = 0;
        for (String text : expected) {
            int found = -1;
            for (int i = at; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as("\"%s\" on a line from line %d of:%n%s", text, at + 1, String.join("\n", lines))
                    .isGreaterThanOrEqualTo(0);
            at = found;
        }
    }
}
