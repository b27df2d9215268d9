package vn.motcua.dossier;

import java.util.Map;

/**
 * A request to receive a dossier.
 *
 * @param unitIdentifier the receiving unit; ignored for civil servants (their own unit receives), required for
 *                       citizens submitting online
 * @param data           the procedure's intake form data
 */
public record ReceiveDossier(String procedureCode, Channel channel, Applicant applicant, Map<String, Object> data,
                            String unitIdentifier) { }
