package vn.motcua.monitoring;

import java.time.LocalDate;

import vn.motcua.catalogue.Sector;
import vn.motcua.organisation.UnitLevel;

/**
 * What a report covers: the days {@code from} to {@code to} inclusive (Asia/Ho_Chi_Minh), a unit with its sub-units
 * (null: the caller's whole scope), a procedure, a sector and a level (null: all).
 *
 * @param unitIdentifier the unit's electronic identifier, e.g. {@code 000.00.15.H33}
 * @param procedureCode  a procedure's national code, e.g. {@code 1.001193}
 * @param level          the level of the units whose dossiers count
 */
public record ReportFilter(LocalDate from, LocalDate to, String unitIdentifier, String procedureCode, Sector sector,
                           UnitLevel level) {

    /** The same filter for another period. */
    public ReportFilter period(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, unitIdentifier, procedureCode, sector, level);
    }

    /** The same filter for another unit (null: the caller's whole scope). */
    public ReportFilter unit(String identifier) {
        return new ReportFilter(from, to, identifier, procedureCode, sector, level);
    }
}
