package vn.motcua.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small pieces of the list filters' SQL, the same on H2 and PostgreSQL. */
public final class SqlPatterns {
    private SqlPatterns() { }

    /**
     * A LIKE pattern (with {@code escape '\'}) matching any text that contains {@code text} exactly: {@code %},
     * {@code _} and the escape character are taken literally.
     */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The instant a day begins in Vietnam, as the timestamp a query compares with. */
    public static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(Formats.ZONE).toInstant().atOffset(ZoneOffset.UTC);
    }
}
