package vn.motcua.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import vn.motcua.calendar.ProcessingTime;
import vn.motcua.organisation.UnitLevel;

/**
 * An administrative procedure as published in the national database, and how MotCua runs it.
 *
 * @param code                 national code, e.g. {@code 1.001193}
 * @param processKey           id of the BPMN process that runs it
 * @param intakeForm           id of the Camunda Form filled at intake
 * @param onlineProcessingTime shorter time for online dossiers, or null
 * @param fee                  fee in VND (0 when free)
 */
public record Procedure(String code, Localized name, Sector sector, UnitLevel level, OnlineLevel onlineLevel,
                        ProcessingTime processingTime, ProcessingTime onlineProcessingTime, BigDecimal fee,
                        Localized feeNote, List<DossierComponent> components, Localized result,
                        ResultType resultType, String processKey, String intakeForm, String folder) {

    public enum ResultType { PAPER, ELECTRONIC, PAPER_AND_ELECTRONIC }

    public Procedure {
        components = List.copyOf(components);
    }

    public String name(Locale locale) { return name.in(locale); }

    /** The time that applies to a dossier received through the given channel (online may be shorter). */
    public ProcessingTime processingTime(boolean online) {
        return online && onlineProcessingTime != null ? onlineProcessingTime : processingTime;
    }
}
