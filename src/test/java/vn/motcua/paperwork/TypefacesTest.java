package vn.motcua.paperwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.stream.Stream;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the documents' font comes from: Debian's Liberation Serif 2.x, and nothing else. */
class TypefacesTest {

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
