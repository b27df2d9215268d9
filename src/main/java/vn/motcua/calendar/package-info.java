/**
 * Working calendar: the Vietnamese lunar calendar ({@link vn.motcua.calendar.LunarCalendar}), the statutory days off
 * of the Labour Code 2019 ({@link vn.motcua.calendar.StatutoryHolidays}), administrators' yearly overrides and
 * working hours per unit ({@link vn.motcua.calendar.CalendarService}), and deadline arithmetic
 * ({@link vn.motcua.calendar.WorkingCalendar}). Public read API under {@code /api/calendar}; administration view in
 * {@code vn.motcua.calendar.ui}. Depends on no other module of the application.
 */
package vn.motcua.calendar;
