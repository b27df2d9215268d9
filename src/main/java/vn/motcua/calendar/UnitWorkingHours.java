package vn.motcua.calendar;

import java.util.Objects;

/**
 * Working hours configured for a unit, or the default.
 *
 * @param unitIdentifier the unit's electronic identifier, or null for the default applying to all other units
 * @param hours          the working hours
 */
public record UnitWorkingHours(String unitIdentifier, WorkingHours hours) {

    public UnitWorkingHours {
        Objects.requireNonNull(hours, "hours");
    }

    /** Whether this is the default for units without hours of their own. */
    public boolean isDefault() {
        return unitIdentifier == null;
    }
}
