package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UserAccount;
import vn.motcua.paperwork.ApologyAndExtension;
import vn.motcua.paperwork.ControlSheet;
import vn.motcua.paperwork.CopyType;
import vn.motcua.paperwork.DocumentData;
import vn.motcua.paperwork.DossierSheet;
import vn.motcua.paperwork.Handover;
import vn.motcua.paperwork.IssuingUnit;
import vn.motcua.paperwork.OfficialDocuments;
import vn.motcua.paperwork.OfficialForm;
import vn.motcua.paperwork.ProcessingPeriod;
import vn.motcua.paperwork.ProcessingStatus;
import vn.motcua.paperwork.ReceiptAndAppointment;
import vn.motcua.paperwork.RefusalNotice;
import vn.motcua.paperwork.RegisterRow;
import vn.motcua.paperwork.ResultDelivery;
import vn.motcua.paperwork.Signatory;
import vn.motcua.paperwork.StopNotice;
import vn.motcua.paperwork.SubmissionChannel;
import vn.motcua.paperwork.SubmittedDocument;
import vn.motcua.paperwork.SupplementRequest;
import vn.motcua.paperwork.TrackingRegister;
import vn.motcua.security.CurrentUser;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.PlainText;

/**
 * The official documents of Circular 03/2025 for a dossier the caller may see, as PDF: 01 receipt, 02 supplement
 * request, 03 refusal, 04 apology and extension, 05 stop notice, 06 control sheet, 07 the unit's tracking register for
 * the dossier's month.
 *
 * <p>Who gets which: the dossier's own unit (its clerks, specialists and leaders), the supervisors of a unit above it
 * and administrators get all seven; a user whose only link to the dossier is an open step of it (the tax office, a
 * consulted department) gets 01 to 06, the papers of that dossier; the applicant gets the papers addressed to them,
 * 01 to 05. The register (07) lists the unit's other dossiers and applicants, and the control sheet (06) the unit's
 * staff and hand-overs: they are the staff's. A dossier the caller may not see is "not found" (404); a document of
 * a dossier they see but may not have is refused (403); a document that does not apply to the dossier's situation
 * (a refusal of a dossier never refused, a receipt before the desk accepted the dossier) is refused with 409.
 */
@Service
public class DossierDocuments {
    private final DossierService dossiers;
    private final DossierRepository repository;
    private final AuditTrail audit;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    private final OfficialDocuments documents;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<ComponentFiles> componentFiles;
    private final org.springframework.beans.factory.ObjectProvider<vn.motcua.paperwork.DocumentSigner> signer;
    /** The address citizens reach MotCua at ({@code motcua.public-url}); the receipt's QR code opens its tracking page. */
    private String publicUrl = "";

    @org.springframework.beans.factory.annotation.Value("${motcua.public-url:}")
    void setPublicUrl(String url) { this.publicUrl = url == null ? "" : url.trim().replaceAll("/+$", ""); }

    DossierDocuments(DossierService dossiers, DossierRepository repository, AuditTrail audit, ProcedureCatalogue catalogue,
                     OrganisationService organisation, OfficialDocuments documents, CurrentUser currentUser, Clock clock,
                     org.springframework.beans.factory.ObjectProvider<ComponentFiles> componentFiles,
                     org.springframework.beans.factory.ObjectProvider<vn.motcua.paperwork.DocumentSigner> signer) {
        this.signer = signer;
        this.clock = clock;
        this.componentFiles = componentFiles;
        this.dossiers = dossiers;
        this.repository = repository;
        this.audit = audit;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.documents = documents;
        this.currentUser = currentUser;
    }

    /**
     * The tracking page of a dossier, with its code and tracking key filled in (the receipt's QR code opens the dossier
     * at once); null when no public address is configured.
     */
    private String trackingUrl(Dossier d, String trackingKey) {
        if (publicUrl.isEmpty()) return null;
        return publicUrl + "/tra-cuu?ma=" + java.net.URLEncoder.encode(d.code(), java.nio.charset.StandardCharsets.UTF_8)
                + (trackingKey == null ? "" : "&khoa=" + trackingKey);
    }

    /** A rendered document: its PDF and a file name. */
    public record Pdf(String fileName, byte[] content) { }

    /** How the caller reaches a dossier they may see. */
    private enum Reach {
        /** Through their unit's scope: the dossier's own unit, a supervisor above it, an administrator. */
        STAFF,
        /** As the citizen who submitted it. */
        APPLICANT,
        /** Only through an open step of it, at another unit. */
        STEP
    }

    /**
     * The documents the caller may have of a dossier they may see, among those that apply to its situation now, in
     * their order: what the dossier view offers.
     *
     * @throws vn.motcua.shared.NotFoundException when the dossier is not the caller's to see
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<OfficialForm> available(String code) {
        Dossier d = dossiers.get(code);
        Reach reach = reach(d);
        return Arrays.stream(OfficialForm.values()).filter(f -> allowed(reach, f) && applies(d, f)).toList();
    }

    /**
     * One document of a dossier as PDF.
     *
     * @throws vn.motcua.shared.NotFoundException when the dossier is not the caller's to see (404)
     * @throws ForbiddenException                 when the caller may see the dossier but not this document (403)
     * @throws BusinessRuleException              when the document does not apply to the dossier now (409)
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Pdf render(String code, OfficialForm form) {
        Dossier d = dossiers.get(code); // scoping: "not found" when not the caller's
        if (!allowed(reach(d), form)) throw new ForbiddenException("dossier.document.staffOnly", form.number());
        if (!applies(d, form)) throw new BusinessRuleException("dossier.document.notApplicable", form.number(), code);
        Procedure procedure = catalogue.procedure(d.procedureCode()).orElseThrow();
        Unit unit = organisation.unit(d.unitId()).orElseThrow();
        IssuingUnit issuer = issuer(unit);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<AuditEntry> history = audit.history(d.id());
        DossierSheet sheet = sheet(d, procedure, history);
        String number = number(d, form);
        // One receipt number for the receipt (01) and the control sheet that goes with it (06)
        String receiptNumber = number(d, OfficialForm.F01_RECEIPT);
        List<String> recipients = List.of("Như trên", "Lưu: VT, BPMC");
        DocumentData data = switch (form) {
            case F01_RECEIPT -> {
                // The register book is the unit's register of the month (form 07); the entry is the dossier's row in it
                TrackingRegister book = register(d, issuer, now);
                String key = repository.trackingKey(d.id()).orElse(null);
                String entry = null;
                for (int i = 0; i < book.rows().size(); i++) {
                    if (book.rows().get(i).code().equals(d.code())) entry = String.valueOf(i + 1);
                }
                yield new ReceiptAndAppointment(issuer, receiptNumber, d.acceptedAt() != null ? d.acceptedAt() : d.receivedAt(),
                        sheet, trackingUrl(d, key), book.book(), entry, key);
            }
            case F02_SUPPLEMENT_REQUEST -> {
                String reason = reasonOf(d, DossierStatus.SUPPLEMENT_REQUESTED);
                yield new SupplementRequest(issuer, number, now, sheet, List.of(reason), reason,
                        actorOf(history, DossierAction.REQUEST_SUPPLEMENT.name(), sheet.receivedBy()), null);
            }
            case F03_REFUSAL -> new RefusalNotice(issuer, number, now, sheet, d.statusReason(),
                    actorOf(history, DossierAction.REFUSE.name(), sheet.receivedBy()));
            case F04_APOLOGY_EXTENSION -> {
                var extension = lastEvent(history, "EXTENDED");
                String reason = extension.map(AuditEntry::detail).filter(r -> !r.isBlank()).orElse(d.statusReason());
                yield new ApologyAndExtension(issuer, number, now, sheet, reason, d.extendedDueAt(),
                        signatory(unit, extension.map(AuditEntry::actor).orElse(null), form, code), recipients);
            }
            case F05_STOP_NOTICE -> new StopNotice(issuer, number, now, sheet, reasonOf(d, DossierStatus.STOPPED),
                    signatory(unit, lastEvent(history, DossierAction.STOP.name()).map(AuditEntry::actor).orElse(null), form, code),
                    recipients);
            case F06_CONTROL_SHEET -> new ControlSheet(issuer, now, sheet, receiptNumber, unit.name(), List.of(),
                    handovers(d, sheet, issuer));
            case F07_TRACKING_REGISTER -> register(d, issuer, now);
        };
        byte[] pdf = documents.render(data);
        if (form.ordinal() <= OfficialForm.F05_STOP_NOTICE.ordinal()) {
            // The papers addressed to the applicant (01 to 05) carry the unit's signature when it has a key
            pdf = sign(pdf, unit, issuer, form.title(java.util.Locale.forLanguageTag("vi")) + " " + d.code(), now)
                    .map(vn.motcua.paperwork.DocumentSigner.Signed::pdf).orElse(pdf);
        }
        return new Pdf(documents.fileName(data), pdf);
    }

    /**
     * The electronic result of a dossier whose result is ready: the notice of the result (Thông báo kết quả giải quyết
     * hồ sơ) with the procedure's result, from the unit, signed by the leader who approved it (a leader of the unit when
     * the system recorded the decision), and signed digitally with the unit's key (or the nearest unit above it with
     * one) when there is one.
     *
     * @throws BusinessRuleException when the dossier's result is not ready (409)
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(readOnly = true)
    public IssuedResult issueResult(String code) {
        Dossier d = dossiers.get(code);
        if (d.status() != DossierStatus.PROCESSED && d.status() != DossierStatus.RETURNED) {
            throw new BusinessRuleException("dossier.result.notReady", code);
        }
        Procedure procedure = catalogue.procedure(d.procedureCode()).orElseThrow();
        Unit unit = organisation.unit(d.unitId()).orElseThrow();
        IssuingUnit issuer = issuer(unit);
        List<AuditEntry> history = audit.history(d.id());
        Instant issuedAt = (d.finishedAt() != null ? d.finishedAt() : clock.instant()).truncatedTo(ChronoUnit.SECONDS);
        String decidedBy = lastEvent(history, "PROCESSED").map(AuditEntry::actor).orElse(null);
        String signerName = decidedBy == null || SystemAccess.USERNAME.equals(decidedBy) ? leaderOf(unit) : decidedBy;
        Signatory signatory = signerName == null ? new Signatory(null, "THỦ TRƯỞNG ĐƠN VỊ", unit.name())
                : signatory(unit, signerName, OfficialForm.F05_STOP_NOTICE, code);
        String number = d.code().substring(d.code().lastIndexOf('-') + 1) + "/KQ";
        var notice = new vn.motcua.paperwork.ResultNotice(issuer, number, issuedAt, sheet(d, procedure, history),
                procedure.result().vi(), signatory, List.of("Như trên", "Lưu: VT, BPMC"));
        byte[] pdf = documents.resultNotice(notice);
        var signed = sign(pdf, unit, issuer, "Kết quả giải quyết hồ sơ " + d.code(), clock.instant());
        String fileName = "ket-qua_" + d.code().replaceAll("[^A-Za-z0-9.-]+", "-") + ".pdf";
        return signed.map(s -> new IssuedResult(fileName, s.pdf(), s.signer(), s.issuer(), s.timestamped()))
                .orElseGet(() -> new IssuedResult(fileName, pdf, null, null, false));
    }

    /**
     * A dossier's electronic result as issued.
     *
     * @param signer      the signing certificate's name; null when the unit had no key (unsigned)
     * @param issuer      the identifier of the unit whose key signed; null when unsigned
     * @param timestamped whether the signature carries a timestamp (PAdES B-T)
     */
    public record IssuedResult(String fileName, byte[] content, String signer, String issuer, boolean timestamped) {
        public boolean signed() { return signer != null; }
    }

    /** Signed with the key of the unit or the nearest unit above it that has one; empty when none has. */
    private java.util.Optional<vn.motcua.paperwork.DocumentSigner.Signed> sign(byte[] pdf, Unit unit, IssuingUnit issuer,
                                                                                 String reason, Instant at) {
        var documentSigner = signer.getIfAvailable();
        if (documentSigner == null) return java.util.Optional.empty();
        var issuers = new ArrayList<vn.motcua.paperwork.DocumentSigner.Issuer>();
        Unit u = unit;
        for (int depth = 0; u != null && depth < 10; depth++) {
            issuers.add(new vn.motcua.paperwork.DocumentSigner.Issuer(u.identifier(), u.name()));
            u = u.parentId() == null ? null : organisation.unit(u.parentId()).orElse(null);
        }
        return documentSigner.sign(pdf, new vn.motcua.paperwork.DocumentSigner.Request(issuers, reason, issuer.place(),
                at.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** A document's number: the dossier's sequence and the form, e.g. {@code 0001/01} for the receipt. */
    private static String number(Dossier d, OfficialForm form) {
        return d.code().substring(d.code().lastIndexOf('-') + 1) + "/" + form.number();
    }

    private Reach reach(Dossier d) {
        if (currentUser.isSystem()) return Reach.STAFF;
        DossierScope scope = DossierScope.of(currentUser.require());
        if (!scope.includes(d)) return Reach.STEP; // the caller sees it (DossierService.get), so through an open step
        return scope.staff() ? Reach.STAFF : Reach.APPLICANT;
    }

    private static boolean allowed(Reach reach, OfficialForm form) {
        return switch (form) {
            case F07_TRACKING_REGISTER -> reach == Reach.STAFF;
            case F06_CONTROL_SHEET -> reach != Reach.APPLICANT;
            default -> true;
        };
    }

    /** Whether the document applies to the dossier's situation now (or did: a stop notice stays after the stop). */
    private boolean applies(Dossier d, OfficialForm form) {
        boolean accepted = d.dueAt() != null; // received at the desk, or accepted from online: it has an appointment
        return switch (form) {
            case F01_RECEIPT, F06_CONTROL_SHEET -> accepted;
            case F02_SUPPLEMENT_REQUEST -> d.supplementCount() > 0;
            case F03_REFUSAL -> d.status() == DossierStatus.REFUSED;
            // the new date stands while it is after the due date (clock stops later may have moved the due date past it)
            case F04_APOLOGY_EXTENSION -> accepted && d.extendedDueAt() != null && d.extendedDueAt().isAfter(d.dueAt());
            case F05_STOP_NOTICE -> d.status() == DossierStatus.STOPPED
                    || repository.lastReason(d.id(), DossierStatus.STOPPED.code()).isPresent();
            case F07_TRACKING_REGISTER -> true;
        };
    }

    /**
     * The register of the dossier's unit for the month the dossier was received in, by code: its book is the month
     * ("11/2026"), and a dossier's entry in it is its row, the number its receipt (form 01) cites.
     */
    private TrackingRegister register(Dossier d, IssuingUnit issuer, Instant now) {
        LocalDate day = d.receivedAt().atZone(Formats.ZONE).toLocalDate();
        LocalDate from = day.withDayOfMonth(1);
        LocalDate to = day.withDayOfMonth(day.lengthOfMonth());
        List<RegisterRow> rows = new ArrayList<>();
        for (Dossier x : repository.receivedBetween(d.unitId(), from.atStartOfDay(Formats.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant())) {
            String name = catalogue.procedure(x.procedureCode()).map(p -> p.name().vi()).orElse(x.procedureCode());
            String contact = String.join(", ", java.util.stream.Stream.of(x.applicant().address(), x.applicant().phone())
                    .map(PlainText::oneLine).filter(v -> v != null && !v.isBlank()).toList());
            Instant forwarded = repository.steps(x.id()).stream().map(DossierStep::startedAt).findFirst().orElse(null);
            rows.add(new RegisterRow(x.code(), name, PlainText.oneLine(x.applicant().fullName()), x.receivedAt(), x.dueAt(),
                    x.finishedAt(), x.returnedAt(), ProcessingStatus.ofCode(x.status().code()), PlainText.oneLine(x.statusReason()),
                    1, contact, issuer.name(), forwarded));
        }
        return new TrackingRegister(issuer, now, from, to, rows, String.format("%02d/%d", day.getMonthValue(), day.getYear()));
    }

    /**
     * The hand-overs of the control sheet: the desk to the first step, then each completed step to the next, with
     * when the step was due (its task's due date), when it was done, and who handed over and received (full names,
     * printed under the room to sign).
     */
    private List<Handover> handovers(Dossier d, DossierSheet sheet, IssuingUnit issuer) {
        List<Handover> result = new ArrayList<>();
        String desk = issuer.desk() != null ? issuer.desk() : "Bộ phận Một cửa";
        String from = desk + " - " + sheet.receivedBy();
        String giver = sheet.receivedBy();
        for (DossierStep step : repository.steps(d.id())) {
            String receiver = fullName(step.actor());
            String to = PlainText.oneLine(step.stepName()) + " - " + receiver;
            result.add(new Handover(from, to, step.startedAt(), step.dueAt(), step.completedAt(), null, giver, receiver));
            from = to;
            giver = receiver;
        }
        if (result.isEmpty()) {
            result.add(new Handover(from, d.currentStep() == null ? "Bộ phận chuyên môn" : PlainText.oneLine(d.currentStep()),
                    d.acceptedAt() != null ? d.acceptedAt() : d.receivedAt(), d.dueAt(), d.finishedAt(), null, giver, null));
        }
        return result;
    }

    /**
     * The dossier as the documents print it. Every value printed on one line is made one line (text stored before
     * control characters were refused could hold a line break, which would print as a forged line).
     */
    private DossierSheet sheet(Dossier d, Procedure p, List<AuditEntry> history) {
        var a = d.applicant();
        var docs = handedIn(d, p);
        var period = new ProcessingPeriod(p.processingTime(d.channel() == Channel.ONLINE).amount(),
                ProcessingPeriod.Unit.valueOf(p.processingTime(d.channel() == Channel.ONLINE).unit().name()));
        // Online, the dossier is received by the clerk who accepted it, not by the citizen who submitted it
        String receivedBy = d.ownerUsername() != null
                ? actorOf(history, DossierAction.ACCEPT.name(), "Bộ phận Một cửa")
                : fullName(d.createdBy());
        return new DossierSheet(d.code(), p.code(), p.name().vi(),
                new vn.motcua.paperwork.Applicant(PlainText.oneLine(a.fullName()), PlainText.oneLine(a.address()),
                        PlainText.oneLine(a.phone()), PlainText.oneLine(a.email())),
                SubmissionChannel.valueOf(d.channel().name()), d.receivedAt(), d.dueAt() != null ? d.dueAt() : d.receivedAt(),
                receivedBy, docs, 1, period, d.channel() == Channel.ONLINE ? ResultDelivery.ONLINE : ResultDelivery.AT_DESK);
    }

    /**
     * What was actually handed in, in the procedure's order: the components the desk checked on paper (a copy shown
     * with its original) and those only uploaded (electronic); not the procedure's whole list.
     */
    private List<SubmittedDocument> handedIn(Dossier d, Procedure p) {
        var paper = new java.util.HashSet<String>();
        repository.checkedComponents(d.id()).forEach(c -> paper.add(c.componentCode()));
        var uploaded = new java.util.HashSet<String>();
        componentFiles.forEach(f -> uploaded.addAll(f.filedComponents(d.code())));
        var result = new ArrayList<SubmittedDocument>();
        for (var c : p.components()) {
            if (paper.contains(c.code())) result.add(new SubmittedDocument(c.name().vi(), CopyType.COPY_WITH_ORIGINAL, 1));
            else if (uploaded.contains(c.code())) result.add(new SubmittedDocument(c.name().vi(), CopyType.ELECTRONIC, 1));
        }
        return result;
    }

    private IssuingUnit issuer(Unit unit) {
        var parentUnit = unit.parentId() == null ? null : organisation.unit(unit.parentId()).orElse(null);
        String parent = parentUnit == null ? "" : parentUnit.name();
        // The place line names the locality: a commune, ward or special zone directly under the province (two tiers,
        // since 1 July 2025) its own name ("phường Vĩnh Thanh Vân" → "Vĩnh Thanh Vân"); a unit of a former district or
        // city that district or city ("thành phố Rạch Giá" → "Rạch Giá"); a unit of the province the province
        boolean communeOfProvince = unit.level() == vn.motcua.organisation.UnitLevel.COMMUNE && parentUnit != null
                && parentUnit.level() == vn.motcua.organisation.UnitLevel.PROVINCE;
        String place = parent.isBlank() || communeOfProvince ? unit.name() : parent;
        place = place.replaceFirst("^(UBND|Ủy ban nhân dân)\\s+", "").replaceFirst("^(?iu)(thành phố|huyện|thị xã|tỉnh|phường|xã|thị trấn|đặc khu)\\s+", "");
        return new IssuingUnit(unit.name(), parent, unit.identifier(), place, desk(unit));
    }

    /**
     * The receiving desk when it is not the unit's own one-stop desk: a provincial department receives at the
     * province's public service centre (the active one of the same province), a commune at its own desk (null).
     */
    private String desk(Unit unit) {
        if (unit.kind() != vn.motcua.organisation.UnitKind.DEPARTMENT) return null;
        String root = unit.treePath().substring(0, unit.treePath().indexOf('/', 1) + 1);
        return organisation.units().stream()
                .filter(u -> u.active() && u.kind() == vn.motcua.organisation.UnitKind.SERVICE_CENTRE && u.treePath().startsWith(root))
                .map(Unit::name).sorted().findFirst().orElse(null);
    }

    /**
     * Who signs a letter of the unit (forms 04 and 05): the leader who made the decision it announces, for the
     * people's committee ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") or as the head of a department or office; a leader of
     * the unit when the system recorded the decision. 409 when nobody can sign.
     */
    private Signatory signatory(Unit unit, String decidedBy, OfficialForm form, String code) {
        String signer = decidedBy == null || SystemAccess.USERNAME.equals(decidedBy) ? leaderOf(unit) : decidedBy;
        if (signer == null) throw new BusinessRuleException("dossier.document.noSignatory", form.number(), code);
        String name = fullName(signer);
        String unitName = unit.name();
        if (unitName.startsWith("UBND") || unitName.startsWith("Ủy ban nhân dân")) {
            return new Signatory("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name);
        }
        if (unitName.startsWith("Sở")) return new Signatory(null, "GIÁM ĐỐC", name);
        if (unitName.startsWith("Chi cục")) return new Signatory(null, "CHI CỤC TRƯỞNG", name);
        return new Signatory(null, "THỦ TRƯỞNG ĐƠN VỊ", name);
    }

    /** A leader of the unit, for a decision the system recorded without one (null when the unit has none). */
    private String leaderOf(Unit unit) {
        return organisation.users().stream().filter(u -> u.worksFor(unit.id()) && u.has(Role.LEADER))
                .map(UserAccount::username).sorted().findFirst().orElse(null);
    }

    /** The full name of the user who last took an action on the dossier, or the fallback. */
    private String actorOf(List<AuditEntry> history, String action, String fallback) {
        return lastEvent(history, action).map(e -> fullName(e.actor())).orElse(fallback);
    }

    private static java.util.Optional<AuditEntry> lastEvent(List<AuditEntry> history, String action) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (action.equals(history.get(i).action())) return java.util.Optional.of(history.get(i));
        }
        return java.util.Optional.empty();
    }

    private String fullName(String username) {
        return organisation.user(username).map(u -> PlainText.oneLine(u.fullName())).orElse(username);
    }

    private String reasonOf(Dossier d, DossierStatus status) {
        return repository.lastReason(d.id(), status.code()).orElse(d.statusReason() == null ? "" : d.statusReason());
    }
}
