package vn.motcua.attachment.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.ComponentFiles;

/**
 * Tells the dossier's receipt and acceptance which components the files fill: the caller's staged files (by the
 * component they were uploaded for) and a dossier's attachments (by the component the uploader chose). The callers
 * check who may see what; this reads only the component codes, and describes the files picked in an intake form's file
 * pickers.
 */
@Component
class FilesOfComponents implements ComponentFiles {
    private final StagedUploadRepository staged;
    private final AttachmentRepository attachments;
    private final PickedFiles picked;

    FilesOfComponents(StagedUploadRepository staged, AttachmentRepository attachments, PickedFiles picked) {
        this.staged = staged;
        this.attachments = attachments;
        this.picked = picked;
    }

    @Override
    public List<java.util.Map<String, Object>> pickedFiles(String username, String procedureCode, String field, String accept,
                                                           List<String> references) {
        return picked.rows(username, procedureCode, field, accept, references).stream()
                .map(r -> PickedFiles.describe(r.fileName(), r.mediaType(), r.size(), null, null)).toList();
    }

    @Override
    public Set<String> stagedComponents(String username, List<String> stagedFiles) {
        var result = new LinkedHashSet<String>();
        for (String reference : stagedFiles) {
            if (reference == null) continue;
            staged.find(reference, username).map(StagedUploadRepository.Row::componentCode).filter(Objects::nonNull)
                    .ifPresent(result::add);
        }
        return result;
    }

    @Override
    public Set<String> filedComponents(String dossierCode) {
        return attachments.list(dossierCode).stream().map(a -> a.componentCode()).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
