package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.CurrentUser;
import vn.motcua.security.SystemAccess;

/**
 * The service tasks that move a dossier's national status. Each maps the business key to the dossier, calls one
 * application method as the system, on behalf of the user who moved the process (recorded in the audit trail).
 */
@Configuration(proxyBeanMethods = false)
class DossierStatusDelegates {

    @Bean(DossierProcess.BEAN_START_PROCESSING)
    JavaDelegate startProcessing(DossierService dossiers, CurrentUser currentUser) {
        return execution -> {
            String actor = actor(currentUser);
            SystemAccess.run(() -> dossiers.startProcessing(code(execution), actor));
        };
    }

    @Bean(DossierProcess.BEAN_MARK_PROCESSED)
    JavaDelegate markProcessed(DossierService dossiers, CurrentUser currentUser) {
        return execution -> {
            String actor = actor(currentUser);
            SystemAccess.run(() -> dossiers.markProcessed(code(execution), actor));
        };
    }

    @Bean(DossierProcess.BEAN_RETURN_RESULT)
    JavaDelegate returnResult(DossierService dossiers, CurrentUser currentUser) {
        return execution -> {
            String actor = actor(currentUser);
            SystemAccess.run(() -> dossiers.returnResult(code(execution), actor));
        };
    }

    private static String code(DelegateExecution execution) { return execution.getProcessBusinessKey(); }

    private static String actor(CurrentUser currentUser) {
        return currentUser.get().map(u -> u.username()).orElse(SystemAccess.USERNAME);
    }
}
