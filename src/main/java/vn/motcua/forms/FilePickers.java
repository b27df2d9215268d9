package vn.motcua.forms;

import java.util.List;

import com.vaadin.flow.component.customfield.CustomField;

/**
 * Where the file pickers of a form put the files picked: supplied by the view that shows the form for a dossier (the
 * desk's intake, the online submission, a step), which knows where files are staged. A form shown without one (a
 * preview) says that files are uploaded when it is filled in for a dossier.
 */
@FunctionalInterface
public interface FilePickers {

    /**
     * A new field for one file picker of the form. Its value is the references of the files uploaded through it (each
     * file passed the upload checks when it arrived), which the form submits; the service that receives the form files
     * them with the dossier.
     *
     * @param picker the form's {@code filepicker} component: its {@link FormComponent#accept()} and
     *               {@link FormComponent#multiple()}
     */
    CustomField<List<String>> create(FormComponent picker);
}
