package vn.motcua.organisation.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.motcua.shared.AdministrativeChange;

/** Writes every administrative change to the administrators' log, in the transaction that made the change. */
@Component
class AdminLog {
    private final AdminLogRepository log;
    private final Clock clock;

    AdminLog(AdminLogRepository log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @EventListener
    void on(AdministrativeChange change) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "system" : authentication.getName();
        log.append(clock.instant(), actor, change.action(), change.target(), truncate(change.details()));
    }

    private static String truncate(String details) {
        return details == null || details.length() <= 2000 ? details : details.substring(0, 1999) + "…";
    }
}
