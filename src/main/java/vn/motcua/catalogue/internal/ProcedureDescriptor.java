package vn.motcua.catalogue.internal;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The descriptor file processes/&lt;procedure&gt;/procedure.json as designers write it. */
@JsonIgnoreProperties(ignoreUnknown = false)
record ProcedureDescriptor(String code, Text name, String sector, String level, String onlineLevel,
                           Time processingTime, Time onlineProcessingTime, Fee fee, List<Component> components,
                           Text result, String resultType, String process, String intakeForm) {

    record Text(String vi, String en) { }

    /** A time limit and the legal text that sets it ({@code source}: document number and article). */
    record Time(Integer amount, String unit, String source) { }

    /**
     * The fee, the legal text that sets it ({@code source}) and who sets its amount ({@code feeSource}:
     * {@code national}, the default, or {@code province-resolution} when the provincial People's Council fixes it by
     * its own resolution and the amount is the setting {@code motcua.fees.<folder>}).
     */
    record Fee(BigDecimal amount, Text note, String source, String feeSource) { }

    record Component(String code, Text name, Boolean required, List<String> fileTypes) { }
}
