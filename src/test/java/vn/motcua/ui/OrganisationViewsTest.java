package vn.motcua.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.organisation.AdminLogEntry;
import vn.motcua.organisation.OrganisationAdministration;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitKind;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.organisation.UserAccount;
import vn.motcua.organisation.ui.AdminLogView;
import vn.motcua.organisation.ui.UnitsView;
import vn.motcua.organisation.ui.UsersView;
import vn.motcua.security.SystemAccess;

/**
 * Đơn vị, Người dùng, Nhật ký quản trị (/admin/units, /admin/users, /admin/log): an administrator sets the
 * organisation up in the views, sees every error on its field at once, confirms before closing or disabling; nobody
 * else opens them.
 */
@MotCuaTest
class OrganisationViewsTest {
    private static final String RUN = String.format("%03d", 100 + ThreadLocalRandom.current().nextInt(900));

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired vn.motcua.security.CurrentUser currentUser;
    @Autowired vn.motcua.security.WorkingUnits workingUnits;
    @Autowired vn.motcua.dossier.DossierService dossiers;
    @Autowired vn.motcua.catalogue.ProcedureCatalogue catalogue;
    @Autowired OrganisationAdministration administration;

    @BeforeEach
    void setUp() { KaribuViews.setUp(context); }

    @AfterEach
    void tearDown() { KaribuViews.tearDown(users); }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorCreatesAWardInTheDialogSeeingEveryErrorOnItsField() {
        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/units");
        _get(UnitsView.class);
        _click(_get(Button.class, s -> s.withId("units-create")));

        // nothing filled but a malformed identifier: each field says what is wrong, all at once, nothing is stored
        _setValue(_get(TextField.class, s -> s.withId("unit-identifier")), "12.34");
        _click(_get(Button.class, s -> s.withId("unit-save")));
        var identifier = _get(TextField.class, s -> s.withId("unit-identifier"));
        var name = _get(TextField.class, s -> s.withId("unit-name"));
        var level = (ComboBox<UnitLevel>) _get(ComboBox.class, s -> s.withId("unit-level"));
        assertThat(identifier.isInvalid()).isTrue();
        assertThat(identifier.getErrorMessage()).contains("QCVN 102");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Trường này là bắt buộc.");
        assertThat(level.isInvalid()).isTrue();
        assertThat(_get(Dialog.class, s -> s.withId("unit-dialog")).isOpened()).isTrue();

        String ward = "000.31." + RUN + ".H33";
        _setValue(identifier, ward);
        _setValue(name, "UBND phường Giao Diện");
        _setValue(level, UnitLevel.COMMUNE);
        _setValue((ComboBox<UnitKind>) _get(ComboBox.class, s -> s.withId("unit-kind")), UnitKind.WARD);
        var parent = (ComboBox<Unit>) _get(ComboBox.class, s -> s.withId("unit-parent"));
        _setValue(parent, administration.unit("000.00.00.H33"));
        _click(_get(Button.class, s -> s.withId("unit-save")));

        Unit created = administration.unit(ward);
        assertThat(created.kind()).isEqualTo(UnitKind.WARD);
        TreeGrid<Unit> grid = _get(TreeGrid.class, s -> s.withId("units"));
        assertThat(GridKt._findAll(grid)).extracting(Unit::identifier).contains(ward);

        // closing asks first
        int row = GridKt._findAll(grid).indexOf(GridKt._findAll(grid).stream().filter(u -> u.identifier().equals(ward)).findFirst().orElseThrow());
        _click(rowButton(grid, row, "unit-close-" + ward.replace('.', '-')));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("unit-close-dialog")));
        assertThat(administration.unit(ward).active()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorPlansAMergeForADayToComeSeesItOnTheUnitAndCancelsIt() {
        KaribuViews.signInAs(users, "admin");
        String merged = "000.36." + RUN + ".H33";
        String successor = "000.37." + RUN + ".H33";
        administration.createUnit(new vn.motcua.organisation.UnitForm(merged, "UBND xã Lên Lịch", null, UnitLevel.COMMUNE,
                UnitKind.COMMUNE, "000.00.00.H33"));
        administration.createUnit(new vn.motcua.organisation.UnitForm(successor, "UBND xã Nhận Lịch", null, UnitLevel.COMMUNE,
                UnitKind.COMMUNE, "000.00.00.H33"));
        UI.getCurrent().navigate("admin/units");
        TreeGrid<Unit> grid = _get(TreeGrid.class, s -> s.withId("units"));
        _click(rowButton(grid, rowOf(grid, merged), "unit-merge-" + merged.replace('.', '-')));
        _setValue((ComboBox<Unit>) _get(ComboBox.class, s -> s.withId("unit-merge-successor")), administration.unit(successor));
        java.time.LocalDate day = java.time.LocalDate.now(vn.motcua.shared.Formats.ZONE).plusDays(10);
        _setValue(_get(com.vaadin.flow.component.datepicker.DatePicker.class, s -> s.withId("unit-merge-on")), day);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("unit-merge-dialog")));

        assertThat(administration.unit(merged).active()).as("nothing moves before its day").isTrue();
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid, rowOf(grid, merged))))
                .contains("hợp nhất vào " + successor + " từ " + vn.motcua.shared.Formats.date(day));
        _click(rowButton(grid, rowOf(grid, merged), "unit-merge-cancel-" + merged.replace('.', '-')));
        assertThat(administration.scheduledMerges()).filteredOn(m -> m.unit().equals(merged))
                .singleElement().satisfies(m -> assertThat(m.state()).isEqualTo("CANCELLED"));
        assertThat(String.join(" | ", GridKt._getFormattedRow(grid, rowOf(grid, merged)))).contains("Đang hoạt động")
                .doesNotContain("hợp nhất vào");
    }

    private static int rowOf(TreeGrid<Unit> grid, String identifier) {
        var all = GridKt._findAll(grid);
        return all.indexOf(all.stream().filter(u -> u.identifier().equals(identifier)).findFirst().orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorCreatesAUserThenDisablesThemAfterConfirming() {
        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/users");
        _get(UsersView.class);
        _click(_get(Button.class, s -> s.withId("users-create")));
        String username = "giao-dien-" + RUN + "-" + ThreadLocalRandom.current().nextInt(1000);
        _setValue(_get(TextField.class, s -> s.withId("user-username")), username);
        _setValue(_get(TextField.class, s -> s.withId("user-full-name")), "Người Dùng Giao Diện");
        var unit = (ComboBox<Unit>) _get(ComboBox.class, s -> s.withId("user-unit"));
        _setValue(unit, administration.unit("000.01.15.H33"));
        _setValue((CheckboxGroup<Role>) _get(CheckboxGroup.class, s -> s.withId("user-roles")), EnumSet.of(Role.SPECIALIST));
        var password = _get(PasswordField.class, s -> s.withId("user-password"));
        _setValue(password, "12345678");
        _click(_get(Button.class, s -> s.withId("user-save")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("ít nhất 10 ký tự");
        assertThat(administration.users()).noneMatch(u -> u.username().equals(username));

        _setValue(password, "Chuyên viên xử lý 2026");
        _click(_get(Button.class, s -> s.withId("user-save")));
        assertThat(administration.user(username).roles()).containsExactly(Role.SPECIALIST);
        Grid<UserAccount> grid = _get(Grid.class, s -> s.withId("users"));
        assertThat(GridKt._findAll(grid)).extracting(UserAccount::username).contains(username);

        int row = GridKt._findAll(grid).indexOf(GridKt._findAll(grid).stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow());
        _click(rowButton(grid, row, "user-disable-" + username));
        var confirm = _get(ConfirmDialog.class, s -> s.withId("user-toggle-dialog"));
        assertThat(administration.user(username).enabled()).as("nothing before the confirmation").isTrue();
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(administration.user(username).enabled()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPersonGivenASecondUnitChoosesAtTheTopOfThePageWhereTheyWorkAndReceivesThereWithItsCode() {
        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, s -> s.withId("users-create")));
        String username = "kiem-nhiem-" + RUN + "-" + ThreadLocalRandom.current().nextInt(1000);
        _setValue(_get(TextField.class, s -> s.withId("user-username")), username);
        _setValue(_get(TextField.class, s -> s.withId("user-full-name")), "Người Làm Hai Nơi");
        _setValue((ComboBox<Unit>) _get(ComboBox.class, s -> s.withId("user-unit")), administration.unit("000.01.15.H33"));
        var others = (com.vaadin.flow.component.combobox.MultiSelectComboBox<Unit>) _get(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class, s -> s.withId("user-other-units"));
        assertThat(others.getLabel()).isEqualTo("Đơn vị kiêm nhiệm");
        _setValue(others, java.util.Set.of(administration.unit("000.02.17.H33")));
        _setValue((CheckboxGroup<Role>) _get(CheckboxGroup.class, s -> s.withId("user-roles")), EnumSet.of(Role.CLERK));
        _setValue(_get(PasswordField.class, s -> s.withId("user-password")), "Chuyên viên xử lý 2026");
        _click(_get(Button.class, s -> s.withId("user-save")));
        assertThat(administration.user(username).otherUnitIds()).containsExactly(administration.unit("000.02.17.H33").id());
        Grid<UserAccount> grid = _get(Grid.class, s -> s.withId("users"));
        int row = GridKt._findAll(grid).indexOf(administration.user(username));
        assertThat(GridKt._getFormattedRow(grid, row).get(2)).contains("Vĩnh Thanh Vân", "kiêm nhiệm", "Bình An");

        KaribuViews.signInAs(users, username);
        KaribuViews.reload(context);
        UI.getCurrent().navigate("intake");
        var working = (com.vaadin.flow.component.select.Select<Unit>) _get(com.vaadin.flow.component.select.Select.class,
                s -> s.withId("working-unit"));
        assertThat(working.getValue().identifier()).as("the unit of appointment first").isEqualTo("000.01.15.H33");
        _setValue(working, working.getListDataView().getItems().filter(u -> u.identifier().equals("000.02.17.H33"))
                .findFirst().orElseThrow());
        assertThat(currentUser.require().unitIdentifier()).isEqualTo("000.02.17.H33");

        KaribuViews.reload(context);
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        _click(_get(Button.class, s -> s.withId("intake-receive")));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("dossier-code")).getText())
                .startsWith("000.02.17.H33-");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("current-user")).getText())
                .isEqualTo("Người Làm Hai Nơi · UBND xã Bình An");

        // a page opened for the commune does not receive once another tab switched the session back to the ward
        UI.getCurrent().navigate("intake");
        KaribuViews.fillValidBirthRegistration(catalogue);
        String elsewhere = workingUnits.switchTo("000.01.15.H33").getAuthentication().getName();
        assertThat(elsewhere).isEqualTo(username);
        int before = dossiers.search(null, null, 1000).size();
        _click(_get(Button.class, s -> s.withId("intake-receive")));
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).anySatisfy(n ->
                assertThat(n.getElement().getProperty("text")).startsWith("Bạn đã đổi đơn vị làm việc"));
        _get(vn.motcua.dossier.ui.IntakeView.class);
        assertThat(dossiers.search(null, null, 1000)).as("nothing received").hasSize(before);
    }

    @Test
    void aUnitListUploadedAsATrialKeepsNothingAndReportsEachRow() {
        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/units");
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, s -> s.withId("units-import-dry-run")), true);
        String identifier = "000.32." + RUN + ".H33";
        String csv = "Mã định danh,Tên đơn vị,Cấp,Loại,Mã định danh cấp trên\n"
                + identifier + ",UBND xã Nhập Thử,cấp xã,Xã,000.00.00.H33\n";
        UploadKt._upload(_get(Upload.class, s -> s.withId("units-import")), "don-vi.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Paragraph.class, s -> s.withId("units-import-rows-summary")).getText()).startsWith("Chạy thử").contains("1 sẽ tạo mới");
        SystemAccess.run(() -> assertThat(administration.units()).noneMatch(u -> u.identifier().equals(identifier)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLogShowsTheChangesOfThePeriod() {
        SystemAccess.run(() -> administration.createUnit(new vn.motcua.organisation.UnitForm("000.33." + RUN + ".H33",
                "UBND xã Nhật Ký", null, UnitLevel.COMMUNE, null, "000.00.00.H33")));
        KaribuViews.signInAs(users, "admin");
        UI.getCurrent().navigate("admin/log");
        _get(AdminLogView.class);
        Grid<AdminLogEntry> grid = _get(Grid.class, s -> s.withId("admin-log"));
        assertThat(GridKt._findAll(grid)).anyMatch(e -> e.action().equals("UNIT_CREATED") && e.target().equals("000.33." + RUN + ".H33"));
    }

    @Test
    void nobodyElseOpensThem() {
        KaribuViews.signInAs(users, "supervisor");
        UI.getCurrent().navigate("admin/units");
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        assertThatThrownBy(() -> _get(UnitsView.class)).hasMessageContaining("No visible UnitsView");
        UI.getCurrent().navigate("admin/users");
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        assertThatThrownBy(() -> _get(UsersView.class)).hasMessageContaining("No visible UsersView");
        UI.getCurrent().navigate("admin/log");
        _get(vn.motcua.security.ui.AccessDeniedView.class);
        assertThatThrownBy(() -> _get(AdminLogView.class)).hasMessageContaining("No visible AdminLogView");
        assertThatThrownBy(administration::units).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** A button of a row's actions column. */
    private static Button rowButton(Grid<?> grid, int row, String id) {
        var cell = GridKt._getCellComponent(grid, row, "actions");
        return (Button) cell.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }
}
