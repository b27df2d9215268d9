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

    record Time(Integer amount, String unit) { }

    record Fee(BigDecimal amount, Text note) { }

    record Component(String code, Text name, Boolean required, List<String> fileTypes) { }
}
