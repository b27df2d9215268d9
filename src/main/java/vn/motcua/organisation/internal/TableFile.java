package vn.motcua.organisation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.PlainText;

/**
 * A list of units or users as administrators keep them: a CSV file (UTF-8, comma or semicolon separated, as Excel
 * saves it) or an XLSX workbook (its first sheet). The first non-empty row names the columns; a column is found by
 * any of its accepted names, compared without case, diacritics, spaces or punctuation ("Mã định danh" = "ma_dinh_danh").
 */
public final class TableFile {
    /** The largest file read. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The most rows read. */
    public static final int MAX_ROWS = 20_000;

    /** One data row: its line in the file (1 = the header) and its cells by column key. */
    public record Line(int number, Map<String, String> cells) {
        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private TableFile() { }

    /**
     * Reads the rows, naming each cell by the key of the column whose accepted names its header matches; columns
     * that match no key are ignored.
     *
     * @param columns each key with its accepted names
     * @throws InvalidInputException (field {@code file}) when the file is empty, too large, not CSV or XLSX, or has
     *                               none of the columns
     */
    public static List<Line> read(String filename, byte[] content, Map<String, List<String>> columns,
                                  java.util.function.BiFunction<String, Object[], String> message) {
        if (content == null || content.length == 0) throw new InvalidInputException("file", message.apply("organisation.import.empty", new Object[0]));
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", message.apply("organisation.import.tooLarge", new Object[] {MAX_BYTES / 1024 / 1024}));
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        boolean xlsx = name.endsWith(".xlsx") || (content.length > 4 && content[0] == 'P' && content[1] == 'K');
        List<List<String>> rows;
        try {
            rows = xlsx ? xlsxRows(content) : csvRows(content);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", message.apply("organisation.import.unreadable", new Object[] {filename}));
        }
        int header = 0;
        while (header < rows.size() && rows.get(header).stream().allMatch(c -> c == null || c.isBlank())) header++;
        if (header >= rows.size()) throw new InvalidInputException("file", message.apply("organisation.import.empty", new Object[0]));
        Map<Integer, String> keyOf = new LinkedHashMap<>();
        List<String> names = rows.get(header);
        for (int i = 0; i < names.size(); i++) {
            String folded = fold(names.get(i));
            for (var column : columns.entrySet()) {
                if (column.getValue().stream().map(TableFile::fold).anyMatch(folded::equals)) keyOf.putIfAbsent(i, column.getKey());
            }
        }
        if (keyOf.isEmpty()) {
            throw new InvalidInputException("file", message.apply("organisation.import.noColumns",
                    new Object[] {String.join(", ", columns.values().stream().map(l -> l.get(0)).toList())}));
        }
        if (rows.size() - header - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", message.apply("organisation.import.tooManyRows", new Object[] {MAX_ROWS}));
        }
        List<Line> lines = new ArrayList<>();
        for (int r = header + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(c -> c == null || c.isBlank())) continue;
            Map<String, String> cells = new LinkedHashMap<>();
            keyOf.forEach((index, key) -> cells.put(key, index < row.size() ? clean(row.get(index)) : null));
            lines.add(new Line(r + 1, cells));
        }
        return lines;
    }

    /** A header or a value compared loosely: lower case, without diacritics, spaces or punctuation. */
    public static String fold(String text) {
        if (text == null) return "";
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String clean(String cell) {
        return cell == null ? null : PlainText.nfc(cell.replace('\u00A0', ' ').strip());
    }

    private static List<List<String>> csvRows(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(reader)) {
                if (rows.size() > MAX_ROWS + 10) break;
                rows.add(record.toList());
            }
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] content) throws IOException {
        try (InputStream in = new ByteArrayInputStream(content); var workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            var format = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum() && rows.size() <= MAX_ROWS + 10; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? null : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
