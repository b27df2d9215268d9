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
 * check who may see what; this reads only the component codes.
 */
@Component
class FilesOfComponents implements ComponentFiles {
    private final StagedUploadRepository staged;
    private final AttachmentRepository attachments;

    FilesOfComponents(StagedUploadRepository staged, AttachmentRepository attachments) {
        this.staged = staged;
        this.attachments = attachments;
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
