package vn.motcua.forms;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasPrefix;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

/**
 * One input component of a form shown as the matching free Vaadin field, with conversions between the
 * field's Java value and the JSON-friendly value form-js stores (ISO text for dates, option values for
 * choices, {@link BigDecimal} for numbers).
 */
final class InputField {

    /** What the fields need to know about where and for whom they render. */
    record Settings(Locale locale, Messages messages, ZoneId zone, Clock clock) {
    }

    /** Pause after typing before text fields report a change, so conditions follow without a request per key. */
    private static final int TYPING_TIMEOUT_MS = 400;

    private final FormComponent component;
    private final Component view;
    private final HasValue<?, ?> field;
    private final Supplier<Object> reader;
    private final Consumer<Object> writer;
    private final Consumer<List<FormOption>> optionsSetter;
    private List<FormOption> options;
    /** A value from the data whose option is not (yet) offered: options from the data arrive after the values. */
    private Object pending;

    private InputField(FormComponent component, Component view, Supplier<Object> reader, Consumer<Object> writer,
                       Consumer<List<FormOption>> optionsSetter, List<FormOption> options) {
        this.component = component;
        this.view = view;
        this.field = (HasValue<?, ?>) view;
        this.reader = reader;
        this.writer = writer;
        this.optionsSetter = optionsSetter;
        this.options = options;
        if (optionsSetter != null) {
            // Once the user picks something, a value waiting for its option is obsolete.
            field.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    pending = null;
                }
            });
        }
    }

    FormComponent component() {
        return component;
    }

    /** The Vaadin field. */
    Component view() {
        return view;
    }

    /** The field's value as form data: text, BigDecimal, Boolean, ISO text, option value(s), or null. */
    Object read() {
        return reader.get();
    }

    /** Shows a data value; values the field cannot show (wrong type, unknown option) clear it. */
    void write(Object value) {
        writer.accept(value);
        if (optionsSetter != null) {
            pending = isShown(value) ? null : value;
        }
    }

    /** Whether the field now shows the whole value (every selected value has its option). */
    private boolean isShown(Object value) {
        if (value == null) {
            return true;
        }
        Object shown = read();
        if (value instanceof Collection<?> wanted) {
            return shown instanceof Collection<?> got && got.size() >= wanted.size();
        }
        return shown != null;
    }

    /** Replaces the choices of a select, radio, checklist or taglist, keeping the selection where possible. */
    void setOptions(List<FormOption> newOptions) {
        if (optionsSetter == null || newOptions.equals(options)) {
            return;
        }
        Object current = pending != null ? pending : read();
        options = List.copyOf(newOptions);
        optionsSetter.accept(options);
        write(current);
    }

    Registration addValueChangeListener(Runnable listener) {
        return field.addValueChangeListener(event -> listener.run());
    }

    void setLabel(String label) {
        if (view instanceof HasLabel hasLabel) {
            hasLabel.setLabel(label == null || label.isEmpty() ? null : label);
        }
    }

    void setDescription(String description) {
        if (view instanceof HasHelper hasHelper) {
            hasHelper.setHelperText(description == null || description.isEmpty() ? null : description);
        }
    }

    void setPrefix(String text) {
        if (view instanceof HasPrefix hasPrefix) {
            hasPrefix.setPrefixComponent(text == null || text.isEmpty() ? null : new Span(text));
        }
    }

    void setSuffix(String text) {
        if (view instanceof HasSuffix hasSuffix) {
            hasSuffix.setSuffixComponent(text == null || text.isEmpty() ? null : new Span(text));
        }
    }

    void setReadOnly(boolean readOnly) {
        field.setReadOnly(readOnly);
    }

    void setEnabled(boolean enabled) {
        ((HasEnabled) view).setEnabled(enabled);
    }

    void setError(String message) {
        HasValidation validation = (HasValidation) view;
        validation.setErrorMessage(message);
        validation.setInvalid(message != null);
    }

    boolean isInvalid() {
        return ((HasValidation) view).isInvalid();
    }

    // --- construction -------------------------------------------------------------------------------------

    /** The field for an input component, with its static properties applied. */
    static InputField create(FormComponent c, Settings settings) {
        InputField input = switch (c.type()) {
            case TEXTFIELD -> text(c, new TextField());
            case TEXTAREA -> text(c, new TextArea());
            case NUMBER -> number(c);
            case DATETIME -> switch (c.subtype()) {
                case DATE -> date(c, settings);
                case TIME -> time(c, settings);
                case DATETIME -> dateTime(c, settings);
            };
            case CHECKBOX -> checkbox(c);
            case SELECT -> c.searchable() ? comboBox(c) : select(c);
            case RADIO -> radio(c);
            case CHECKLIST -> checklist(c);
            case TAGLIST -> taglist(c);
            default -> throw new IllegalArgumentException("not an input component: " + c);
        };
        if (input.view instanceof HasValidation validation) {
            // The form's own rules (FormValidator) decide what is invalid, not the web components' built-ins.
            validation.setManualValidation(true);
        }
        input.field.setRequiredIndicatorVisible(c.validation().required());
        input.view.getElement().getClassList().add("motcua-form-field");
        return input;
    }

    private static InputField text(FormComponent c, AbstractField<?, String> field) {
        if (field instanceof TextField textField) {
            textField.setValueChangeMode(ValueChangeMode.LAZY);
            textField.setValueChangeTimeout(TYPING_TIMEOUT_MS);
            textField.setWidthFull();
        } else if (field instanceof TextArea textArea) {
            textArea.setValueChangeMode(ValueChangeMode.LAZY);
            textArea.setValueChangeTimeout(TYPING_TIMEOUT_MS);
            textArea.setWidthFull();
        }
        return new InputField(c, field, field::getValue,
                value -> field.setValue(value == null ? "" : Values.toText(value)), null, List.of());
    }

    private static InputField number(FormComponent c) {
        BigDecimalField field = new BigDecimalField();
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(TYPING_TIMEOUT_MS);
        field.setWidthFull();
        return new InputField(c, field, () -> {
            BigDecimal value = field.getValue();
            if (value == null) {
                return null;
            }
            return c.serializeToString() ? value.toPlainString() : value;
        }, value -> {
            BigDecimal number = Values.toBigDecimal(value);
            if (number == null && value instanceof String text) {
                number = Values.parseDecimal(text);
            }
            field.setValue(number);
        }, null, List.of());
    }

    private static InputField date(FormComponent c, Settings settings) {
        DatePicker picker = new DatePicker();
        picker.setLocale(settings.locale());
        picker.setI18n(datePickerI18n(settings.messages()));
        if (c.disallowPassedDates()) {
            picker.setMin(LocalDate.now(settings.clock()));
        }
        return new InputField(c, picker, () -> picker.getValue() == null ? null : picker.getValue().toString(),
                value -> picker.setValue(value instanceof String text ? Temporals.parseDate(text) : null),
                null, List.of());
    }

    private static InputField time(FormComponent c, Settings settings) {
        TimePicker picker = new TimePicker();
        picker.setLocale(timeLocale(c, settings.locale()));
        if (60 % c.timeInterval() == 0) {
            // The web component only accepts steps that divide an hour evenly.
            picker.setStep(Duration.ofMinutes(c.timeInterval()));
        }
        return new InputField(c, picker, () -> picker.getValue() == null ? null
                : Temporals.formatTime(picker.getValue(), c.timeSerializingFormat(), settings.zone()),
                value -> picker.setValue(value instanceof String text ? Temporals.parseTime(text, settings.zone()) : null),
                null, List.of());
    }

    private static InputField dateTime(FormComponent c, Settings settings) {
        DateTimePicker picker = new DateTimePicker();
        picker.setLocale(timeLocale(c, settings.locale()));
        picker.setDatePickerI18n(datePickerI18n(settings.messages()));
        if (60 % c.timeInterval() == 0) {
            picker.setStep(Duration.ofMinutes(c.timeInterval()));
        }
        if (c.disallowPassedDates()) {
            picker.setMin(LocalDate.now(settings.clock()).atStartOfDay());
        }
        return new InputField(c, picker, () -> {
            LocalDateTime value = picker.getValue();
            return value == null ? null : Temporals.formatDateTime(value, c.timeSerializingFormat(), settings.zone());
        }, value -> picker.setValue(value instanceof String text ? Temporals.parseDateTime(text, settings.zone()) : null),
                null, List.of());
    }

    private static InputField checkbox(FormComponent c) {
        Checkbox box = new Checkbox();
        return new InputField(c, box, box::getValue, value -> box.setValue(Boolean.TRUE.equals(value)), null, List.of());
    }

    private static InputField select(FormComponent c) {
        Select<FormOption> select = new Select<>();
        select.setItemLabelGenerator(option -> option == null ? "" : option.label());
        select.setEmptySelectionAllowed(!c.validation().required());
        select.setWidthFull();
        select.setItems(c.values());
        return new InputField(c, select, () -> optionValue(select.getValue()),
                value -> select.setValue(find(select.getListDataView().getItems().toList(), value)),
                select::setItems, c.values());
    }

    private static InputField comboBox(FormComponent c) {
        ComboBox<FormOption> comboBox = new ComboBox<>();
        comboBox.setItemLabelGenerator(FormOption::label);
        comboBox.setClearButtonVisible(true);
        comboBox.setWidthFull();
        comboBox.setItems(c.values());
        return new InputField(c, comboBox, () -> optionValue(comboBox.getValue()),
                value -> comboBox.setValue(find(comboBox.getListDataView().getItems().toList(), value)),
                comboBox::setItems, c.values());
    }

    private static InputField radio(FormComponent c) {
        RadioButtonGroup<FormOption> group = new RadioButtonGroup<>();
        group.setItemLabelGenerator(FormOption::label);
        group.setItems(c.values());
        return new InputField(c, group, () -> optionValue(group.getValue()),
                value -> group.setValue(find(group.getListDataView().getItems().toList(), value)),
                group::setItems, c.values());
    }

    private static InputField checklist(FormComponent c) {
        CheckboxGroup<FormOption> group = new CheckboxGroup<>();
        group.setItemLabelGenerator(FormOption::label);
        group.setItems(c.values());
        return new InputField(c, group,
                () -> optionValues(group.getListDataView().getItems().toList(), group.getValue()),
                value -> group.setValue(findAll(group.getListDataView().getItems().toList(), value)),
                group::setItems, c.values());
    }

    private static InputField taglist(FormComponent c) {
        MultiSelectComboBox<FormOption> box = new MultiSelectComboBox<>();
        box.setItemLabelGenerator(FormOption::label);
        box.setWidthFull();
        box.setItems(c.values());
        return new InputField(c, box,
                () -> optionValues(box.getListDataView().getItems().toList(), box.getValue()),
                value -> box.setValue(findAll(box.getListDataView().getItems().toList(), value)),
                box::setItems, c.values());
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static Object optionValue(FormOption option) {
        return option == null ? null : option.value();
    }

    /** Selected values in the order of the options, so that the stored list does not depend on click order. */
    private static List<Object> optionValues(List<FormOption> options, Set<FormOption> selected) {
        List<Object> values = new ArrayList<>();
        for (FormOption option : options) {
            if (selected.contains(option)) {
                values.add(option.value());
            }
        }
        return values;
    }

    private static FormOption find(List<FormOption> options, Object value) {
        if (value == null) {
            return null;
        }
        return options.stream().filter(o -> o.matches(value)).findFirst().orElse(null);
    }

    private static Set<FormOption> findAll(List<FormOption> options, Object value) {
        Set<FormOption> selected = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                FormOption option = find(options, v);
                if (option != null) {
                    selected.add(option);
                }
            }
        }
        return selected;
    }

    /** Time pickers follow the locale's clock; {@code use24h} forces the 24-hour one (vi already uses it). */
    private static Locale timeLocale(FormComponent c, Locale locale) {
        if (c.use24h() && !"vi".equals(locale.getLanguage())) {
            return Locale.UK;
        }
        return locale;
    }

    private static DatePicker.DatePickerI18n datePickerI18n(Messages messages) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(list(messages.get("forms.ui.date.monthNames")));
        i18n.setWeekdays(list(messages.get("forms.ui.date.weekdays")));
        i18n.setWeekdaysShort(list(messages.get("forms.ui.date.weekdaysShort")));
        i18n.setFirstDayOfWeek(Integer.parseInt(messages.get("forms.ui.date.firstDayOfWeek").trim()));
        i18n.setToday(messages.get("forms.ui.date.today"));
        i18n.setCancel(messages.get("forms.ui.date.cancel"));
        i18n.setDateFormat(messages.get("forms.ui.date.format"));
        return i18n;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "InputField[" + component + ", value=" + Objects.toString(read()) + "]";
    }
}
