package vn.motcua.attachment.ui;

import java.io.InputStream;

import vn.motcua.attachment.StagedUpload;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.extension.IntakeFiles;
import vn.motcua.forms.FilePickers;

/** The staged files' section of the desk's intake and of the online submission, and the file pickers of forms. */
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

    @Override
    public FilePickers filePickers(String procedureCode) {
        return picker -> picker(picker, new StagedFilePicker.Staging() {
            @Override
            public StagedUpload stage(String fileName, InputStream content) {
                return service.stagePicked(procedureCode, picker.accept(), fileName, content);
            }

            @Override
            public void discard(String reference) {
                service.discard(reference);
            }
        });
    }

    @Override
    public FilePickers trialFilePickers() {
        return picker -> picker(picker, new StagedFilePicker.Staging() {
            @Override
            public StagedUpload stage(String fileName, InputStream content) {
                return service.tryPicked(picker.accept(), fileName, content);
            }

            @Override
            public void discard(String reference) {
                // nothing was kept
            }
        });
    }

    private StagedFilePicker picker(vn.motcua.forms.FormComponent picker, StagedFilePicker.Staging staging) {
        return new StagedFilePicker(picker, staging, mediaTypes, service.maxSize(),
                mediaTypes.pickerFilter(mediaTypes.acceptedBy(picker.accept())));
    }
}
