package vn.motcua.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
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

    /** The filter every report and export takes, from the query string (all optional here; the service says what is wrong). */
    record FilterParams(String from, String to, String unit, String procedure, String sector, String level) { }

    /** Writes one export of a filter to a stream. */
    @FunctionalInterface
    interface Export {
        void write(ReportFilter filter, OutputStream out) throws IOException;
    }

    @GetMapping("/indicators")
    @Operation(summary = "The indicators of Decision 766 and the province plan's targets for a period")
    IndicatorReport indicators(@ParameterObject FilterParams p) {
        return indicators.report(filter(p));
    }

    @GetMapping("/indicators.xlsx")
    @Operation(summary = "The indicator tables of a period as XLSX")
    void indicatorsXlsx(@ParameterObject FilterParams p, HttpServletResponse response) throws IOException {
        export(p, response, XLSX, "chi-so", exports::indicatorsXlsx);
    }

    @GetMapping("/indicators.csv")
    @Operation(summary = "The indicator tables of a period as CSV (UTF-8 with BOM)")
    void indicatorsCsv(@ParameterObject FilterParams p, HttpServletResponse response) throws IOException {
        export(p, response, CSV, "chi-so", exports::indicatorsCsv);
    }

    @GetMapping("/register.xlsx")
    @Operation(summary = "The tracking register (form 07) of a period as XLSX")
    void registerXlsx(@ParameterObject FilterParams p, HttpServletResponse response) throws IOException {
        export(p, response, XLSX, "so-theo-doi-ho-so", exports::registerXlsx);
    }

    @GetMapping("/register.csv")
    @Operation(summary = "The tracking register (form 07) of a period as CSV (UTF-8 with BOM)")
    void registerCsv(@ParameterObject FilterParams p, HttpServletResponse response) throws IOException {
        export(p, response, CSV, "so-theo-doi-ho-so", exports::registerCsv);
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

    private ReportFilter filter(FilterParams p) {
        return indicators.filter(p.from(), p.to(), p.unit(), p.procedure(), p.sector(), p.level());
    }

    /**
     * Checks the filter and the caller's scope before anything is written (a refusal is a JSON error, not half a
     * file), then streams the export as a download named after it and its period.
     */
    private void export(FilterParams p, HttpServletResponse response, String type, String name, Export export) throws IOException {
        var filter = filter(p);
        indicators.scopeCheck(filter);
        download(response, type, name + "-" + filter.from() + "_" + filter.to() + (XLSX.equals(type) ? ".xlsx" : ".csv"));
        export.write(filter, response.getOutputStream());
    }

    private static void download(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }
}
