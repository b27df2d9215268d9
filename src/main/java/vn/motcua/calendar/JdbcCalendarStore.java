package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link CalendarStore} on the tables of {@code db/migration/V2__calendar.sql} ({@code cal_day_override},
 * {@code cal_working_hours}), with SQL that runs unchanged on H2 2.x and PostgreSQL 15.
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
}
