package vn.motcua.catalogue.ui;

import java.util.Arrays;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.Sector;
import vn.motcua.organisation.UnitLevel;

/** The public catalogue: search without diacritics, filter by sector and level, see what each procedure needs. */
@Route("procedures")
@Menu(title = "menu.procedures", order = 50)
@AnonymousAllowed
public class ProcedureListView extends VerticalLayout implements HasDynamicTitle {
    private final ProcedureCatalogue catalogue;
    private final TextField search = new TextField();
    private final ComboBox<Sector> sector = new ComboBox<>();
    private final ComboBox<UnitLevel> level = new ComboBox<>();
    private final Grid<Procedure> grid = new Grid<>();
    private final Span count = new Span();
    /** The columns a phone leaves out. */
    private final java.util.List<Grid.Column<Procedure>> secondary = new java.util.ArrayList<>();
    /** Below this width (CSS pixels) the list keeps only the code and the name. */
    static final int NARROW = 640;

    public ProcedureListView(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
        search.setId("procedure-search");
        search.setPlaceholder(getTranslation("catalogue.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24rem");
        sector.setId("procedure-sector");
        sector.setLabel(getTranslation("catalogue.sector"));
        sector.setItems(Arrays.asList(Sector.values()));
        sector.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        sector.setClearButtonVisible(true);
        level.setId("procedure-level");
        level.setLabel(getTranslation("catalogue.level"));
        level.setItems(UnitLevel.values());
        level.setItemLabelGenerator(l -> getTranslation("unitLevel." + l.name()));
        level.setClearButtonVisible(true);
        search.setLabel(getTranslation("action.search"));
        search.addValueChangeListener(e -> refresh());
        sector.addValueChangeListener(e -> refresh());
        level.addValueChangeListener(e -> refresh());

        grid.setId("procedure-grid");
        grid.addComponentColumn(p -> {
            var link = new com.vaadin.flow.component.html.Anchor("procedures/" + p.code(), p.code());
            link.setId("procedure-" + p.code());
            return link;
        }).setHeader(getTranslation("catalogue.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.name(getLocale())).setHeader(getTranslation("catalogue.name")).setFlexGrow(3);
        secondary.add(grid.addColumn(p -> getTranslation(p.sector().messageKey())).setHeader(getTranslation("catalogue.sector")));
        secondary.add(grid.addColumn(p -> getTranslation("unitLevel." + p.level().name())).setHeader(getTranslation("catalogue.level")));
        secondary.add(grid.addColumn(p -> getTranslation(p.onlineLevel().messageKey())).setHeader(getTranslation("catalogue.onlineLevel")));
        secondary.add(grid.addColumn(p -> getTranslation("processingTime." + p.processingTime().unit().name(), p.processingTime().amount()))
                .setHeader(getTranslation("catalogue.processingTime")));
        // On a phone the code and the name stay; the rest is in each row's details (a tap opens them)
        addAttachListener(e -> {
            e.getUI().getPage().retrieveExtendedClientDetails(d -> narrow(d.getWindowInnerWidth()));
            var resize = e.getUI().getPage().addBrowserWindowResizeListener(r -> narrow(r.getWidth()));
            addDetachListener(d -> resize.remove());
        });
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));

        var filters = new HorizontalLayout(search, sector, level, count);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2(getTranslation("catalogue.title")), filters, grid);
        setSizeFull();
        refresh();
    }

    private Div details(Procedure p) {
        var components = new UnorderedList();
        p.components().forEach(c -> components.add(new ListItem(c.name().in(getLocale()) + (c.required() ? " *" : ""))));
        String fee = p.fee().signum() == 0 ? getTranslation("catalogue.fee.free")
                : vn.motcua.shared.Formats.number(p.fee().setScale(0, java.math.RoundingMode.HALF_UP), getLocale()) + " đ";
        if (p.feeNote() != null) fee += " (" + p.feeNote().in(getLocale()) + ")";
        var box = new Div(new Paragraph(getTranslation("catalogue.processingTime") + ": "
                + getTranslation("processingTime." + p.processingTime().unit().name(), p.processingTime().amount())
                + " · " + getTranslation("unitLevel." + p.level().name())),
                new Paragraph(getTranslation("catalogue.fee") + ": " + fee),
                new Paragraph(getTranslation("catalogue.result") + ": " + (p.result() == null ? "" : p.result().in(getLocale()))),
                new Span(getTranslation("catalogue.components") + ":"), components);
        box.addClassName("procedure-details");
        return box;
    }

    private void narrow(int width) {
        secondary.forEach(c -> c.setVisible(width >= NARROW));
    }

    private void refresh() {
        var items = catalogue.search(search.getValue(), sector.getValue(), level.getValue());
        grid.setItems(items);
        count.setText(getTranslation("catalogue.count", items.size()));
    }

    @Override
    public String getPageTitle() { return getTranslation("catalogue.title"); }
}
