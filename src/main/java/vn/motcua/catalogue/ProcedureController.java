package vn.motcua.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/** The public procedure catalogue. */
@RestController
@RequestMapping("/api/procedures")
@Tag(name = "Procedures", description = "Thủ tục hành chính / administrative procedures")
class ProcedureController {
    private final ProcedureCatalogue catalogue;
    private final Messages messages;

    ProcedureController(ProcedureCatalogue catalogue, Messages messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    record ComponentJson(String code, String name, boolean required, List<String> fileTypes) { }

    record ProcedureJson(String code, String name, String nameEn, String sector, String sectorName, String level,
                         String onlineLevel, int processingTime, String processingTimeUnit,
                         Integer onlineProcessingTime, BigDecimal fee, String feeNote, String result,
                         String resultType, List<ComponentJson> components, String processingTimeSource,
                         String feeSource, String feeCitation, String feeSetting) { }

    @GetMapping
    @Operation(summary = "List procedures", description = "Search ignores diacritics and case; filters by sector and level")
    List<ProcedureJson> list(@RequestParam(required = false) String q, @RequestParam(required = false) String sector,
                             @RequestParam(required = false) String level, Locale locale) {
        return catalogue.search(q, parse(Sector.class, "sector", sector), parse(UnitLevel.class, "level", level))
                .stream().map(p -> toJson(p, locale)).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One procedure with its required documents")
    ProcedureJson get(@PathVariable String code, Locale locale) {
        return catalogue.procedure(code).map(p -> toJson(p, locale))
                .orElseThrow(() -> new NotFoundException("catalogue.procedure.notFound", code));
    }

    private ProcedureJson toJson(Procedure p, Locale locale) {
        return new ProcedureJson(p.code(), p.name().vi(), p.name().en(), p.sector().name(),
                messages.get(locale, p.sector().messageKey()), p.level().name(), p.onlineLevel().name(),
                p.processingTime().amount(), p.processingTime().unit().name(),
                p.onlineProcessingTime() == null ? null : p.onlineProcessingTime().amount(), p.fee(),
                p.feeNote() == null ? null : p.feeNote().in(locale), p.result() == null ? null : p.result().in(locale),
                p.resultType().name(),
                p.components().stream().map(c -> new ComponentJson(c.code(), c.name().in(locale), c.required(), c.fileTypes())).toList(),
                p.timeSource(), p.feeSource().descriptorValue(), p.feeCitation(),
                p.feeSource() == Procedure.FeeSource.PROVINCE_RESOLUTION ? p.feeSetting() : null);
    }

    private <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, messages.get("error.field.oneOf", field, java.util.Arrays.toString(type.getEnumConstants())));
        }
    }
}
