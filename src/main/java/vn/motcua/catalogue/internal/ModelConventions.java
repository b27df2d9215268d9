package vn.motcua.catalogue.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the models may name in their expressions besides their own variables.
 *
 * <p>The beans are an allow-list on purpose: Camunda's Spring integration resolves every bean of the application
 * in expressions, so a model could otherwise call an application service directly, past its security checks; and
 * a bean named in a model is a public API that running instances of older versions depend on.
 *
 * @param beans     the beans models may call ({@code ${startProcessing}}, {@code ${deadlines.workingHours(...)}})
 * @param variables the process variables every model may read without setting them (the receiving unit...)
 */
public record ModelConventions(Set<String> beans, Set<String> variables) {
    /** Names the engine itself resolves in every expression. */
    public static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "authenticatedUserId");
    /** Functions the engine provides: {@code ${now()}}, {@code ${dateTime().plusDays(1)}}, {@code ${currentUser()}}. */
    public static final Set<String> ENGINE_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    public ModelConventions {
        beans = Set.copyOf(beans);
        variables = Set.copyOf(variables);
    }

    /**
     * MotCua's conventions: the beans and variables of {@code vn.motcua.workflow.DossierProcess}. They are written
     * out here rather than read from that class because the workflow module depends on the catalogue, not the other
     * way round; a test keeps the two lists equal.
     */
    public static ModelConventions motcua() {
        return new ModelConventions(
                Set.of("startProcessing", "markProcessed", "returnResult", "deadlines", "dossierDeadlines", "recordExtension"),
                Set.of("unit", "procedureProcess", "decision", "newDueDate", "apologyReason"));
    }

    /** The allowed beans, sorted, for messages. */
    public List<String> sortedBeans() { return List.copyOf(new TreeSet<>(beans)); }
}
