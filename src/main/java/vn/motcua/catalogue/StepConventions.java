package vn.motcua.catalogue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * MotCua's conventions on the steps (user tasks) of a procedure's BPMN model, read from and written into its XML, so
 * that a designer edits them beside the diagram rather than in Camunda's attributes:
 * <ul>
 *   <li>who takes the step: {@code camunda:candidateGroups="<ROLE>_${<unit variable>}"}, the role one of
 *   {@link Role} and the unit variable {@code unit} (the dossier's unit) or another agency's ({@code taxOffice},
 *   {@code consultedUnit}...);</li>
 *   <li>its deadline in working hours: {@code camunda:dueDate="${deadlines.workingHours(execution, N)}"};</li>
 *   <li>its form: {@code camunda:formRef="<form id>" camunda:formRefBinding="deployment"}.</li>
 * </ul>
 * Anything else in the model is kept as it is. The catalogue linter checks the result like any uploaded file.
 */
public final class StepConventions {
    public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** The longest deadline a step may be given, in working hours (a year of working days). */
    public static final int MAX_HOURS = 2000;
    /** The unit variable of the dossier's own unit. */
    public static final String OWN_UNIT = "unit";

    private static final Pattern GROUP = Pattern.compile("^([A-Z]+)_\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}$");
    private static final Pattern HOURS = Pattern.compile("^\\$\\{deadlines\\.workingHours\\(execution,\\s*(\\d+)\\)\\}$");

    /** The roles a step of a procedure is offered to. */
    public enum Role { CLERK, SPECIALIST, LEADER }

    /**
     * One step as the designer edits it.
     *
     * @param role         who takes it, null when its candidate groups follow no convention (see {@code groups})
     * @param unitVariable the process variable naming the unit whose people take it ({@code unit}: the dossier's own)
     * @param groups       the candidate groups as written in the model
     * @param hours        the deadline in working hours, null when the due date is not written by the convention
     * @param dueDate      the due date expression as written in the model
     * @param form         the id of its form, null for none
     */
    public record Step(String id, String name, Role role, String unitVariable, String groups, Integer hours,
                       String dueDate, String form) {

        /** The same step with these conventions (name, who, deadline, form). */
        public Step with(String name, Role role, String unitVariable, Integer hours, String form) {
            return new Step(id, name, role, unitVariable, groups, hours, dueDate, form);
        }
    }

    private StepConventions() { }

    /** The steps (user tasks) of a model, in the order the file has them. */
    public static List<Step> steps(String xml) {
        Document document = parse(xml);
        List<Step> steps = new ArrayList<>();
        NodeList tasks = document.getElementsByTagNameNS(BPMN, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) steps.add(step((Element) tasks.item(i)));
        return steps;
    }

    /** The step with this id, if it is a user task of the model. */
    public static Optional<Step> step(String xml, String id) {
        return steps(xml).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The unit variables the model's steps use, {@code unit} first, for the designer to choose from. */
    public static List<String> unitVariables(String xml) {
        var names = new TreeSet<String>();
        for (Step step : steps(xml)) if (step.unitVariable() != null) names.add(step.unitVariable());
        names.remove(OWN_UNIT);
        var result = new ArrayList<String>();
        result.add(OWN_UNIT);
        result.addAll(names);
        return result;
    }

    /**
     * The model with this step's conventions written into its user task: its name, candidate groups (when a role and
     * a unit variable are given), deadline (when hours are given) and form (none removes it).
     *
     * @throws IllegalArgumentException when the model has no user task with the step's id, or a value is malformed
     */
    public static String apply(String xml, Step step) {
        Document document = parse(xml);
        Element task = null;
        NodeList tasks = document.getElementsByTagNameNS(BPMN, "userTask");
        for (int i = 0; i < tasks.getLength() && task == null; i++) {
            if (step.id().equals(((Element) tasks.item(i)).getAttribute("id"))) task = (Element) tasks.item(i);
        }
        if (task == null) throw new IllegalArgumentException("no user task " + step.id());
        if (step.name() != null && !step.name().isBlank()) task.setAttribute("name", step.name().strip());
        if (step.role() != null) {
            String variable = step.unitVariable() == null || step.unitVariable().isBlank() ? OWN_UNIT : step.unitVariable().strip();
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("unit variable " + variable);
            task.setAttributeNS(CAMUNDA, "camunda:candidateGroups", step.role().name() + "_${" + variable + "}");
        }
        if (step.hours() != null) {
            if (step.hours() < 1 || step.hours() > MAX_HOURS) throw new IllegalArgumentException("hours " + step.hours());
            task.setAttributeNS(CAMUNDA, "camunda:dueDate", "${deadlines.workingHours(execution, " + step.hours() + ")}");
        }
        if (step.form() == null || step.form().isBlank()) {
            task.removeAttributeNS(CAMUNDA, "formRef");
            task.removeAttributeNS(CAMUNDA, "formRefBinding");
        } else {
            if (!step.form().strip().matches("[A-Za-z0-9_.-]+")) throw new IllegalArgumentException("form " + step.form());
            task.setAttributeNS(CAMUNDA, "camunda:formRef", step.form().strip());
            task.setAttributeNS(CAMUNDA, "camunda:formRefBinding", "deployment");
        }
        return write(document);
    }

    private static Step step(Element task) {
        String groups = attribute(task, "candidateGroups");
        Role role = null;
        String variable = null;
        Matcher group = groups == null ? null : GROUP.matcher(groups.strip());
        if (group != null && group.matches()) {
            try {
                role = Role.valueOf(group.group(1));
                variable = group.group(2);
            } catch (IllegalArgumentException notAStepRole) {
                role = null;
            }
        }
        String due = attribute(task, "dueDate");
        Matcher hours = due == null ? null : HOURS.matcher(due.strip());
        Integer h = hours != null && hours.matches() ? Integer.valueOf(hours.group(1)) : null;
        String name = task.getAttribute("name");
        return new Step(task.getAttribute("id"), name, role, variable, groups, h, due, attribute(task, "formRef"));
    }

    private static String attribute(Element element, String name) {
        String value = element.getAttributeNS(CAMUNDA, name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Document parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable BPMN model: " + e.getMessage(), e);
        }
    }

    private static String write(Document document) {
        try {
            var factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            var out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("model not written", e);
        }
    }
}
