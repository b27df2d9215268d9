package vn.motcua.paperwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.motcua.paperwork.Sheet.PageFormat;

/**
 * Renders the documents of the one-stop desk (Circular 03/2025/TT-VPCP, Annex I) as PDF.
 *
 * <p>The documents are official Vietnamese documents: they are always written in Vietnamese, whatever the
 * language of the user interface that asks for them. Their layout follows the templates and Decree 30/2020/NĐ-CP
 * (letterhead with the national motto, number and place-date line, title in bold capitals, signature block,
 * "Nơi nhận" on letters); A4, upright except the tracking register, which is landscape. Dates and times are shown
 * in Asia/Ho_Chi_Minh as Vietnamese write them ("ngày 27 tháng 11 năm 2026", "16 giờ 30 phút", "27/11/2026").
 * Text is embedded in Liberation Serif (subsets of its four faces), Times New Roman's metric twin, from Debian's
 * packages (see {@link Typefaces}), so every Vietnamese diacritic prints; characters the font lacks print as "?".
 *
 * <p>The PDF carries its title (the form's title), subject (the dossier code, or the register's period), author
 * (the issuing unit), producer "MotCua" and language {@code vi-VN}. It is not signed: the electronic version gets
 * the unit's digital signature afterwards.
 *
 * <p>Thread-safe and stateless: each call builds its own document.
 */
@Service
public class OfficialDocuments {

    private static final Logger log = LoggerFactory.getLogger(OfficialDocuments.class);
    private static final String PRODUCER = "MotCua";
    private static final String LANGUAGE = "vi-VN";

    /**
     * Renders one document.
     *
     * @param data the form's data; its type decides the form (see {@link DocumentData#form()})
     * @return the PDF file
     * @throws IllegalArgumentException if the data is null or lacks what the form needs; the message names every
     *                                  missing or invalid component by its path (e.g. {@code dossier.dueAt}),
     *                                  never by its value
     * @throws UncheckedIOException     if the PDF cannot be produced (the embedded fonts cannot be read)
     */
    public byte[] render(DocumentData data) {
        Requirements.check(data);
        long started = System.nanoTime();
        PaperworkMessages messages = PaperworkMessages.vietnamese();
        OfficialForm form = data.form();
        try (PDDocument document = new PDDocument(); Typefaces fonts = Typefaces.load(document)) {
            PageFormat format = form == OfficialForm.F07_TRACKING_REGISTER ? PageFormat.landscape()
                    : PageFormat.portrait();
            Sheet sheet = new Sheet(document, fonts, format);
            Composer composer = new Composer(sheet, messages, new VietnameseDates(messages));
            FormContents contents = new FormContents(composer, document);
            switch (form) {
                case F01_RECEIPT -> contents.receipt((ReceiptAndAppointment) data);
                case F02_SUPPLEMENT_REQUEST -> contents.supplementRequest((SupplementRequest) data);
                case F03_REFUSAL -> contents.refusal((RefusalNotice) data);
                case F04_APOLOGY_EXTENSION -> contents.apology((ApologyAndExtension) data);
                case F05_STOP_NOTICE -> contents.stop((StopNotice) data);
                case F06_CONTROL_SHEET -> contents.controlSheet((ControlSheet) data);
                case F07_TRACKING_REGISTER -> contents.register((TrackingRegister) data);
            }
            sheet.finish(Composer.PAGE_NUMBER);
            describe(document, data, messages);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            // Form, size and time only: the content is personal data.
            log.debug("Rendered form {}: {} page(s), {} bytes in {} ms", form.number(), document.getNumberOfPages(),
                    out.size(), (System.nanoTime() - started) / 1_000_000);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("form " + form.number() + " cannot be rendered", e);
        }
    }

    /**
     * Renders the electronic receipt of a fee paid online (biên lai thu phí, lệ phí điện tử), in Vietnamese with the
     * embedded fonts, as the other documents.
     *
     * @throws IllegalArgumentException if a part the receipt prints is missing (named by its component, never its value)
     */
    public byte[] paymentReceipt(PaymentReceipt data) {
        if (data == null) throw new IllegalArgumentException("receipt is required");
        var missing = new java.util.ArrayList<String>();
        if (data.unit() == null || data.unit().name() == null || data.unit().place() == null) missing.add("unit");
        if (data.paidAt() == null) missing.add("paidAt");
        if (data.dossierCode() == null) missing.add("dossierCode");
        if (data.amount() == null) missing.add("amount");
        if (data.payerName() == null) missing.add("payerName");
        if (!missing.isEmpty()) throw new IllegalArgumentException("receipt lacks " + String.join(", ", missing));
        return sheetOfItsOwn("paperwork.payment.title", data.dossierCode(), data.unit().name(), data.paidAt(),
                contents -> contents.paymentReceipt(data), "payment receipt");
    }

    /**
     * A one-page-format document of the desk outside the annex's forms (a receipt, a notice), in Vietnamese with the
     * embedded fonts and its PDF metadata: the title (a message key), the dossier's code, the unit, the creation time.
     */
    private byte[] sheetOfItsOwn(String titleKey, String subject, String author, java.time.Instant createdAt,
                                 java.util.function.Consumer<FormContents> body, String what) {
        PaperworkMessages messages = PaperworkMessages.vietnamese();
        try (PDDocument document = new PDDocument(); Typefaces fonts = Typefaces.load(document)) {
            Sheet sheet = new Sheet(document, fonts, PageFormat.portrait());
            Composer composer = new Composer(sheet, messages, new VietnameseDates(messages));
            body.accept(new FormContents(composer, document));
            sheet.finish(Composer.PAGE_NUMBER);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(messages.get(titleKey));
            info.setSubject(subject);
            info.setAuthor(author);
            info.setCreator(PRODUCER);
            info.setProducer(PRODUCER);
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(VietnameseDates.ZONE), Locale.ROOT);
            created.setTimeInMillis(createdAt.toEpochMilli());
            info.setCreationDate(created);
            document.getDocumentCatalog().setLanguage(LANGUAGE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " cannot be rendered", e);
        }
    }

    /**
     * Renders the electronic result of a dossier (Thông báo kết quả giải quyết hồ sơ), in Vietnamese with the embedded
     * fonts, unsigned: the caller signs it with the unit's key ({@link DocumentSigner}).
     *
     * @throws IllegalArgumentException if a part the notice prints is missing (named by its component, never its value)
     */
    public byte[] resultNotice(ResultNotice data) {
        if (data == null) throw new IllegalArgumentException("result notice is required");
        var missing = new java.util.ArrayList<String>();
        if (data.unit() == null || data.unit().name() == null || data.unit().place() == null) missing.add("unit");
        if (data.issuedAt() == null) missing.add("issuedAt");
        if (data.dossier() == null || data.dossier().code() == null || data.dossier().applicant() == null
                || data.dossier().receivedAt() == null || data.dossier().procedureName() == null) missing.add("dossier");
        if (data.result() == null || data.result().isBlank()) missing.add("result");
        if (data.signatory() == null || data.signatory().position() == null || data.signatory().name() == null) missing.add("signatory");
        if (!missing.isEmpty()) throw new IllegalArgumentException("result notice lacks " + String.join(", ", missing));
        return sheetOfItsOwn("paperwork.result.title", data.dossier().code(), data.unit().name(), data.issuedAt(),
                contents -> contents.resultNotice(data), "result notice");
    }

    /**
     * A file name for the document, ASCII only so that it survives every browser and mail client:
     * {@code mau-01_000.01.15.H33-261127-0001.pdf}, or for the register {@code mau-07_000.01.15.H33.pdf}.
     *
     * @param data the form's data; the dossier code (or, for the register, the unit's identifier) names the file
     *             when present
     */
    public String fileName(DocumentData data) {
        String subject = data instanceof DossierDocument document
                ? code(document.dossier())
                : data.unit() == null ? null : data.unit().identifier();
        String safe = subject == null ? "" : subject.replaceAll("[^A-Za-z0-9.-]+", "-");
        return "mau-" + data.form().number() + (safe.isEmpty() ? "" : "_" + safe) + ".pdf";
    }

    private static String code(DossierSheet dossier) {
        return dossier == null ? null : dossier.code();
    }

    private static void describe(PDDocument document, DocumentData data, PaperworkMessages messages) {
        OfficialForm form = data.form();
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(form.title(PaperworkMessages.VIETNAMESE));
        info.setSubject(subject(data, messages));
        info.setAuthor(data.unit().name());
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        String keywords = messages.get("paperwork.metadata.keywords", form.number());
        if (data.unit().identifier() != null && !data.unit().identifier().isBlank()) {
            keywords = keywords + ", " + data.unit().identifier();
        }
        info.setKeywords(keywords);
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(VietnameseDates.ZONE), Locale.ROOT);
        created.setTimeInMillis(data.issuedAt().toEpochMilli());
        info.setCreationDate(created);
        info.setModificationDate(created);
        document.getDocumentCatalog().setLanguage(LANGUAGE);
        // Viewers then show the title rather than a file name such as "mau-01_....pdf".
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private static String subject(DocumentData data, PaperworkMessages messages) {
        if (data instanceof TrackingRegister register) {
            VietnameseDates dates = new VietnameseDates(messages);
            if (register.periodFrom() != null && register.periodTo() != null) {
                return messages.get("paperwork.register.period", dates.shortDate(register.periodFrom()),
                        dates.shortDate(register.periodTo()));
            }
            return messages.get("paperwork.desk", register.unit().name());
        }
        return ((DossierDocument) data).dossier().code();
    }
}
