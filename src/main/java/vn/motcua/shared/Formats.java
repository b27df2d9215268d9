package vn.motcua.shared;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and numbers as readers write them. Dates are Vietnamese in every language (27/11/2026 16:30), in the province's
 * time zone: {@link #ZONE} is the one time zone of the application (Vietnam, UTC+7 all year, fixed by law): dossier
 * codes take their date in it, working hours and the lunar calendar are reckoned in it, documents and screens show it.
 * "Now" comes from the {@code Clock} bean of {@link TimeConfiguration}, in this zone.
 * <p>
 * Numbers follow the reader's language: Vietnamese groups thousands with a dot and writes decimals after a comma, a
 * percentage with a space before the sign (1.892; 89,74 %); English the other way round, without the space (1,892;
 * 89.74%). Any language other than English reads Vietnamese, as the screens do; a missing locale is Vietnamese. Exports
 * in the official Vietnamese forms use {@link #VIETNAMESE}. A decimal keeps the digits it has (its scale): a rate of
 * 100.00 stays 100,00 %. Missing figures read {@link #NOT_AVAILABLE}.
 */
public final class Formats {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The language of the official forms and the default of every screen. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** What a figure without a value reads (a rate over an empty denominator). */
    public static final String NOT_AVAILABLE = "N/A";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

    private Formats() { }

    public static String dateTime(Instant instant) { return instant == null ? "" : DATE_TIME.format(instant); }

    public static String date(Instant instant) { return instant == null ? "" : DATE.format(instant); }

    /** A day as Vietnamese write it (dd/MM/yyyy); empty for null. */
    public static String date(java.time.LocalDate day) { return day == null ? "" : DATE.format(day); }

    /** True when numbers are written the English way for this locale (English only; everything else Vietnamese). */
    /** A day written as in an address ({@code 2026-12-05}), or empty when the text is missing or no such day. */
    public static java.util.Optional<java.time.LocalDate> isoDay(String text) {
        if (text == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(java.time.LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    public static boolean english(Locale locale) { return locale != null && "en".equals(locale.getLanguage()); }

    /** A whole number with its thousands grouped: 1.892 (Vietnamese), 1,892 (English). */
    public static String number(long value, Locale locale) { return format(BigDecimal.valueOf(value), locale); }

    /** A decimal with the digits it has, thousands grouped: 1.234,5 / 1,234.5; {@link #NOT_AVAILABLE} for null. */
    public static String number(BigDecimal value, Locale locale) {
        return value == null ? NOT_AVAILABLE : format(value, locale);
    }

    /** A decimal without trailing zeros (12.50 → 12,5 / 12.5; 20.00 → 20); {@link #NOT_AVAILABLE} for null. */
    public static String compact(BigDecimal value, Locale locale) {
        if (value == null) return NOT_AVAILABLE;
        BigDecimal stripped = value.stripTrailingZeros();
        return format(stripped.scale() < 0 ? stripped.setScale(0) : stripped, locale);
    }

    /** A percentage from a rate already in percent: 89,74 % (Vietnamese), 89.74% (English); N/A for null. */
    public static String percent(BigDecimal rate, Locale locale) {
        return rate == null ? NOT_AVAILABLE : format(rate, locale) + percentSign(locale);
    }

    /** What follows a percentage's number: " %" in Vietnamese, "%" in English. */
    public static String percentSign(Locale locale) { return english(locale) ? "%" : " %"; }

    /** A difference with its sign: +12,5 / -3; N/A for null. */
    public static String signed(BigDecimal value, Locale locale) {
        if (value == null) return NOT_AVAILABLE;
        return (value.signum() > 0 ? "+" : "") + format(value, locale);
    }

    /** The BCP 47 tag of the way numbers are written for this locale (vi-VN or en-US), for the browser's Intl. */
    public static String numberLocaleTag(Locale locale) { return english(locale) ? "en-US" : "vi-VN"; }

    private static String format(BigDecimal value, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        boolean english = english(locale);
        symbols.setGroupingSeparator(english ? ',' : '.');
        symbols.setDecimalSeparator(english ? '.' : ',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        int scale = Math.max(0, value.scale());
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setParseBigDecimal(true);
        return format.format(value);
    }
}
