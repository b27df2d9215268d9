package vn.motcua.forms;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The form-js component types MotCua parses, validates and renders, with the name each one has in a
 * {@code .form} file ({@code "type": "textfield"}).
 *
 * <p>Types that form-js knows but MotCua does not render ({@code iframe}, multi-page forms)
 * are rejected by {@link FormSchema#parse(String)} with a message saying so, rather than silently dropped: a form
 * that loses a field on the way to the citizen would collect incomplete dossiers.
 */
public enum ComponentType {
    /** Single-line text input. */
    TEXTFIELD("textfield", Kind.INPUT),
    /** Multi-line text input. */
    TEXTAREA("textarea", Kind.INPUT),
    /** Decimal number input. */
    NUMBER("number", Kind.INPUT),
    /** Date, time or date-and-time input, see {@link FormComponent#subtype()}. */
    DATETIME("datetime", Kind.INPUT),
    /** Drop-down single choice (searchable when {@link FormComponent#searchable()}). */
    SELECT("select", Kind.INPUT),
    /** Radio-button single choice. */
    RADIO("radio", Kind.INPUT),
    /** A single yes/no box. */
    CHECKBOX("checkbox", Kind.INPUT),
    /** Multiple choice shown as check boxes. */
    CHECKLIST("checklist", Kind.INPUT),
    /** Multiple choice shown as tags in a searchable box. */
    TAGLIST("taglist", Kind.INPUT),
    /**
     * Files the user uploads with the form. Submitted as the references of files staged beforehand (the upload checks
     * ran then); stored as the files' descriptions once they are the dossier's attachments.
     */
    FILEPICKER("filepicker", Kind.INPUT),
    /** A value computed by a FEEL expression, never shown. */
    EXPRESSION("expression", Kind.COMPUTED),
    /** A visual group of components; with a {@code path} it also nests their values in an object. */
    GROUP("group", Kind.CONTAINER),
    /** A repeated block of components whose value is a list of objects. */
    DYNAMICLIST("dynamiclist", Kind.CONTAINER),
    /** Markdown text, optionally templated. */
    TEXT("text", Kind.PRESENTATION),
    /** HTML content, sanitised before display. */
    HTML("html", Kind.PRESENTATION),
    /** An image: a {@code data:image/...} URI or a path of this site, fixed or computed from the data. */
    IMAGE("image", Kind.PRESENTATION),
    /** A read-only table of rows from the data ({@code dataSource}), with fixed or computed columns, paged. */
    TABLE("table", Kind.PRESENTATION),
    /** The documents a FEEL expression gives (the dossier's files), listed with an inline view of images. */
    DOCUMENT_PREVIEW("documentPreview", Kind.PRESENTATION),
    /** A horizontal rule. */
    SEPARATOR("separator", Kind.PRESENTATION),
    /** Vertical white space. */
    SPACER("spacer", Kind.PRESENTATION),
    /**
     * A submit or reset button. Parsed so that Modeler files containing one load, but not rendered:
     * the view that hosts the form owns its actions (it fires the save event to its service).
     */
    BUTTON("button", Kind.PRESENTATION);

    private enum Kind { INPUT, COMPUTED, CONTAINER, PRESENTATION }

    private static final Map<String, ComponentType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ComponentType::typeName, Function.identity()));

    private final String typeName;
    private final Kind kind;

    ComponentType(String typeName, Kind kind) {
        this.typeName = typeName;
        this.kind = kind;
    }

    /** The name used in the {@code type} property of a {@code .form} file, e.g. {@code "textfield"}. */
    public String typeName() {
        return typeName;
    }

    /** True for components the user fills in; their {@code key} is mandatory. */
    public boolean isInput() {
        return kind == Kind.INPUT;
    }

    /** True for components that contribute a value to the submitted data (inputs and expression fields). */
    public boolean isKeyed() {
        return kind == Kind.INPUT || kind == Kind.COMPUTED;
    }

    /** True for {@link #GROUP} and {@link #DYNAMICLIST}, which hold child components. */
    public boolean isContainer() {
        return kind == Kind.CONTAINER;
    }

    /** True for choice components whose value must be one (or several) of the declared options. */
    public boolean hasOptions() {
        return this == SELECT || this == RADIO || this == CHECKLIST || this == TAGLIST;
    }

    /** True for choice components whose value is a list ({@link #CHECKLIST}, {@link #TAGLIST}). */
    public boolean isMultiValued() {
        return this == CHECKLIST || this == TAGLIST;
    }

    /**
     * The supported type with the given form-js name.
     *
     * @param typeName the {@code type} property as written in the file, case-sensitive like form-js
     * @return the type, or empty when MotCua does not support it
     */
    public static Optional<ComponentType> fromTypeName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
