package vn.motcua.calendar;

/**
 * Which unit identifiers name a unit, for the public calendar API: a deadline asked for an unknown unit is "not
 * found" rather than silently computed with the default working hours. Provided by the organisation, which knows
 * the units; the calendar itself depends on no other module.
 */
@FunctionalInterface
public interface UnitDirectory {

    /** True when a unit has this electronic identifier (e.g. {@code 000.01.15.H33}). */
    boolean exists(String unitIdentifier);
}
