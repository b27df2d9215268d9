package vn.motcua.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports for supervisors (their unit and below; another unit answers 404) and administrators; other roles 403.
 * Every endpoint takes {@code from}, {@code to} (YYYY-MM-DD, required) and optionally {@code unit} (identifier),
 * {@code procedure} (code), {@code sector} and {@code level}; a malformed parameter answers 400 naming it.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Báo cáo, chỉ số (reports and indicators)")
class ReportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";

    private final IndicatorService indicators;
    private final ReportExports exports;
    private final BottleneckService bottlenecks;

    ReportController(IndicatorService indicators, ReportExports exports, BottleneckService bottlenecks) {
        this.indicators = indicators;
        this.exports = exports;
        this.bottlenecks = bottlenecks;
    }

    @GetMapping("/indicators")
    @Operation(summary = "The indicators of Decision 766 and the province plan's targets for a period")
    IndicatorReport indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
                               @RequestParam(required = false) String sector, @RequestParam(required = false) String level) {
        return indicators.report(indicators.filter(from, to, unit, procedure, sector, level));
    }

    @GetMapping("/indicators.xlsx")
    @Operation(summary = "The indicator tables of a period as XLSX")
    void indicatorsXlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
                        @RequestParam(required = false) String sector, @RequestParam(required = false) String level,
                        HttpServletResponse response) throws IOException {
        var filter = indicators.filter(from, to, unit, procedure, sector, level);
        indicators.scopeCheck(filter);
        download(response, XLSX, "chi-so-" + filter.from() + "_" + filter.to() + ".xlsx");
        exports.indicatorsXlsx(filter, response.getOutputStream());
    }

    @GetMapping("/indicators.csv")
    @Operation(summary = "The indicator tables of a period as CSV (UTF-8 with BOM)")
    void indicatorsCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
                       @RequestParam(required = false) String sector, @RequestParam(required = false) String level,
                       HttpServletResponse response) throws IOException {
        var filter = indicators.filter(from, to, unit, procedure, sector, level);
        indicators.scopeCheck(filter);
        download(response, CSV, "chi-so-" + filter.from() + "_" + filter.to() + ".csv");
        exports.indicatorsCsv(filter, response.getOutputStream());
    }

    @GetMapping("/register.xlsx")
    @Operation(summary = "The tracking register (form 07) of a period as XLSX")
    void registerXlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
                      @RequestParam(required = false) String sector, @RequestParam(required = false) String level,
                      HttpServletResponse response) throws IOException {
        var filter = indicators.filter(from, to, unit, procedure, sector, level);
        indicators.scopeCheck(filter);
        download(response, XLSX, "so-theo-doi-ho-so-" + filter.from() + "_" + filter.to() + ".xlsx");
        exports.registerXlsx(filter, response.getOutputStream());
    }

    @GetMapping("/register.csv")
    @Operation(summary = "The tracking register (form 07) of a period as CSV (UTF-8 with BOM)")
    void registerCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
                     @RequestParam(required = false) String sector, @RequestParam(required = false) String level,
                     HttpServletResponse response) throws IOException {
        var filter = indicators.filter(from, to, unit, procedure, sector, level);
        indicators.scopeCheck(filter);
        download(response, CSV, "so-theo-doi-ho-so-" + filter.from() + "_" + filter.to() + ".csv");
        exports.registerCsv(filter, response.getOutputStream());
    }

    @GetMapping("/bottlenecks")
    @Operation(summary = "Average and 90th-percentile working time per step of a procedure's process (procedure required)")
    BottleneckService.BottleneckReport bottlenecks(@RequestParam(required = false) String from,
                                                   @RequestParam(required = false) String to,
                                                   @RequestParam(required = false) String unit,
                                                   @RequestParam(required = false) String procedure,
                                                   @RequestParam(required = false) String level) {
        return bottlenecks.bottlenecks(indicators.filter(from, to, unit, procedure, null, level));
    }

    private static void download(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
