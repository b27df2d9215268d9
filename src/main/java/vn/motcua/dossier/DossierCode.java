package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mã hồ sơ (Circular 03/2025/TT-VPCP, which replaced Circular 01/2018/TT-VPCP):
 * {@code <receiving unit identifier>-<YYMMDD>-<NNNN>}, the identifier being the receiving unit's electronic identifier
 * (QCVN 102:2016, Y segment of two or three digits: {@code 000.00.15.H33}, {@code 000.00.101.H05}), the date the
 * receipt date in Asia/Ho_Chi_Minh and NNNN the unit's sequence of that day, from 0001 (more digits past 9999).
 */
public final class DossierCode {
    public static final Pattern FORMAT = Pattern.compile(
            "^(\\d{3}\\.\\d{2}\\.\\d{2,3}\\.[A-Z]\\d{2})-(\\d{6})-(\\d{4,})$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    /**
     * The parts of a dossier code.
     *
     * @param unitIdentifier the receiving unit's electronic identifier
     * @param receiptDay     the receipt day (years 2000–2099)
     * @param sequence       the unit's sequence of that day, from 1
     */
    public record Parts(String unitIdentifier, LocalDate receiptDay, int sequence) { }

    private DossierCode() { }

    public static String of(String unitIdentifier, LocalDate receiptDay, int sequence) {
        if (sequence < 1) throw new IllegalArgumentException("sequence starts at 1");
        return unitIdentifier + "-" + DAY.format(receiptDay) + "-" + String.format("%04d", sequence);
    }

    public static boolean isValid(String code) { return parse(code).isPresent(); }

    /**
     * Splits a code into its parts; empty when it is not a dossier code (wrong form, a date that does not exist, a
     * sequence 0 or too large).
     */
    public static Optional<Parts> parse(String code) {
        if (code == null) return Optional.empty();
        Matcher m = FORMAT.matcher(code);
        if (!m.matches() || m.group(3).length() > 9) return Optional.empty();
        LocalDate day;
        try {
            day = LocalDate.parse("20" + m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        int sequence = Integer.parseInt(m.group(3));
        return sequence < 1 ? Optional.empty() : Optional.of(new Parts(m.group(1), day, sequence));
    }
}
