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

    /**
     * The files the user staged under these references for a form's file picker of this procedure (staged for no
     * component), as the form's data keeps them
     * ({@code metadata}: {@code fileName}, {@code contentType}, {@code size}); the receipt then files them with the
     * dossier like its other staged files.
     *
     * @param field  the field as violations name it ({@code data.banVe})
     * @param accept the picker's {@code accept} as form-js writes it, or null
     * @throws vn.motcua.shared.InvalidInputException naming the field: a file is not staged (any more) by the user, or
     *                                                not of a type the picker takes
     */
    List<java.util.Map<String, Object>> pickedFiles(String username, String procedureCode, String field, String accept,
                                                    List<String> references);

    /** The component codes the dossier's attachments fill. */
    Set<String> filedComponents(String dossierCode);
}
