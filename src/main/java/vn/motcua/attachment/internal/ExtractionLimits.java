package vn.motcua.attachment.internal;

import java.io.Serializable;

/**
 * The limits one extraction obeys, sent to the forked JVM with the parser.
 *
 * @param maxChars            characters of text kept (the rest is cut, and the outcome says so)
 * @param maxEmbedded         embedded documents parsed (the others are skipped)
 * @param maxEmbeddedDepth    how deep embedded documents may nest (deeper ones are skipped; package nesting beyond it
 *                            is refused as a bomb)
 * @param maxCompressionRatio characters out per byte in above which the file is refused as a decompression bomb
 * @param maxImagePixels      largest image accepted, in pixels
 * @param ocr                 whether to recognise text in images and scanned pages
 * @param ocrLanguage         tesseract's languages, e.g. {@code vie+eng}
 * @param ocrTimeoutSeconds   longest tesseract may take on one image
 */
public record ExtractionLimits(int maxChars, int maxEmbedded, int maxEmbeddedDepth, long maxCompressionRatio,
                               long maxImagePixels, boolean ocr, String ocrLanguage, int ocrTimeoutSeconds)
        implements Serializable {
}
