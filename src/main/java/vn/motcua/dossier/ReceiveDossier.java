package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

/**
 * A request to receive a dossier.
 *
 * @param unitIdentifier the receiving unit; ignored for civil servants (their own unit receives), required for
 *                       citizens submitting online
 * @param data           the procedure's intake form data
 * @param stagedFiles    references of files the caller staged before the dossier existed
 *                       ({@link vn.motcua.dossier.extension.IntakeFiles}); they become the new dossier's files in the receipt's
 *                       transaction (see {@link DossierEvents.StagedFilesSubmitted})
 */
public record ReceiveDossier(String procedureCode, Channel channel, Applicant applicant, Map<String, Object> data,
                             String unitIdentifier, List<String> stagedFiles) {
    public ReceiveDossier {
        stagedFiles = stagedFiles == null ? List.of() : List.copyOf(stagedFiles);
    }

    /** A request without staged files. */
    public ReceiveDossier(String procedureCode, Channel channel, Applicant applicant, Map<String, Object> data,
                          String unitIdentifier) {
        this(procedureCode, channel, applicant, data, unitIdentifier, List.of());
    }
}
