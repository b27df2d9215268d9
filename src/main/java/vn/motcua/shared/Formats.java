package vn.motcua.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates as Vietnamese readers write them, in the province's time zone: 27/11/2026 16:30. {@link #ZONE} is the one
 * time zone of the application (Vietnam, UTC+7 all year, fixed by law): dossier codes take their date in it, working
 * hours and the lunar calendar are reckoned in it, documents and screens show it. "Now" comes from the {@code Clock}
 * bean of {@link TimeConfiguration}, in this zone.
 */
public final class Formats {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

    private Formats() { }

    public static String dateTime(Instant instant) { return instant == null ? "" : DATE_TIME.format(instant); }

    public static String date(Instant instant) { return instant == null ? "" : DATE.format(instant); }

    /** A day as Vietnamese write it (dd/MM/yyyy); empty for null. */
    public static String date(java.time.LocalDate day) { return day == null ? "" : DATE.format(day); }
}
