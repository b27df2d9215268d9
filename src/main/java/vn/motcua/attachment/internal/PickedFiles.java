package vn.motcua.attachment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * The files picked in a form's file picker (a step's form, an intake form), as the form is submitted: each reference must
 * name a file the submitter staged, of a type the picker accepts. Shared by the intake, which files them with the new
 * dossier, and a step's completion, which files them into its dossier.
 */
@Component
public class PickedFiles {
    private final StagedUploadRepository staged;
    private final MediaTypes mediaTypes;
    private final Messages messages;

    PickedFiles(StagedUploadRepository staged, MediaTypes mediaTypes, Messages messages) {
        this.staged = staged;
        this.mediaTypes = mediaTypes;
        this.messages = messages;
    }

    /**
     * The staged files behind a picker's references, each once, in the order given: staged by the user for this
     * procedure and for no component (as the picker and {@code POST /api/staged-files} without {@code component} stage
     * them).
     *
     * @param field the field as violations name it ({@code data.banVe})
     * @throws InvalidInputException naming the field: a file is no longer staged (or not the user's), staged for a
     *                               component or another procedure, or not of a type the picker accepts
     */
    public List<StagedUploadRepository.Row> rows(String username, String procedureCode, String field, String accept,
                                                 List<String> references) {
        List<String> accepted = mediaTypes.acceptedBy(accept);
        var rows = new ArrayList<StagedUploadRepository.Row>();
        for (String reference : new LinkedHashSet<>(references)) {
            var row = staged.find(reference, username)
                    .orElseThrow(() -> new InvalidInputException(field, messages.get("attachment.staged.gone")));
            // a file staged as a paper of a component (or for another procedure) is not a picker's: it would count
            // as that paper handed in
            if (row.componentCode() != null || !row.procedureCode().equals(procedureCode)) {
                throw new InvalidInputException(field, messages.get("attachment.staged.otherProcedure", row.fileName()));
            }
            if (!MediaTypes.accepts(accepted, row.mediaType())) {
                throw new InvalidInputException(field, messages.get("attachment.picked.type", row.fileName(), accepted(accepted)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The types a picker accepts as people read them: "PDF, JPG". */
    public String accepted(List<String> accepted) {
        return mediaTypes.described(accepted);
    }

    /**
     * A picked file as the form's data keeps it, in the shape a form's document preview reads: {@code metadata} with
     * {@code fileName}, {@code contentType}, {@code size}; once it is an attachment, also {@code documentId} and the
     * {@code endpoint} of its content on this site.
     */
    public static Map<String, Object> describe(String fileName, String mediaType, long size, String dossierCode, Long id) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("fileName", fileName);
        metadata.put("contentType", mediaType);
        metadata.put("size", size);
        Map<String, Object> document = new LinkedHashMap<>();
        if (id != null) {
            document.put("documentId", String.valueOf(id));
            document.put("endpoint", "/api/dossiers/" + org.springframework.web.util.UriUtils.encodePathSegment(dossierCode,
                    java.nio.charset.StandardCharsets.UTF_8) + "/attachments/" + id + "/content");
        }
        document.put("metadata", metadata);
        return document;
    }
}
