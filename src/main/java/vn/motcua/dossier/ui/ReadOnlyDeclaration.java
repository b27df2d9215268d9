package vn.motcua.dossier.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.Dossier;
import vn.motcua.forms.Forms;

/**
 * A dossier's declaration as it was filled in, read-only, in the form of its procedure's intake: the clerk's and
 * specialist's "declaration" tab and the applicant's own dossier page show the same thing. Empty when the procedure
 * or its form is no longer in the catalogue.
 */
class ReadOnlyDeclaration extends Div {

    ReadOnlyDeclaration(Dossier dossier, ProcedureCatalogue catalogue, Forms forms, Locale locale) {
        catalogue.procedure(dossier.procedureCode()).flatMap(p -> catalogue.form(p.intakeForm())).ifPresent(schema -> {
            var form = forms.renderer(schema, locale);
            form.setValues(dossier.formData());
            form.setReadOnly(true);
            add(form);
        });
    }
}
