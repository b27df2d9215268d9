package vn.motcua.organisation.internal;

import org.springframework.stereotype.Component;
import vn.motcua.calendar.UnitDirectory;

/** The units of the organisation, as the calendar's public API checks them. */
@Component
class CalendarUnitDirectory implements UnitDirectory {
    private final UnitRepository units;

    CalendarUnitDirectory(UnitRepository units) { this.units = units; }

    @Override
    public boolean exists(String unitIdentifier) {
        return unitIdentifier != null && units.findByIdentifier(unitIdentifier).isPresent();
    }
}
