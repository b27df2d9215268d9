package vn.motcua.paperwork;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.paperwork.PaperworkSamples.CHILD;
import static vn.motcua.paperwork.PaperworkSamples.CLERK;
import static vn.motcua.paperwork.PaperworkSamples.CODE;
import static vn.motcua.paperwork.PaperworkSamples.MOTHER;
import static vn.motcua.paperwork.PaperworkSamples.WARD;

class OfficialDocumentsTest {

    private final OfficialDocuments documents = new OfficialDocuments();

    static Stream<Arguments> everyForm() {
        return Stream.of(PaperworkSamples.receipt(), PaperworkSamples.supplementRequest(), PaperworkSamples.refusal(),
                        PaperworkSamples.apology(), PaperworkSamples.stopNotice(), PaperworkSamples.controlSheet(),
                        PaperworkSamples.register(12))
                .map(data -> Arguments.of(Named.of(data.form().name(), data)));
    }

    @Nested
    class EveryForm {

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.motcua.paperwork.OfficialDocumentsTest#everyForm")
        void carriesTheLetterheadTheNationalMottoAndTheTitleInCapitals(DocumentData data) {
            String text = Pdfs.flatText(documents.render(data));

            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND PHƯỜNG VĨNH THANH VÂN",
                    data.form().title(Locale.forLanguageTag("vi")).toUpperCase(Locale.forLanguageTag("vi")));
            // The authority's letters name the authority above it; the desk's papers name the desk under it.
            boolean letter = data.form() == OfficialForm.F04_APOLOGY_EXTENSION
                    || data.form() == OfficialForm.F05_STOP_NOTICE;
            assertThat(text).contains(letter ? "UBND THÀNH PHỐ RẠCH GIÁ" : "BỘ PHẬN MỘT CỬA");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.motcua.paperwork.OfficialDocumentsTest#everyForm")
        void embedsASubsetOfLiberationSerifAndNoOtherFont(DocumentData data) throws IOException {
            try (PDDocument pdf = Pdfs.open(documents.render(data))) {
                List<PDFont> fonts = Pdfs.fonts(pdf);

                assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    // A subset's name carries a six-letter tag: ABCDEF+LiberationSerif-Bold.
                    assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif(-Bold|-Italic|-BoldItalic)?");
                    assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2())
                            .isNotNull();
                });
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.motcua.paperwork.OfficialDocumentsTest#everyForm")
        void describesItselfWithTitleSubjectProducerAndVietnameseLanguage(DocumentData data) throws IOException {
            try (PDDocument pdf = Pdfs.open(documents.render(data))) {
                PDDocumentInformation info = pdf.getDocumentInformation();

                assertThat(info.getTitle()).isEqualTo(data.form().title(Locale.forLanguageTag("vi")));
                assertThat(info.getProducer()).isEqualTo("MotCua");
                assertThat(info.getAuthor()).isEqualTo("UBND phường Vĩnh Thanh Vân");
                assertThat(info.getKeywords()).contains("Mẫu số " + data.form().number(), "000.01.15.H33");
                assertThat(info.getCreationDate().toInstant()).isEqualTo(data.issuedAt());
                assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("vi-VN");
                if (data instanceof DossierDocument dossierDocument) {
                    assertThat(info.getSubject()).isEqualTo(dossierDocument.dossier().code());
                } else {
                    assertThat(info.getSubject()).isEqualTo("Từ ngày 01/11/2026 đến ngày 30/11/2026");
                }
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("vn.motcua.paperwork.OfficialDocumentsTest#everyForm")
        void keepsEveryCharacterInsideThePageMargins(DocumentData data) {
            byte[] pdf = documents.render(data);
            float pageWidth;
            try (PDDocument document = Pdfs.open(pdf)) {
                pageWidth = document.getPage(0).getMediaBox().getWidth();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            float mm = 72f / 25.4f;
            float left = (data.form() == OfficialForm.F07_TRACKING_REGISTER ? 20 : 30) * mm;
            float right = pageWidth - 15 * mm;

            List<TextPosition> glyphs = Pdfs.glyphs(pdf);

            assertThat(glyphs).isNotEmpty().allSatisfy(glyph -> {
                assertThat(glyph.getXDirAdj()).as(glyph.getUnicode()).isGreaterThanOrEqualTo(left - 0.5f);
                assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).as(glyph.getUnicode())
                        .isLessThanOrEqualTo(right + 0.5f);
            });
        }

        @Test
        void isWrittenInVietnameseEvenWhenTheServerRunsInEnglish() {
            Locale before = Locale.getDefault();
            Locale.setDefault(Locale.US);
            try {
                String text = Pdfs.flatText(documents.render(PaperworkSamples.receipt()));

                assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Rạch Giá, ngày 27 tháng 11 năm 2026")
                        .doesNotContain("RECEIPT", "Dossier code");
            } finally {
                Locale.setDefault(before);
            }
        }

        @Test
        void oneSharedInstanceRendersConcurrently() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<byte[]>> renders = IntStream.range(0, 8)
                        .mapToObj(i -> pool.submit(() -> documents.render(i % 2 == 0 ? PaperworkSamples.receipt()
                                : PaperworkSamples.register(30))))
                        .toList();

                for (int i = 0; i < renders.size(); i++) {
                    assertThat(Pdfs.flatText(renders.get(i).get()))
                            .contains(i % 2 == 0 ? "Tiếp nhận hồ sơ của: " + MOTHER : "Tổng số: 30 hồ sơ.");
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void namesTheFileAfterTheFormAndTheDossierCodeInAscii() {
            assertThat(documents.fileName(PaperworkSamples.receipt())).isEqualTo("mau-01_" + CODE + ".pdf");
            assertThat(documents.fileName(PaperworkSamples.register(1))).isEqualTo("mau-07_000.01.15.H33.pdf");
        }
    }

    @Nested
    class Form01Receipt {

        @Test
        void showsTheDossierTheApplicantTheDocumentsAndTheAppointmentWithVietnameseDates() {
            byte[] pdf = documents.render(PaperworkSamples.receipt());
            String text = Pdfs.text(pdf);
            String flat = Pdfs.flatText(pdf);

            assertThat(text).contains("Số: 0001/GTN-BPMC", "Rạch Giá, ngày 27 tháng 11 năm 2026",
                    "Mã hồ sơ: " + CODE, "Tiếp nhận hồ sơ của: " + MOTHER, "0912 345 678", "myle@example.vn",
                    "Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 27 tháng 11 năm 2026",
                    "16 giờ 30 phút, ngày 27 tháng 11 năm 2026", "Số lượng hồ sơ: 01 (bộ)",
                    "Trong ngày làm việc", "Hình thức nộp hồ sơ: Trực tiếp", CLERK);
            assertThat(flat).contains("Bộ phận Một cửa UBND phường Vĩnh Thanh Vân",
                    "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã thủ tục: 1.001193)",
                    "Giấy chứng sinh của trẻ " + CHILD, "Bản sao kèm bản chính để đối chiếu",
                    "Bản sao có chứng thực", "Tờ khai đăng ký khai sinh (theo mẫu)",
                    "Đăng ký nhận kết quả tại: Bộ phận Một cửa UBND phường Vĩnh Thanh Vân",
                    "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)");
        }

        @Test
        void carriesAQrCodeThatDecodesToTheDossierCode() throws Exception {
            try (PDDocument pdf = Pdfs.open(documents.render(PaperworkSamples.receipt()))) {
                List<BufferedImage> images = Pdfs.images(pdf, 0);

                assertThat(images).hasSize(1);
                assertThat(Pdfs.decodeQr(images.get(0))).isEqualTo(CODE);
            }
        }

        @Test
        void qrCodeStillDecodesFromThePrintedPage() throws Exception {
            try (PDDocument pdf = Pdfs.open(documents.render(PaperworkSamples.receipt()))) {
                // 150 dpi in grey, about what an office scanner or a phone camera sees.
                BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150, ImageType.GRAY);

                assertThat(Pdfs.decodeQr(page)).isEqualTo(CODE);
            }
        }

        @Test
        void qrCodeHoldsTheTrackingAddressWhenOneIsGivenAndTheAddressIsPrinted() throws Exception {
            String url = "https://dichvucong.kiengiang.gov.vn/tra-cuu-ho-so?ma=" + CODE;
            ReceiptAndAppointment sample = PaperworkSamples.receipt();
            ReceiptAndAppointment receipt = new ReceiptAndAppointment(sample.unit(), sample.documentNumber(),
                    sample.issuedAt(), sample.dossier(), url);

            byte[] bytes = documents.render(receipt);

            try (PDDocument pdf = Pdfs.open(bytes)) {
                assertThat(Pdfs.decodeQr(Pdfs.images(pdf, 0).get(0))).isEqualTo(url);
            }
            assertThat(Pdfs.flatText(bytes).replace(" ", "")).contains(url);
        }

        @Test
        void onlyAnApplicantAtTheDeskHasASignatureBlock() {
            DossierSheet desk = PaperworkSamples.birthRegistration();
            DossierSheet online = new DossierSheet(desk.code(), desk.procedureCode(), desk.procedureName(),
                    desk.applicant(), SubmissionChannel.ONLINE, desk.receivedAt(), desk.dueAt(), desk.receivedBy(),
                    desk.documents(), desk.sets(), desk.processingPeriod(), ResultDelivery.ONLINE);

            String text = Pdfs.flatText(documents.render(
                    new ReceiptAndAppointment(WARD, null, desk.receivedAt(), online, null)));

            assertThat(text).doesNotContain("NGƯỜI NỘP HỒ SƠ").contains("NGƯỜI TIẾP NHẬN HỒ SƠ",
                    "Hình thức nộp hồ sơ: Trực tuyến", "Trực tuyến, trên Cổng Dịch vụ công")
                    // Without a number the line is left for the clerk to fill in by hand.
                    .contains("Số: ........../..........");
        }

        @Test
        void aVeryLongUnbrokenAddressIsSplitInsideTheMargin() {
            String url = "https://dichvucong.kiengiang.gov.vn/" + "tra-cuu/".repeat(20) + CODE;
            ReceiptAndAppointment sample = PaperworkSamples.receipt();
            byte[] pdf = documents.render(new ReceiptAndAppointment(sample.unit(), sample.documentNumber(),
                    sample.issuedAt(), sample.dossier(), url));
            float right = PDRectangle.A4.getWidth() - 15 * 72f / 25.4f;

            assertThat(Pdfs.glyphs(pdf)).allSatisfy(glyph ->
                    assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj()).isLessThanOrEqualTo(right + 0.5f));
            assertThat(Pdfs.flatText(pdf).replace(" ", "")).contains(url);
        }
    }

    @Nested
    class Form02SupplementRequest {

        @Test
        void listsEveryItemToSupplementTheReasonAndWhomToAsk() {
            byte[] pdf = documents.render(PaperworkSamples.supplementRequest());
            String text = Pdfs.text(pdf);
            String flat = Pdfs.flatText(pdf);

            assertThat(text).contains("Số: 0001/PBS-BPMC", "Mã hồ sơ: " + CODE, "Hồ sơ của: " + MOTHER,
                    "Rạch Giá, ngày 27 tháng 11 năm 2026", "08 giờ 15 phút, ngày 27 tháng 11 năm 2026",
                    "NGƯỜI HƯỚNG DẪN", CLERK);
            assertThat(flat).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
                    "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
                    "1. Tờ khai đăng ký khai sinh ghi họ, chữ đệm và tên của trẻ", "(" + CHILD + ")",
                    "2. Bổ sung bản sao có chứng thực Giấy chứng nhận kết hôn",
                    "Lý do: Thông tin của trẻ trên tờ khai phải thống nhất với Giấy chứng sinh",
                    "Ông/Bà/Tổ chức liên hệ với " + CLERK + ", số điện thoại 0297 3862 123 để được hướng dẫn.");
        }
    }

    @Nested
    class Form03Refusal {

        @Test
        void statesTheSpecificReasonForRefusing() {
            byte[] pdf = documents.render(PaperworkSamples.refusal());
            String text = Pdfs.text(pdf);
            String flat = Pdfs.flatText(pdf);

            assertThat(text).contains("Mã hồ sơ: 000.01.15.H33-261127-0002", "Tiếp nhận hồ sơ của: " + CHILD,
                    "Rạch Giá, ngày 27 tháng 11 năm 2026", "NGƯỜI TIẾP NHẬN HỒ SƠ", CLERK);
            assertThat(flat).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
                    "Qua xem xét, Bộ phận Một cửa UBND phường Vĩnh Thanh Vân thông báo không tiếp nhận, giải quyết"
                            + " hồ sơ này với lý do cụ thể như sau:",
                    "thuộc thẩm quyền của UBND phường Vĩnh Lạc",
                    "Đề nghị Ông/Bà nộp hồ sơ tại Bộ phận Một cửa UBND phường Vĩnh Lạc.",
                    "Xin thông báo cho Ông/Bà/Tổ chức được biết và thực hiện./.");
        }
    }

    @Nested
    class Form04ApologyAndExtension {

        @Test
        void apologisesWithTheReasonTheOldAndTheNewDueDateAndListsTheRecipients() {
            byte[] pdf = documents.render(PaperworkSamples.apology());
            String text = Pdfs.text(pdf);
            String flat = Pdfs.flatText(pdf);

            assertThat(text).contains("Số: 58/UBND-BPMC", "Rạch Giá, ngày 25 tháng 11 năm 2026",
                    "Kính gửi: Ông/Bà/Tổ chức " + MOTHER, "Ngày 20 tháng 11 năm 2026", "000.01.15.H33-261120-0003",
                    "16 giờ 30 phút, ngày 25 tháng 11 năm 2026", "16 giờ 30 phút, ngày 02 tháng 12 năm 2026",
                    "Nơi nhận:", "- Như trên;", "- Lưu: VT, Bộ phận Một cửa.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                    "Nguyễn Văn Bình");
            assertThat(flat).contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
                    "Lý do: Cần xác minh thông tin về nơi sinh của trẻ " + CHILD,
                    "xin lỗi Ông/Bà/Tổ chức và đề nghị gia hạn thời gian giải quyết hồ sơ",
                    "- Bệnh viện Đa khoa tỉnh Kiên Giang (để phối hợp);",
                    "Xin trân trọng cảm ơn sự hợp tác của Ông/Bà/Tổ chức./.");
        }
    }

    @Nested
    class Form05StopNotice {

        @Test
        void statesWhyProcessingStopsAndIsSignedForTheUnit() {
            byte[] pdf = documents.render(PaperworkSamples.stopNotice());
            String text = Pdfs.text(pdf);
            String flat = Pdfs.flatText(pdf);

            assertThat(text).contains("Số: 61/TB-UBND", "Rạch Giá, ngày 23 tháng 11 năm 2026",
                    "Kính gửi: Ông/Bà/Tổ chức " + MOTHER, "Ngày 20 tháng 11 năm 2026", "000.01.15.H33-261120-0004",
                    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Thanh Hương", "Nơi nhận:");
            assertThat(flat).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                    "thông báo dừng giải quyết hồ sơ của Ông/Bà/Tổ chức với lý do như sau:",
                    "Trẻ " + CHILD + " đã được đăng ký khai sinh tại UBND xã Bình An");
        }
    }

    @Nested
    class Form06ControlSheet {

        @Test
        void tabulatesEachHandOverWithItsTimesAndWhetherItWasEarlyOnTimeOrLate() {
            byte[] pdf = documents.render(PaperworkSamples.controlSheet());
            String text = Pdfs.text(pdf);
            String flat = Pdfs.flatText(pdf);

            assertThat(text).contains("Mã hồ sơ: " + CODE, "Người nộp hồ sơ: " + MOTHER,
                    "Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 27 tháng 11 năm 2026",
                    "16 giờ 30 phút, ngày 27 tháng 11 năm 2026", "27/11/2026", "30/11/2026", "10:40", "15:05",
                    "Trước hạn", "Đúng hạn", "Quá hạn");
            assertThat(flat).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                    "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: 0001/GTN-BPMC)",
                    "Cơ quan (bộ phận) giải quyết hồ sơ: Công chức Tư pháp - Hộ tịch",
                    "Cơ quan phối hợp giải quyết hồ sơ: Công an phường Vĩnh Thanh Vân",
                    "Giao: Bộ phận Một cửa - " + CLERK, "Nhận: Công chức Tư pháp - Hộ tịch - Phạm Minh Khoa",
                    "Hạn xử lý", "Thời gian hoàn thành", "Đang giải quyết", "Trình ký", "Ký số chậm do mất kết nối");
        }

        @Test
        void aLongSheetContinuesOnNewPagesWithTheHeaderRepeated() {
            ControlSheet sample = PaperworkSamples.controlSheet();
            List<Handover> many = Stream.iterate(0, i -> i + 1).limit(40)
                    .map(i -> sample.handovers().get(i % sample.handovers().size())).toList();

            List<String> pages = Pdfs.pageTexts(documents.render(new ControlSheet(sample.unit(), sample.issuedAt(),
                    sample.dossier(), sample.receiptNumber(), sample.leadUnit(), sample.coordinatingUnits(), many)));

            assertThat(pages).hasSizeGreaterThan(1)
                    .allSatisfy(page -> assertThat(page.replaceAll("\\s+", " ")).contains("Hạn xử lý", "Ghi chú"));
        }
    }

    @Nested
    class Form07TrackingRegister {

        @Test
        void aRegisterOf120DossiersSpansSeveralLandscapePagesEachWithTheHeaderRow() throws IOException {
            byte[] bytes = documents.render(PaperworkSamples.register(120));
            // Header labels wrap inside their narrow columns; compare them with the line breaks flattened.
            List<String> pages = Pdfs.pageTexts(bytes).stream().map(page -> page.replaceAll("\\s+", " ")).toList();

            assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
            assertThat(pages).allSatisfy(page -> assertThat(page)
                    .contains("Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức", "Hẹn trả kết quả",
                            "Ghi chú (tình trạng)", "(1)", "(14)"));
            assertThat(pages.get(0)).contains("SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/11/2026 đến ngày 30/11/2026");
            assertThat(pages.subList(1, pages.size())).allSatisfy(page ->
                    assertThat(page).doesNotContain("SỔ THEO DÕI HỒ SƠ"));
            assertThat(pages.get(pages.size() - 1)).contains("Tổng số: 120 hồ sơ.");
            try (PDDocument pdf = Pdfs.open(bytes)) {
                for (PDPage page : pdf.getPages()) {
                    assertThat(page.getMediaBox().getWidth()).isGreaterThan(page.getMediaBox().getHeight());
                }
            }
        }

        @Test
        void everyDossierAppearsOnceWithItsCodeApplicantAndDates() {
            byte[] pdf = documents.render(PaperworkSamples.register(120));
            String text = Pdfs.text(pdf);
            String flat = Pdfs.flatText(pdf);

            for (int n = 0; n < 120; n++) {
                // Codes are never broken: the column is as wide as a code.
                assertThat(text).containsOnlyOnce(PaperworkSamples.registerCode(n));
            }
            assertThat(text).contains("02/11/2026", "08:00", "05/11/2026");
            assertThat(flat).contains(MOTHER, CHILD, "Lâm Văn Đức", "Đã trả kết quả", "Yêu cầu bổ sung giấy tờ",
                    "Bổ sung hồ sơ một lần");
        }

        @Test
        void pagesAfterTheFirstAreNumberedAtTheTop() {
            List<String> pages = Pdfs.pageTextsByPosition(documents.render(PaperworkSamples.register(120)));

            assertThat(pages.get(0).strip()).startsWith("UBND PHƯỜNG VĨNH THANH VÂN");
            for (int page = 1; page < pages.size(); page++) {
                assertThat(pages.get(page).strip()).startsWith(String.valueOf(page + 1) + "\n");
            }
        }

        @Test
        void anEmptyPeriodPrintsTheHeaderAndSaysThereIsNoDossier() {
            String text = Pdfs.flatText(documents.render(new TrackingRegister(WARD, PaperworkSamples.DUE, null,
                    null, List.of())));

            assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", "Mã hồ sơ", "Không có hồ sơ trong kỳ.",
                    "Tổng số: 0 hồ sơ.");
        }
    }

    @Nested
    class MissingData {

        static Stream<Arguments> incompleteDocuments() {
            DossierSheet full = PaperworkSamples.birthRegistration();
            DossierSheet noDue = new DossierSheet(full.code(), full.procedureCode(), full.procedureName(),
                    full.applicant(), full.channel(), full.receivedAt(), null, null, List.of(), 1, null, null);
            DossierSheet noName = new DossierSheet(full.code(), null, full.procedureName(),
                    new Applicant(" ", null, null, null), full.channel(), full.receivedAt(), full.dueAt(),
                    full.receivedBy(), full.documents(), 1, null, null);
            Instant at = PaperworkSamples.RECEIVED;
            Signatory chair = new Signatory(null, "CHỦ TỊCH", "Nguyễn Văn Bình");
            return Stream.of(
                    incomplete(new ReceiptAndAppointment(WARD, null, at, noDue, null),
                            List.of("dossier.dueAt", "dossier.receivedBy")),
                    incomplete(new ReceiptAndAppointment(null, null, null, null, null),
                            List.of("unit", "issuedAt", "dossier")),
                    incomplete(new SupplementRequest(WARD, null, at, full, List.of(), " ", null, null),
                            List.of("items", "reason", "officer")),
                    incomplete(new RefusalNotice(WARD, null, at, noName, null, CLERK),
                            List.of("dossier.applicant.name", "reason")),
                    incomplete(new ApologyAndExtension(WARD, null, at, full, "Chậm", null, null, null),
                            List.of("newDueAt", "signatory")),
                    incomplete(new StopNotice(new IssuingUnit("UBND phường Vĩnh Thanh Vân", null, null, null), null,
                            at, full, "Trùng hồ sơ", new Signatory(null, null, "Nguyễn Văn Bình"), null),
                            List.of("unit.place", "signatory.position")),
                    incomplete(new ControlSheet(WARD, at, noDue, null, null, null, List.of(
                                    new Handover("Một cửa", null, null, null, null, null))),
                            List.of("dossier.dueAt", "leadUnit", "handovers[0].to", "handovers[0].handedOverAt")),
                    incomplete(new TrackingRegister(WARD, at, null, null, List.of(new RegisterRow(CODE,
                                    "Đăng ký khai sinh", MOTHER, at, null, null, null, null, null))),
                            List.of("rows[0].status")),
                    incomplete(new ApologyAndExtension(WARD, null, at, full, "Chậm", full.dueAt(), chair, null),
                            List.of("newDueAt must be after dossier.dueAt")));
        }

        private static Arguments incomplete(DocumentData data, List<String> problems) {
            return Arguments.of(Named.of(data.form().name(), data), problems);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("incompleteDocuments")
        void namesEveryMissingOrInvalidComponentOfTheForm(DocumentData data, List<String> problems) {
            assertThatThrownBy(() -> documents.render(data))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Form " + data.form().number() + " (" + data.form().name()
                            + ") cannot be rendered:")
                    .hasMessageContainingAll(problems.toArray(String[]::new));
        }

        @Test
        void theMessageNamesComponentsButNeverRepeatsTheirPersonalValues() {
            DossierSheet full = PaperworkSamples.birthRegistration();
            DossierSheet noDue = new DossierSheet(full.code(), full.procedureCode(), full.procedureName(),
                    full.applicant(), full.channel(), full.receivedAt(), null, full.receivedBy(), full.documents(),
                    1, null, null);

            assertThatThrownBy(() -> documents.render(new ReceiptAndAppointment(WARD, null, full.receivedAt(),
                    noDue, null)))
                    .hasMessageNotContaining(MOTHER).hasMessageNotContaining("0912");
        }

        @Test
        void noDataAtAllIsRefusedClearly() {
            assertThatThrownBy(() -> documents.render(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the document data is required");
        }

        @Test
        void aListWithANullEntryIsRefusedWhenTheRecordIsBuilt() {
            assertThatThrownBy(() -> new TrackingRegister(WARD, PaperworkSamples.DUE, null, null,
                    Arrays.asList(null, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("rows[0] is null");
        }

        @Test
        void aRegisterPeriodEndingBeforeItStartsIsRefused() {
            assertThatThrownBy(() -> documents.render(new TrackingRegister(WARD, PaperworkSamples.DUE,
                    LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1), List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("periodTo must not be before periodFrom");
        }
    }
}
