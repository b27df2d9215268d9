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
 * @param fee                  fee in VND (0 when free); for a {@link FeeSource#PROVINCE_RESOLUTION} fee, the setting
 *                             {@code motcua.fees.<folder>} when it is set
 * @param timeSource           the legal text (number, article) that sets the processing time
 * @param feeCitation          the legal text (number, article) that sets the fee
 * @param feeSource            who sets the fee's amount
 */
public record Procedure(String code, Localized name, Sector sector, UnitLevel level, OnlineLevel onlineLevel,
                        ProcessingTime processingTime, ProcessingTime onlineProcessingTime, BigDecimal fee,
                        Localized feeNote, List<DossierComponent> components, Localized result,
                        ResultType resultType, String processKey, String intakeForm, String folder,
                        String timeSource, String feeCitation, FeeSource feeSource) {

    public enum ResultType { PAPER, ELECTRONIC, PAPER_AND_ELECTRONIC }

    /** Who sets the amount of a procedure's fee. */
    public enum FeeSource {
        /** A national text (a circular of the Ministry of Finance, a law): the descriptor's amount. */
        NATIONAL("national"),
        /** The provincial People's Council by its own resolution: the setting {@code motcua.fees.<folder>}. */
        PROVINCE_RESOLUTION("province-resolution");

        private final String descriptorValue;

        FeeSource(String descriptorValue) { this.descriptorValue = descriptorValue; }

        /** The value of {@code fee.feeSource} in procedure.json. */
        public String descriptorValue() { return descriptorValue; }

        /** The source a descriptor names (null: national), or null when it names none of them. */
        public static FeeSource ofDescriptor(String value) {
            if (value == null) return NATIONAL;
            for (FeeSource s : values()) if (s.descriptorValue.equals(value)) return s;
            return null;
        }
    }

    /** The name of the setting that gives the amount of a fee the province sets: {@code motcua.fees.<folder>}. */
    public String feeSetting() { return "motcua.fees." + folder; }

    /** The same procedure with the fee the province set. */
    public Procedure withFee(BigDecimal amount) {
        return new Procedure(code, name, sector, level, onlineLevel, processingTime, onlineProcessingTime, amount, feeNote,
                components, result, resultType, processKey, intakeForm, folder, timeSource, feeCitation, feeSource);
    }

    public Procedure {
        components = List.copyOf(components);
    }

    public String name(Locale locale) { return name.in(locale); }

    /** The time that applies to a dossier received through the given channel (online may be shorter). */
    public ProcessingTime processingTime(boolean online) {
        return online && onlineProcessingTime != null ? onlineProcessingTime : processingTime;
    }
}
