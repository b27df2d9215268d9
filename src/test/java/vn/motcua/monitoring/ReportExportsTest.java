package vn.motcua.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaTest;

/** The downloads read back: XLSX with Apache POI, CSV with an RFC 4180 parser; Vietnamese text intact. */
@MotCuaTest
class ReportExportsTest {
    static final String QUERY = IndicatorRulesTest.MARCH + "&unit=" + CraftedDossiers.DISTRICT;

    @Autowired TestRestTemplate http;
    @Autowired CraftedDossiers crafted;

    @BeforeEach
    void data() { crafted.ensure(); }

    @Test
    void theIndicatorTablesAsXlsx() throws Exception {
        ResponseEntity<byte[]> response = download("indicators.xlsx");
        assertThat(response.getHeaders().getContentType().toString()).startsWith(ReportController.XLSX);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment", ".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet("Chỉ số");
            assertThat(sheet).isNotNull();
            assertThat(text(sheet.getRow(0).getCell(0))).contains("BÁO CÁO CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP");
            assertThat(text(sheet.getRow(1).getCell(0))).contains("UBND huyện Thử Nghiệm");
            Row onTime = rowWith(sheet, 1, "2.1");
            assertThat(text(onTime.getCell(2))).isEqualTo("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn");
            assertThat(onTime.getCell(3).getNumericCellValue()).isEqualTo(11);
            assertThat(onTime.getCell(4).getNumericCellValue()).isEqualTo(15);
            assertThat(onTime.getCell(5).getNumericCellValue()).isEqualTo(73.33);
            assertThat(onTime.getCell(8).getNumericCellValue()).isEqualTo(14.67);
            Row satisfaction = rowWith(sheet, 1, "5.4");
            assertThat(satisfaction.getCell(5).getNumericCellValue()).isEqualTo(60.0);
            Row commune = rowWith(sheet, 1, "online.COMMUNE");
            assertThat(text(commune.getCell(2))).isEqualTo("Tỷ lệ hồ sơ cấp xã xử lý trực tuyến");
            assertThat(commune.getCell(10).getNumericCellValue()).isEqualTo(-33.33);
            Row procedures = rowWith(workbook.getSheet("Thủ tục"), 0, CraftedDossiers.PROCEDURE);
            assertThat(text(procedures.getCell(1))).isEqualTo("Thủ tục đăng ký khai sinh");
            assertThat(procedures.getCell(8).getNumericCellValue()).isEqualTo(1.02);
            Row unit = rowWith(workbook.getSheet("Đơn vị"), 0, CraftedDossiers.COMMUNE);
            assertThat(text(unit.getCell(1))).isEqualTo("UBND xã Kiểm Thử");
            assertThat(text(unit.getCell(2))).isEqualTo("Cấp xã");
            // the communes ranked on a sheet of their own, apart from the departments
            Row ranked = rowWith(workbook.getSheet("Xã, phường, đặc khu"), 0, CraftedDossiers.COMMUNE);
            assertThat(ranked.getCell(4).getNumericCellValue()).isEqualTo(15);
        }
    }

    @Test
    void theIndicatorTablesAsCsvWithAByteOrderMark() {
        ResponseEntity<byte[]> response = download("indicators.csv");
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = response.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactlyElementsOf(ReportExports.INDICATOR_HEADER);
        List<String> onTime = rows.stream().filter(r -> r.size() > 1 && r.get(1).equals("2.1")).findFirst().orElseThrow();
        assertThat(onTime.get(2)).as("a name with a comma, quoted and read back whole")
                .isEqualTo("Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn");
        assertThat(onTime.subList(3, 6)).as("numbers as the Vietnamese forms write them").containsExactly("11", "15", "73,33");
        List<String> average = rows.stream().filter(r -> r.size() > 1 && r.get(1).equals("2.2")).findFirst().orElseThrow();
        assertThat(average.get(6)).isEqualTo("ngày làm việc");
        assertThat(average.get(8)).as("not scored: empty").isEmpty();
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Thủ tục", CraftedDossiers.PROCEDURE, "Thủ tục đăng ký khai sinh"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Đơn vị", CraftedDossiers.COMMUNE, "UBND xã Kiểm Thử"));
    }

    @Test
    void theTrackingRegisterAsXlsx() throws Exception {
        ResponseEntity<byte[]> response = download("register.xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            Sheet sheet = workbook.getSheet("Sổ theo dõi hồ sơ");
            assertThat(text(sheet.getRow(0).getCell(0))).isEqualTo("SỔ THEO DÕI HỒ SƠ (Mẫu số 07)");
            List<String> header = new ArrayList<>();
            sheet.getRow(3).forEach(c -> header.add(text(c)));
            assertThat(header).containsExactlyElementsOf(ReportExports.REGISTER_HEADER);
            List<String> codes = new ArrayList<>();
            for (int r = 4; r <= sheet.getLastRowNum(); r++) codes.add(text(sheet.getRow(r).getCell(1)));
            assertThat(codes).hasSize(15).containsExactlyInAnyOrder(codes("abcdefghimnoprs"));
            Row b = rowWith(sheet, 1, CraftedDossiers.code("b"));
            assertThat(text(b.getCell(2))).isEqualTo("Thủ tục đăng ký khai sinh");
            assertThat(text(b.getCell(3))).isEqualTo("Nguyễn Thị Hồng Nhung B");
            assertThat(b.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new DataFormatter().formatCellValue(b.getCell(4))).isEqualTo("05/03/2025 08:00");
            assertThat(text(b.getCell(8))).isEqualTo("10 · Đã trả kết quả");
            assertThat(text(b.getCell(9))).contains("Trễ hạn");
            assertThat(text(rowWith(sheet, 1, CraftedDossiers.code("i")).getCell(9))).contains("Kỳ trước chuyển sang");
            assertThat(text(rowWith(sheet, 1, CraftedDossiers.code("e")).getCell(9))).contains("Trễ hạn", "Bổ sung 2 lần");
            assertThat(text(rowWith(sheet, 1, CraftedDossiers.code("f")).getCell(9))).contains("Lý do: Công dân không còn nhu cầu");
        }
    }

    @Test
    void theTrackingRegisterAsCsv() {
        byte[] body = download("register.csv").getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactlyElementsOf(ReportExports.REGISTER_HEADER);
        assertThat(rows).hasSize(16);
        List<String> h = rows.stream().filter(r -> r.get(1).equals(CraftedDossiers.code("h"))).findFirst().orElseThrow();
        assertThat(h.get(3)).isEqualTo("Nguyễn Thị Hồng Nhung H");
        assertThat(h.get(4)).isEqualTo("20/03/2025 08:00");
        assertThat(h.get(5)).isEqualTo("21/03/2025 08:00");
        assertThat(h.get(8)).isEqualTo("4 · Đang xử lý");
        assertThat(h.get(9)).isEqualTo("Trễ hạn");
        List<String> a = rows.stream().filter(r -> r.get(1).equals(CraftedDossiers.code("a"))).findFirst().orElseThrow();
        assertThat(a.subList(6, 10)).containsExactly("03/03/2025 15:00", "04/03/2025 10:00", "10 · Đã trả kết quả", "");
    }

    private ResponseEntity<byte[]> download(String path) {
        var response = http.withBasicAuth("supervisor", "demo").getForEntity("/api/reports/" + path + "?" + QUERY, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    private static String[] codes(String ids) {
        return ids.chars().mapToObj(c -> CraftedDossiers.code(String.valueOf((char) c))).toArray(String[]::new);
    }

    private static String text(Cell cell) { return cell == null ? "" : new DataFormatter().formatCellValue(cell); }

    private static Row rowWith(Sheet sheet, int column, String value) {
        for (Row row : sheet) if (value.equals(text(row.getCell(column)))) return row;
        throw new AssertionError("no row with " + value + " in " + sheet.getSheetName());
    }

    /** RFC 4180: comma-separated, CRLF, quoted fields with doubled quotes. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) { row.add(field.toString()); rows.add(row); }
        return rows;
    }
}
