package vn.motcua.paperwork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Dates and times as Vietnamese documents write them, in the province's time zone: "ngày 05 tháng 02 năm 2026",
 * "08 giờ 15 phút, ngày 27 tháng 11 năm 2026", and in tables "27/11/2026" and "16:30".
 */
final class VietnameseDates {

    /** Every instant is shown in Vietnam's time, whatever the server's zone. */
    static final ZoneId ZONE = vn.motcua.shared.Formats.ZONE;

    private final PaperworkMessages messages;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter shortTime;

    VietnameseDates(PaperworkMessages messages) {
        this.messages = messages;
        this.shortDate = DateTimeFormatter.ofPattern(messages.get("paperwork.format.date"));
        this.shortTime = DateTimeFormatter.ofPattern(messages.get("paperwork.format.time"));
    }

    /** "ngày 27 tháng 11 năm 2026". */
    String longDate(Instant instant) {
        return longDate(instant.atZone(ZONE).toLocalDate());
    }

    /** "ngày 05 tháng 02 năm 2026". */
    String longDate(LocalDate date) {
        return messages.get("paperwork.date.long", day(date), month(date), String.valueOf(date.getYear()));
    }

    /** "08 giờ 15 phút, ngày 27 tháng 11 năm 2026". */
    String longDateTime(Instant instant) {
        ZonedDateTime time = instant.atZone(ZONE);
        return messages.get("paperwork.dateTime.long", twoDigits(time.getHour()), twoDigits(time.getMinute()),
                longDate(time.toLocalDate()));
    }

    /** "Rạch Giá, ngày 27 tháng 11 năm 2026". */
    String placeAndDate(String place, Instant instant) {
        return messages.get("paperwork.placeDate", place, longDate(instant));
    }

    /** "27/11/2026". */
    String shortDate(Instant instant) {
        return shortDate.format(instant.atZone(ZONE));
    }

    /** "27/11/2026". */
    String shortDate(LocalDate date) {
        return shortDate.format(date);
    }

    /** "16:30". */
    String shortTime(Instant instant) {
        return shortTime.format(instant.atZone(ZONE));
    }

    /** The calendar day in Vietnam, for comparing an instant with a due date. */
    static LocalDate day(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    // Decree 30/2020/NĐ-CP, Annex I: days below 10 and the months January and February take a leading zero.
    private static String day(LocalDate date) {
        return twoDigits(date.getDayOfMonth());
    }

    private static String month(LocalDate date) {
        int month = date.getMonthValue();
        return month <= 2 ? twoDigits(month) : String.valueOf(month);
    }

    static String twoDigits(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    /** An amount in whole đồng as Vietnamese write it: "10.000 đồng". */
    static String money(java.math.BigDecimal amount) {
        var symbols = new java.text.DecimalFormatSymbols(java.util.Locale.ROOT);
        symbols.setGroupingSeparator('.');
        return new java.text.DecimalFormat("#,##0", symbols).format(amount) + " đồng";
    }
}
