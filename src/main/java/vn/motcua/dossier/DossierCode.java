package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Mã hồ sơ (Circular 01/2018/TT-VPCP Art. 19): {@code <receiving unit identifier>-<YYMMDD>-<NNNN>}, the date being
 * the receipt date in Asia/Ho_Chi_Minh and NNNN the unit's sequence of that day, from 0001.
 */
public final class DossierCode {
    public static final Pattern FORMAT = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4,}$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private DossierCode() { }

    public static String of(String unitIdentifier, LocalDate receiptDay, int sequence) {
        if (sequence < 1) throw new IllegalArgumentException("sequence starts at 1");
        return unitIdentifier + "-" + DAY.format(receiptDay) + "-" + String.format("%04d", sequence);
    }

    public static boolean isValid(String code) { return code != null && FORMAT.matcher(code).matches(); }
}
