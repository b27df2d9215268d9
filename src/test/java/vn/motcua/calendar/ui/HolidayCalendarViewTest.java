package vn.motcua.calendar.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.calendar.CalendarMessages;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.CalendarStore;
import vn.motcua.calendar.InMemoryCalendarStore;

import vn.motcua.calendar.DayOverride;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingHours;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator view in a mocked Vaadin session (Karibu), on the application service with an in-memory store.
 * Method security is not active here (see CalendarServiceSecurityTest).
 */
class HolidayCalendarViewTest {

    private final InMemoryCalendarStore store = new InMemoryCalendarStore();
    private Grid<?> days;

    @BeforeEach
    void setUp() {
        System.setProperty("vaadin.i18n.provider", CalendarTestI18NProvider.class.getName());
        MockVaadin.setup(new Routes(Set.of(), Set.of(), true), UI::new);
        UI.getCurrent().setLocale(CalendarMessages.VIETNAMESE);
        WorkingCalendar calendar = new WorkingCalendar(store);
        UI.getCurrent().add(new HolidayCalendarView(new CalendarService(store, calendar), java.time.Clock.system(vn.motcua.shared.Formats.ZONE)));
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-year")), 2026);
        days = _get(Grid.class, s -> s.withId("calendar-days"));
        NotificationsKt.clearNotifications();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        System.clearProperty("vaadin.i18n.provider");
    }

    @Test
    void yearListsComputedDaysOffIncludingHolidaysOnWeekendsWithVietnameseTexts() {
        // 1 Jan, 5 Tết days, Hùng Kings (Sun 26 Apr) and its compensatory Monday, 30 Apr, 1 May, 2 and 3 Sep.
        assertThat(GridKt._size(days)).isEqualTo(12);
        assertThat(GridKt._getFormatted(days, 0, "date")).isEqualTo("01/01/2026");
        assertThat(GridKt._getFormatted(days, 0, "weekday")).isEqualTo("Thứ Năm");
        assertThat(GridKt._getFormatted(days, 0, "name")).isEqualTo("Tết Dương lịch");
        assertThat(GridKt._getFormatted(days, 0, "status")).isEqualTo("Nghỉ");
        assertThat(GridKt._getFormatted(days, 0, "source")).isEqualTo("Tự tính theo luật");
        assertThat(GridKt._getFormatted(days, 7, "name")).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    }

    @Test
    void addingADayOffListsItAsAnOverride() {
        _setValue(_get(DatePicker.class, s -> s.withId("calendar-dayoff-date")), LocalDate.of(2026, 3, 2));
        _setValue(_get(TextField.class, s -> s.withId("calendar-dayoff-name-vi")), "Nghỉ đột xuất");
        _click(_get(Button.class, s -> s.withId("calendar-dayoff-add")));
        assertThat(confirmation().isOpened()).isTrue();
        assertThat(ConfirmDialogKt._getText(confirmation())).contains("02/03/2026");
        assertThat(store.overrides).as("nothing before the confirmation").isEmpty();
        confirm();

        NotificationsKt.expectNotifications("Đã thêm ngày nghỉ 02/03/2026.");
        assertThat(store.overrides).containsKey(LocalDate.of(2026, 3, 2));
        assertThat(GridKt._size(days)).isEqualTo(13);
        assertThat(GridKt._getFormatted(days, 6, "name")).isEqualTo("Nghỉ đột xuất");
        assertThat(GridKt._getFormatted(days, 6, "source")).isEqualTo("Điều chỉnh của quản trị");
    }

    @Test
    void addingADayOffOnASaturdayShowsAVietnameseErrorAndMarksTheDate() {
        DatePicker date = _get(DatePicker.class, s -> s.withId("calendar-dayoff-date"));
        _setValue(date, LocalDate.of(2026, 2, 7));
        _setValue(_get(TextField.class, s -> s.withId("calendar-dayoff-name-vi")), "Nghỉ");
        _click(_get(Button.class, s -> s.withId("calendar-dayoff-add")));
        confirm();

        NotificationsKt.expectNotifications("Ngày 07/02/2026 đã là ngày nghỉ.");
        assertThat(date.isInvalid()).isTrue();
        assertThat(store.overrides).isEmpty();
    }

    @Test
    void addingADayOffWithoutNameShowsAVietnameseErrorAndMarksTheName() {
        _setValue(_get(DatePicker.class, s -> s.withId("calendar-dayoff-date")), LocalDate.of(2026, 3, 2));
        _click(_get(Button.class, s -> s.withId("calendar-dayoff-add")));
        confirm();

        NotificationsKt.expectNotifications("Vui lòng nhập tên ngày nghỉ.");
        assertThat(_get(TextField.class, s -> s.withId("calendar-dayoff-name-vi")).isInvalid()).isTrue();
    }

    @Test
    void swappingASaturdayWithAMondayListsBothDays() {
        _setValue(_get(DatePicker.class, s -> s.withId("calendar-swap-weekend-day")), LocalDate.of(2026, 2, 7));
        _setValue(_get(DatePicker.class, s -> s.withId("calendar-swap-day-off")), LocalDate.of(2026, 2, 23));
        _setValue(_get(TextField.class, s -> s.withId("calendar-swap-name")), "Hoán đổi nghỉ Tết");
        _click(_get(Button.class, s -> s.withId("calendar-swap")));
        assertThat(ConfirmDialogKt._getText(confirmation())).contains("07/02/2026", "23/02/2026");
        confirm();

        NotificationsKt.expectNotifications("Ngày 07/02/2026 đã được chuyển thành ngày làm việc.");
        assertThat(GridKt._size(days)).isEqualTo(14);
        assertThat(GridKt._getFormatted(days, 1, "date")).isEqualTo("07/02/2026");
        assertThat(GridKt._getFormatted(days, 1, "status")).isEqualTo("Làm việc");
    }

    @Test
    void rowActionsTurnAHolidayIntoAWorkingDayAndRevertIt() {
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(days, 0, "actions");
        _click(_get(actions, Button.class, s -> s.withText("Chuyển thành ngày làm việc")));
        assertThat(store.overrides).as("nothing before the confirmation").isEmpty();
        confirm();
        assertThat(GridKt._getFormatted(days, 0, "status")).isEqualTo("Làm việc");
        assertThat(store.overrides.get(LocalDate.of(2026, 1, 1)).kind()).isEqualTo(DayOverride.Kind.WORKING_DAY);

        actions = (HorizontalLayout) GridKt._getCellComponent(days, 0, "actions");
        _click(_get(actions, Button.class, s -> s.withText("Khôi phục mặc định")));
        assertThat(ConfirmDialogKt._getText(confirmation())).contains("01/01/2026");
        confirm();
        assertThat(GridKt._getFormatted(days, 0, "status")).isEqualTo("Nghỉ");
        assertThat(store.overrides).isEmpty();
    }

    @Test
    void savingWorkingHoursOfAUnitAddsItToTheList() {
        _setValue(_get(TextField.class, s -> s.withId("calendar-hours-unit")), "000.00.15.H33");
        _setValue(_get(TimePicker.class, s -> s.withId("calendar-hours-morning-start")), LocalTime.of(7, 30));
        _setValue(_get(TimePicker.class, s -> s.withId("calendar-hours-morning-end")), LocalTime.of(11, 30));
        _setValue(_get(TimePicker.class, s -> s.withId("calendar-hours-afternoon-start")), LocalTime.of(13, 30));
        _click(_get(Button.class, s -> s.withId("calendar-hours-save")));

        NotificationsKt.expectNotifications("Đã lưu giờ làm việc: 000.00.15.H33.");
        Grid<?> hours = _get(Grid.class, s -> s.withId("calendar-hours"));
        assertThat(GridKt._size(hours)).isEqualTo(2);
        assertThat(store.hours.get("000.00.15.H33").daily()).hasMinutes(450);
    }

    @Test
    void workingHoursInTheWrongOrderShowAVietnameseError() {
        _setValue(_get(TimePicker.class, s -> s.withId("calendar-hours-morning-end")), LocalTime.of(6, 0));
        _click(_get(Button.class, s -> s.withId("calendar-hours-save")));

        NotificationsKt.expectNotifications("Giờ kết thúc buổi sáng phải sau giờ bắt đầu buổi sáng.");
        assertThat(_get(TimePicker.class, s -> s.withId("calendar-hours-morning-end")).isInvalid()).isTrue();
        assertThat(store.hours).containsOnlyKeys(CalendarStore.DEFAULT_UNIT_KEY);
    }

    @Test
    void yearOutsideTheSupportedRangeShowsAnErrorAndAnEmptyList() {
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-year")), 2101);
        NotificationsKt.expectNotifications("Năm phải nằm trong khoảng từ 1900 đến 2100.");
        assertThat(GridKt._size(days)).isZero();
    }

    @Test
    void addingAFixedHolidayAsksForConfirmationThenAppliesItFromItsFirstYear() {
        Grid<?> fixed = _get(Grid.class, s -> s.withId("calendar-fixed"));
        assertThat(GridKt._size(fixed)).isEqualTo(4);
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-day")), 24);
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-month")), 11);
        _setValue(_get(TextField.class, s -> s.withId("calendar-fixed-name-vi")), "Ngày Văn hóa Việt Nam");
        assertThat(_get(IntegerField.class, s -> s.withId("calendar-fixed-from")).getValue())
                .as("the first year defaults to the year shown").isEqualTo(2026);
        _click(_get(Button.class, s -> s.withId("calendar-fixed-add")));

        assertThat(confirmation().isOpened()).isTrue();
        assertThat(store.holidayRules).as("nothing before the confirmation").isEmpty();
        confirm();

        NotificationsKt.expectNotifications("Đã thêm ngày lễ 24/11.");
        assertThat(store.holidayRules).hasSize(1);
        assertThat(GridKt._size(fixed)).isEqualTo(5);
        assertThat(GridKt._getFormatted(fixed, 4, "date")).isEqualTo("24/11");
        assertThat(GridKt._getFormatted(fixed, 4, "source")).isEqualTo("Quản trị bổ sung");
        // Tuesday 24/11/2026 is now among the year's days off.
        assertThat(GridKt._size(days)).isEqualTo(13);
        assertThat(GridKt._getFormatted(days, 12, "name")).isEqualTo("Ngày Văn hóa Việt Nam");
        Grid<?> rules = _get(Grid.class, s -> s.withId("calendar-fixed-rules"));
        assertThat(GridKt._getFormatted(rules, 0, "years")).isEqualTo("từ 2026 trở đi");
        Grid<?> changes = _get(Grid.class, s -> s.withId("calendar-fixed-changes"));
        assertThat(GridKt._size(changes)).isEqualTo(1);
        assertThat(GridKt._getFormatted(changes, 0, "what")).startsWith("Thêm ngày lễ #1 · 24/11");
    }

    @Test
    void cancellingTheConfirmationChangesNothing() {
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-day")), 30);
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-month")), 4);
        _click(_get(Button.class, s -> s.withId("calendar-fixed-remove")));
        ConfirmDialogKt._fireCancel(confirmation());

        assertThat(store.holidayRules).isEmpty();
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("calendar-fixed")))).isEqualTo(4);
    }

    @Test
    void removingAStatutoryHolidayForOneYearAndUndoingTheRule() {
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-day")), 30);
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-month")), 4);
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-to")), 2026);
        _click(_get(Button.class, s -> s.withId("calendar-fixed-remove")));
        confirm();

        NotificationsKt.expectNotifications("Đã bỏ ngày lễ 30/04.");
        Grid<?> fixed = _get(Grid.class, s -> s.withId("calendar-fixed"));
        assertThat(GridKt._size(fixed)).isEqualTo(3);
        assertThat(GridKt._size(days)).as("30/4/2026 is worked").isEqualTo(11);

        NotificationsKt.clearNotifications();
        Grid<?> rules = _get(Grid.class, s -> s.withId("calendar-fixed-rules"));
        _click((Button) GridKt._getCellComponent(rules, 0, "actions"));
        confirm();

        NotificationsKt.expectNotifications("Đã hủy quy tắc số 1.");
        assertThat(store.holidayRules).isEmpty();
        assertThat(GridKt._size(fixed)).isEqualTo(4);
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("calendar-fixed-changes")))).isEqualTo(2);
    }

    @Test
    void anImpossibleDateShowsAVietnameseErrorMarksTheDayAndChangesNothing() {
        IntegerField day = _get(IntegerField.class, s -> s.withId("calendar-fixed-day"));
        _setValue(day, 31);
        _setValue(_get(IntegerField.class, s -> s.withId("calendar-fixed-month")), 2);
        _setValue(_get(TextField.class, s -> s.withId("calendar-fixed-name-vi")), "Sai");
        _click(_get(Button.class, s -> s.withId("calendar-fixed-add")));
        confirm();

        NotificationsKt.expectNotifications("Ngày 31 không có trong tháng 2.");
        assertThat(day.isInvalid()).isTrue();
        assertThat(store.holidayRules).isEmpty();
        assertThat(store.holidayChanges).isEmpty();
    }

    @Test
    void cancellingADayOverrideChangesNothing() {
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(days, 0, "actions");
        _click(_get(actions, Button.class, s -> s.withText("Chuyển thành ngày làm việc")));
        assertThat(ConfirmDialogKt._getText(confirmation())).contains("01/01/2026", "ngày làm việc");
        ConfirmDialogKt._fireCancel(confirmation());

        assertThat(store.overrides).isEmpty();
        assertThat(GridKt._getFormatted(days, 0, "status")).isEqualTo("Nghỉ");
    }

    /** The confirmation the view has open (Vaadin's ConfirmDialog). */
    private static ConfirmDialog confirmation() {
        return _get(ConfirmDialog.class, s -> s.withId("calendar-confirm"));
    }

    private static void confirm() { ConfirmDialogKt._fireConfirm(confirmation()); }
}
