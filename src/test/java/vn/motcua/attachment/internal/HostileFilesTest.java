package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.TestDocuments;

/**
 * Hostile files, made by the test, through the isolated extractor: each ends in a clear state, none hangs or brings
 * down this JVM, and the extractor keeps working after each of them, whatever order they run in.
 */
class HostileFilesTest {
    private static final ExtractionLimits LIMITS = new ExtractionLimits(1_000_000, 100, 4, 100, 100_000_000L, true, "vie+eng", 30);
    private static IsolatedExtractor extractor;
    @TempDir static Path dir;

    @BeforeAll
    static void start() {
        extractor = new IsolatedExtractor(LIMITS, Duration.ofSeconds(60), DataSize.ofMegabytes(256), Duration.ofSeconds(30), dir.resolve("work"));
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    private static ExtractionOutcome extract(byte[] content, String mediaType) throws IOException {
        Path file = Files.write(dir.resolve("file-" + System.nanoTime()), content);
        return extractor.extract(file, mediaType);
    }

    /** Ended on the file's account, not because the extraction process was lost or timed out. */
    private static void endedCleanly(ExtractionOutcome outcome) {
        assertThat(outcome.state()).isNotEqualTo(AttachmentState.PENDING);
        assertThat(outcome.reason()).isNotIn("timeout", "crashed");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        var outcome = extract(TestDocuments.zipBomb(200), "application/zip");
        assertThat(outcome.state()).isEqualTo(AttachmentState.REJECTED);
        assertThat(outcome.reason()).isEqualTo("zipBomb");
    }

    @Test
    void aWordDocumentThatIsAZipBombIsRefused() throws IOException {
        var outcome = extract(TestDocuments.docxBomb(200), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(outcome.state()).isEqualTo(AttachmentState.REJECTED);
        assertThat(outcome.reason()).isEqualTo("zipBomb");
    }

    @Test
    void theBillionLaughsAreRefused() throws IOException {
        var outcome = extract(TestDocuments.billionLaughs(), "application/xml");
        assertThat(outcome.state()).isEqualTo(AttachmentState.REJECTED);
        assertThat(outcome.reason()).isEqualTo("xmlEntities");
        assertThat(outcome.text()).doesNotContain("lollollol");
    }

    @Test
    void aWordDocumentWithTheBillionLaughsIsRefused() throws IOException {
        var outcome = extract(TestDocuments.docxBillionLaughs(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(outcome.state()).isEqualTo(AttachmentState.REJECTED);
        assertThat(outcome.reason()).isEqualTo("xmlEntities");
        assertThat(outcome.text()).doesNotContain("lollollol");
    }

    @Test
    void aPdfWithAHostileXfaFormEndsCleanly() throws IOException {
        var outcome = extract(TestDocuments.hostileXfaPdf(), "application/pdf");
        endedCleanly(outcome);
        assertThat(outcome.text()).contains("Tờ khai có biểu mẫu XFA").doesNotContain("lollollol");
    }

    @Test
    void aTruncatedPdfEndsCleanly() throws IOException {
        var lines = new ArrayList<String>();
        for (int i = 0; i < 200; i++) lines.add("Dòng " + i + " của biên bản nghiệm thu công trình");
        var outcome = extract(TestDocuments.truncated(TestDocuments.pdf(lines), 60), "application/pdf");
        endedCleanly(outcome);
        assertThat(outcome.state()).isIn(AttachmentState.EXTRACTED, AttachmentState.NO_TEXT, AttachmentState.FAILED);
    }

    @Test
    void anEncryptedPdfIsRefusedAsEncrypted() throws IOException {
        var outcome = extract(TestDocuments.encryptedPdf(List.of("Bí mật")), "application/pdf");
        assertThat(outcome.state()).isEqualTo(AttachmentState.REJECTED);
        assertThat(outcome.reason()).isEqualTo("encrypted");
    }

    @Test
    void anImageDeclaringTenBillionPixelsIsRefusedBeforeDecoding() throws IOException {
        var outcome = extract(TestDocuments.hugePngHeader(100_000, 100_000), "image/png");
        assertThat(outcome.state()).isEqualTo(AttachmentState.REJECTED);
        assertThat(outcome.reason()).isEqualTo("imageTooLarge");
        assertThat(outcome.detail()).isEqualTo("100000x100000");
    }

    @Test
    void aPageTooLargeToRenderCostsTheForkedJvmNotThisOne() throws IOException {
        // Rendered for OCR at 300 dpi the blank page is 400 million pixels, more than the forked JVM's 256 MB: that
        // JVM runs out of memory and ends, this one goes on. Without tesseract nothing is rendered: no text.
        var outcome = extract(TestDocuments.giantPagePdf(), "application/pdf");
        if (Tesseract.installed()) {
            assertThat(outcome.state()).isEqualTo(AttachmentState.FAILED);
            assertThat(outcome.reason()).isEqualTo("crashed");
        } else {
            assertThat(outcome.state()).isEqualTo(AttachmentState.NO_TEXT);
        }
    }

    @Test
    void aFileTakingLongerThanTheTimeoutIsStoppedAndItsJvmEnded() throws IOException {
        var lines = new ArrayList<String>();
        for (int i = 0; i < 40 * 1500; i++) lines.add("Trang dài " + i + ": căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014");
        Path big = Files.write(dir.resolve("big.pdf"), TestDocuments.pdf(lines));
        try (var impatient = new IsolatedExtractor(LIMITS, Duration.ofSeconds(1), DataSize.ofMegabytes(256), Duration.ofSeconds(30),
                dir.resolve("work"))) {
            var outcome = impatient.extract(big, "application/pdf");
            assertThat(outcome.state()).isEqualTo(AttachmentState.FAILED);
            assertThat(outcome.reason()).isEqualTo("timeout");
            assertThat(impatient.forkedProcesses()).isZero();
        }
    }

    /** Whatever the file before did, the extractor goes on: an ordinary document is read right after it. */
    @AfterEach
    void anOrdinaryDocumentIsStillExtracted() throws IOException {
        var outcome = extract(TestDocuments.docx(List.of("Đơn đề nghị cấp bản sao trích lục khai sinh")),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(outcome.state()).isEqualTo(AttachmentState.EXTRACTED);
        assertThat(outcome.text()).contains("Đơn đề nghị cấp bản sao trích lục khai sinh");
        assertThat(outcome.language()).isEqualTo("vi");
    }
}
