package vn.motcua.paperwork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes one sample of each form to {@code target/paperwork-samples/} for a person to look at (the layout of an
 * official document is judged by eye, against the templates of Circular 03/2025/TT-VPCP).
 */
class SampleRenderingTest {

    private static final Path SAMPLES = Path.of("target", "paperwork-samples");

    @Test
    void everyFormRendersAReviewableSampleFile() throws IOException {
        OfficialDocuments documents = new OfficialDocuments();
        Files.createDirectories(SAMPLES);
        List<DocumentData> samples = List.of(PaperworkSamples.receipt(), PaperworkSamples.supplementRequest(),
                PaperworkSamples.refusal(), PaperworkSamples.apology(), PaperworkSamples.stopNotice(),
                PaperworkSamples.controlSheet(), PaperworkSamples.register(120));

        for (DocumentData sample : samples) {
            byte[] pdf = documents.render(sample);
            Path file = SAMPLES.resolve(documents.fileName(sample));
            Files.write(file, pdf);

            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(file).exists();
        }
        try (Stream<Path> files = Files.list(SAMPLES)) {
            assertThat(files.filter(path -> path.toString().endsWith(".pdf")).count()).isGreaterThanOrEqualTo(7);
        }
    }
}
