package vn.motcua.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.paperwork.IssuingUnit;
import vn.motcua.paperwork.OfficialDocuments;
import vn.motcua.paperwork.PaymentReceipt;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.PaymentSettings;
import vn.motcua.security.AuthenticatedUser;
import vn.motcua.security.CurrentUser;
import vn.motcua.security.SystemAccess;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.NotFoundException;

/**
 * Online payment of a dossier's fee. The owner of a dossier waiting for its payment (status 6) starts a payment of the
 * fee its procedure sets (the amount its process computed from the procedure's fee table when it did, e.g. the
 * certified copy's {@code certified-copy-fee}; else the procedure's fee recorded at receipt) and is sent to the payment
 * service's page; a double click gives the same open payment. The service's signed callback ends the payment once:
 * a repeated callback, or one that contradicts the payment's final status, changes nothing; a callback with a bad
 * signature changes nothing and is logged. When paid, the dossier runs again by itself (6 → 4, method ONLINE) and an
 * electronic receipt is issued. Every day the previous day's payments are compared with the payment service.
 */
@Service
public class PaymentService {
    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final DateTimeFormatter RECEIPT_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** What starting a payment gave: the payment, and whether it was created now (false: the open one again). */
    public record Started(Payment payment, boolean created) { }

    private final PaymentRepository payments;
    private final List<PaymentGateway> gateways;
    private final PaymentSettings settings;
    private final DossierService dossiers;
    private final ProcedureCatalogue catalogue;
    private final OrganisationService organisation;
    private final OfficialDocuments documents;
    private final CurrentUser currentUser;
    private final ObjectProvider<RuntimeService> runtime;
    private final Clock clock;
    private final TransactionTemplate separate;
    private final vn.motcua.shared.Messages messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    PaymentService(PaymentRepository payments, List<PaymentGateway> gateways, PaymentSettings settings,
                   DossierService dossiers, ProcedureCatalogue catalogue, OrganisationService organisation,
                   OfficialDocuments documents, CurrentUser currentUser, ObjectProvider<RuntimeService> runtime,
                   Clock clock, PlatformTransactionManager transactions, vn.motcua.shared.Messages messages,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.messages = messages;
        this.events = events;
        this.payments = payments;
        this.gateways = gateways;
        this.settings = settings;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.organisation = organisation;
        this.documents = documents;
        this.currentUser = currentUser;
        this.runtime = runtime;
        this.clock = clock;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        gateway(); // a provider named in the settings that no bean offers fails the start, not the first payment
    }

    /** The payment service in use ({@code motcua.payment.provider}). */
    public PaymentGateway gateway() {
        return gateways.stream().filter(g -> g.provider().equals(settings.provider())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no payment gateway '" + settings.provider()
                        + "' (motcua.payment.provider); known: " + gateways.stream().map(PaymentGateway::provider).toList()));
    }

    /**
     * The owner of a dossier waiting for its payment starts paying it: 404 when the dossier is not theirs, 409 when it
     * is not waiting for a payment or has no fee. The dossier's open payment, if any, is given again (a double click).
     */
    @PreAuthorize("hasRole('CITIZEN')")
    @Transactional(noRollbackFor = BusinessRuleException.class) // a payment the service refused stays FAILED
    public Started start(String code) {
        AuthenticatedUser user = currentUser.require();
        Dossier d = dossiers.get(code);
        if (!user.username().equals(d.ownerUsername())) throw new ForbiddenException("payment.notOwner", code);
        var open = payments.lockOpen(d.id());
        if (open.isPresent() && open.get().providerRef() != null) return new Started(open.get(), false);
        if (d.status() != DossierStatus.PAYMENT_REQUESTED) throw new BusinessRuleException("payment.notRequested", code);
        BigDecimal amount = fee(d);
        if (amount.signum() <= 0) throw new BusinessRuleException("payment.noFee", code);
        String id = UUID.randomUUID().toString();
        PaymentGateway gateway = gateway();
        if (open.isPresent()) {
            // an open payment the payment service never registered (its start failed half-way) is given up; its row
            // lock, held until the end, keeps a second click waiting
            payments.finish(open.get().id(), PaymentStatus.FAILED, null, null, now());
            payments.insertOpen(id, d.id(), d.code(), d.unitTreePath(), amount, gateway.provider(), user.username(), now());
        } else {
            try {
                // its own transaction: a second click at the same moment finds the row (one open payment per dossier)
                separate.executeWithoutResult(s -> payments.insertOpen(id, d.id(), d.code(), d.unitTreePath(), amount,
                        gateway.provider(), user.username(), now()));
            } catch (DuplicateKeyException concurrent) {
                return new Started(payments.lockOpen(d.id()).orElseThrow(() -> concurrent), false);
            }
        }
        payments.lock(id);
        String procedure = catalogue.procedure(d.procedureCode()).map(p -> p.name().vi()).orElse(d.procedureCode());
        try {
            var checkout = gateway.createPayment(new PaymentGateway.PaymentOrder(id, d.code(), amount, "VND",
                    "Phí, lệ phí hồ sơ " + d.code() + " – " + procedure, user.username()));
            payments.checkout(id, checkout.providerRef(), checkout.redirectUrl(), checkout.qrContent());
        } catch (RuntimeException unavailable) {
            log.warn("Payment {} of dossier {}: the payment service refused it ({})", id, d.code(), unavailable.toString());
            payments.finish(id, PaymentStatus.FAILED, null, null, now());
            throw new BusinessRuleException("payment.providerUnavailable", code);
        }
        return new Started(payments.find(id).orElseThrow(), true);
    }

    /** The payments of a dossier the caller may see, newest first (404 otherwise). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Payment> ofDossier(String code) {
        return payments.ofDossier(dossiers.get(code).id());
    }

    /** The amount the dossier's owner would pay now (zero when there is no fee). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public BigDecimal feeOf(String code) {
        return fee(dossiers.get(code));
    }

    /** The electronic receipt (PDF) of a paid payment of a dossier the caller may see; 404 otherwise. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] receipt(String code, String paymentId) {
        Dossier d = dossiers.get(code);
        Payment p = payments.find(paymentId).filter(x -> x.dossierCode().equals(d.code()))
                .filter(x -> x.status() == PaymentStatus.PAID)
                .orElseThrow(() -> new NotFoundException("payment.notFound", paymentId));
        Unit unit = organisation.unit(d.unitId()).orElseThrow();
        String parent = unit.parentId() == null ? "" : organisation.unit(unit.parentId()).map(Unit::name).orElse("");
        String place = (parent.isBlank() ? unit.name() : parent).replaceFirst("^(UBND|Ủy ban nhân dân)\\s+", "")
                .replaceFirst("^(thành phố|huyện|thị xã|tỉnh|Thành phố|Huyện|Thị xã|Tỉnh)\\s+", "");
        String procedure = catalogue.procedure(d.procedureCode()).map(x -> x.name().vi()).orElse(d.procedureCode());
        String provider = gateways.stream().filter(g -> g.provider().equals(p.provider())).findFirst()
                .map(PaymentGateway::displayName).orElse(p.provider());
        return documents.paymentReceipt(new PaymentReceipt(new IssuingUnit(unit.name(), parent, unit.identifier(), place),
                p.receiptNumber(), p.paidAt(), d.code(), procedure, d.applicant().fullName(), p.amount(), provider,
                p.providerRef(), p.id()));
    }

    /**
     * A payment service's callback. The signature is the check of who calls: a missing or wrong one changes nothing
     * and is logged (without the body). A verified report ends an open payment as reported, under the payment's row
     * lock; when paid, the dossier runs again (6 → 4) in the same transaction. A report on a payment that has already
     * ended changes nothing (DUPLICATE for the same status, OUT_OF_ORDER for another); a payment reported paid with
     * another amount is left as it is. Every callback is kept with its outcome.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public CallbackOutcome callback(byte[] body, String signature) {
        PaymentGateway gateway = gateway();
        Instant now = now();
        var notice = gateway.verifyCallback(new PaymentGateway.SignedCallback(body, signature));
        if (notice.isEmpty()) {
            log.warn("Payment callback refused: missing or bad signature ({} bytes, provider {})",
                    body == null ? 0 : body.length, gateway.provider());
            payments.logCallback(now, gateway.provider(), null, null, null, CallbackOutcome.BAD_SIGNATURE);
            return CallbackOutcome.BAD_SIGNATURE;
        }
        var n = notice.get();
        Optional<Payment> found = n.paymentId() == null ? Optional.empty() : payments.lock(n.paymentId())
                .filter(p -> p.provider().equals(gateway.provider()) && Objects.equals(p.providerRef(), n.providerRef()));
        CallbackOutcome outcome;
        if (found.isEmpty()) {
            outcome = CallbackOutcome.UNKNOWN_PAYMENT;
        } else {
            Payment p = found.get();
            if (p.status().isFinal()) {
                outcome = p.status() == n.status() ? CallbackOutcome.DUPLICATE : CallbackOutcome.OUT_OF_ORDER;
            } else if (!n.status().isFinal()) {
                outcome = CallbackOutcome.IGNORED;
            } else if (n.status() == PaymentStatus.PAID && (n.amount() == null || p.amount().compareTo(n.amount()) != 0)) {
                outcome = CallbackOutcome.AMOUNT_MISMATCH;
            } else {
                apply(p, n, now);
                outcome = CallbackOutcome.APPLIED;
            }
        }
        if (outcome != CallbackOutcome.APPLIED && outcome != CallbackOutcome.DUPLICATE) {
            log.warn("Payment callback for payment {}: {} (reported {})", n.paymentId(), outcome, n.status());
        }
        payments.logCallback(now, gateway.provider(), n.paymentId(), n.providerRef(), n.status(), outcome);
        return outcome;
    }

    private void apply(Payment p, PaymentGateway.Notice n, Instant now) {
        if (n.status() != PaymentStatus.PAID) {
            payments.finish(p.id(), n.status(), null, null, now);
            return;
        }
        Instant paidAt = n.at() == null ? now : n.at().truncatedTo(ChronoUnit.MICROS);
        String receipt = "BL-" + RECEIPT_DAY.format(paidAt.atZone(Formats.ZONE)) + "-"
                + p.id().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        payments.finish(p.id(), PaymentStatus.PAID, paidAt, receipt, now);
        boolean resumed = SystemAccess.call(() -> dossiers.confirmOnlinePayment(p.dossierCode(), paidAt,
                "ONLINE " + p.id() + " " + p.amount().toPlainString() + " VND"));
        if (!resumed) log.warn("Payment {} paid, but dossier {} was no longer waiting for it", p.id(), p.dossierCode());
    }

    /**
     * Compares the payments created on {@code day} (Asia/Ho_Chi_Minh) with the payment service, once per day across
     * all nodes (the first to claim the day runs it); returns how many it compared, or -1 when the day was already
     * reconciled.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public int reconcile(LocalDate day) {
        if (!payments.claimReconciliation(day, now())) return -1;
        Instant from = day.atStartOfDay(Formats.ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        var rows = payments.createdBetween(from, to);
        for (var row : rows) {
            Payment p = row.payment();
            var gateway = gateways.stream().filter(g -> g.provider().equals(p.provider())).findFirst();
            var remote = p.providerRef() == null || gateway.isEmpty() ? Optional.<PaymentGateway.ProviderStatus>empty()
                    : gateway.get().queryStatus(p.providerRef());
            if (remote.isEmpty()) {
                if (p.providerRef() != null) payments.addMismatch(day, row, "UNKNOWN_TO_PROVIDER", null, null);
                continue;
            }
            var r = remote.get();
            if (r.status() != p.status()) {
                payments.addMismatch(day, row, "STATUS", r.status(), r.amount());
            } else if (p.status() == PaymentStatus.PAID && (r.amount() == null || r.amount().compareTo(p.amount()) != 0)) {
                payments.addMismatch(day, row, "AMOUNT", r.status(), r.amount());
            } else if (p.status() == PaymentStatus.PAID) {
                Dossier d = dossiers.get(p.dossierCode());
                if (!"ONLINE".equals(d.paymentMethod()) || d.paidAt() == null) {
                    payments.addMismatch(day, row, "DOSSIER_NOT_CONFIRMED", r.status(), r.amount());
                }
            }
        }
        payments.finishReconciliation(day, rows.size(), now());
        log.info("Payments of {} reconciled: {} compared", day, rows.size());
        return rows.size();
    }

    /**
     * Runs a past day's reconciliation again — after the payment service corrected its side, or when a run was cut
     * short: the day's recorded mismatches are replaced by what the comparison finds now, and the administrators' log
     * says who did it. 400 naming {@code date} for today or a later day (not over yet).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Reconciliation rerunReconciliation(LocalDate day) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ZONE);
        if (day == null || !day.isBefore(today)) {
            throw new vn.motcua.shared.InvalidInputException("date", messages.get("payment.reconciliation.notOver"));
        }
        payments.forgetReconciliation(day);
        int checked = SystemAccess.call(() -> reconcile(day));
        events.publishEvent(new vn.motcua.shared.AdministrativeChange("PAYMENT_RECONCILIATION_RERUN", day.toString(),
                checked < 0 ? "another node was running it" : checked + " payments compared"));
        log.info("Payments of {} reconciled again on request: {} compared", day, checked);
        return reconciliation(day);
    }

    /** A day's reconciliation: administrators all of it, supervisors the dossiers of their units. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    @Transactional(readOnly = true)
    public Reconciliation reconciliation(LocalDate day) {
        AuthenticatedUser user = currentUser.require();
        String scope = user.has(Role.ADMIN) ? null : Objects.requireNonNullElse(user.unitTreePath(), "\u0000");
        return payments.reconciliation(day, scope);
    }

    /** The fee: what the dossier's process computed from the procedure's fee table, else the procedure's fee. */
    private BigDecimal fee(Dossier d) {
        RuntimeService engine = runtime.getIfAvailable();
        if (engine != null) {
            var ids = new java.util.LinkedHashSet<String>();
            engine.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).list().forEach(i -> ids.add(i.getId()));
            if (d.processInstanceId() != null) ids.add(d.processInstanceId());
            for (String parent : List.copyOf(ids)) { // the procedure's own process, called by the dossier's lifecycle
                engine.createProcessInstanceQuery().superProcessInstanceId(parent).list().forEach(i -> ids.add(i.getId()));
            }
            var instances = ids.toArray(String[]::new);
            if (instances.length > 0) {
                var computed = engine.createVariableInstanceQuery().processInstanceIdIn(instances)
                        .variableName("feeAmount").list().stream().map(v -> v.getValue())
                        .filter(Number.class::isInstance).map(v -> new BigDecimal(v.toString())).findFirst();
                if (computed.isPresent()) return computed.get();
            }
        }
        return d.feeAmount() == null ? BigDecimal.ZERO : d.feeAmount();
    }

    private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }
}
