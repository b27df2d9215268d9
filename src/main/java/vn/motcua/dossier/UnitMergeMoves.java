package vn.motcua.dossier;

import java.util.ArrayList;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.UnitsMerged;

/**
 * A merged unit's open dossiers go to its successor with their codes, dates and clocks as they are; each audit trail
 * gains one entry saying so (nothing recorded is rewritten); ended dossiers stay with the unit that ended them. The
 * dossiers' processes and open steps follow ({@link DossiersMoved}).
 */
@Component
class UnitMergeMoves {
    private final DossierRepository dossiers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    UnitMergeMoves(DossierRepository dossiers, AuditTrail audit, ApplicationEventPublisher events) {
        this.dossiers = dossiers;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void on(UnitsMerged merge) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "system" : authentication.getName();
        var codes = new ArrayList<String>();
        for (var open : dossiers.openOf(merge.unit().id())) {
            dossiers.moveToUnit(open.id(), merge.successor().id());
            audit.append(open.id(), actor, Channel.IN_PERSON.name(), "UNIT_MERGED", open.status(), open.status(),
                    merge.unit().identifier() + " → " + merge.successor().identifier());
            merge.count("dossiers.status." + open.status().code(), 1);
            codes.add(open.code());
        }
        merge.count("dossiers", codes.size());
        // where applicants live follows too (open dossiers): one received at home stays "at home"
        merge.count("dossiers.residence", dossiers.moveResidence(merge.unit().id(), merge.successor().id()));
        if (!codes.isEmpty()) {
            events.publishEvent(new DossiersMoved(codes, merge.unit().identifier(),
                    merge.successor().identifier(), merge.moved()));
        }
    }
}
