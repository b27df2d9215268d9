package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link CalendarStore} in memory for tests without a database; counts reads to observe caching. */
class InMemoryCalendarStore implements CalendarStore {

    private final Map<LocalDate, DayOverride> overrides = new ConcurrentHashMap<>();
    private final Map<String, WorkingHours> hours = new ConcurrentHashMap<>();
    final AtomicInteger overrideReads = new AtomicInteger();
    final AtomicInteger hoursReads = new AtomicInteger();
    volatile String lastUpdatedBy;

    InMemoryCalendarStore() {
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
}
