package vn.motcua.attachment.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.StreamResource;
import vn.motcua.attachment.IssuedResults;
import vn.motcua.dossier.extension.DossierPanel;
import vn.motcua.shared.Formats;

/**
 * The dossier's electronic result, once issued, first among the panels of the desk's, the task's and the citizen's
 * dossier pages: who signed it, when, and the signed PDF to download.
 */
@org.springframework.stereotype.Component
class ResultPanel implements DossierPanel {
    private final IssuedResults results;

    ResultPanel(IssuedResults results) {
        this.results = results;
    }

    @Override
    public int order() { return 10; }

    @Override
    public Component create(String dossierCode, boolean editable) {
        var issued = results.find(dossierCode).orElse(null);
        if (issued == null) return null;
        var section = new Div();
        section.setId("dossier-result");
        section.addClassName("section");
        section.add(new H3(section.getTranslation("attachment.result.title")));
        var resource = new StreamResource(issued.fileName(), () -> open(dossierCode));
        resource.setContentType("application/pdf");
        var link = new Anchor(resource, section.getTranslation("attachment.result.download"));
        link.setTarget("_blank");
        link.setId("dossier-result-download");
        section.add(new Div(link));
        String how = issued.signed()
                ? section.getTranslation("attachment.result.signed", issued.signer())
                        + (issued.timestamped() ? section.getTranslation("attachment.result.timestamped") : "")
                : section.getTranslation("attachment.result.unsigned");
        var line = new Span(how + " · " + Formats.dateTime(issued.issuedAt()));
        line.setId("dossier-result-signature");
        line.addClassName("muted");
        section.add(new Div(line));
        return section;
    }

    private InputStream open(String dossierCode) {
        try {
            return results.content(dossierCode).open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
