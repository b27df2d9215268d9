package vn.motcua.attachment.ui;

import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.internal.MediaTypes;
import vn.motcua.dossier.extension.DossierPanel;

/** The attachments of a dossier in the dossier and task views: upload, list with states, checks, preview. */
@org.springframework.stereotype.Component
class AttachmentPanel implements DossierPanel {
    private final AttachmentService attachments;
    private final MediaTypes mediaTypes;

    AttachmentPanel(AttachmentService attachments, MediaTypes mediaTypes) {
        this.attachments = attachments;
        this.mediaTypes = mediaTypes;
    }

    @Override
    public int order() { return 20; }

    @Override
    public com.vaadin.flow.component.Component create(String dossierCode, boolean editable) {
        return new AttachmentsSection(attachments, mediaTypes, dossierCode, editable);
    }
}
