package vn.motcua.organisation;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An organisation unit with its electronic identifier (mã định danh, QCVN 102:2016), e.g. {@code 000.00.15.H33}.
 *
 * @param treePath materialised path of ids from the root, e.g. {@code /1/16/42/}: a unit's subtree is every unit
 *                 whose path starts with its own
 * @param active   false once the unit is closed (it stays for the dossiers and reports of the time before)
 * @param kind     what the unit is (people's committee, department, commune, central vertical agency...)
 * @param closedOn the day the unit closed, null while it works
 */
public record Unit(long id, String identifier, String name, String nameEn, UnitLevel level, Long parentId,
                   String treePath, boolean active, UnitKind kind, LocalDate closedOn) {

    /**
     * QCVN 102:2016 identifier format V1V2V3.Z1Z2.Y1Y2.MX1X2, the Y segment of two or three digits as real
     * identifiers have them (e.g. {@code 000.00.15.H33}, {@code 000.00.101.H05}); M X1X2 is the level-1 code (H33:
     * Kiên Giang, G.. for ministries and their vertical agencies).
     */
    public static final Pattern IDENTIFIER = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2,3}\\.[A-Z]\\d{2}$");

    public static boolean isValidIdentifier(String identifier) {
        return identifier != null && IDENTIFIER.matcher(identifier).matches();
    }

    /** The level-1 code of an identifier (the province's, e.g. {@code H33}), or null when it is malformed. */
    public static String topLevelCode(String identifier) {
        return isValidIdentifier(identifier) ? identifier.substring(identifier.lastIndexOf('.') + 1) : null;
    }

    /** True when {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other != null && other.treePath().startsWith(treePath);
    }

    /** The root of the unit's tree (the province it belongs to): the first id of its path. */
    public long rootId() {
        int end = treePath.indexOf('/', 1);
        return Long.parseLong(end < 0 ? treePath.substring(1) : treePath.substring(1, end));
    }

    /**
     * The place a local government governs, as people name where they live: {@code "Xã Bình An"} for {@code "UBND xã
     * Bình An"}, {@code "Binh An Commune"} for {@code "Binh An Commune People's Committee"}; other units by their name.
     */
    public String placeName(java.util.Locale locale) {
        String n = displayName(locale);
        for (String prefix : new String[] {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "}) {
            if (n.startsWith(prefix) && n.length() > prefix.length()) {
                String rest = n.substring(prefix.length());
                return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        String suffix = " People's Committee";
        return n.endsWith(suffix) && n.length() > suffix.length() ? n.substring(0, n.length() - suffix.length()) : n;
    }

    public String displayName(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
