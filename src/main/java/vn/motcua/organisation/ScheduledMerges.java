package vn.motcua.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organisation.internal.UnitRepository;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * Carries out the merges planned for a day to come when their day comes: every {@code
 * motcua.organisation.merge-check-interval} each node looks for the merges due (the rounds are the security module's
 * {@code ScheduledMergeRounds}, which runs them as the system) (their day in Viet Nam's time has
 * begun); one node takes each (the planned row is ended in the merge's own transaction, which one node only can do)
 * and merges exactly as an administrator entering it on that day would. A merge that can no longer be done (the unit
 * or its successor closed since, a unit opened below it) is recorded FAILED with the reason, in the administrators'
 * log too, and changes nothing else.
 */
@Service
public class ScheduledMerges {
    private static final Logger log = LoggerFactory.getLogger(ScheduledMerges.class);

    private final UnitRepository units;
    private final OrganisationAdministration administration;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;

    ScheduledMerges(UnitRepository units, OrganisationAdministration administration, PlatformTransactionManager transactions,
                    ApplicationEventPublisher events, Messages messages, Clock clock) {
        this.units = units;
        this.administration = administration;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** One round: the merges due now, each in its own transaction. Answers how many this node carried out. */
    @PreAuthorize("hasRole('SYSTEM')")
    public int runDue() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        int done = 0;
        for (var due : units.dueMerges(today)) {
            String unit = due.unit();
            String successor = due.successor();
            try {
                Boolean merged = transaction.execute(status -> {
                    // taken by this node, or already by another (then nothing to do)
                    if (!units.endScheduledMerge(due.id(), "DONE", null, clock.instant())) return false;
                    var report = administration.mergeUnit(unit, successor, due.effectiveOn());
                    units.setScheduledOutcome(due.id(), report.moved().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
                    return true;
                });
                if (Boolean.TRUE.equals(merged)) {
                    done++;
                    log.info("Planned merge of {} into {} from {} carried out", unit, successor, due.effectiveOn());
                }
            } catch (BusinessRuleException e) {
                failed(due, unit, successor, messages.get(Messages.VIETNAMESE, e.messageKey(), e.args()));
            } catch (NotFoundException e) {
                failed(due, unit, successor, messages.get(Messages.VIETNAMESE, e.messageKey(), e.args()));
            } catch (InvalidInputException e) {
                failed(due, unit, successor, e.getMessage());
            }
        }
        return done;
    }

    private void failed(UnitRepository.ScheduledMergeRow due, String unit, String successor, String reason) {
        transaction.executeWithoutResult(status -> {
            if (units.endScheduledMerge(due.id(), "FAILED", reason, clock.instant())) {
                events.publishEvent(new AdministrativeChange("UNIT_MERGE_FAILED", unit, "→ " + successor + " from "
                        + due.effectiveOn() + ": " + reason));
            }
        });
        log.warn("Planned merge of {} into {} from {} could not be carried out: {}", unit, successor, due.effectiveOn(), reason);
    }
}
