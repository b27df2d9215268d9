package vn.motcua.attachment.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import vn.motcua.attachment.AttachmentState;
import vn.motcua.attachment.SignatureCheck;

/**
 * The parser that runs in the forked extraction JVM: Tika's AutoDetectParser with limits (characters kept,
 * embedded documents and their depth, decompression ratio both of ZIP containers ({@link ZipGuard}) and of text out
 * per byte in, XML nesting, image size, OCR time), then PDF signature verification. It never lets an exception out: every file ends in an outcome (EXTRACTED, NO_TEXT, REJECTED or
 * FAILED with a reason), written back to the application through the handler ({@link OutcomeProtocol}). What it
 * cannot survive (running out of heap, a hang) ends the forked JVM, which the application reports as FAILED.
 * <p>
 * It is serialised to the forked JVM with its limits; Tika's parsers are loaded as it is deserialised there, so
 * that the forked JVM's start-up is not counted in the first file's parse timeout.
 */
public final class GuardedParser implements Parser {
    private static final long serialVersionUID = 1L;
    /** Characters out before the decompression ratio is checked. */
    private static final long RATIO_CHECK_THRESHOLD = 100_000;
    /** XML element nesting accepted (deeper is treated as a bomb). */
    private static final int MAX_XML_DEPTH = 100;

    private final ExtractionLimits limits;
    private transient AutoDetectParser tika;

    public GuardedParser(ExtractionLimits limits) { this.limits = limits; }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) { return Set.of(); }

    /**
     * Extracts the file named by the {@link ExtractionRequest} in the context (or the stream when it names none) and
     * writes the outcome to the handler.
     */
    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        ExtractionRequest request = context.get(ExtractionRequest.class);
        if (request == null) throw new TikaException("no extraction request in the parse context");
        ExtractionOutcome outcome;
        if (request.path() != null) {
            Path path = Path.of(request.path());
            outcome = Files.isReadable(path) ? extract(path, request.mediaType(), request.trust())
                    : ExtractionOutcome.refused(AttachmentState.FAILED, "missingContent", null);
        } else {
            try (var in = TikaInputStream.get(stream)) {
                outcome = extract(in.getPath(), request.mediaType(), request.trust());
            }
        }
        OutcomeProtocol.write(outcome, handler);
    }

    /** Extracts one file in this JVM, whatever it holds, without checking trust in PDF signers. */
    public ExtractionOutcome extract(Path file, String mediaType) {
        return extract(file, mediaType, TrustAnchors.none());
    }

    /** Extracts one file in this JVM, whatever it holds; PDF signers' certificates are checked against {@code trust}. */
    public ExtractionOutcome extract(Path file, String mediaType, TrustAnchors trust) {
        try {
            if (mediaType != null && mediaType.startsWith("image/")) {
                long[] size = imageSize(file);
                if (size != null && size[0] * size[1] > limits.maxImagePixels()) {
                    return ExtractionOutcome.refused(AttachmentState.REJECTED, "imageTooLarge", size[0] + "x" + size[1]);
                }
            }
            String bomb = ZipGuard.check(file, limits.maxCompressionRatio());
            if (bomb != null) return ExtractionOutcome.refused(AttachmentState.REJECTED, "zipBomb", bomb);
            var metadata = new Metadata();
            var context = context();
            var embedded = (LimitedEmbeddedExtractor) context.get(EmbeddedDocumentExtractor.class);
            // Text beyond the limit is dropped but the parse goes on, so that Tika's decompression-ratio check (which
            // counts every character) still sees a bomb and refuses it; the timeout bounds the rest.
            var text = new BoundedWriter(limits.maxChars());
            try (var in = TikaInputStream.get(file)) {
                tika().parse(in, new BodyContentHandler(text), metadata, context);
            }
            String content = text.toString().strip();
            boolean cut = text.cut();
            boolean truncated = cut || embedded.skipped();
            List<SignatureCheck> signatures = "application/pdf".equals(mediaType) ? signatures(file, trust) : List.of();
            AttachmentState state = content.isBlank() ? AttachmentState.NO_TEXT : AttachmentState.EXTRACTED;
            String reason = null;
            if (state == AttachmentState.NO_TEXT && scannable(mediaType) && !(limits.ocr() && Tesseract.installed())) {
                reason = "ocrUnavailable";
            } else if (cut) {
                reason = "truncated";
            } else if (embedded.skipped()) {
                reason = "embeddedSkipped";
            }
            String language = LanguageGuess.of(content);
            if (language == null) language = LanguageGuess.declared(metadata.get(TikaCoreProperties.LANGUAGE));
            return new ExtractionOutcome(state, reason, null, content, truncated, pages(metadata), language,
                    title(metadata), signatures);
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable e) {
            return classify(e);
        }
    }

    private static boolean scannable(String mediaType) {
        return mediaType != null && (mediaType.startsWith("image/") || "application/pdf".equals(mediaType));
    }

    private static List<SignatureCheck> signatures(Path file, TrustAnchors trust) {
        try {
            return PdfSignatures.verify(file, trust);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private ParseContext context() {
        var context = new ParseContext();
        context.set(Parser.class, tika());
        var ocr = new TesseractOCRConfig();
        ocr.setLanguage(limits.ocrLanguage());
        ocr.setTimeoutSeconds(limits.ocrTimeoutSeconds());
        ocr.setSkipOcr(!limits.ocr());
        context.set(TesseractOCRConfig.class, ocr);
        var pdf = new PDFParserConfig();
        pdf.setOcrStrategy(limits.ocr() ? PDFParserConfig.OCR_STRATEGY.AUTO : PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractAcroFormContent(true);
        pdf.setIfXFAExtractOnlyXFA(false);
        pdf.setExtractInlineImages(false);
        pdf.setCatchIntermediateIOExceptions(true);
        context.set(PDFParserConfig.class, pdf);
        context.set(EmbeddedDocumentExtractor.class,
                new LimitedEmbeddedExtractor(context, limits.maxEmbedded(), limits.maxEmbeddedDepth()));
        return context;
    }

    private AutoDetectParser tika() {
        if (tika == null) {
            var parser = new AutoDetectParser();
            var config = new AutoDetectParserConfig();
            config.setOutputThreshold(RATIO_CHECK_THRESHOLD);
            config.setMaximumCompressionRatio(limits.maxCompressionRatio());
            config.setMaximumDepth(MAX_XML_DEPTH);
            config.setMaximumPackageEntryDepth(limits.maxEmbeddedDepth());
            parser.setAutoDetectParserConfig(config);
            tika = parser;
        }
        return tika;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        tika();
    }

    /** Keeps the first characters written to it and counts the rest. */
    static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private boolean cut;

        BoundedWriter(int limit) { this.limit = limit; }

        @Override
        public void write(char[] buffer, int offset, int length) {
            int room = limit - text.length();
            if (length > room) cut = true;
            if (room > 0) text.append(buffer, offset, Math.min(room, length));
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }

        boolean cut() { return cut; }

        @Override
        public String toString() { return text.toString(); }
    }

    /** Width and height from the image's header (nothing decoded), or null when no reader knows the format. */
    static long[] imageSize(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) return null;
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Integer pages(Metadata metadata) {
        for (var property : List.of(PagedText.N_PAGES, Office.PAGE_COUNT)) {
            Integer value = metadata.getInt(property);
            if (value != null && value > 0) return value;
        }
        return null;
    }

    private static String title(Metadata metadata) {
        String title = metadata.get(TikaCoreProperties.TITLE);
        if (title == null || title.isBlank()) return null;
        title = title.strip().replaceAll("\\s+", " ");
        return title.length() > 500 ? title.substring(0, 500) : title;
    }

    /** A failure turned into its outcome: refused by a safety rule, or not readable. */
    static ExtractionOutcome classify(Throwable failure) {
        Throwable root = failure;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            root = c;
            String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (c instanceof EncryptedDocumentException || c instanceof org.apache.poi.EncryptedDocumentException
                    || c.getClass().getSimpleName().equals("InvalidPasswordException")) {
                return ExtractionOutcome.refused(AttachmentState.REJECTED, "encrypted", c.getClass().getSimpleName());
            }
            if (message.contains("zip bomb")) {
                return ExtractionOutcome.refused(AttachmentState.REJECTED, "zipBomb", c.getClass().getSimpleName());
            }
            if (c instanceof TikaMemoryLimitException) {
                return ExtractionOutcome.refused(AttachmentState.REJECTED, "tooLarge", c.getClass().getSimpleName());
            }
            if (message.contains("doctype") || (message.contains("entit") && (message.contains("expansion") || message.contains("limit")))) {
                return ExtractionOutcome.refused(AttachmentState.REJECTED, "xmlEntities", c.getClass().getSimpleName());
            }
            if (c instanceof StackOverflowError) {
                return ExtractionOutcome.refused(AttachmentState.REJECTED, "tooComplex", c.getClass().getSimpleName());
            }
            if (c.getCause() == c) break;
        }
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (c instanceof EOFException || c instanceof java.util.zip.ZipException || message.contains("truncated")
                    || message.contains("end of file") || message.contains("unexpected end") || message.contains("eof")
                    || message.contains("header") || message.contains("corrupt") || message.contains("trailer")) {
                return ExtractionOutcome.refused(AttachmentState.FAILED, "corrupt", c.getClass().getSimpleName());
            }
        }
        return ExtractionOutcome.refused(AttachmentState.FAILED, "parseError", root.getClass().getSimpleName());
    }
}
