package vn.motcua.dossier.extension;

import com.vaadin.flow.component.Component;

/**
 * A section other capabilities add to the dossier and task views (attachments, ...) without those views knowing
 * them: every Spring bean implementing this is asked, in {@link #order()}, for its panel.
 */
public interface DossierPanel {

    /** Position among the panels, lower first. */
    int order();

    /**
     * The panel for a dossier the current user may see, or null when there is nothing to show.
     *
     * @param dossierCode the dossier's code
     * @param editable    true where the user works on the dossier (task view, desk), false for read-only views
     */
    Component create(String dossierCode, boolean editable);
}
