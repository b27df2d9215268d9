package vn.motcua.attachment.ui;

import vn.motcua.attachment.StagedUploadService;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.extension.IntakeFiles;

/** The staged files' section of the desk's intake and of the online submission. */
@org.springframework.stereotype.Component
class IntakeFilesContribution implements IntakeFiles {
    private final StagedUploadService service;
    private final MediaTypes mediaTypes;
    private final ProcedureCatalogue catalogue;

    IntakeFilesContribution(StagedUploadService service, MediaTypes mediaTypes, ProcedureCatalogue catalogue) {
        this.service = service;
        this.mediaTypes = mediaTypes;
        this.catalogue = catalogue;
    }

    @Override
    public Section create() {
        return new StagedFilesSection(service, mediaTypes, catalogue);
    }
}
