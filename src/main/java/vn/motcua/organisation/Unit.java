package vn.motcua.organisation;

import java.util.regex.Pattern;

/**
 * An organisation unit with its electronic identifier (mã định danh, QCVN 102:2016), e.g. {@code 000.00.15.H33}.
 *
 * @param treePath materialised path of ids from the root, e.g. {@code /1/16/42/}: a unit's subtree is every unit
 *                 whose path starts with its own
 */
public record Unit(long id, String identifier, String name, String nameEn, UnitLevel level, Long parentId,
                   String treePath, boolean active) {

    /**
     * QCVN 102:2016 identifier format V1V2V3.Z1Z2.Y1Y2.MX1X2, the Y segment of two or three digits as real
     * identifiers have them (e.g. {@code 000.00.15.H33}, {@code 000.00.101.H05}).
     */
    public static final Pattern IDENTIFIER = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2,3}\\.[A-Z]\\d{2}$");

    public static boolean isValidIdentifier(String identifier) {
        return identifier != null && IDENTIFIER.matcher(identifier).matches();
    }

    /** True when {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other != null && other.treePath().startsWith(treePath);
    }

    public String displayName(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
