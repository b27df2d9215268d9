package vn.motcua.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import vn.motcua.workflow.DossierProcess;

/** The linter allows exactly the beans and variables the workflow module declares for the models. */
class ModelConventionsTest {

    @Test
    void theAllowedBeansAreThoseOfDossierProcess() {
        assertThat(ModelConventions.motcua().beans()).isEqualTo(constants("BEAN_"));
    }

    @Test
    void theConventionalVariablesAreThoseOfDossierProcess() {
        assertThat(ModelConventions.motcua().variables()).isEqualTo(constants("VAR_"));
    }

    private static Set<String> constants(String prefix) {
        return Arrays.stream(DossierProcess.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().startsWith(prefix))
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toSet());
    }
}
