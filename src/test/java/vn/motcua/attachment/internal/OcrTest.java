package vn.motcua.attachment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.shared.TextSearch;

/**
 * Vietnamese text drawn by the test (Java2D, DejaVu Sans) and read back by tesseract through Tika in the forked JVM,
 * from an image and from a scanned PDF. Skipped when tesseract is not installed, except with CI=true.
 */
class OcrTest {
    private static final List<String> TEXT = List.of("GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT", "Cộng hòa xã hội chủ nghĩa Việt Nam");
    private static IsolatedExtractor extractor;
    @TempDir static Path dir;

    @BeforeAll
    static void start() {
        if (!Tesseract.installed()) {
            String message = "tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-vie";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message);
            Assumptions.abort(message);
        }
        var limits = new ExtractionLimits(1_000_000, 100, 4, 100, 100_000_000L, true, "vie+eng", 60);
        extractor = new IsolatedExtractor(limits, Duration.ofSeconds(120), DataSize.ofMegabytes(512), Duration.ofSeconds(30), dir.resolve("work"));
    }

    @AfterAll
    static void stop() {
        if (extractor != null) extractor.close();
    }

    private static void assertReadBack(ExtractionOutcome outcome) {
        assertThat(outcome.state()).isEqualTo(AttachmentState.EXTRACTED);
        String folded = TextSearch.fold(outcome.text());
        assertThat(folded).contains("giay chung nhan quyen su dung dat");
        assertThat(folded).contains("cong hoa xa hoi chu nghia viet nam");
        assertThat(outcome.text()).contains("CHỨNG NHẬN");
        assertThat(outcome.language()).isEqualTo("vi");
    }

    @Test
    void readsVietnameseFromAnImage() throws IOException {
        Path image = Files.write(dir.resolve("so-do.png"), TestDocuments.png(TEXT));
        assertReadBack(extractor.extract(image, "image/png"));
    }

    @Test
    void readsVietnameseFromAScannedPdf() throws IOException {
        Path scan = Files.write(dir.resolve("ban-quet.pdf"), TestDocuments.scannedPdf(TEXT));
        assertReadBack(extractor.extract(scan, "application/pdf"));
    }
}
