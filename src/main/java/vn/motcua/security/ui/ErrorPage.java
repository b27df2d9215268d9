package vn.motcua.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;

/**
 * What an error view shows inside the application's frame: a translated heading and explanation, and the way back to
 * the start page (which sends each user where their work is) and to the previous page.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {
    private final H2 title = new H2();
    private final Paragraph explanation = new Paragraph();
    private final String titleKey;

    ErrorPage(String id, String titleKey, String explanationKey) {
        this.titleKey = titleKey;
        setId(id);
        addClassName("error-page");
        title.setText(getTranslation(titleKey));
        explanation.setText(getTranslation(explanationKey));
        var home = new RouterLink(getTranslation("error.page.home"), HomeView.class);
        home.setId("error-home");
        var back = new Button(getTranslation("error.page.back"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().getHistory().back()));
        back.setId("error-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(title, explanation, home, back);
    }

    @Override
    public String getPageTitle() { return getTranslation(titleKey); }
}
