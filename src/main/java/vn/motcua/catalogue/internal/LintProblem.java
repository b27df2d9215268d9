package vn.motcua.catalogue.internal;

import java.util.List;
import java.util.Locale;

/**
 * One thing wrong in the catalogue.
 *
 * @param folder     the folder name (under processes/ and forms/) the problem belongs to
 * @param file       the file, relative to the working directory: {@code processes/birth-registration/birth-registration.bpmn}
 * @param elementId  the BPMN/DMN element id, form component id, or descriptor field; null for the file as a whole
 * @param rule       the rule broken
 * @param messageKey the message in the {@code i18n/catalogue} bundles ({@code catalogue.lint.*})
 * @param args       the message's arguments
 */
public record LintProblem(String folder, String file, String elementId, LintRule rule, String messageKey, List<Object> args) {
    public LintProblem {
        args = List.copyOf(args);
    }

    /** The problem explained in one language. */
    public String message(Locale locale) {
        return CatalogueMessages.message(locale, messageKey, args.toArray());
    }

    /**
     * The problem as one line for logs and start-up failures:
     * {@code file › element: Vietnamese | English [RULE]}.
     */
    @Override
    public String toString() {
        return file + (elementId == null ? "" : " › " + elementId) + ": "
                + CatalogueMessages.bilingual(messageKey, args.toArray()) + " [" + rule + "]";
    }
}
