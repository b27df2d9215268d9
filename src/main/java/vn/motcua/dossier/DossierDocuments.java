package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Unit;
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
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;

/**
 * The official documents of Circular 03/2025 for a dossier the caller may see, as PDF: 01 receipt, 02 supplement
 * request, 03 refusal, 04 apology and extension, 05 stop notice, 06 control sheet, 07 the unit's tracking register for
 * the dossier's month. A document that does not apply to the dossier's situation (a refusal of a dossier that was
 * never refused) is refused with 409.
 */
@Service
public class DossierDocuments {
    private final DossierService dossiers;
    private final DossierRepository repository;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    private final OfficialDocuments documents;

    DossierDocuments(DossierService dossiers, DossierRepository repository, ProcedureCatalogue catalogue,
                     OrganisationService organisation, OfficialDocuments documents) {
        this.dossiers = dossiers;
        this.repository = repository;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.documents = documents;
    }

    /** A rendered document: its PDF and a file name. */
    public record Pdf(String fileName, byte[] content) { }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Pdf render(String code, OfficialForm form) {
        Dossier d = dossiers.get(code); // scoping: "not found" when not the caller's
        Procedure procedure = catalogue.procedure(d.procedureCode()).orElseThrow();
        Unit unit = organisation.unit(d.unitId()).orElseThrow();
        IssuingUnit issuer = issuer(unit);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DossierSheet sheet = sheet(d, procedure);
        String number = d.code().substring(d.code().lastIndexOf('-') + 1) + "/" + form.number();
        Signatory signatory = new Signatory("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", null);
        List<String> recipients = List.of("Như trên", "Lưu: VT, BPMC");
        DocumentData data = switch (form) {
            case F01_RECEIPT -> new ReceiptAndAppointment(issuer, number, d.receivedAt(), sheet, null);
            case F02_SUPPLEMENT_REQUEST -> {
                require(d.supplementCount() > 0, code, form);
                yield new SupplementRequest(issuer, number, now, sheet, List.of(reasonOf(d, DossierStatus.SUPPLEMENT_REQUESTED)),
                        reasonOf(d, DossierStatus.SUPPLEMENT_REQUESTED), receivedBy(d), null);
            }
            case F03_REFUSAL -> {
                require(d.status() == DossierStatus.REFUSED, code, form);
                yield new RefusalNotice(issuer, number, now, sheet, d.statusReason(), receivedBy(d));
            }
            case F04_APOLOGY_EXTENSION -> {
                require(d.extendedDueAt() != null, code, form);
                yield new ApologyAndExtension(issuer, number, now, sheet, d.statusReason(), d.extendedDueAt(), signatory, recipients);
            }
            case F05_STOP_NOTICE -> {
                require(d.status() == DossierStatus.STOPPED || repository.lastReason(d.id(), DossierStatus.STOPPED.code()).isPresent(), code, form);
                yield new StopNotice(issuer, number, now, sheet, reasonOf(d, DossierStatus.STOPPED), signatory, recipients);
            }
            case F06_CONTROL_SHEET -> new ControlSheet(issuer, now, sheet, number, unit.name(), List.of(), handovers(d));
            case F07_TRACKING_REGISTER -> register(d, issuer, now);
        };
        return new Pdf(documents.fileName(data), documents.render(data));
    }

    private TrackingRegister register(Dossier d, IssuingUnit issuer, Instant now) {
        LocalDate day = d.receivedAt().atZone(Formats.ZONE).toLocalDate();
        LocalDate from = day.withDayOfMonth(1);
        LocalDate to = day.withDayOfMonth(day.lengthOfMonth());
        List<RegisterRow> rows = new ArrayList<>();
        for (Dossier x : repository.search(unitScope(d), null, null, 1000)) {
            LocalDate received = x.receivedAt().atZone(Formats.ZONE).toLocalDate();
            if (received.isBefore(from) || received.isAfter(to)) continue;
            String name = catalogue.procedure(x.procedureCode()).map(p -> p.name().vi()).orElse(x.procedureCode());
            rows.add(new RegisterRow(x.code(), name, x.applicant().fullName(), x.receivedAt(), x.dueAt(), x.finishedAt(),
                    x.returnedAt(), ProcessingStatus.ofCode(x.status().code()), x.statusReason()));
        }
        rows.sort((a, b) -> a.code().compareTo(b.code()));
        return new TrackingRegister(issuer, now, from, to, rows);
    }

    private static DossierScope unitScope(Dossier d) {
        return DossierScope.unit(d.unitId());
    }

    private List<Handover> handovers(Dossier d) {
        List<Handover> result = new ArrayList<>();
        String from = "Bộ phận Một cửa - " + receivedBy(d);
        for (DossierStep step : repository.steps(d.id())) {
            String to = step.stepName() + " - " + fullName(step.actor());
            result.add(new Handover(from, to, step.startedAt(), null, step.completedAt(), null));
            from = to;
        }
        if (result.isEmpty()) {
            result.add(new Handover(from, d.currentStep() == null ? "Bộ phận chuyên môn" : d.currentStep(),
                    d.acceptedAt() != null ? d.acceptedAt() : d.receivedAt(), d.dueAt(), d.finishedAt(), null));
        }
        return result;
    }

    private DossierSheet sheet(Dossier d, Procedure p) {
        var a = d.applicant();
        var docs = p.components().stream()
                .map(c -> new SubmittedDocument(c.name().vi(), CopyType.COPY_WITH_ORIGINAL, 1)).toList();
        var period = new ProcessingPeriod(p.processingTime(d.channel() == Channel.ONLINE).amount(),
                ProcessingPeriod.Unit.valueOf(p.processingTime(d.channel() == Channel.ONLINE).unit().name()));
        return new DossierSheet(d.code(), p.code(), p.name().vi(),
                new vn.motcua.paperwork.Applicant(a.fullName(), a.address(), a.phone(), a.email()),
                SubmissionChannel.valueOf(d.channel().name()), d.receivedAt(), d.dueAt() != null ? d.dueAt() : d.receivedAt(),
                receivedBy(d), docs, 1, period, d.channel() == Channel.ONLINE ? ResultDelivery.ONLINE : ResultDelivery.AT_DESK);
    }

    private IssuingUnit issuer(Unit unit) {
        String parent = unit.parentId() == null ? "" : organisation.unit(unit.parentId()).map(Unit::name).orElse("");
        // The place line names the locality: the unit's district or city ("thành phố Rạch Giá" → "Rạch Giá")
        String place = parent.isBlank() ? unit.name() : parent;
        place = place.replaceFirst("^(UBND|Ủy ban nhân dân)\\s+", "").replaceFirst("^(thành phố|huyện|thị xã|tỉnh|Thành phố|Huyện|Thị xã|Tỉnh)\\s+", "");
        return new IssuingUnit(unit.name(), parent, unit.identifier(), place);
    }

    private String receivedBy(Dossier d) { return fullName(d.createdBy()); }

    private String fullName(String username) {
        return organisation.user(username).map(u -> u.fullName()).orElse(username);
    }

    private String reasonOf(Dossier d, DossierStatus status) {
        return repository.lastReason(d.id(), status.code()).orElse(d.statusReason() == null ? "" : d.statusReason());
    }

    private static void require(boolean applies, String code, OfficialForm form) {
        if (!applies) throw new BusinessRuleException("dossier.document.notApplicable", form.number(), code);
    }
}
