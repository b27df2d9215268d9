package vn.motcua.dossier;

import com.vaadin.flow.component.html.Span;

/** A dossier's national status as a coloured badge: "4 · Đang xử lý". */
public class DossierStatusBadge extends Span {
    public DossierStatusBadge(DossierStatus status) {
        setText(status.code() + " · " + getTranslation(status.messageKey()));
        addClassNames("status-badge", "status-" + status.code());
        getElement().setAttribute("data-status", String.valueOf(status.code()));
    }
}
