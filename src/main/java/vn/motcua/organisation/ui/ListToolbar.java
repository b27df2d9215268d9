package vn.motcua.organisation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The bar above an administration list (units, users): a filter, the button that adds one, the upload of a list and
 * its trial switch. Its texts are the messages {@code <list>.filter}, {@code <list>.create}, {@code <list>.import};
 * its ids {@code <list>-filter}, {@code <list>-create}, {@code <list>-import}, {@code <list>-import-dry-run}.
 */
final class ListToolbar extends HorizontalLayout {
    /** Imports a file's content, as a trial when asked. */
    interface Importer { void accept(String fileName, byte[] content, boolean dryRun); }

    private final TextField filter = new TextField();
    private final Checkbox dryRun = new Checkbox();

    ListToolbar(String list, Runnable onFilter, Runnable onCreate, Importer importer) {
        filter.setId(list + "-filter");
        filter.setPlaceholder(getTranslation(list + ".filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> onFilter.run());
        var create = new Button(getTranslation(list + ".create"), e -> onCreate.run());
        create.setId(list + "-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dryRun.setId(list + "-import-dry-run");
        dryRun.setLabel(getTranslation("admin.import.dryRun"));
        var upload = AdminForms.listUpload(list + "-import", (name, content) -> importer.accept(name, content, dryRun.getValue()));
        upload.setUploadButton(new Button(getTranslation(list + ".import")));
        add(filter, create, upload, dryRun);
        setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        setWrap(true);
    }

    /** The filter's text. */
    String filterText() { return filter.getValue(); }
}
