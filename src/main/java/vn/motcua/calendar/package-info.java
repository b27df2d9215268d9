/**
 * Working calendar: the Vietnamese lunar calendar ({@link vn.motcua.calendar.LunarCalendar}), the statutory days off
 * of the Labour Code 2019 ({@link vn.motcua.calendar.StatutoryHolidays}), administrators' yearly overrides and
 * working hours per unit ({@link vn.motcua.calendar.CalendarService}), and deadline arithmetic
 * ({@link vn.motcua.calendar.WorkingCalendar}); the fixed-date public holidays administrators add or remove per year
 * range ({@link vn.motcua.calendar.FixedHolidays}, {@link vn.motcua.calendar.HolidayRule}). Public read API under
 * {@code /api/calendar}, administrators' holiday API under {@code /api/admin/holidays}; administration view in
 * {@code vn.motcua.calendar.ui}. Depends on no other module of the application.
 */
package vn.motcua.calendar;
