package vn.motcua.calendar.ui;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

import vn.motcua.calendar.CalendarDay;
import vn.motcua.calendar.CalendarService;
import vn.motcua.calendar.CalendarValidationException;
import vn.motcua.calendar.FixedHoliday;
import vn.motcua.calendar.HolidayChange;
import vn.motcua.calendar.HolidayRule;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.UnitWorkingHours;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingHours;

/**
 * Administration of the working calendar (Lịch làm việc): for a chosen year, the days off and the worked weekend
 * days with their source (computed from the law, or an administrator's override); adding a day off, turning a day off
 * into a working day, swapping a weekend day with a weekday, reverting an override; the fixed-date public holidays
 * of the year with the rules that add or remove one from a year on (each change confirmed in a dialog first) and the
 * log of those changes; and the working hours of the units. All changes go through {@link CalendarService}, which validates them; refusals are shown as notifications
 * worded from the {@code i18n/calendar} bundles and mark the field at fault.
 */
@Route("admin/calendar")
@PageTitle("Lịch làm việc")
@Menu(title = "Lịch làm việc", order = 90)
@RolesAllowed("ADMIN")
public class HolidayCalendarView extends VerticalLayout {
    private final Clock clock;

    private static final int NOTIFICATION_MS = 6000;
    private static final Duration TIME_STEP = Duration.ofMinutes(15);

    private final CalendarService service;
    private final DateTimeFormatter dateFormat;

    private final IntegerField year = new IntegerField();
    private final Grid<CalendarDay> days = new Grid<>();

    private final DatePicker dayOffDate = new DatePicker();
    private final TextField dayOffNameVi = new TextField();
    private final TextField dayOffNameEn = new TextField();

    private final DatePicker swapWeekendDay = new DatePicker();
    private final DatePicker swapDayOff = new DatePicker();
    private final TextField swapName = new TextField();

    private final Grid<FixedHoliday> fixed = new Grid<>();
    private final Grid<HolidayRule> rules = new Grid<>();
    private final Grid<HolidayChange> changes = new Grid<>();
    private final IntegerField fixedMonth = new IntegerField();
    private final IntegerField fixedDay = new IntegerField();
    private final TextField fixedNameVi = new TextField();
    private final TextField fixedNameEn = new TextField();
    private final IntegerField fixedFromYear = new IntegerField();
    private final IntegerField fixedToYear = new IntegerField();
    private final DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(WorkingCalendar.ZONE);

    private final Grid<UnitWorkingHours> hours = new Grid<>();
    private final TextField unitIdentifier = new TextField();
    private final TimePicker morningStart = new TimePicker();
    private final TimePicker morningEnd = new TimePicker();
    private final TimePicker afternoonStart = new TimePicker();
    private final TimePicker afternoonEnd = new TimePicker();

    /**
     * @param service the calendar's application service (the view never touches the database)
     */
    public HolidayCalendarView(CalendarService service, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.dateFormat = DateTimeFormatter.ofPattern(t("calendar.format.date"));
        setWidthFull();
        add(new H2(t("calendar.view.title")), new Paragraph(t("calendar.view.intro")));
        add(yearBar(), configureDays(), dayOffForm(), swapForm(), fixedSection(), hoursSection());
        year.setValue(LocalDate.now(clock).getYear());
        refreshHours();
    }

    private Component yearBar() {
        year.setId("calendar-year");
        year.setLabel(t("calendar.year"));
        year.setMin(LunarCalendar.MIN_YEAR);
        year.setMax(LunarCalendar.MAX_YEAR);
        year.setStepButtonsVisible(true);
        year.setI18n(new IntegerField.IntegerFieldI18n()
                .setBadInputErrorMessage(t("calendar.error.yearFormat"))
                .setMinErrorMessage(t("calendar.error.yearRange", min(), max()))
                .setMaxErrorMessage(t("calendar.error.yearRange", min(), max())));
        year.addValueChangeListener(e -> refreshDays());
        Span legend = new Span(t("calendar.view.legend"));
        HorizontalLayout bar = new HorizontalLayout(year, legend);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private Component configureDays() {
        days.setId("calendar-days");
        days.addColumn(d -> dateFormat.format(d.date())).setKey("date").setHeader(t("calendar.grid.date"))
                .setAutoWidth(true).setFlexGrow(0);
        days.addColumn(d -> weekday(d.date().getDayOfWeek())).setKey("weekday").setHeader(t("calendar.grid.weekday"))
                .setAutoWidth(true).setFlexGrow(0);
        days.addColumn(d -> d.displayName(getLocale(), this::t)).setKey("name").setHeader(t("calendar.grid.name"))
                .setFlexGrow(1);
        days.addColumn(d -> t(d.workingDay() ? "calendar.status.workingDay" : "calendar.status.dayOff"))
                .setKey("status").setHeader(t("calendar.grid.status")).setAutoWidth(true).setFlexGrow(0);
        days.addColumn(d -> t(d.source().messageKey())).setKey("source").setHeader(t("calendar.grid.source"))
                .setAutoWidth(true).setFlexGrow(0);
        days.addComponentColumn(this::dayActions).setKey("actions").setHeader(t("calendar.grid.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        days.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        days.setAllRowsVisible(true);
        days.setWidthFull();
        return days;
    }

    private Component dayActions(CalendarDay day) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        if (!day.workingDay()) {
            Button work = new Button(t("calendar.action.makeWorkingDay"), e -> confirm(
                    t("calendar.confirm.makeWorkingDay", format(day.date())), false,
                    () -> run(() -> service.makeWorkingDay(day.date(), null), Map.of(),
                            "calendar.done.madeWorkingDay", format(day.date()))));
            work.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(work);
        }
        if (day.source() == CalendarDay.Source.OVERRIDE) {
            Button revert = new Button(t("calendar.action.revert"), e -> confirm(
                    t("calendar.confirm.revert", format(day.date())), true,
                    () -> run(() -> service.revertToDefault(day.date()), Map.of(),
                            "calendar.done.reverted", format(day.date()))));
            revert.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY,
                    ButtonVariant.LUMO_ERROR);
            actions.add(revert);
        }
        return actions;
    }

    private Component dayOffForm() {
        configureDatePicker(dayOffDate, "calendar.field.date");
        dayOffDate.setId("calendar-dayoff-date");
        dayOffNameVi.setId("calendar-dayoff-name-vi");
        dayOffNameEn.setId("calendar-dayoff-name-en");
        dayOffNameVi.setLabel(t("calendar.field.nameVi"));
        dayOffNameVi.setPlaceholder(t("calendar.field.nameVi.placeholder"));
        dayOffNameVi.setMaxLength(CalendarService.MAX_NAME_LENGTH);
        dayOffNameVi.setRequiredIndicatorVisible(true);
        dayOffNameEn.setLabel(t("calendar.field.nameEn"));
        dayOffNameEn.setMaxLength(CalendarService.MAX_NAME_LENGTH);
        Button add = new Button(t("calendar.action.addDayOff"), e -> confirm(
                t("calendar.confirm.addDayOff", unset(format(dayOffDate.getValue()))), false, () -> run(
                () -> service.addDayOff(dayOffDate.getValue(), dayOffNameVi.getValue(), dayOffNameEn.getValue()),
                Map.of("date", dayOffDate, "nameVi", dayOffNameVi, "nameEn", dayOffNameEn),
                "calendar.done.dayOffAdded", format(dayOffDate.getValue()))));
        add.setId("calendar-dayoff-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return section("calendar.section.addDayOff", "calendar.section.addDayOff.help",
                row(dayOffDate, dayOffNameVi, dayOffNameEn, add));
    }

    private Component swapForm() {
        configureDatePicker(swapWeekendDay, "calendar.field.weekendDay");
        swapWeekendDay.setId("calendar-swap-weekend-day");
        swapDayOff.setId("calendar-swap-day-off");
        swapName.setId("calendar-swap-name");
        configureDatePicker(swapDayOff, "calendar.field.swapDayOff");
        swapDayOff.setHelperText(t("calendar.field.swapDayOff.help"));
        swapWeekendDay.setRequiredIndicatorVisible(true);
        swapName.setLabel(t("calendar.field.swapName"));
        swapName.setPlaceholder(t("calendar.field.swapName.placeholder"));
        swapName.setMaxLength(CalendarService.MAX_NAME_LENGTH);
        Button swap = new Button(t("calendar.action.swap"), e -> confirm(swapDayOff.getValue() == null
                        ? t("calendar.confirm.swapWithoutDayOff", unset(format(swapWeekendDay.getValue())))
                        : t("calendar.confirm.swap", unset(format(swapWeekendDay.getValue())), format(swapDayOff.getValue())),
                false, () -> run(
                () -> service.swap(swapWeekendDay.getValue(), swapDayOff.getValue(), swapName.getValue()),
                Map.of("weekendDay", swapWeekendDay, "dayOff", swapDayOff, "nameVi", swapName),
                "calendar.done.swapped", format(swapWeekendDay.getValue()))));
        swap.setId("calendar-swap");
        swap.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return section("calendar.section.swap", "calendar.section.swap.help",
                row(swapWeekendDay, swapDayOff, swapName, swap));
    }

    private Component fixedSection() {
        fixed.setId("calendar-fixed");
        fixed.addColumn(h -> String.format(Locale.ROOT, "%02d/%02d", h.date().getDayOfMonth(),
                        h.date().getMonthValue())).setKey("date").setHeader(t("calendar.fixed.grid.date"))
                .setAutoWidth(true).setFlexGrow(0);
        fixed.addColumn(h -> h.displayName(getLocale(), this::t)).setKey("name")
                .setHeader(t("calendar.fixed.grid.name")).setFlexGrow(1);
        fixed.addColumn(h -> t(h.source().messageKey())).setKey("source").setHeader(t("calendar.fixed.grid.source"))
                .setAutoWidth(true).setFlexGrow(0);
        fixed.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        fixed.setAllRowsVisible(true);

        fixedMonth.setId("calendar-fixed-month");
        fixedMonth.setLabel(t("calendar.field.month"));
        fixedMonth.setMin(1);
        fixedMonth.setMax(12);
        fixedMonth.setRequiredIndicatorVisible(true);
        fixedDay.setId("calendar-fixed-day");
        fixedDay.setLabel(t("calendar.field.day"));
        fixedDay.setMin(1);
        fixedDay.setMax(31);
        fixedDay.setRequiredIndicatorVisible(true);
        fixedNameVi.setId("calendar-fixed-name-vi");
        fixedNameVi.setLabel(t("calendar.field.holidayNameVi"));
        fixedNameVi.setMaxLength(CalendarService.MAX_NAME_LENGTH);
        fixedNameEn.setId("calendar-fixed-name-en");
        fixedNameEn.setLabel(t("calendar.field.holidayNameEn"));
        fixedNameEn.setMaxLength(CalendarService.MAX_NAME_LENGTH);
        fixedFromYear.setId("calendar-fixed-from");
        fixedFromYear.setLabel(t("calendar.field.fromYear"));
        fixedFromYear.setRequiredIndicatorVisible(true);
        fixedToYear.setId("calendar-fixed-to");
        fixedToYear.setLabel(t("calendar.field.toYear"));
        fixedToYear.setHelperText(t("calendar.field.toYear.help"));
        for (IntegerField f : List.of(fixedMonth, fixedDay, fixedFromYear, fixedToYear)) {
            f.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(t("calendar.error.numberInput")));
        }
        Map<String, HasValidation> fields = Map.of("month", fixedMonth, "day", fixedDay, "nameVi", fixedNameVi,
                "nameEn", fixedNameEn, "fromYear", fixedFromYear, "toYear", fixedToYear);
        Button add = new Button(t("calendar.action.addHoliday"), e -> confirm(
                t("calendar.confirm.addHoliday", fixedDate(), fixedYears()), false,
                () -> run(() -> service.addHoliday(fixedMonth.getValue(), fixedDay.getValue(),
                                fixedNameVi.getValue(), fixedNameEn.getValue(), fixedFromYear.getValue(),
                                fixedToYear.getValue()),
                        fields, "calendar.done.holidayAdded", fixedDate())));
        add.setId("calendar-fixed-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button remove = new Button(t("calendar.action.removeHoliday"), e -> confirm(
                t("calendar.confirm.removeHoliday", fixedDate(), fixedYears()), true,
                () -> run(() -> service.removeHoliday(fixedMonth.getValue(), fixedDay.getValue(),
                                fixedFromYear.getValue(), fixedToYear.getValue()),
                        fields, "calendar.done.holidayRemoved", fixedDate())));
        remove.setId("calendar-fixed-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);

        rules.setId("calendar-fixed-rules");
        rules.addColumn(r -> String.valueOf(r.id())).setKey("id").setHeader("#").setAutoWidth(true).setFlexGrow(0);
        rules.addColumn(r -> t(r.action() == HolidayRule.Action.ADD ? "calendar.fixed.rule.add"
                : "calendar.fixed.rule.remove")).setKey("action").setAutoWidth(true).setFlexGrow(0);
        rules.addColumn(r -> String.format(Locale.ROOT, "%02d/%02d", r.day(), r.month())).setKey("date")
                .setHeader(t("calendar.fixed.grid.date")).setAutoWidth(true).setFlexGrow(0);
        rules.addColumn(r -> r.nameVi() == null ? "" : r.nameVi()).setKey("name")
                .setHeader(t("calendar.fixed.grid.name")).setFlexGrow(1);
        rules.addColumn(r -> years(r.fromYear(), r.toYear())).setKey("years")
                .setHeader(t("calendar.fixed.rule.years")).setAutoWidth(true).setFlexGrow(0);
        rules.addColumn(r -> r.createdBy() == null ? "" : r.createdBy()).setKey("createdBy")
                .setHeader(t("calendar.fixed.rule.createdBy")).setAutoWidth(true).setFlexGrow(0);
        rules.addComponentColumn(this::ruleActions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        rules.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        rules.setAllRowsVisible(true);

        changes.setId("calendar-fixed-changes");
        changes.addColumn(c -> c.at() == null ? "" : timeFormat.format(c.at())).setKey("at")
                .setHeader(t("calendar.fixed.change.at")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> c.by() == null ? "" : c.by()).setKey("by").setHeader(t("calendar.fixed.change.by"))
                .setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> t(c.change().messageKey()) + " #" + c.ruleId() + " · "
                        + String.format(Locale.ROOT, "%02d/%02d", c.day(), c.month()) + " · "
                        + years(c.fromYear(), c.toYear()) + (c.nameVi() == null ? "" : " · " + c.nameVi()))
                .setKey("what").setHeader(t("calendar.fixed.change.what")).setFlexGrow(1);
        changes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        changes.setAllRowsVisible(true);

        return section("calendar.section.fixed", "calendar.section.fixed.help", fixed,
                row(fixedDay, fixedMonth, fixedNameVi, fixedNameEn, fixedFromYear, fixedToYear),
                row(add, remove), new H3(t("calendar.fixed.rules")), rules, new H3(t("calendar.fixed.changes")),
                changes);
    }

    private Component ruleActions(HolidayRule rule) {
        Button undo = new Button(t("calendar.action.deleteRule"), e -> confirm(
                t("calendar.confirm.deleteRule", String.valueOf(rule.id()),
                        t(rule.action() == HolidayRule.Action.ADD ? "calendar.fixed.rule.add"
                                : "calendar.fixed.rule.remove"),
                        String.format(Locale.ROOT, "%02d/%02d", rule.day(), rule.month()),
                        years(rule.fromYear(), rule.toYear())), true,
                () -> run(() -> service.deleteHolidayRule(rule.id()), Map.of(), "calendar.done.ruleDeleted",
                        String.valueOf(rule.id()))));
        undo.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return undo;
    }

    /**
     * Asks the administrator to confirm a change of the calendar before it is made (every change moves the deadlines
     * of dossiers): Vaadin's ConfirmDialog, the change only on confirmation; a change that takes a day off or a rule
     * away has its confirm button in the error colour.
     */
    private void confirm(String question, boolean removes, Runnable change) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("calendar-confirm");
        dialog.setHeader(t("calendar.confirm.title"));
        dialog.setText(question);
        dialog.setCancelable(true);
        dialog.setCancelText(t("calendar.confirm.cancel"));
        dialog.setConfirmText(t("calendar.confirm.ok"));
        if (removes) dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> change.run());
        dialog.open();
    }

    /** A value the administrator has not filled in yet reads "?" in a question. */
    private static String unset(String text) { return text == null || text.isEmpty() ? "?" : text; }

    private String fixedDate() {
        Integer d = fixedDay.getValue();
        Integer m = fixedMonth.getValue();
        return (d == null ? "?" : String.format(Locale.ROOT, "%02d", d)) + "/"
                + (m == null ? "?" : String.format(Locale.ROOT, "%02d", m));
    }

    private String fixedYears() {
        Integer from = fixedFromYear.getValue();
        return from == null ? "?" : years(from, fixedToYear.getValue());
    }

    private String years(int from, Integer to) {
        if (to == null) {
            return t("calendar.fixed.rule.openEnded", String.valueOf(from));
        }
        return to == from ? String.valueOf(from) : from + "–" + to;
    }

    private Component hoursSection() {
        hours.setId("calendar-hours");
        hours.addColumn(h -> h.isDefault() ? t("calendar.hours.default") : h.unitIdentifier())
                .setHeader(t("calendar.hours.unit")).setAutoWidth(true);
        hours.addColumn(h -> h.hours().morningStart() + "–" + h.hours().morningEnd())
                .setHeader(t("calendar.hours.morning")).setAutoWidth(true);
        hours.addColumn(h -> h.hours().afternoonStart() + "–" + h.hours().afternoonEnd())
                .setHeader(t("calendar.hours.afternoon")).setAutoWidth(true);
        hours.addColumn(h -> formatDuration(h.hours().daily())).setHeader(t("calendar.hours.daily"))
                .setAutoWidth(true);
        hours.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        hours.setAllRowsVisible(true);
        hours.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });

        unitIdentifier.setId("calendar-hours-unit");
        unitIdentifier.setLabel(t("calendar.field.unitIdentifier"));
        unitIdentifier.setPlaceholder("000.00.15.H33");
        unitIdentifier.setHelperText(t("calendar.field.unitIdentifier.help"));
        unitIdentifier.setMaxLength(20);
        configureTimePicker(morningStart, "calendar.field.morningStart", "calendar-hours-morning-start");
        configureTimePicker(morningEnd, "calendar.field.morningEnd", "calendar-hours-morning-end");
        configureTimePicker(afternoonStart, "calendar.field.afternoonStart", "calendar-hours-afternoon-start");
        configureTimePicker(afternoonEnd, "calendar.field.afternoonEnd", "calendar-hours-afternoon-end");
        Map<String, HasValidation> fields = Map.of("unitIdentifier", unitIdentifier, "morningStart", morningStart,
                "morningEnd", morningEnd, "afternoonStart", afternoonStart, "afternoonEnd", afternoonEnd);
        Button save = new Button(t("calendar.action.saveHours"), e -> run(
                () -> service.saveWorkingHours(unitIdentifier.getValue(), morningStart.getValue(),
                        morningEnd.getValue(), afternoonStart.getValue(), afternoonEnd.getValue()),
                fields, "calendar.done.hoursSaved", unitLabel()));
        save.setId("calendar-hours-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button(t("calendar.action.deleteHours"), e -> run(
                () -> service.deleteWorkingHours(unitIdentifier.getValue()), fields,
                "calendar.done.hoursDeleted", unitLabel()));
        delete.setId("calendar-hours-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        edit(new UnitWorkingHours(null, service.workingHours(null)));
        return section("calendar.section.hours", "calendar.section.hours.help", hours,
                row(unitIdentifier, morningStart, morningEnd, afternoonStart, afternoonEnd),
                row(save, delete));
    }

    private void edit(UnitWorkingHours h) {
        unitIdentifier.setValue(h.isDefault() ? "" : h.unitIdentifier());
        WorkingHours w = h.hours();
        morningStart.setValue(w.morningStart());
        morningEnd.setValue(w.morningEnd());
        afternoonStart.setValue(w.afternoonStart());
        afternoonEnd.setValue(w.afternoonEnd());
    }

    /**
     * Runs a change; on success refreshes and confirms, on refusal shows the reason and marks the field at fault.
     */
    private void run(Runnable change, Map<String, HasValidation> fields, String doneKey, String doneArg) {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            change.run();
        } catch (CalendarValidationException e) {
            String message = t(e.messageKey(), e.args());
            HasValidation field = fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
            notify(message, NotificationVariant.LUMO_ERROR);
            return;
        } catch (AccessDeniedException e) {
            notify(t("calendar.error.forbidden"), NotificationVariant.LUMO_ERROR);
            return;
        } catch (DataAccessException e) {
            notify(t("calendar.error.storage"), NotificationVariant.LUMO_ERROR);
            return;
        }
        notify(t(doneKey, doneArg == null ? "" : doneArg), NotificationVariant.LUMO_SUCCESS);
        refreshDays();
        refreshHours();
    }

    private void refreshDays() {
        Integer y = year.getValue();
        if (y == null || y < LunarCalendar.MIN_YEAR || y > LunarCalendar.MAX_YEAR) {
            days.setItems(List.of());
            fixed.setItems(List.of());
            notify(y == null ? t("calendar.error.yearFormat") : t("calendar.error.yearRange", min(), max()),
                    NotificationVariant.LUMO_ERROR);
            return;
        }
        days.setItems(service.days(y));
        fixed.setItems(service.fixedHolidays(y));
        rules.setItems(service.holidayRules());
        changes.setItems(service.holidayChanges());
        if (fixedFromYear.isEmpty()) {
            fixedFromYear.setValue(y);
        }
        // Open the date pickers on the chosen year.
        LocalDate reference = LocalDate.of(y, 1, 1);
        for (DatePicker p : List.of(dayOffDate, swapWeekendDay, swapDayOff)) {
            if (p.getValue() == null || p.getValue().getYear() != y) {
                p.setInitialPosition(reference);
            }
        }
    }

    private void refreshHours() {
        hours.setItems(service.workingHours());
    }

    private void configureDatePicker(DatePicker picker, String labelKey) {
        picker.setLabel(t(labelKey));
        picker.setMin(LocalDate.of(LunarCalendar.MIN_YEAR, 1, 1));
        picker.setMax(LocalDate.of(LunarCalendar.MAX_YEAR, 12, 31));
        picker.setClearButtonVisible(true);
        Locale locale = getLocale();
        List<String> months = IntStream.rangeClosed(1, 12)
                .mapToObj(m -> capitalize(Month.of(m).getDisplayName(TextStyle.FULL_STANDALONE, locale)))
                .toList();
        // DatePickerI18n lists weekdays from Sunday.
        List<DayOfWeek> fromSunday = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setDateFormat(t("calendar.format.date"))
                .setFirstDayOfWeek(1)
                .setMonthNames(months)
                .setWeekdays(fromSunday.stream().map(this::weekday).toList())
                .setWeekdaysShort(fromSunday.stream().map(d -> t("calendar.weekdayShort." + d.getValue())).toList())
                .setToday(t("calendar.datePicker.today"))
                .setCancel(t("calendar.datePicker.cancel"))
                .setBadInputErrorMessage(t("calendar.error.dateFormat"))
                .setMinErrorMessage(t("calendar.error.yearRange", min(), max()))
                .setMaxErrorMessage(t("calendar.error.yearRange", min(), max())));
    }

    private void configureTimePicker(TimePicker picker, String labelKey, String id) {
        picker.setId(id);
        picker.setLabel(t(labelKey));
        picker.setStep(TIME_STEP);
        // 24-hour display, as Vietnamese offices write times.
        picker.setLocale(Locale.forLanguageTag("vi"));
        picker.setRequiredIndicatorVisible(true);
        picker.setI18n(new TimePicker.TimePickerI18n().setBadInputErrorMessage(t("calendar.error.timeFormat")));
    }

    private Component section(String titleKey, String helpKey, Component... content) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.add(new H3(t(titleKey)), new Paragraph(t(helpKey)));
        section.add(content);
        return section;
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void notify(String message, NotificationVariant variant) {
        Notification n = Notification.show(message, NOTIFICATION_MS, Notification.Position.TOP_CENTER);
        n.addThemeVariants(variant);
    }

    private String unitLabel() {
        String unit = unitIdentifier.getValue();
        return unit == null || unit.isBlank() ? t("calendar.hours.default") : unit.strip();
    }

    private String weekday(DayOfWeek day) {
        return t("calendar.weekday." + day.getValue());
    }

    private String format(LocalDate date) {
        return date == null ? "" : dateFormat.format(date);
    }

    private String formatDuration(Duration d) {
        long minutes = d.toMinutes();
        String text = minutes % 60 == 0 ? String.valueOf(minutes / 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
        return t("calendar.hours.dailyValue", text);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String min() {
        return String.valueOf(LunarCalendar.MIN_YEAR);
    }

    private static String max() {
        return String.valueOf(LunarCalendar.MAX_YEAR);
    }

    /** Translation of a {@code calendar.*} key in the UI's language. */
    private String t(String key, Object... args) {
        return getTranslation(key, args);
    }
}
