package vn.motcua.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.shared.Formats;

/**
 * Official tables for download, in Vietnamese: the indicator tables of a period and its tracking register (form 07:
 * code, procedure, applicant, received, due, finished, returned, status, remarks), as XLSX (Apache POI, streamed: a
 * register of a million rows never sits in memory) and as CSV (RFC 4180, comma-separated, UTF-8 with a byte-order
 * mark so that Excel shows the diacritics; dates {@code dd/MM/yyyy HH:mm} in Asia/Ho_Chi_Minh, decimals with a dot).
 */
@Service
public class ReportExports {
    /** At most this many register rows (an XLSX sheet holds 1,048,576): a last row says when some were left out. */
    public static final int MAX_REGISTER_ROWS = 1_000_000;
    static final List<String> REGISTER_HEADER = List.of("STT", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp hồ sơ",
            "Ngày tiếp nhận", "Hẹn trả kết quả", "Ngày xử lý xong", "Ngày trả kết quả", "Trạng thái", "Ghi chú");
    static final List<String> INDICATOR_HEADER = List.of("Nhóm", "Mã", "Tên", "Tử số", "Mẫu số", "Tỷ lệ / giá trị",
            "Đơn vị tính", "Chỉ tiêu (%)", "Điểm", "Điểm tối đa", "Chênh lệch (điểm %)", "Ghi chú");

    /** The names of the indicator groups of Decision 766 in the exports. */
    private static final java.util.Map<String, String> GROUPS_VI = java.util.Map.of("DISCLOSURE", "Công khai, minh bạch",
            "PROGRESS", "Tiến độ giải quyết", "ONLINE_SERVICES", "Dịch vụ công trực tuyến", "ONLINE_PAYMENT",
            "Thanh toán trực tuyến", "SATISFACTION", "Mức độ hài lòng", "DIGITISATION", "Số hóa hồ sơ");

    private final IndicatorService indicators;

    ReportExports(IndicatorService indicators) { this.indicators = indicators; }

    /** The indicator tables of a period as an XLSX workbook: indicators and province targets, units, procedures. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public void indicatorsXlsx(ReportFilter filter, OutputStream out) {
        IndicatorReport report = indicators.report(filter);
        try (var workbook = new SXSSFWorkbook(100)) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Chỉ số");
            int r = title(sheet, styles, "BÁO CÁO CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (Quyết định 766/QĐ-TTg)", report);
            r = rows(sheet, styles, r, INDICATOR_HEADER, indicatorRows(report));
            sheet.createRow(r + 1).createCell(0).setCellValue(report.population().rule());
            widths(sheet, 14, 8, 60, 12, 12, 14, 14, 12, 10, 12, 16, 60);

            Sheet units = workbook.createSheet("Đơn vị");
            int u = title(units, styles, "CHỈ SỐ THEO ĐƠN VỊ", report);
            rows(units, styles, u, ROW_HEADER, breakdown(report.units()));
            widths(units, 16, 50, 12, 14, 10, 10, 12, 16, 14, 14, 14);

            Sheet communes = workbook.createSheet("Xã, phường, đặc khu");
            int c = title(communes, styles, "CHỈ SỐ THEO XÃ, PHƯỜNG, ĐẶC KHU", report);
            rows(communes, styles, c, ROW_HEADER, breakdown(report.communes()));
            widths(communes, 16, 50, 12, 14, 10, 10, 12, 16, 14, 14, 14);

            Sheet procedures = workbook.createSheet("Thủ tục");
            int p = title(procedures, styles, "CHỈ SỐ THEO THỦ TỤC HÀNH CHÍNH", report);
            rows(procedures, styles, p, ROW_HEADER, breakdown(report.procedures()));
            widths(procedures, 16, 60, 12, 14, 10, 10, 12, 16, 14, 14, 14);

            Sheet residence = workbook.createSheet("Nơi cư trú");
            int n = title(residence, styles, "HỒ SƠ THEO NƠI CƯ TRÚ CỦA NGƯỜI NỘP (tiếp nhận không phụ thuộc địa giới hành chính)", report);
            var lives = report.residence();
            residence.createRow(n++).createCell(0).setCellValue("Tiếp nhận trong kỳ: " + vi(lives.received())
                    + "; có ghi nơi cư trú: " + vi(lives.recorded()) + "; do xã, phường, đặc khu khác nơi cư trú tiếp nhận: "
                    + vi(lives.awayFromHome()));
            rows(residence, styles, n + 1, RESIDENCE_HEADER, lives.communes().stream()
                    .map(row -> List.<Object>of(row.key(), row.name(), row.dossiers(), row.atHome(), row.atOtherCommune(), row.atProvince()))
                    .toList());
            widths(residence, 16, 50, 12, 16, 16, 16);
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> RESIDENCE_HEADER = List.of("Mã định danh", "Xã, phường, đặc khu nơi cư trú",
            "Hồ sơ", "Tiếp nhận tại nơi cư trú", "Tại xã, phường, đặc khu khác", "Tại cấp tỉnh");

    /** The indicator tables of a period as one CSV table (a first column says which table each row is from). */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public void indicatorsCsv(ReportFilter filter, OutputStream out) {
        IndicatorReport report = indicators.report(filter);
        Csv csv = new Csv(out);
        csv.row(INDICATOR_HEADER);
        for (List<Object> row : indicatorRows(report)) csv.row(row);
        for (IndicatorReport.Row row : report.units()) {
            csv.row(Arrays.asList("Đơn vị", row.key(), row.name(), row.dossiers() - row.late(), row.dossiers(), row.onTimeRate(), "%",
                    null, null, null, null, rowNote(row)));
        }
        for (IndicatorReport.Row row : report.procedures()) {
            csv.row(Arrays.asList("Thủ tục", row.key(), row.name(), row.dossiers() - row.late(), row.dossiers(), row.onTimeRate(), "%",
                    null, null, null, null, rowNote(row)));
        }
        csv.flush();
    }

    /** The tracking register (form 07) of a period as XLSX: the dossiers the period's indicators count. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public void registerXlsx(ReportFilter filter, OutputStream out) {
        try (var workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet("Sổ theo dõi hồ sơ");
            Row title = sheet.createRow(0);
            cell(title, 0, "SỔ THEO DÕI HỒ SƠ (Mẫu số 07)", styles.title);
            sheet.createRow(1).createCell(0).setCellValue("Từ ngày " + date(filter.from()) + " đến ngày " + date(filter.to())
                    + (filter.unitIdentifier() == null ? "" : " · Đơn vị " + filter.unitIdentifier()));
            Row header = sheet.createRow(3);
            for (int i = 0; i < REGISTER_HEADER.size(); i++) cell(header, i, REGISTER_HEADER.get(i), styles.header);
            int[] r = {4};
            long total = indicators.register(filter, MAX_REGISTER_ROWS, e -> {
                Row row = sheet.createRow(r[0]);
                row.createCell(0).setCellValue(r[0] - 3);
                row.createCell(1).setCellValue(e.code());
                row.createCell(2).setCellValue(e.procedureName());
                row.createCell(3).setCellValue(e.applicantName());
                dateCell(row, 4, e.receivedAt(), styles.date);
                dateCell(row, 5, e.dueAt(), styles.date);
                dateCell(row, 6, e.finishedAt(), styles.date);
                dateCell(row, 7, e.returnedAt(), styles.date);
                row.createCell(8).setCellValue(e.status() + " · " + e.statusName());
                row.createCell(9).setCellValue(e.remarks());
                r[0]++;
            });
            if (total > MAX_REGISTER_ROWS) {
                sheet.createRow(r[0] + 1).createCell(0).setCellValue("Chỉ xuất " + vi(MAX_REGISTER_ROWS) + "/" + vi(total) + " hồ sơ.");
            }
            widths(sheet, 7, 26, 50, 28, 17, 17, 17, 17, 26, 40);
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tracking register (form 07) of a period as CSV. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    public void registerCsv(ReportFilter filter, OutputStream out) {
        Csv csv = new Csv(out);
        csv.row(REGISTER_HEADER);
        long[] n = {0};
        long total = indicators.register(filter, MAX_REGISTER_ROWS, e -> csv.row(Arrays.asList(++n[0], e.code(),
                e.procedureName(), e.applicantName(), Formats.dateTime(e.receivedAt()), Formats.dateTime(e.dueAt()),
                Formats.dateTime(e.finishedAt()), Formats.dateTime(e.returnedAt()), e.status() + " · " + e.statusName(),
                e.remarks())));
        if (total > MAX_REGISTER_ROWS) csv.row(List.of("", "Chỉ xuất " + vi(MAX_REGISTER_ROWS) + "/" + vi(total) + " hồ sơ."));
        csv.flush();
    }

    // --- tables

    private static final List<String> ROW_HEADER = List.of("Mã", "Tên", "Cấp", "Thời hạn (ngày làm việc)", "Số hồ sơ",
            "Trễ hạn", "Đã xử lý xong", "Tỷ lệ đúng hạn (%)", "Thời gian TB (ngày)", "Tỷ lệ trực tuyến (%)",
            "Mức độ hài lòng (%)");

    private static List<List<Object>> indicatorRows(IndicatorReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Indicator i : report.indicators()) {
            rows.add(Arrays.asList("Chỉ số 766", i.code(), i.name(), i.numerator(), i.denominator(), i.rate(), i.unit(),
                    i.target(), i.points(), i.maxPoints(), null, i.note()));
        }
        for (ScoreLine l : report.scoring()) {
            rows.add(Arrays.asList("Chấm điểm 766 · " + GROUPS_VI.getOrDefault(l.group(), l.group()), l.code(), l.name(),
                    l.numerator(), l.denominator(), l.rate(), "%", l.target(), l.points(), l.maxPoints(), null,
                    (l.reason() == null ? "" : (l.computed() ? "" : "Không tính: ") + l.reason() + " ") + "Nguồn: " + l.source()));
        }
        rows.add(Arrays.asList("Chấm điểm 766", "", "Tổng điểm (thang 100)", null, null, null, null, null, report.points(),
                report.totalMaxPoints(), null, "Chỉ số MotCua tính được: " + Formats.compact(report.maxPoints(), Formats.VIETNAMESE)
                        + " điểm tối đa"));
        for (ProvinceTarget t : report.provinceTargets()) {
            rows.add(Arrays.asList("Mục tiêu của tỉnh", t.code(), t.name(), t.numerator(), t.denominator(), t.rate(), "%",
                    t.target(), null, null, t.gap(), t.rate() == null ? "N/A" : null));
        }
        return rows;
    }

    private static List<List<Object>> breakdown(List<IndicatorReport.Row> rows) {
        List<List<Object>> result = new ArrayList<>();
        for (IndicatorReport.Row row : rows) {
            result.add(Arrays.asList(row.key(), row.name(), levelVi(row.level()), row.statutoryDays(), row.dossiers(),
                    row.late(), row.processed(), row.onTimeRate(), row.averageDays(), row.onlineRate(), row.satisfactionRate()));
        }
        return result;
    }

    private static String rowNote(IndicatorReport.Row row) {
        return "Trễ hạn " + vi(row.late()) + "; xử lý xong " + vi(row.processed()) + "; thời gian TB "
                + Formats.number(row.averageDays(), Formats.VIETNAMESE) + " ngày; trực tuyến "
                + Formats.percent(row.onlineRate(), Formats.VIETNAMESE) + "; hài lòng "
                + Formats.percent(row.satisfactionRate(), Formats.VIETNAMESE);
    }

    /** A count in the Vietnamese texts of the official tables: 1.892. */
    private static String vi(long value) { return Formats.number(value, Formats.VIETNAMESE); }

    private static String levelVi(String level) {
        if (level == null) return "";
        return switch (level) {
            case "PROVINCE" -> "Cấp tỉnh";
            case "DISTRICT" -> "Cấp huyện";
            case "COMMUNE" -> "Cấp xã";
            default -> level;
        };
    }

    // --- XLSX helpers

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle date;
        final CellStyle decimal;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title.setFont(big);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        }
    }

    private static int title(Sheet sheet, Styles styles, String text, IndicatorReport report) {
        cell(sheet.createRow(0), 0, text, styles.title);
        sheet.createRow(1).createCell(0).setCellValue("Đơn vị: " + (report.unit() == null ? "Toàn tỉnh"
                : report.unit().name() + " (" + report.unit().identifier() + ")")
                + (report.procedure() == null ? "" : " · Thủ tục " + report.procedure())
                + (report.sector() == null ? "" : " · Lĩnh vực " + report.sector())
                + (report.level() == null ? "" : " · " + levelVi(report.level())));
        sheet.createRow(2).createCell(0).setCellValue("Kỳ báo cáo: từ ngày " + date(report.from()) + " đến ngày "
                + date(report.to()) + " · Đánh giá tại thời điểm " + Formats.dateTime(report.asOf())
                + " · Số hồ sơ trong kỳ: " + vi(report.population().dossiers()) + " (tiếp nhận trong kỳ "
                + vi(report.population().received()) + ", kỳ trước chuyển sang " + vi(report.population().carriedOver()) + ")");
        return 4;
    }

    private static int rows(Sheet sheet, Styles styles, int start, List<String> header, List<List<Object>> rows) {
        Row h = sheet.createRow(start);
        for (int i = 0; i < header.size(); i++) cell(h, i, header.get(i), styles.header);
        int r = start + 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v == null) continue;
                Cell c = row.createCell(i);
                if (v instanceof BigDecimal d) {
                    c.setCellValue(d.doubleValue());
                    if (d.scale() > 0) c.setCellStyle(styles.decimal);
                } else if (v instanceof Number number) {
                    c.setCellValue(number.doubleValue());
                } else {
                    c.setCellValue(v.toString());
                }
            }
        }
        return r;
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(text);
        c.setCellStyle(style);
    }

    private static void dateCell(Row row, int column, Instant instant, CellStyle style) {
        if (instant == null) return;
        Cell c = row.createCell(column);
        c.setCellValue(LocalDateTime.ofInstant(instant, WorkingCalendar.ZONE));
        c.setCellStyle(style);
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int i = 0; i < characters.length; i++) sheet.setColumnWidth(i, characters[i] * 256);
    }

    private static String date(java.time.LocalDate day) {
        return Formats.date(day);
    }

    // --- CSV

    /**
     * RFC 4180 CSV in UTF-8 with a byte-order mark; CRLF line ends; fields quoted when they need it. Numbers are text
     * here, written as the Vietnamese forms write them (1.892; 73,33), quoted when they hold a comma.
     */
    private static final class Csv {
        private final Writer writer;

        Csv(OutputStream out) {
            try {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        void row(List<?> values) {
            try {
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) writer.write(',');
                    writer.write(field(values.get(i)));
                }
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String field(Object value) {
            if (value == null) return "";
            String text = value instanceof BigDecimal d ? Formats.number(d, Formats.VIETNAMESE)
                    : value instanceof Long || value instanceof Integer ? Formats.number(((Number) value).longValue(), Formats.VIETNAMESE)
                    : value.toString();
            // A leading =, +, - or @ would be taken as a formula by spreadsheets (CSV injection): quote and prefix it
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) text = "'" + text;
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                    || text.startsWith("'")) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }
    }
}
