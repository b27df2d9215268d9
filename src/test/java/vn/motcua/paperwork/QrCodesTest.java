package vn.motcua.paperwork;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodesTest {

    @Test
    void aDossierCodeEncodesAndDecodesBackExactly() throws Exception {
        BufferedImage image = QrCodes.image(PaperworkSamples.CODE, 4);

        assertThat(Pdfs.decodeQr(image)).isEqualTo(PaperworkSamples.CODE);
    }

    @Test
    void vietnameseTextSurvivesAsUtf8() throws Exception {
        String text = "Hồ sơ của " + PaperworkSamples.MOTHER;

        assertThat(Pdfs.decodeQr(QrCodes.image(text, 4))).isEqualTo(text);
    }

    @Test
    void thePngIsASquareImageWithAFourModuleQuietZone() throws Exception {
        byte[] png = QrCodes.png(PaperworkSamples.CODE, 3);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo(QrCodes.image(PaperworkSamples.CODE, 1)
                .getWidth() * 3);
        assertThat(Pdfs.decodeQr(image)).isEqualTo(PaperworkSamples.CODE);
        // The quiet zone is white: four modules of three pixels along the top-left corner.
        for (int i = 0; i < 12; i++) {
            assertThat(image.getRGB(i, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
        assertThat(image.getRGB(12, 12) & 0xFFFFFF).as("first module of the finder pattern").isZero();
    }

    @Test
    void blankTextOrAnAbsurdScaleIsRefused() {
        assertThatThrownBy(() -> QrCodes.image(" ", 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.image(null, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.image("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.image("x", 65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textTooLongForAnyQrCodeIsRefusedClearly() {
        assertThatThrownBy(() -> QrCodes.image("x".repeat(5000), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }
}
