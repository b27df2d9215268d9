package vn.motcua.dossier.extension;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * Files brought with a dossier that does not exist yet (the desk's intake, the online submission), contributed by
 * the capability that keeps files (attachments) without the intake views knowing it, as {@link DossierPanel} does
 * for existing dossiers. The view shows a {@link Section}, passes the references of the files staged there with its
 * receive request, and the dossier's receipt turns them into the new dossier's files in its own transaction. The file
 * pickers of forms stage their files the same way.
 */
public interface IntakeFiles {

    /** A new, empty section for one view. */
    Section create();

    /**
     * The file pickers of a form of this procedure (the intake form, a step's form): each file picked is staged for the
     * caller as it arrives, and the form submits the references, which the receipt or the step's completion files with
     * the dossier.
     */
    vn.motcua.forms.FilePickers filePickers(String procedureCode);

    /**
     * The file pickers of a designer's test run: each file is checked as the staff's would be (type, size), and nothing
     * is kept.
     */
    vn.motcua.forms.FilePickers trialFilePickers();

    /**
     * Where files are uploaded, one row per dossier component of the chosen procedure and one for other documents.
     * Files stay staged (stored aside, not yet a dossier's) until the dossier is received with them; they are
     * discarded when the user removes them, when the view is left without receiving, and after a day otherwise.
     */
    interface Section {
        /** The component to place in the view. */
        Component component();

        /**
         * Shows the components of this procedure (null: none chosen yet). Files staged for a component the procedure
         * does not have are discarded; the others are kept.
         */
        void showProcedure(String procedureCode);

        /** References of the files staged, in the order they were added, for the receive request. */
        List<String> stagedFiles();

        /** The codes of the components that have at least one staged file. */
        Set<String> filledComponents();

        /** Runs the listener after each change of the staged files. */
        Registration addChangeListener(Runnable listener);

        /** The dossier was received with the staged files: they are its files now, no longer this section's. */
        void received();

        /** Discards every staged file. */
        void discardAll();
    }
}
