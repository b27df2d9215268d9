package vn.motcua.paperwork;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import vn.motcua.paperwork.Composer.Signature;
import vn.motcua.paperwork.Sheet.Align;
import vn.motcua.paperwork.Sheet.Run;
import vn.motcua.paperwork.Sheet.Style;
import vn.motcua.paperwork.Table.Column;

/**
 * The body of each form, in the order and wording of its template. The data has been checked by
 * {@link Requirements}: what is read here without a null check is required; optional lines are left out when
 * their data is missing rather than printed empty.
 */
final class FormContents {

    /** The QR code's side on the receipt, about 28 mm: scannable by phone at arm's length. */
    private static final float QR_SIZE = 80f;
    private static final int QR_MODULE_PIXELS = 8;
    private static final float QR_CAPTION = 9f;
    /**
     * Table cells: Decree 30/2020/NĐ-CP sets no size for them. The receipt's list of papers is printed at body
     * size less one, the control sheet's eight columns at 10, and the register's fourteen columns, on a landscape
     * page, at 8.5 so that a dossier code fits its column on one line.
     */
    private static final float TABLE = 12f;
    private static final float CONTROL_TABLE = 10f;
    private static final float REGISTER_TABLE = 8.5f;
    /** Lines of room to sign in a hand-over row of the control sheet, above the signer's name. */
    private static final int SIGNING_LINES = 4;

    private final Composer page;
    private final PDDocument document;

    FormContents(Composer page, PDDocument document) {
        this.page = page;
        this.document = document;
    }

    // ---------------------------------------------------------------- electronic receipt of a fee paid online

    void paymentReceipt(PaymentReceipt data) {
        IssuingUnit unit = data.unit();
        page.letterhead(unit.parentAuthority(), unit.name(), unit.place(), data.paidAt(), true, data.receiptNumber());
        page.title(page.message("paperwork.payment.title"));
        page.centred(page.phrase("paperwork.dossier.code", Run.keptBold(data.dossierCode())), Composer.BODY);
        page.gap(6);
        page.line(page.phrase("paperwork.payment.unit", Run.text(data.unit().name())));
        page.line(page.phrase("paperwork.payment.payer", Run.keptBold(data.payerName())));
        page.line(page.phrase("paperwork.payment.procedure", Run.text(data.procedureName())));
        page.line(page.phrase("paperwork.payment.amount", Run.keptBold(VietnameseDates.money(data.amount()))));
        page.line(page.phrase("paperwork.payment.paidAt", Run.text(page.dates().longDateTime(data.paidAt()))));
        page.line(page.phrase("paperwork.payment.method", Run.text(data.provider())));
        page.line(page.phrase("paperwork.payment.reference", Run.kept(data.providerReference())));
        page.line(page.phrase("paperwork.payment.id", Run.kept(data.paymentId())));
        page.gap(4);
        page.sheet().paragraph(List.of(Run.italic(page.message("paperwork.payment.note"))), Composer.NOTE, Align.LEFT, 0, 0);
    }

    // ---------------------------------------------------------------- the electronic result

    void resultNotice(ResultNotice data) {
        DossierSheet dossier = data.dossier();
        String unit = data.unit().name();
        authorityLetterhead(data.unit(), data.issuedAt(), data.documentNumber());
        page.title(page.message("paperwork.result.title"));
        page.centred(page.phrase("paperwork.dossier.code", Run.keptBold(dossier.code())), Composer.BODY);
        page.gap(4);
        page.centred(page.phrase("paperwork.addressee", Run.keptBold(dossier.applicant().name())), Composer.BODY);
        page.gap(8);
        page.prose(page.phrase("paperwork.result.received",
                Composer.capitalised(page.dates().longDate(dossier.receivedAt())), Run.text(unit),
                procedure(dossier), Run.keptBold(dossier.code())));
        page.prose(page.phrase("paperwork.result.done", Run.text(unit), page.dates().longDate(data.issuedAt())));
        page.prose(page.phrase("paperwork.result.result", Run.keptBold(data.result())));
        page.prose(page.phrase("paperwork.result.electronic", Run.text(unit)));
        page.prose(page.phrase("paperwork.stop.closing", Run.text(unit)));
        page.recipientsAndSignature(data.recipients(), signature(data.signatory()));
    }

    // ---------------------------------------------------------------- 01

    void receipt(ReceiptAndAppointment data) {
        // Two copies, each from a new page: the desk keeps the first, the applicant gets the second.
        receiptCopy(data, "paperwork.receipt.copy.1");
        page.sheet().newSection();
        receiptCopy(data, "paperwork.receipt.copy.2");
    }

    private void receiptCopy(ReceiptAndAppointment data, String copyKey) {
        DossierSheet dossier = data.dossier();
        deskLetterhead(data, true, data.documentNumber());
        page.title(OfficialForm.F01_RECEIPT.title(PaperworkMessages.VIETNAMESE));
        page.centred(page.phrase("paperwork.dossier.code", Run.keptBold(dossier.code())), Composer.BODY);
        page.centred(List.of(Run.italic(page.message(copyKey))), Composer.BODY);
        page.gap(6);

        qrCode(data.trackingUrl() == null || data.trackingUrl().isBlank() ? dossier.code() : data.trackingUrl());
        page.line(List.of(Run.text(desk(data.unit()))));
        page.line(page.phrase("paperwork.applicant.receivedFrom", Run.keptBold(dossier.applicant().name())));
        applicantContacts(dossier.applicant());
        page.line(page.phrase("paperwork.request", procedure(dossier)));
        page.line(page.phrase("paperwork.channel", page.message(dossier.channel().messageKey())));
        page.sheet().clearReservation();

        int number = 0;
        page.gap(2);
        page.line(List.of(Run.text(++number + ". " + page.message("paperwork.receipt.documents"))));
        page.gap(3);
        Table table = new Table(page.sheet(), List.of(
                new Column(page.message("paperwork.receipt.table.number"), 0.5f, Align.CENTER),
                new Column(page.message("paperwork.receipt.table.name"), 4.6f, Align.LEFT),
                new Column(page.message("paperwork.receipt.table.copyType"), 2.3f, Align.CENTER),
                new Column(page.message("paperwork.receipt.table.count"), 1f, Align.CENTER)), TABLE, false);
        int row = 0;
        if (dossier.documents().isEmpty()) {
            // Nothing was handed in (received with the desk's reason): the table says so rather than stay blank
            table.row(List.of("", page.message("paperwork.receipt.noDocuments"), "", ""));
        }
        for (SubmittedDocument submitted : dossier.documents()) {
            table.row(List.of(String.valueOf(++row), submitted.name(),
                    page.message(submitted.copyType().messageKey()), VietnameseDates.twoDigits(submitted.count())));
        }
        page.gap(6);
        page.line(numbered(++number, page.phrase("paperwork.receipt.sets", VietnameseDates.twoDigits(dossier.sets()))));
        if (dossier.processingPeriod() != null) {
            page.line(numbered(++number, page.phrase("paperwork.receipt.period", period(dossier.processingPeriod()))));
        }
        page.line(numbered(++number, page.phrase("paperwork.receipt.receivedAt",
                page.dates().longDateTime(dossier.receivedAt()))));
        page.line(numbered(++number, page.phrase("paperwork.receipt.dueAt",
                Run.keptBold(page.dates().longDateTime(dossier.dueAt())))));
        if (dossier.resultDelivery() != null) {
            page.line(numbered(++number, page.phrase("paperwork.receipt.delivery", Run.text(
                    page.message(dossier.resultDelivery().messageKey(), desk(data.unit()))))));
        }
        page.line(page.phrase("paperwork.receipt.register",
                present(data.registerBook()) ? data.registerBook() : page.message("paperwork.blank"),
                present(data.registerEntry()) ? data.registerEntry() : page.message("paperwork.blank")));
        page.gap(4);
        boolean keyed = present(data.trackingKey());
        String key = keyed ? data.trackingKey().substring(0, data.trackingKey().length() / 2) + " "
                + data.trackingKey().substring(data.trackingKey().length() / 2) : null;
        List<Run> tracking = data.trackingUrl() == null || data.trackingUrl().isBlank()
                ? (keyed ? italic(page.phrase("paperwork.receipt.trackingCodeWithKey", Run.keptBold(key)))
                        : List.of(Run.italic(page.message("paperwork.receipt.trackingCode"))))
                : keyed ? italic(page.phrase("paperwork.receipt.trackingWithKey", new Run(data.trackingUrl(), Style.ITALIC, true),
                        Run.keptBold(key)))
                : italic(page.phrase("paperwork.receipt.tracking", new Run(data.trackingUrl(), Style.ITALIC, true)));
        page.sheet().paragraph(tracking, Composer.NOTE, Align.LEFT, 0, 0);

        Signature officer = new Signature(List.of(page.message("paperwork.receipt.officerSigns")),
                page.message("paperwork.signature.hint"), dossier.receivedBy());
        // Only an applicant at the desk signs the paper receipt; online and postal applicants get it electronically.
        Signature applicant = dossier.channel() == SubmissionChannel.IN_PERSON
                ? new Signature(List.of(page.message("paperwork.receipt.applicantSigns")),
                page.message("paperwork.signature.hint"), dossier.applicant().name())
                : null;
        page.signatures(applicant, officer);
    }

    /** The QR code at the right margin, the lines that follow flowing beside it. */
    private void qrCode(String text) {
        BufferedImage image = QrCodes.image(text, QR_MODULE_PIXELS);
        PDImageXObject xObject;
        try {
            xObject = LosslessFactory.createFromImage(document, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sheet sheet = page.sheet();
        float top = sheet.y();
        float stripWidth = QR_SIZE + 12;
        float stripX = sheet.right() - stripWidth;
        sheet.image(xObject, stripX + (stripWidth - QR_SIZE) / 2, top - QR_SIZE, QR_SIZE, QR_SIZE);
        float captionTop = top - QR_SIZE;
        List<Run> caption = List.of(Run.italic(page.message("paperwork.receipt.qrCaption")));
        for (Sheet.Line line : sheet.wrap(caption, QR_CAPTION, stripWidth)) {
            sheet.drawLine(line, stripX, stripWidth, captionTop, QR_CAPTION, Align.CENTER);
            captionTop -= Sheet.leading(QR_CAPTION);
        }
        sheet.reserveRight(stripWidth + 8, captionTop);
    }

    // ---------------------------------------------------------------- 02

    void supplementRequest(SupplementRequest data) {
        DossierSheet dossier = data.dossier();
        deskLetterhead(data, true, data.documentNumber());
        page.title(OfficialForm.F02_SUPPLEMENT_REQUEST.title(PaperworkMessages.VIETNAMESE));
        page.centred(page.phrase("paperwork.dossier.code", Run.keptBold(dossier.code())), Composer.BODY);
        page.gap(8);
        page.line(page.phrase("paperwork.applicant.dossierOf", Run.keptBold(dossier.applicant().name())));
        applicantContacts(dossier.applicant());
        page.line(page.phrase("paperwork.request", procedure(dossier)));
        if (dossier.receivedAt() != null) {
            page.line(page.phrase("paperwork.supplement.receivedAt", page.dates().longDateTime(dossier.receivedAt())));
        }
        page.gap(4);
        page.line(List.of(Run.bold(page.message("paperwork.supplement.items"))));
        int number = 0;
        for (String item : data.items()) {
            page.item(++number + ".", List.of(Run.text(item)));
        }
        page.gap(2);
        page.prose(page.phrase("paperwork.reason", Run.text(data.reason())));
        page.prose(data.officerPhone() == null || data.officerPhone().isBlank()
                ? page.phrase("paperwork.supplement.contact", data.officer())
                : page.phrase("paperwork.supplement.contactPhone", data.officer(), data.officerPhone()));
        page.signatures(null, new Signature(List.of(page.message("paperwork.supplement.signs")),
                page.message("paperwork.signature.hint"), data.officer()));
    }

    // ---------------------------------------------------------------- 03

    void refusal(RefusalNotice data) {
        DossierSheet dossier = data.dossier();
        String desk = desk(data.unit());
        deskLetterhead(data, true, data.documentNumber());
        page.title(OfficialForm.F03_REFUSAL.title(PaperworkMessages.VIETNAMESE));
        page.centred(page.phrase("paperwork.dossier.code", Run.keptBold(dossier.code())), Composer.BODY);
        page.gap(8);
        page.line(List.of(Run.text(desk)));
        page.line(page.phrase("paperwork.applicant.receivedFrom", Run.keptBold(dossier.applicant().name())));
        applicantContacts(dossier.applicant());
        page.line(page.phrase("paperwork.request", procedure(dossier)));
        page.gap(4);
        page.prose(page.phrase("paperwork.refusal.intro", Run.text(desk)));
        page.prose(List.of(Run.text(data.reason())));
        page.prose(List.of(Run.text(page.message("paperwork.refusal.closing"))));
        page.signatures(null, new Signature(List.of(page.message("paperwork.refusal.signs")),
                page.message("paperwork.signature.hint"), data.officer()));
    }

    // ---------------------------------------------------------------- 04

    void apology(ApologyAndExtension data) {
        DossierSheet dossier = data.dossier();
        String unit = data.unit().name();
        authorityLetterhead(data, data.documentNumber());
        page.title(OfficialForm.F04_APOLOGY_EXTENSION.title(PaperworkMessages.VIETNAMESE));
        page.gap(4);
        page.centred(page.phrase("paperwork.addressee", Run.keptBold(dossier.applicant().name())), Composer.BODY);
        page.gap(8);
        page.prose(page.phrase("paperwork.apology.received",
                Composer.capitalised(page.dates().longDate(dossier.receivedAt())), Run.text(unit),
                procedure(dossier), Run.keptBold(dossier.code())));
        page.prose(page.phrase("paperwork.apology.promised", page.dates().longDateTime(dossier.dueAt())));
        page.prose(page.phrase("paperwork.apology.late", Run.text(unit)));
        page.prose(page.phrase("paperwork.reason", Run.text(data.reason())));
        page.prose(page.phrase("paperwork.apology.apology", Run.text(unit),
                Run.keptBold(page.dates().longDateTime(data.newDueAt()))));
        page.prose(List.of(Run.text(page.message("paperwork.apology.closing"))));
        page.recipientsAndSignature(data.recipients(), signature(data.signatory()));
    }

    // ---------------------------------------------------------------- 05

    void stop(StopNotice data) {
        DossierSheet dossier = data.dossier();
        String unit = data.unit().name();
        authorityLetterhead(data, data.documentNumber());
        page.title(OfficialForm.F05_STOP_NOTICE.title(PaperworkMessages.VIETNAMESE));
        page.gap(4);
        page.centred(page.phrase("paperwork.addressee", Run.keptBold(dossier.applicant().name())), Composer.BODY);
        page.gap(8);
        page.prose(page.phrase("paperwork.stop.received",
                Composer.capitalised(page.dates().longDate(dossier.receivedAt())), Run.text(unit),
                procedure(dossier), Run.keptBold(dossier.code())));
        page.prose(page.phrase("paperwork.stop.intro", Run.text(unit)));
        page.prose(List.of(Run.text(data.reason())));
        page.prose(page.phrase("paperwork.stop.closing", Run.text(unit)));
        page.recipientsAndSignature(data.recipients(), signature(data.signatory()));
    }

    // ---------------------------------------------------------------- 06

    void controlSheet(ControlSheet data) {
        DossierSheet dossier = data.dossier();
        VietnameseDates dates = page.dates();
        deskLetterhead(data, false, null);
        page.title(OfficialForm.F06_CONTROL_SHEET.title(PaperworkMessages.VIETNAMESE));
        page.centred(page.phrase("paperwork.dossier.code", Run.keptBold(dossier.code())), Composer.BODY);
        if (data.receiptNumber() != null && !data.receiptNumber().isBlank()) {
            page.centred(italic(page.phrase("paperwork.control.attached",
                    new Run(data.receiptNumber(), Style.ITALIC, true))), Composer.NOTE);
        }
        page.gap(8);
        page.line(page.phrase("paperwork.applicant.submitter", Run.keptBold(dossier.applicant().name())));
        page.line(page.phrase("paperwork.request", procedure(dossier)));
        page.line(page.phrase("paperwork.control.receivedAt", dates.longDateTime(dossier.receivedAt())));
        page.line(page.phrase("paperwork.control.dueAt", Run.keptBold(dates.longDateTime(dossier.dueAt()))));
        page.line(page.phrase("paperwork.control.leadUnit", Run.text(data.leadUnit())));
        if (!data.coordinatingUnits().isEmpty()) {
            page.line(page.phrase("paperwork.control.coordinating",
                    Run.text(String.join("; ", data.coordinatingUnits()))));
        }
        page.gap(8);
        Table table = new Table(page.sheet(), List.of(
                new Column(page.message("paperwork.control.table.number"), 0.5f, Align.CENTER),
                new Column(page.message("paperwork.control.table.parties"), 1.75f, Align.LEFT),
                new Column(page.message("paperwork.control.table.handedOver"), 1.15f, Align.CENTER),
                new Column(page.message("paperwork.control.table.due"), 1.15f, Align.CENTER),
                new Column(page.message("paperwork.control.table.completed"), 1.15f, Align.CENTER),
                new Column(page.message("paperwork.control.table.result"), 1.1f, Align.CENTER),
                new Column(page.message("paperwork.control.table.giver"), 1.15f, Align.CENTER, true),
                new Column(page.message("paperwork.control.table.receiver"), 1.15f, Align.CENTER, true),
                new Column(page.message("paperwork.control.table.remarks"), 0.85f, Align.LEFT)),
                CONTROL_TABLE, false);
        int row = 0;
        for (Handover handover : data.handovers()) {
            StepTimeliness timeliness = StepTimeliness.of(handover.dueAt(), handover.completedAt());
            table.row(List.of(
                    String.valueOf(++row),
                    page.message("paperwork.control.from", handover.from()) + "\n"
                            + page.message("paperwork.control.to", handover.to()),
                    dateTimeCell(handover.handedOverAt()),
                    dateTimeCell(handover.dueAt()),
                    dateTimeCell(handover.completedAt()),
                    timeliness == null ? "" : page.message(timeliness.messageKey()),
                    handover.giver() == null ? "" : handover.giver(),
                    handover.receiver() == null ? "" : handover.receiver(),
                    handover.remarks() == null ? "" : handover.remarks()), SIGNING_LINES);
        }
    }

    // ---------------------------------------------------------------- 07

    void register(TrackingRegister data) {
        VietnameseDates dates = page.dates();
        deskLetterhead(data, false, null);
        page.title(OfficialForm.F07_TRACKING_REGISTER.title(PaperworkMessages.VIETNAMESE));
        page.centred(List.of(Run.bold(desk(data.unit()))), Composer.BODY);
        if (present(data.book())) {
            page.centred(page.phrase("paperwork.register.book", data.book()), Composer.BODY);
        }
        String period = null;
        if (data.periodFrom() != null && data.periodTo() != null) {
            period = page.message("paperwork.register.period", dates.shortDate(data.periodFrom()),
                    dates.shortDate(data.periodTo()));
        } else if (data.periodFrom() != null) {
            period = page.message("paperwork.register.from", dates.shortDate(data.periodFrom()));
        } else if (data.periodTo() != null) {
            period = page.message("paperwork.register.to", dates.shortDate(data.periodTo()));
        }
        if (period != null) {
            page.centred(List.of(Run.italic(period)), Composer.BODY);
        }
        page.gap(8);
        Table table = new Table(page.sheet(), List.of(
                new Column(page.message("paperwork.register.table.number"), 20, Align.CENTER),
                // As wide as a dossier code at this size, so that codes never break.
                new Column(page.message("paperwork.register.table.code"), 108, Align.LEFT),
                new Column(page.message("paperwork.register.table.procedure"), 84, Align.LEFT),
                new Column(page.message("paperwork.register.table.sets"), 28, Align.CENTER),
                new Column(page.message("paperwork.register.table.applicant"), 64, Align.LEFT),
                new Column(page.message("paperwork.register.table.contact"), 64, Align.LEFT),
                new Column(page.message("paperwork.register.table.leadUnit"), 58, Align.LEFT),
                new Column(page.message("paperwork.register.table.received"), 46, Align.CENTER),
                new Column(page.message("paperwork.register.table.due"), 46, Align.CENTER),
                new Column(page.message("paperwork.register.table.forwarded"), 46, Align.CENTER),
                new Column(page.message("paperwork.register.table.finished"), 46, Align.CENTER),
                new Column(page.message("paperwork.register.table.returned"), 46, Align.CENTER),
                new Column(page.message("paperwork.register.table.signed"), 30, Align.CENTER),
                new Column(page.message("paperwork.register.table.remarks"), 54, Align.LEFT)),
                REGISTER_TABLE, true);
        if (data.rows().isEmpty()) {
            table.fullWidthRow(page.message("paperwork.register.empty"));
        }
        int number = 0;
        for (RegisterRow row : data.rows()) {
            String status = page.message(row.status().messageKey());
            table.row(List.of(
                    String.valueOf(++number),
                    row.code(),
                    row.procedureName(),
                    row.sets() > 0 ? VietnameseDates.twoDigits(row.sets()) : "",
                    row.applicantName(),
                    row.contact() == null ? "" : row.contact(),
                    row.leadUnit() == null ? "" : row.leadUnit(),
                    dateTimeCell(row.receivedAt()),
                    dateTimeCell(row.dueAt()),
                    dateTimeCell(row.forwardedAt()),
                    dateTimeCell(row.finishedAt()),
                    dateTimeCell(row.returnedAt()),
                    "",
                    present(row.remarks()) ? status + ".\n" + row.remarks() : status));
        }
        page.gap(6);
        page.line(page.phrase("paperwork.register.total", vn.motcua.shared.Formats.number(data.rows().size(), vn.motcua.shared.Formats.VIETNAMESE)));
    }

    /** The desk's papers: the competent authority over the receiving desk (in bold). */
    private void deskLetterhead(DocumentData data, boolean numbered, String number) {
        IssuingUnit unit = data.unit();
        page.letterhead(unit.name(), unit.separateDesk() ? unit.desk() : page.message("paperwork.desk.letterhead"),
                unit.place(), data.issuedAt(), numbered, number);
    }

    /** The authority's letters: the authority above it over the competent authority (in bold). */
    private void authorityLetterhead(DocumentData data, String number) {
        authorityLetterhead(data.unit(), data.issuedAt(), number);
    }

    private void authorityLetterhead(IssuingUnit unit, java.time.Instant issuedAt, String number) {
        page.letterhead(unit.parentAuthority(), unit.name(), unit.place(), issuedAt, true, number);
    }

    /** The receiving desk as the body names it: "Bộ phận Một cửa UBND phường ..." or the public service centre. */
    private String desk(IssuingUnit unit) {
        return unit.separateDesk() ? unit.desk() : page.message("paperwork.desk", unit.name());
    }

    // ---------------------------------------------------------------- shared pieces

    private void applicantContacts(Applicant applicant) {
        if (present(applicant.address())) {
            page.line(page.phrase("paperwork.applicant.address", Run.text(applicant.address())));
        }
        List<Run> contacts = new ArrayList<>();
        if (present(applicant.phone())) {
            contacts.addAll(page.phrase("paperwork.applicant.phone", applicant.phone()));
        }
        if (present(applicant.email())) {
            if (!contacts.isEmpty()) {
                contacts.add(Run.text("; "));
            }
            contacts.addAll(page.phrase("paperwork.applicant.email", applicant.email()));
        }
        if (!contacts.isEmpty()) {
            page.line(contacts);
        }
    }

    /** The procedure's name, with its code in the national database when known. */
    private Run procedure(DossierSheet dossier) {
        String name = present(dossier.procedureCode())
                ? page.message("paperwork.request.coded", dossier.procedureName(), dossier.procedureCode())
                : dossier.procedureName();
        return Run.text(name);
    }

    private String period(ProcessingPeriod period) {
        if (period.amount() == 0 && period.unit() == ProcessingPeriod.Unit.WORKING_DAYS) {
            return page.message("paperwork.period.sameDay");
        }
        return page.message("paperwork.period." + period.unit().name(), VietnameseDates.twoDigits(period.amount()));
    }

    /** Date over time, so that table columns stay narrow: "27/11/2026" then "16:30". */
    private String dateTimeCell(Instant instant) {
        return instant == null ? "" : page.dates().shortDate(instant) + "\n" + page.dates().shortTime(instant);
    }

    private Signature signature(Signatory signatory) {
        List<String> titles = new ArrayList<>();
        if (present(signatory.capacity())) {
            titles.add(signatory.capacity());
        }
        titles.add(signatory.position());
        return new Signature(titles, null, signatory.name());
    }

    private static List<Run> numbered(int number, List<Run> runs) {
        List<Run> all = new ArrayList<>();
        all.add(Run.text(number + ". "));
        all.addAll(runs);
        return all;
    }

    private static List<Run> italic(List<Run> runs) {
        return runs.stream().map(run -> new Run(run.text(), run.style().bold ? Style.BOLD_ITALIC : Style.ITALIC,
                run.kept())).toList();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
