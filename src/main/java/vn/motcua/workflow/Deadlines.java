package vn.motcua.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Step deadlines for user tasks in working time of the dossier's unit, for the models:
 * {@code camunda:dueDate="${deadlines.workingHours(task, 4)}"}.
 */
@Component(DossierProcess.BEAN_DEADLINES)
public class Deadlines {
    private final Clock clock;
    private final WorkingCalendar calendar;

    Deadlines(WorkingCalendar calendar, Clock clock) {
        this.clock = clock; this.calendar = calendar; }

    public Date workingHours(VariableScope scope, int hours) {
        return due(scope, ProcessingTime.workingHours(hours));
    }

    public Date workingDays(VariableScope scope, int days) {
        return due(scope, ProcessingTime.workingDays(days));
    }

    private Date due(VariableScope scope, ProcessingTime time) {
        Object unit = scope.getVariable(DossierProcess.VAR_UNIT);
        return Date.from(calendar.dueAt(clock.instant(), time, unit == null ? null : unit.toString()));
    }
}
