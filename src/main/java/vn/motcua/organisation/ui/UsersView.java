package vn.motcua.organisation.ui;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import vn.motcua.organisation.OrganisationAdministration;
import vn.motcua.organisation.PasswordPolicy;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UserAccount;
import vn.motcua.organisation.UserForm;
import vn.motcua.organisation.internal.TableFile;
import vn.motcua.shared.BusinessRuleException;
import vn.motcua.shared.InvalidInputException;

/**
 * Người dùng: the administrator's list of users. Create a user with one or several roles at a unit, change them,
 * disable or enable them, set a new password, and import a list (CSV or XLSX), first as a trial that keeps nothing.
 */
@Route("admin/users")
@Menu(title = "menu.users", order = 95)
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {
    private final OrganisationAdministration administration;
    private final Grid<UserAccount> grid = new Grid<>();
    private final ListToolbar toolbar;
    private final Div report = new Div();
    private List<UserAccount> all = List.of();
    private Map<Long, Unit> units = Map.of();

    private final PasswordPolicy policy;

    public UsersView(OrganisationAdministration administration, PasswordPolicy policy) {
        this.administration = administration;
        this.policy = policy;
        setSizeFull();

        toolbar = new ListToolbar("users", this::render, () -> edit(null), this::importList);
        report.setId("users-import-report");

        grid.setId("users");
        grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username")).setAutoWidth(true).setSortable(true)
                .setComparator(UserAccount::username);
        grid.addColumn(UserAccount::fullName).setHeader(getTranslation("users.fullName")).setFlexGrow(2);
        grid.addColumn(this::unitName).setHeader(getTranslation("users.unit")).setFlexGrow(2);
        grid.addColumn(u -> u.roles().stream().sorted().map(r -> getTranslation("role." + r.name())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("users.roles")).setFlexGrow(2);
        grid.addColumn(u -> getTranslation(u.enabled() ? "users.enabled" : "users.disabled")).setHeader(getTranslation("users.state"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));

        add(new H2(getTranslation("users.title")), new Paragraph(getTranslation("users.intro")), toolbar, report, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    /** The unit of appointment, then the units the person also works for ("kiêm nhiệm"). */
    private String unitName(UserAccount user) {
        Unit unit = user.unitId() == null ? null : units.get(user.unitId());
        String main = unit == null ? "" : unit.displayName(getLocale()) + " (" + unit.identifier() + ")";
        var others = user.otherUnitIds().stream().map(units::get).filter(Objects::nonNull)
                .map(u -> u.displayName(getLocale()) + " (" + u.identifier() + ")").sorted().toList();
        return others.isEmpty() ? main : main + "; " + getTranslation("users.otherUnits.short") + ": " + String.join("; ", others);
    }

    private Component actions(UserAccount user) {
        var edit = new Button(getTranslation("users.edit"), e -> edit(user));
        edit.setId("user-edit-" + user.username());
        var toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"), e -> toggle(user));
        toggle.setId((user.enabled() ? "user-disable-" : "user-enable-") + user.username());
        var password = new Button(getTranslation("users.password"), e -> password(user));
        password.setId("user-password-" + user.username());
        for (var b : List.of(edit, toggle, password)) b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(edit, toggle, password);
    }

    void refresh() {
        units = administration.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        all = administration.users();
        render();
    }

    private void render() {
        String text = TableFile.fold(toolbar.filterText());
        grid.setItems(text.isEmpty() ? all : all.stream().filter(u -> TableFile.fold(u.username()).contains(text)
                || TableFile.fold(u.fullName()).contains(text) || TableFile.fold(unitName(u)).contains(text)).toList());
    }

    private void edit(UserAccount user) {
        var dialog = new Dialog();
        dialog.setId("user-dialog");
        dialog.setHeaderTitle(getTranslation(user == null ? "users.create" : "users.edit"));
        var username = new TextField(getTranslation("users.username"));
        username.setId("user-username");
        var fullName = new TextField(getTranslation("users.fullName"));
        fullName.setId("user-full-name");
        var email = new EmailField(getTranslation("users.email"));
        email.setId("user-email");
        var phone = new TextField(getTranslation("users.phone"));
        phone.setId("user-phone");
        var unit = new ComboBox<Unit>(getTranslation("users.unit"));
        unit.setId("user-unit");
        unit.setItems((u, text) -> TableFile.fold(u.name()).contains(TableFile.fold(text)) || u.identifier().contains(text),
                units.values().stream().filter(u -> u.active() || (user != null && Objects.equals(user.unitId(), u.id())))
                        .sorted(java.util.Comparator.comparing(Unit::treePath)).toList());
        unit.setItemLabelGenerator(u -> u.identifier() + " · " + u.displayName(getLocale()));
        var otherUnits = new MultiSelectComboBox<Unit>(getTranslation("users.otherUnits"));
        otherUnits.setId("user-other-units");
        otherUnits.setHelperText(getTranslation("users.otherUnits.help"));
        otherUnits.setItems((u, text) -> TableFile.fold(u.name()).contains(TableFile.fold(text)) || u.identifier().contains(text),
                units.values().stream().filter(u -> u.active() || (user != null && user.otherUnitIds().contains(u.id())))
                        .sorted(java.util.Comparator.comparing(Unit::treePath)).toList());
        otherUnits.setItemLabelGenerator(u -> u.identifier() + " · " + u.displayName(getLocale()));
        var roles = new CheckboxGroup<Role>(getTranslation("users.roles"));
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        var password = new PasswordField(getTranslation(user == null ? "users.password" : "users.password.keep"));
        password.setId("user-password");
        password.setHelperText(getTranslation("users.password.help", policy.getMinLength()));
        if (user != null) {
            username.setValue(user.username());
            username.setReadOnly(true);
            fullName.setValue(user.fullName());
            email.setValue(Objects.requireNonNullElse(user.email(), ""));
            phone.setValue(Objects.requireNonNullElse(user.phone(), ""));
            if (user.unitId() != null) unit.setValue(units.get(user.unitId()));
            otherUnits.setValue(user.otherUnitIds().stream().map(units::get).filter(Objects::nonNull).collect(Collectors.toSet()));
            roles.setValue(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
        }
        var layout = new FormLayout(username, fullName, email, phone, unit, password, otherUnits, roles);
        layout.setColspan(otherUnits, 2);
        dialog.add(layout);
        Map<String, HasValidation> fields = Map.of("username", username, "fullName", fullName, "email", email,
                "phone", phone, "unit", unit, "roles", roles, "password", password, "otherUnits", otherUnits);
        var save = new Button(getTranslation("users.save"), e -> {
            var form = new UserForm(username.getValue(), fullName.getValue(), email.getValue(), phone.getValue(),
                    unit.getValue() == null ? null : unit.getValue().identifier(), roles.getValue(),
                    password.getValue().isEmpty() ? null : password.getValue(), null,
                    otherUnits.getValue().stream().map(Unit::identifier).sorted().toList());
            try {
                UserAccount saved = user == null ? administration.createUser(form) : administration.updateUser(user.username(), form);
                dialog.close();
                AdminForms.success(getTranslation("users.saved", saved.username()));
                refresh();
            } catch (InvalidInputException ex) {
                AdminForms.showViolations(ex, fields);
            } catch (BusinessRuleException ex) {
                AdminForms.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    private void toggle(UserAccount user) {
        boolean disable = user.enabled();
        var dialog = new ConfirmDialog(getTranslation(disable ? "users.disable.title" : "users.enable.title", user.fullName()),
                getTranslation(disable ? "users.disable.text" : "users.enable.text", user.username()),
                getTranslation(disable ? "users.disable" : "users.enable"), e -> {
                    if (AdminForms.attempt(() -> administration.setEnabled(user.username(), !disable))) {
                        AdminForms.success(getTranslation(disable ? "users.disabledDone" : "users.enabledDone", user.username()));
                        refresh();
                    }
                });
        dialog.setId("user-toggle-dialog");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("users.cancel"));
        if (disable) dialog.setConfirmButtonTheme("error primary");
        add(dialog);
        dialog.open();
    }

    private void password(UserAccount user) {
        var dialog = new Dialog();
        dialog.setId("user-password-dialog");
        dialog.setHeaderTitle(getTranslation("users.password.title", user.fullName()));
        var password = new PasswordField(getTranslation("users.password"));
        password.setId("user-new-password");
        password.setHelperText(getTranslation("users.password.help", policy.getMinLength()));
        dialog.add(password);
        var save = new Button(getTranslation("users.password.set"), e -> {
            try {
                administration.resetPassword(user.username(), password.getValue());
                dialog.close();
                AdminForms.success(getTranslation("users.password.done", user.username()));
            } catch (InvalidInputException ex) {
                AdminForms.showViolations(ex, Map.of("password", password));
            }
        });
        save.setId("user-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    private void importList(String fileName, byte[] content, boolean dryRun) {
        report.removeAll();
        try {
            var result = administration.importUsers(fileName, content, dryRun);
            report.add(AdminForms.report(this, result, "users-import-rows"));
            refresh();
        } catch (InvalidInputException e) {
            AdminForms.error(e.violations().get(0).message());
        }
    }

    @Override
    public String getPageTitle() { return getTranslation("users.title"); }
}
