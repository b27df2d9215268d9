package vn.motcua.dossier;

import java.util.List;
import java.util.Set;

/**
 * Which dossier components (thành phần hồ sơ) files fill, as the uploader said: lets the receipt of a dossier count
 * the uploaded components beside those the desk checked on paper, without the dossier knowing how files are kept.
 * Implemented where files are kept (the attachments).
 */
public interface ComponentFiles {

    /**
     * The component codes of the files the user staged under these references (files staged for no component, or
     * not the user's, fill none).
     */
    Set<String> stagedComponents(String username, List<String> stagedFiles);

    /** The component codes the dossier's attachments fill. */
    Set<String> filedComponents(String dossierCode);
}
