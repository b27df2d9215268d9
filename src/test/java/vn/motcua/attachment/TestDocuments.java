package vn.motcua.attachment;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Documents made by the tests, ordinary and hostile: nothing is downloaded, nothing binary is checked in. Vietnamese
 * text uses the DejaVu Sans font the paperwork module ships.
 */
public final class TestDocuments {
    private static final String FONT = "/paperwork/fonts/DejaVuSans.ttf";

    private TestDocuments() { }

    // --- ordinary documents

    /** A PDF with the given lines on A4 pages (40 lines a page). */
    public static byte[] pdf(List<String> lines) {
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            PDType0Font font;
            try (InputStream in = TestDocuments.class.getResourceAsStream(FONT)) {
                font = PDType0Font.load(doc, in);
            }
            for (int start = 0; start < Math.max(1, lines.size()); start += 40) {
                var page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (var content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.newLineAtOffset(50, 790);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + 40))) {
                        content.showText(line);
                        content.newLineAtOffset(0, -18);
                    }
                    content.endText();
                }
            }
            // without object streams, so that the page objects can be read (and tampered with) in the file
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of one page holding only a picture of the text, like a scan. */
    public static byte[] scannedPdf(List<String> lines) {
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            var page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage image = textImage(lines, 1654, 60 + 70 * lines.size(), 34f);
            var picture = LosslessFactory.createFromImage(doc, image);
            try (var content = new PDPageContentStream(doc, page)) {
                float width = PDRectangle.A4.getWidth() - 40;
                float height = width * image.getHeight() / image.getWidth();
                content.drawImage(picture, 20, PDRectangle.A4.getHeight() - 20 - height, width, height);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG picture of the text, black on white, in DejaVu Sans. */
    public static byte[] png(List<String> lines) {
        return png(textImage(lines, 1600, 80 + 70 * lines.size(), 36f));
    }

    public static byte[] png(BufferedImage image) {
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vietnamese text drawn with a font that has its glyphs. */
    public static BufferedImage textImage(List<String> lines, int width, int height, float size) {
        Font font;
        try (InputStream in = TestDocuments.class.getResourceAsStream(FONT)) {
            font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException(e);
        }
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        int y = 70;
        for (String line : lines) {
            g.drawString(line, 40, y);
            y += 70;
        }
        g.dispose();
        return image;
    }

    /** A DOCX with one paragraph per line. */
    public static byte[] docx(List<String> paragraphs) {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) doc.createParagraph().createRun().setText(p);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XLSX with one row per line, the line's words in cells. */
    public static byte[] xlsx(List<String> rows) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Danh sách");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                String[] cells = rows.get(r).split(";");
                for (int c = 0; c < cells.length; c++) row.createCell(c).setCellValue(cells[c]);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- hostile documents

    /** A ZIP holding one text file of {@code megabytes} MB of the same letter: about a thousand times its size. */
    public static byte[] zipBomb(int megabytes) {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("bom.txt"));
            writeRepeated(zip, megabytes);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX whose document part inflates to {@code megabytes} MB of text (a zip bomb an office suite would open). */
    public static byte[] docxBomb(int megabytes) {
        return docxWith(out -> {
            out.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            writeRepeated(out, megabytes);
            out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The "billion laughs": ten levels of entities each expanding to ten of the level below. */
    public static byte[] billionLaughs() {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            xml.append("\">\n");
        }
        xml.append("]>\n<lolz>&lol9;</lolz>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A DOCX whose document part is a billion-laughs XML. */
    public static byte[] docxBillionLaughs() {
        String laughs = new String(billionLaughs(), StandardCharsets.UTF_8).replace("<lolz>&lol9;</lolz>",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
        return docxWith(out -> out.write(laughs.getBytes(StandardCharsets.UTF_8)));
    }

    /** A PDF whose AcroForm carries an XFA form that is a billion-laughs XML. */
    public static byte[] hostileXfaPdf() {
        try (var doc = Loader.loadPDF(pdf(List.of("Tờ khai có biểu mẫu XFA")))) {
            var form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            COSStream xfa = doc.getDocument().createCOSStream();
            try (OutputStream out = xfa.createOutputStream()) {
                out.write(new String(billionLaughs(), StandardCharsets.UTF_8).replace("<lolz>&lol9;</lolz>",
                        "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template><field name=\"f\">&lol9;</field></template></xdp:xdp>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            form.getCOSObject().setItem(COSName.XFA, xfa);
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code percent} % of a PDF: its pages' objects partly there, no cross-reference table, no trailer. */
    public static byte[] truncated(byte[] document, int percent) {
        return Arrays.copyOf(document, document.length * percent / 100);
    }

    /** A PDF that opens only with a password (AES-128). */
    public static byte[] encryptedPdf(List<String> lines) {
        try (var doc = Loader.loadPDF(pdf(lines)); var out = new ByteArrayOutputStream()) {
            var policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG whose header declares {@code width} × {@code height} pixels, with next to no data behind it. */
    public static byte[] hugePngHeader(int width, int height) {
        try (var bytes = new ByteArrayOutputStream(); var out = new DataOutputStream(bytes)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            var ihdr = new ByteArrayOutputStream();
            var header = new DataOutputStream(ihdr);
            header.writeInt(width);
            header.writeInt(height);
            header.write(new byte[] {8, 0, 0, 0, 0});
            chunk(out, "IHDR", ihdr.toByteArray());
            var idat = new ByteArrayOutputStream();
            try (var z = new DeflaterOutputStream(idat)) {
                z.write(new byte[1 + width]);
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of one blank page of 4800 × 4800 points: rendered for OCR at 300 dpi it is 400 million pixels. */
    public static byte[] giantPagePdf() {
        try (var doc = new PDDocument(); var out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(new PDRectangle(4800, 4800)));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a Linux executable (ELF header of an x86-64 program), to be named like a PDF. */
    public static byte[] elfExecutable() {
        byte[] elf = new byte[4096];
        byte[] ident = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(ident, 0, elf, 0, ident.length);
        elf[16] = 2;    // e_type: executable
        elf[18] = 0x3E; // e_machine: x86-64
        elf[20] = 1;    // e_version
        return elf;
    }

    /** The start of a Windows executable (MZ header pointing at a PE header). */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        exe[0x84] = 0x4C;
        exe[0x85] = 0x01;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4E, stub.length);
        return exe;
    }

    /** An HTML page (to be named like a DOCX). */
    public static byte[] html() {
        return """
                <!DOCTYPE html>
                <html><head><title>Tờ khai</title><script>alert('x')</script></head>
                <body><h1>Tờ khai đăng ký khai sinh</h1><p>Không phải tài liệu Word.</p></body></html>
                """.getBytes(StandardCharsets.UTF_8);
    }

    // --- signed PDFs

    /**
     * A key pair, its certificate, and the intermediate certificates a signature carries with it (none for a
     * self-signed certificate).
     */
    public record Signer(KeyPair keys, X509Certificate certificate, List<X509Certificate> intermediates) {
        public Signer {
            intermediates = List.copyOf(intermediates);
        }

        /** A self-signed certificate for the given common name, valid from yesterday for a year. */
        public static Signer selfSigned(String commonName) {
            KeyPair keys = keyPair();
            var name = new X500Name("CN=" + commonName + ", O=UBND phường Vĩnh Thanh Vân, C=VN");
            Instant now = Instant.now();
            return new Signer(keys, newCertificate(name, keys, name, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false),
                    List.of());
        }
    }

    /**
     * A certification authority made in the test (a root, or an intermediate with the chain above it), issuing
     * certificates with the extensions PKIX checks (basic constraints, key usage).
     */
    public record Authority(KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {
        /** A self-signed root CA valid from yesterday for ten years. */
        public static Authority root(String commonName) {
            KeyPair keys = keyPair();
            var name = new X500Name("CN=" + commonName + ", O=Bộ Thông tin và Truyền thông, C=VN");
            Instant now = Instant.now();
            return new Authority(keys, newCertificate(name, keys, name, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true),
                    List.of());
        }

        /** An intermediate CA this authority issues, valid from yesterday for five years. */
        public Authority intermediate(String commonName) {
            KeyPair subordinate = keyPair();
            Instant now = Instant.now();
            var cert = newCertificate(new X500Name("CN=" + commonName + ", O=Nhà cung cấp dịch vụ chứng thực, C=VN"), subordinate,
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys,
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)), true);
            var above = new java.util.ArrayList<X509Certificate>();
            above.add(certificate);
            above.addAll(chain);
            return new Authority(subordinate, cert, above);
        }

        /** A signer's certificate this authority issues, valid in the given period. */
        public Signer issue(String commonName, Instant notBefore, Instant notAfter) {
            KeyPair signer = keyPair();
            var cert = newCertificate(new X500Name("CN=" + commonName + ", O=UBND phường Vĩnh Thanh Vân, C=VN"), signer,
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys, notBefore, notAfter, false);
            // The signature carries the issuing chain up to (not including) the root
            var intermediates = new java.util.ArrayList<X509Certificate>();
            if (!chain.isEmpty()) {
                intermediates.add(certificate);
                intermediates.addAll(chain.subList(0, chain.size() - 1));
            }
            return new Signer(signer, cert, intermediates);
        }

        /** A signer's certificate valid from yesterday for a year. */
        public Signer issue(String commonName) {
            Instant now = Instant.now();
            return issue(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        }
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

    private static X509Certificate newCertificate(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
                                               Instant notBefore, Instant notAfter, boolean authority) {
        try {
            var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PDF signed by the signer now (a detached CMS signature, adbe.pkcs7.detached, as an incremental update). */
    public static byte[] sign(byte[] pdf, Signer signer) {
        return sign(pdf, signer, null);
    }

    /**
     * The PDF signed by the signer, the signature claiming the given signing time (now when null) and carrying the
     * signer's certificate and intermediates.
     */
    public static byte[] sign(byte[] pdf, Signer signer, Instant signingTime) {
        try (var doc = Loader.loadPDF(pdf); var out = new ByteArrayOutputStream()) {
            var signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("Chữ ký của lãnh đạo");
            signature.setReason("Phê duyệt kết quả");
            var date = Calendar.getInstance();
            if (signingTime != null) date.setTime(Date.from(signingTime));
            signature.setSignDate(date);
            doc.addSignature(signature, content -> {
                try {
                    byte[] data = content.readAllBytes();
                    var generator = new CMSSignedDataGenerator();
                    var contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer.keys().getPrivate());
                    var info = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
                    if (signingTime != null) {
                        info.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                                new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))))));
                    }
                    generator.addSignerInfoGenerator(info.build(contentSigner, signer.certificate()));
                    var certificates = new java.util.ArrayList<X509Certificate>();
                    certificates.add(signer.certificate());
                    certificates.addAll(signer.intermediates());
                    generator.addCertificates(new JcaCertStore(certificates));
                    return generator.generate(new CMSProcessableByteArray(data), false).getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of a signed PDF whose first page's size was changed by one digit inside the signed bytes (the file's
     * length and structure kept): the content no longer matches what was signed.
     */
    public static byte[] tampered(byte[] signed) {
        byte[] copy = signed.clone();
        int at = indexOf(copy, "841.8898".getBytes(StandardCharsets.US_ASCII), 0);
        if (at < 0) throw new IllegalStateException("no page size to change");
        copy[at + 7] = (byte) (copy[at + 7] == '8' ? '7' : '8');
        return copy;
    }

    /** A signed PDF changed afterwards by an incremental update (the signed range no longer covers the file). */
    public static byte[] appendedAfterSigning(byte[] signed) {
        try (var doc = Loader.loadPDF(signed); var out = new ByteArrayOutputStream()) {
            doc.getDocumentCatalog().setLanguage("vi-VN");
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) if (data[i + k] != pattern[k]) continue outer;
            return i;
        }
        return -1;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] docxWith(Writer document) {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            document.write(zip);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRepeated(OutputStream out, int megabytes) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'a');
        for (int i = 0; i < megabytes; i++) out.write(block);
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
