package vn.motcua.paperwork;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of short texts — a dossier code, or a web address to track the dossier — as ZXing writes them: error
 * correction level M (about 15% of the symbol may be damaged, enough for a printed slip that gets folded), text
 * encoded as UTF-8 and a quiet zone of four modules, as ISO/IEC 18004 requires for reliable scanning.
 */
public final class QrCodes {

    /** The white border around the symbol, in modules. */
    public static final int QUIET_ZONE = 4;

    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;
    private static final int MAX_MODULE_PIXELS = 64;

    private QrCodes() {
    }

    /**
     * A black-and-white image of the QR code of a text, each module a square of {@code modulePixels} pixels.
     *
     * @param text         the text to encode; not blank
     * @param modulePixels pixels per module, 1 to 64
     * @return a {@link BufferedImage#TYPE_BYTE_BINARY} image including the quiet zone
     * @throws IllegalArgumentException if the text is blank or too long for a QR code, or the scale out of range
     */
    public static BufferedImage image(String text, int modulePixels) {
        if (modulePixels < 1 || modulePixels > MAX_MODULE_PIXELS) {
            throw new IllegalArgumentException("modulePixels must be between 1 and " + MAX_MODULE_PIXELS);
        }
        BitMatrix matrix = matrix(text);
        int size = matrix.getWidth() * modulePixels;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, matrix.get(x / modulePixels, y / modulePixels) ? BLACK : WHITE);
            }
        }
        return image;
    }

    /**
     * The QR code of a text as a PNG file; see {@link #image(String, int)}.
     *
     * @throws IllegalArgumentException as {@link #image(String, int)}
     */
    public static byte[] png(String text, int modulePixels) {
        BufferedImage image = image(text, modulePixels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("the QR code cannot be written as PNG", e);
        }
        return out.toByteArray();
    }

    /** One bit per module, quiet zone included: ZXing scales nothing when asked for the smallest size. */
    private static BitMatrix matrix(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the text of a QR code must not be blank");
        }
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                EncodeHintType.MARGIN, QUIET_ZONE);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text is too long for a QR code", e);
        }
    }
}
