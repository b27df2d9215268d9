package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

/**
 * A request to receive a dossier.
 *
 * @param unitIdentifier          the receiving unit; ignored for civil servants (their own unit receives), required
 *                                for citizens submitting online
 * @param data                    the procedure's intake form data
 * @param stagedFiles             references of files the caller staged before the dossier existed
 *                                ({@link vn.motcua.dossier.extension.IntakeFiles}); they become the new dossier's
 *                                files in the receipt's transaction (see {@link DossierEvents.StagedFilesSubmitted})
 * @param checkedComponents       codes of the procedure's components the desk checked on paper (only the desk
 *                                checks papers: a citizen's online submission has none)
 * @param missingComponentsReason why the desk receives the dossier although required components were neither
 *                                checked nor uploaded (null when none is missing)
 */
public record ReceiveDossier(String procedureCode, Channel channel, Applicant applicant, Map<String, Object> data,
                             String unitIdentifier, List<String> stagedFiles, List<String> checkedComponents,
                             String missingComponentsReason) {
    public ReceiveDossier {
        stagedFiles = stagedFiles == null ? List.of() : List.copyOf(stagedFiles);
        // kept as given (a JSON list may hold nulls): the receipt checks each code
        checkedComponents = checkedComponents == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(checkedComponents));
    }

    /** A request with staged files, nothing checked on paper. */
    public ReceiveDossier(String procedureCode, Channel channel, Applicant applicant, Map<String, Object> data,
                          String unitIdentifier, List<String> stagedFiles) {
        this(procedureCode, channel, applicant, data, unitIdentifier, stagedFiles, List.of(), null);
    }

    /** A request without staged files, nothing checked on paper. */
    public ReceiveDossier(String procedureCode, Channel channel, Applicant applicant, Map<String, Object> data,
                          String unitIdentifier) {
        this(procedureCode, channel, applicant, data, unitIdentifier, List.of());
    }

    /** The same request with these components checked on paper. */
    public ReceiveDossier withCheckedComponents(List<String> codes) {
        return new ReceiveDossier(procedureCode, channel, applicant, data, unitIdentifier, stagedFiles, codes,
                missingComponentsReason);
    }

    /** The same request, received although required components are missing, for this reason. */
    public ReceiveDossier withMissingComponentsReason(String reason) {
        return new ReceiveDossier(procedureCode, channel, applicant, data, unitIdentifier, stagedFiles,
                checkedComponents, reason);
    }
}
