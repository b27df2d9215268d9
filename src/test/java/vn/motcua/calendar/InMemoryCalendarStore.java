package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link CalendarStore} in memory for tests without a database; counts reads to observe caching. */
public class InMemoryCalendarStore implements CalendarStore {

    public final Map<LocalDate, DayOverride> overrides = new ConcurrentHashMap<>();
    public final Map<String, WorkingHours> hours = new ConcurrentHashMap<>();
    final AtomicInteger overrideReads = new AtomicInteger();
    final AtomicInteger hoursReads = new AtomicInteger();
    final AtomicInteger ruleReads = new AtomicInteger();
    public final java.util.Map<Long, vn.motcua.calendar.HolidayRule> holidayRules = new java.util.TreeMap<>();
    public final java.util.List<vn.motcua.calendar.HolidayChange> holidayChanges = new java.util.ArrayList<>();

    volatile String lastUpdatedBy;

    public InMemoryCalendarStore() {
        hours.put(DEFAULT_UNIT_KEY, WorkingHours.DEFAULT);
    }

    @Override
    public List<DayOverride> findOverrides(int year) {
        overrideReads.incrementAndGet();
        return overrides.values().stream().filter(o -> o.date().getYear() == year).toList();
    }

    @Override
    public void saveOverride(DayOverride override, String updatedBy) {
        overrides.put(override.date(), override);
        lastUpdatedBy = updatedBy;
    }

    @Override
    public boolean deleteOverride(LocalDate date) {
        return overrides.remove(date) != null;
    }

    @Override
    public Map<String, WorkingHours> findAllWorkingHours() {
        hoursReads.incrementAndGet();
        return new TreeMap<>(hours);
    }

    @Override
    public void saveWorkingHours(String unitKey, WorkingHours h, String updatedBy) {
        hours.put(unitKey, h);
        lastUpdatedBy = updatedBy;
    }

    @Override
    public boolean deleteWorkingHours(String unitKey) {
        return hours.remove(unitKey) != null;
    }

    Map<LocalDate, DayOverride> overrides() {
        return overrides;
    }
    @Override
    public java.util.List<vn.motcua.calendar.HolidayRule> findHolidayRules() {
        ruleReads.incrementAndGet();
        return java.util.List.copyOf(holidayRules.values());
    }

    @Override
    public vn.motcua.calendar.HolidayRule insertHolidayRule(vn.motcua.calendar.HolidayRule r, String createdBy) {
        long id = holidayRules.isEmpty() ? 1 : ((java.util.TreeMap<Long, vn.motcua.calendar.HolidayRule>) holidayRules).lastKey() + 1;
        vn.motcua.calendar.HolidayRule stored = new vn.motcua.calendar.HolidayRule(id, r.action(), r.month(), r.day(),
                r.nameVi(), r.nameEn(), r.fromYear(), r.toYear(), java.time.Instant.now(), createdBy);
        holidayRules.put(id, stored);
        holidayChanges.add(0, new vn.motcua.calendar.HolidayChange(stored.createdAt(), createdBy,
                vn.motcua.calendar.HolidayChange.Kind.valueOf(r.action().name()), id, r.month(), r.day(),
                r.fromYear(), r.toYear(), r.nameVi()));
        return stored;
    }

    @Override
    public vn.motcua.calendar.HolidayRule deleteHolidayRule(long id, String deletedBy) {
        vn.motcua.calendar.HolidayRule r = holidayRules.remove(id);
        if (r != null) {
            holidayChanges.add(0, new vn.motcua.calendar.HolidayChange(java.time.Instant.now(), deletedBy,
                    vn.motcua.calendar.HolidayChange.Kind.UNDO, id, r.month(), r.day(), r.fromYear(), r.toYear(),
                    r.nameVi()));
        }
        return r;
    }

    @Override
    public java.util.List<vn.motcua.calendar.HolidayChange> findHolidayChanges(int limit) {
        return java.util.List.copyOf(holidayChanges.subList(0, Math.min(limit, holidayChanges.size())));
    }
}
