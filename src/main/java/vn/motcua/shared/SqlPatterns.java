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

    /** Every letter with a diacritic (Vietnamese and the rest of Latin) and the plain lower-case letter it folds to. */
    private static final String[] FOLD_TABLE = foldTable();

    /**
     * The SQL of a text column as {@link TextSearch#fold} writes text: without diacritics ({@code đ} as {@code d})
     * and in lower case, by {@code translate} and {@code lower}, which H2 and PostgreSQL both have, whatever the
     * database's character type (its {@code lower} may know only ASCII). Compare it with a pattern of
     * {@link TextSearch#fold folded} words, e.g. {@code folded("d.applicant_name") + " like ? escape '\\'"}.
     */
    public static String folded(String column) {
        return "lower(translate(" + column + ", '" + FOLD_TABLE[0] + "', '" + FOLD_TABLE[1] + "'))";
    }

    /**
     * The condition that every word of {@code words} (diacritics and case ignored) occurs in the column, and its
     * parameters added to {@code params}; nothing when there are no words.
     */
    public static String allWordsIn(String column, String words, java.util.List<Object> params) {
        StringBuilder sql = new StringBuilder();
        for (String word : TextSearch.fold(PlainText.nfc(words == null ? "" : words)).trim().split("\\s+")) {
            if (word.isEmpty()) continue;
            sql.append(" and ").append(folded(column)).append(" like ? escape '\\'");
            params.add(containing(word));
        }
        return sql.toString();
    }

    private static String[] foldTable() {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (int[] range : new int[][] {{0x00C0, 0x024F}, {0x1E00, 0x1EFF}}) {
            for (int c = range[0]; c <= range[1]; c++) {
                String letter = new String(Character.toChars(c));
                String plain = TextSearch.fold(letter);
                if (plain.length() == 1 && plain.charAt(0) >= 'a' && plain.charAt(0) <= 'z' && !plain.equals(letter)) {
                    from.append(letter);
                    to.append(plain);
                }
            }
        }
        return new String[] {from.toString(), to.toString()};
    }
}
