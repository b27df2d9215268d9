package vn.motcua.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * {@link CalendarStore} on the tables of {@code db/migration/V2__calendar.sql} ({@code cal_day_override},
 * {@code cal_working_hours}) and {@code V25__public_holidays.sql} ({@code cal_holiday_rule},
 * {@code cal_holiday_change}), with SQL that runs unchanged on H2 2.x and PostgreSQL 15.
 *
 * <p>Upserts are an UPDATE followed, when no row was updated, by an INSERT (portable; the MERGE dialects differ). Two
 * administrators inserting the same date at the same moment make the second INSERT fail with a
 * {@link org.springframework.dao.DuplicateKeyException}, which the application service reports as a conflict.
 */
@Repository
public class JdbcCalendarStore implements CalendarStore {

    private final JdbcClient jdbc;

    public JdbcCalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DayOverride> findOverrides(int year) {
        return jdbc.sql("""
                        SELECT calendar_date, kind, name_vi, name_en FROM cal_day_override
                        WHERE calendar_date >= :from AND calendar_date < :to ORDER BY calendar_date""")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new DayOverride(rs.getObject("calendar_date", LocalDate.class),
                        DayOverride.Kind.valueOf(rs.getString("kind")), rs.getString("name_vi"),
                        rs.getString("name_en")))
                .list();
    }

    @Override
    public void saveOverride(DayOverride o, String updatedBy) {
        int updated = jdbc.sql("""
                        UPDATE cal_day_override SET kind = :kind, name_vi = :nameVi, name_en = :nameEn,
                        updated_at = CURRENT_TIMESTAMP, updated_by = :updatedBy WHERE calendar_date = :date""")
                .param("kind", o.kind().name())
                .param("nameVi", o.nameVi())
                .param("nameEn", o.nameEn())
                .param("updatedBy", updatedBy)
                .param("date", o.date())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO cal_day_override (calendar_date, kind, name_vi, name_en, updated_at, updated_by)
                            VALUES (:date, :kind, :nameVi, :nameEn, CURRENT_TIMESTAMP, :updatedBy)""")
                    .param("date", o.date())
                    .param("kind", o.kind().name())
                    .param("nameVi", o.nameVi())
                    .param("nameEn", o.nameEn())
                    .param("updatedBy", updatedBy)
                    .update();
        }
    }

    @Override
    public boolean deleteOverride(LocalDate date) {
        return jdbc.sql("DELETE FROM cal_day_override WHERE calendar_date = :date").param("date", date).update() > 0;
    }

    @Override
    public Map<String, WorkingHours> findAllWorkingHours() {
        Map<String, WorkingHours> result = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT unit_identifier, morning_start, morning_end, afternoon_start, afternoon_end
                        FROM cal_working_hours ORDER BY unit_identifier""")
                .query((rs, n) -> new UnitWorkingHours(rs.getString("unit_identifier"), new WorkingHours(
                        rs.getObject("morning_start", LocalTime.class), rs.getObject("morning_end", LocalTime.class),
                        rs.getObject("afternoon_start", LocalTime.class),
                        rs.getObject("afternoon_end", LocalTime.class))))
                .list()
                .forEach(u -> result.put(u.unitIdentifier(), u.hours()));
        return result;
    }

    @Override
    public void saveWorkingHours(String unitKey, WorkingHours h, String updatedBy) {
        int updated = jdbc.sql("""
                        UPDATE cal_working_hours SET morning_start = :morningStart, morning_end = :morningEnd,
                        afternoon_start = :afternoonStart, afternoon_end = :afternoonEnd,
                        updated_at = CURRENT_TIMESTAMP, updated_by = :updatedBy
                        WHERE unit_identifier = :unit""")
                .param("morningStart", h.morningStart())
                .param("morningEnd", h.morningEnd())
                .param("afternoonStart", h.afternoonStart())
                .param("afternoonEnd", h.afternoonEnd())
                .param("updatedBy", updatedBy)
                .param("unit", unitKey)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO cal_working_hours (unit_identifier, morning_start, morning_end, afternoon_start,
                            afternoon_end, updated_at, updated_by)
                            VALUES (:unit, :morningStart, :morningEnd, :afternoonStart, :afternoonEnd,
                            CURRENT_TIMESTAMP, :updatedBy)""")
                    .param("unit", unitKey)
                    .param("morningStart", h.morningStart())
                    .param("morningEnd", h.morningEnd())
                    .param("afternoonStart", h.afternoonStart())
                    .param("afternoonEnd", h.afternoonEnd())
                    .param("updatedBy", updatedBy)
                    .update();
        }
    }

    @Override
    public boolean deleteWorkingHours(String unitKey) {
        return jdbc.sql("DELETE FROM cal_working_hours WHERE unit_identifier = :unit").param("unit", unitKey)
                .update() > 0;
    }

    private static final String RULE_COLUMNS = """
            id, action, holiday_month, holiday_day, name_vi, name_en, from_year, to_year, created_at, created_by""";

    @Override
    public List<HolidayRule> findHolidayRules() {
        return jdbc.sql("SELECT " + RULE_COLUMNS + " FROM cal_holiday_rule ORDER BY id")
                .query((rs, n) -> rule(rs))
                .list();
    }

    @Override
    public HolidayRule insertHolidayRule(HolidayRule r, String createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO cal_holiday_rule (action, holiday_month, holiday_day, name_vi, name_en, from_year,
                        to_year, created_at, created_by)
                        VALUES (:action, :month, :day, :nameVi, :nameEn, :fromYear, :toYear, CURRENT_TIMESTAMP,
                        :createdBy)""")
                .param("action", r.action().name())
                .param("month", r.month())
                .param("day", r.day())
                .param("nameVi", r.nameVi())
                .param("nameEn", r.nameEn())
                .param("fromYear", r.fromYear())
                .param("toYear", r.toYear())
                .param("createdBy", createdBy)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        HolidayRule stored = jdbc.sql("SELECT " + RULE_COLUMNS + " FROM cal_holiday_rule WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rule(rs))
                .single();
        logChange(HolidayChange.Kind.valueOf(stored.action().name()), stored, createdBy);
        return stored;
    }

    @Override
    public HolidayRule deleteHolidayRule(long id, String deletedBy) {
        HolidayRule rule = jdbc.sql("SELECT " + RULE_COLUMNS + " FROM cal_holiday_rule WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rule(rs))
                .optional().orElse(null);
        if (rule == null
                || jdbc.sql("DELETE FROM cal_holiday_rule WHERE id = :id").param("id", id).update() == 0) {
            return null;
        }
        logChange(HolidayChange.Kind.UNDO, rule, deletedBy);
        return rule;
    }

    @Override
    public List<HolidayChange> findHolidayChanges(int limit) {
        return jdbc.sql("""
                        SELECT changed_at, changed_by, change_kind, rule_id, holiday_month, holiday_day, from_year,
                        to_year, name_vi FROM cal_holiday_change ORDER BY id DESC""" + " LIMIT " + Math.max(1, limit))
                .query((rs, n) -> new HolidayChange(instant(rs, "changed_at"), rs.getString("changed_by"),
                        HolidayChange.Kind.valueOf(rs.getString("change_kind")), rs.getLong("rule_id"),
                        rs.getInt("holiday_month"), rs.getInt("holiday_day"), rs.getInt("from_year"),
                        rs.getObject("to_year", Integer.class), rs.getString("name_vi")))
                .list();
    }

    private void logChange(HolidayChange.Kind kind, HolidayRule r, String by) {
        jdbc.sql("""
                        INSERT INTO cal_holiday_change (changed_at, changed_by, change_kind, rule_id, holiday_month,
                        holiday_day, from_year, to_year, name_vi)
                        VALUES (CURRENT_TIMESTAMP, :by, :kind, :ruleId, :month, :day, :fromYear, :toYear, :nameVi)""")
                .param("by", by)
                .param("kind", kind.name())
                .param("ruleId", r.id())
                .param("month", r.month())
                .param("day", r.day())
                .param("fromYear", r.fromYear())
                .param("toYear", r.toYear())
                .param("nameVi", r.nameVi())
                .update();
    }

    private static HolidayRule rule(ResultSet rs) throws SQLException {
        return new HolidayRule(rs.getLong("id"), HolidayRule.Action.valueOf(rs.getString("action")),
                rs.getInt("holiday_month"), rs.getInt("holiday_day"), rs.getString("name_vi"), rs.getString("name_en"),
                rs.getInt("from_year"), rs.getObject("to_year", Integer.class), instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
