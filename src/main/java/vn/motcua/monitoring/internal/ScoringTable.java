package vn.motcua.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.motcua.monitoring.IndicatorSettings;
import vn.motcua.monitoring.ScoringMeasure;

/**
 * The scoring table of Decision 766: one row per indicator with its formula, maximum points, target and source, and
 * what MotCua computes for it (or why it cannot). Read from {@code indicators/scoring-766.csv} on the class path, or
 * from the file {@code motcua.indicators.scoring-file} names, which is read again when it changes (no release needed);
 * an edited file that is not valid is refused with a warning naming the row, and the last valid table stays.
 *
 * <p>Columns: {@code code, group, measure, max_points, target, name_vi, name_en, formula_vi, formula_en, source,
 * reason_vi, reason_en} (UTF-8, RFC 4180 quoting), and optionally {@code when_empty}: what a computed row earns when
 * its denominator is empty, {@code na} (not applicable, no points: the default) or {@code full} (its maximum, as the
 * formula sheet rules for feedback when a unit received none). A row without a {@code measure} is not computed and
 * must say why in {@code reason_vi}. The maximum points of all rows add up to 100; a row may have 0 points (shown, not
 * scored).
 */
@Component
public class ScoringTable {
    private static final Logger log = LoggerFactory.getLogger(ScoringTable.class);
    /** The default table, on the class path. */
    public static final String DEFAULT = "indicators/scoring-766.csv";
    /** The indicator groups of the decision. */
    public static final List<String> GROUPS = List.of("DISCLOSURE", "PROGRESS", "ONLINE_SERVICES", "ONLINE_PAYMENT",
            "SATISFACTION", "DIGITISATION");
    private static final BigDecimal TOTAL = BigDecimal.valueOf(100);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String[] HEADER = {"code", "group", "measure", "max_points", "target", "name_vi", "name_en",
            "formula_vi", "formula_en", "source", "reason_vi", "reason_en"};

    /** The optional column: what a computed row earns when its denominator is empty. */
    public static final String WHEN_EMPTY = "when_empty";

    /**
     * One row of the table; {@code measure} null when MotCua does not compute it; {@code fullWhenEmpty} when an empty
     * denominator earns the maximum points instead of none.
     */
    public record Rule(String code, String group, ScoringMeasure measure, BigDecimal maxPoints, BigDecimal target,
                       String nameVi, String nameEn, String formulaVi, String formulaEn, String source, String reasonVi,
                       String reasonEn, boolean fullWhenEmpty) { }

    private final IndicatorSettings settings;
    private volatile List<Rule> rules;
    private volatile Object loadedFrom;

    public ScoringTable(IndicatorSettings settings) {
        this.settings = settings;
        rules = read();
    }

    /** The rules, in the table's order; the file named by the setting is read again when it has changed. */
    public List<Rule> rules() {
        Object stamp = stamp();
        if (!stamp.equals(loadedFrom)) {
            synchronized (this) {
                if (!stamp.equals(loadedFrom)) {
                    try {
                        rules = read();
                    } catch (IllegalStateException e) {
                        loadedFrom = stamp;
                        log.warn("Scoring table not changed: {}", e.getMessage());
                    }
                }
            }
        }
        return rules;
    }

    /** The file's path and modification time, or the class path's name. */
    private Object stamp() {
        Path file = file();
        if (file == null) return DEFAULT;
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return file + "@" + time.toMillis() + "/" + Files.size(file);
        } catch (IOException e) {
            return file + "@missing";
        }
    }

    private Path file() {
        String f = settings.getScoringFile();
        return f == null || f.isBlank() ? null : Path.of(f.trim());
    }

    private List<Rule> read() {
        Object stamp = stamp();
        Path file = file();
        String name = file == null ? "classpath:" + DEFAULT : file.toString();
        try (InputStream in = file == null ? ScoringTable.class.getClassLoader().getResourceAsStream(DEFAULT)
                : Files.newInputStream(file)) {
            if (in == null) throw new IllegalStateException(name + " not found");
            List<Rule> read = parse(new InputStreamReader(in, StandardCharsets.UTF_8), name);
            loadedFrom = stamp;
            return read;
        } catch (IOException e) {
            throw new IllegalStateException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks a table.
     *
     * @throws IllegalStateException naming the source, the row and the column at fault
     */
    public static List<Rule> parse(Reader reader, String name) throws IOException {
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<Rule> rules = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (var parser = format.parse(reader)) {
            for (String column : HEADER) {
                if (!parser.getHeaderMap().containsKey(column)) throw new IllegalStateException(name + ": no column " + column);
            }
            for (CSVRecord r : parser) {
                String at = name + " row " + (r.getRecordNumber() + 1) + ": ";
                String code = required(r, "code", at);
                if (!codes.add(code)) throw new IllegalStateException(at + "code " + code + " appears twice");
                String group = required(r, "group", at).toUpperCase(Locale.ROOT);
                if (!GROUPS.contains(group)) throw new IllegalStateException(at + "group must be one of " + GROUPS);
                String m = r.get("measure");
                ScoringMeasure measure;
                try {
                    measure = m == null || m.isBlank() ? null : ScoringMeasure.valueOf(m.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(at + "measure must be empty or one of "
                            + java.util.Arrays.toString(ScoringMeasure.values()));
                }
                BigDecimal max = number(r, "max_points", at);
                if (max.signum() < 0) throw new IllegalStateException(at + "max_points must not be negative");
                BigDecimal target = number(r, "target", at);
                if (target.signum() <= 0 || target.compareTo(HUNDRED) > 0) {
                    throw new IllegalStateException(at + "target must be above 0 and at most 100");
                }
                boolean full = false;
                if (parser.getHeaderMap().containsKey(WHEN_EMPTY)) {
                    String empty = blankToNull(r.get(WHEN_EMPTY));
                    if (empty != null && !empty.equalsIgnoreCase("na") && !empty.equalsIgnoreCase("full")) {
                        throw new IllegalStateException(at + WHEN_EMPTY + " must be empty, na or full");
                    }
                    full = "full".equalsIgnoreCase(empty);
                }
                String reason = blankToNull(r.get("reason_vi"));
                if (measure == null && reason == null) {
                    throw new IllegalStateException(at + "reason_vi is required when MotCua does not compute the row (no measure)");
                }
                rules.add(new Rule(code, group, measure, max, target, required(r, "name_vi", at),
                        blankToNull(r.get("name_en")), required(r, "formula_vi", at), blankToNull(r.get("formula_en")),
                        required(r, "source", at), measure == null ? reason : null,
                        measure == null ? blankToNull(r.get("reason_en")) : null, full));
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IllegalStateException(name + ": not a valid CSV table: " + e.getMessage(), e);
        }
        BigDecimal total = rules.stream().map(Rule::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(TOTAL) != 0) {
            throw new IllegalStateException(name + ": the maximum points add up to " + total.toPlainString() + ", not 100");
        }
        return List.copyOf(rules);
    }

    private static String required(CSVRecord r, String column, String at) {
        String v = blankToNull(r.get(column));
        if (v == null) throw new IllegalStateException(at + column + " is required");
        return v;
    }

    private static BigDecimal number(CSVRecord r, String column, String at) {
        try {
            return new BigDecimal(required(r, column, at));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(at + column + " must be a number (e.g. 12 or 12.5)");
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
