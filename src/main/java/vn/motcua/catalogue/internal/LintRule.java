package vn.motcua.catalogue.internal;

/**
 * What the catalogue linter checks. Each problem names one rule, so that tests and designers can tell the
 * problems apart whatever language the message is in.
 */
public enum LintRule {
    /** A procedure folder without procedure.json. */
    DESCRIPTOR_MISSING,
    /** procedure.json unreadable, a field missing, or a value out of its domain. */
    DESCRIPTOR_INVALID,
    /** Two folders declare the same national procedure code. */
    DESCRIPTOR_DUPLICATE_CODE,
    /** The descriptor's process is not defined by a BPMN file of its folder. */
    DESCRIPTOR_PROCESS,
    /** The descriptor's intake form is not in the folder's forms. */
    DESCRIPTOR_INTAKE_FORM,
    /** forms/&lt;folder&gt;/ without processes/&lt;folder&gt;/. */
    FORMS_WITHOUT_PROCEDURE,
    /** A form's file picker whose {@code accept} names no file type MotCua takes: every upload would be refused. */
    FORM_FILE_TYPES,
    /** A BPMN file that is not well-formed or not valid against the BPMN and Camunda schemas. */
    BPMN_UNREADABLE,
    /** A BPMN file not named after its process id. */
    BPMN_FILE_NAME,
    /** A process the engine would skip (isExecutable not true). */
    PROCESS_NOT_EXECUTABLE,
    /** A process id defined twice in the catalogue. */
    PROCESS_DUPLICATE,
    /** The engine's own parser refuses the model. */
    ENGINE_REFUSES,
    /** A service or send task without exactly one implementation. */
    SERVICE_TASK_IMPLEMENTATION,
    /** A call activity without a target, or calling a process the catalogue does not define. */
    CALL_ACTIVITY,
    /** A business rule task without a decision, or with one no DMN of the catalogue defines where it looks. */
    BUSINESS_RULE_DECISION,
    /** A timer without exactly one of timeDate, timeDuration, timeCycle. */
    TIMER_DEFINITION,
    /** A flow out of a branching exclusive or inclusive gateway with no condition that is not the default. */
    GATEWAY_CONDITION,
    /** A user task nobody is assigned to. */
    USER_TASK_ASSIGNMENT,
    /** A user task without a Camunda Form of the catalogue. */
    USER_TASK_FORM,
    /** A user task without a deadline. */
    USER_TASK_DEADLINE,
    /** An expression that does not parse. */
    EXPRESSION_SYNTAX,
    /** An expression naming something that is neither an allowed bean nor a process variable. */
    EXPRESSION_UNKNOWN_NAME,
    /** A DMN file that does not parse, or that the decision engine refuses. */
    DMN_UNREADABLE,
    /** A decision id defined twice in the catalogue. */
    DMN_DUPLICATE_DECISION,
    /** A form that FormSchema refuses (invalid JSON, unsupported component, missing or duplicate key...). */
    FORM_UNREADABLE,
    /** A form id defined twice in the catalogue. */
    FORM_DUPLICATE_ID,
    /** A form file not named after its form id. */
    FORM_FILE_NAME
}
