package vn.motcua.paperwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import java.util.stream.Stream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the documents' font comes from: Debian's Liberation Serif 2.x, and nothing else. */
class TypefacesTest {

    /** A document of a paragraph in the face, read back. */
    private static String drawnAndReadBack(String text, Sheet.Style style) {
        try (PDDocument document = new PDDocument(); Typefaces fonts = Typefaces.load(document)) {
            Sheet sheet = new Sheet(document, fonts, Sheet.PageFormat.portrait());
            sheet.paragraph(List.of(new Sheet.Run(text, style, false)), 12, Sheet.Align.LEFT, 0, 0);
            sheet.finish(11);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            byte[] pdf = out.toByteArray();
            try (PDDocument read = Pdfs.open(pdf)) {
                assertThat(Pdfs.fonts(read)).as("the face is embedded as a subset of Liberation Serif")
                        .allSatisfy(font -> assertThat(font.getName()).matches("[A-Z]{6}\\+" + Typefaces.FAMILY + ".*"));
            }
            return Pdfs.flatText(pdf).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFaceParsedForOneDocumentServesTheNextOnceTheFirstIsSavedAndEachPrintsItsOwnText() {
        String first = drawnAndReadBack("Ủy ban nhân dân phường Vĩnh Thanh Vân", Sheet.Style.BOLD);
        int spares = Typefaces.spares(Sheet.Style.BOLD);
        String second = drawnAndReadBack("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", Sheet.Style.BOLD);

        assertThat(first).isEqualTo("Ủy ban nhân dân phường Vĩnh Thanh Vân");
        assertThat(second).as("the second document's subset has its own letters, not the first's")
                .isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
        assertThat(spares).as("the face is given back once its document is saved").isBetween(1, Typefaces.SPARES_PER_FACE);
        assertThat(Typefaces.spares(Sheet.Style.BOLD)).as("the second document borrowed it and gave it back").isEqualTo(spares);
    }

    @Test
    void documentsDrawnAtOnceEachPrintTheirOwnTextAndAtMostTheSparesAreKept() throws Exception {
        int documents = 48;
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<String> texts = new java.util.ArrayList<>();
            List<Future<String>> drawn = new java.util.ArrayList<>();
            for (int i = 0; i < documents; i++) {
                String letters = "ăâđêôơư ạảấầẩẫậắằẳẵặ ẹẻẽếềểễệ ỉị ọỏốồổỗộớờởỡợ ụủứừửữự ỳỵỷỹ";
                String text = "Hồ sơ số " + i + ": " + letters.substring(i % 20, 20 + i % 30).strip();
                Callable<String> draw = () -> drawnAndReadBack(text, Sheet.Style.REGULAR);
                texts.add(text);
                drawn.add(threads.submit(draw));
            }
            for (int i = 0; i < documents; i++) {
                assertThat(drawn.get(i).get()).as("document " + i).isEqualTo(texts.get(i));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(Typefaces.spares(Sheet.Style.REGULAR)).isBetween(1, Typefaces.SPARES_PER_FACE);
    }

    @Test
    void theServersLiberationSerifHasTheVietnameseLetters() {
        byte[] regular = Typefaces.find("LiberationSerif-Regular.ttf", Typefaces.DIRECTORIES);

        assertThat(regular).isNotEmpty();
    }

    @Test
    void withoutTheFontRenderingFailsLoudlyNamingThePackageToInstall(@TempDir Path empty) {
        assertThatThrownBy(() -> Typefaces.find("LiberationSerif-Regular.ttf", List.of(empty)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fonts-liberation2").hasMessageContaining(empty.toString());
    }

    @Test
    void debian12sLiberation107WithoutVietnameseLettersIsPassedOverForTheNextDirectory(@TempDir Path old)
            throws IOException {
        // Debian 12's fonts-liberation 1.07, where installed, lacks ơ, ư, ạ...: the case this rule is for
        Path debian12 = Path.of("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf");
        Assumptions.assumeTrue(Files.isRegularFile(debian12) && !hasLetter(debian12, 'ơ'));
        Files.copy(debian12, old.resolve("LiberationSerif-Regular.ttf"));

        assertThatThrownBy(() -> Typefaces.find("LiberationSerif-Regular.ttf", List.of(old)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fonts-liberation2");
        byte[] found = Typefaces.find("LiberationSerif-Regular.ttf",
                Stream.concat(Stream.of(old), Typefaces.DIRECTORIES.stream()).toList());
        assertThat(found).isNotEqualTo(Files.readAllBytes(debian12));
    }

    private static boolean hasLetter(Path font, char letter) throws IOException {
        try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()))) {
            return parsed.getUnicodeCmapLookup().getGlyphId(letter) != 0;
        }
    }
}
