package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.catalogue.internal.CatalogueException;
import vn.motcua.catalogue.internal.CatalogueFiles;
import vn.motcua.catalogue.internal.CatalogueLinter;
import vn.motcua.catalogue.internal.EngineParseCheck;
import vn.motcua.catalogue.internal.LintProblem;
import vn.motcua.catalogue.internal.LintRule;
import vn.motcua.catalogue.internal.ModelConventions;
import vn.motcua.workflow.DossierProcess;

/** The catalogue on the engine: checked as a whole, then deployed per folder, all or nothing. */
@MotCuaTest
class CatalogueDeploymentTest {
    @Autowired ProcedureCatalogue catalogue;
    @Autowired ProcessEngine engine;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void theRealCatalogueIsDeployedAsOneDeploymentPerFolder() {
        var latest = repository().createProcessDefinitionQuery().processDefinitionKey("birth-registration").latestVersion().singleResult();
        var deployment = repository().createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
        assertThat(deployment.getName()).isEqualTo("motcua:birth-registration");
        assertThat(deployment.getSource()).isEqualTo("motcua-catalogue");
        assertThat(repository().getDeploymentResourceNames(deployment.getId())).containsExactlyInAnyOrder(
                "birth-registration/birth-registration.bpmn", "birth-registration/birth-registration-intake.form",
                "birth-registration/birth-registration-review.form", "birth-registration/birth-registration-approval.form",
                "birth-registration/birth-registration-return.form");
        var lifecycle = repository().createProcessDefinitionQuery().processDefinitionKey(DossierProcess.LIFECYCLE).latestVersion().singleResult();
        assertThat(repository().createDeploymentQuery().deploymentId(lifecycle.getDeploymentId()).singleResult().getName())
                .isEqualTo("motcua:_shared");
        assertThat(catalogue.form("dossier-delay-decision")).isPresent();
        assertThat(catalogue.sharedProcessKeys()).containsExactly(DossierProcess.LIFECYCLE);
    }

    @Test
    void theProcessModelIsTheLatestDeployedXml() throws Exception {
        var latest = repository().createProcessDefinitionQuery().processDefinitionKey("birth-registration").latestVersion().singleResult();
        String deployed;
        try (var in = repository().getProcessModel(latest.getId())) {
            deployed = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(catalogue.processModel("1.001193")).contains(deployed);
        assertThat(deployed).contains("<bpmn:process id=\"birth-registration\"");
        assertThat(catalogue.processModel("9.999999")).isEmpty();
    }

    @Test
    void aRestartDeploysNothingTwice() {
        long before = repository().createDeploymentQuery().count();

        new ProcedureCatalogue(engine, transactionManager, new org.springframework.mock.env.MockEnvironment());

        assertThat(repository().createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aBrokenCatalogueStopsWithEveryProblemAndDeploysNothing() {
        long before = repository().createDeploymentQuery().count();

        assertThatThrownBy(() -> catalogueOf("catalogue-fixtures/broken/", linter()))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems()).hasSizeGreaterThan(40)
                        .extracting(LintProblem::rule).contains(LintRule.USER_TASK_DEADLINE, LintRule.DESCRIPTOR_MISSING, LintRule.FORM_UNREADABLE))
                .hasMessageContaining("processes/broken-models/broken-models.bpmn › Task_NoDeadline");

        assertThat(repository().createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void theEnginesParserRefusesWhatTheRulesLetThrough() {
        var check = linter().check(CatalogueFiles.fromClasspath("catalogue-fixtures/engine/"));

        assertThat(check.problems()).extracting(LintProblem::file, LintProblem::elementId, LintProblem::rule).containsExactly(
                tuple("processes/engine-refuses/engine-refuses.bpmn", "Gateway_DefaultWithCondition", LintRule.ENGINE_REFUSES));
        assertThat(check.problems().get(0).message(java.util.Locale.ENGLISH)).startsWith("The process engine refuses the model: ");
        assertThat(check.contents()).containsOnlyKeys("engine-accepts");
        assertThatThrownBy(() -> catalogueOf("catalogue-fixtures/engine/", linter())).isInstanceOf(CatalogueException.class);
        assertThat(repository().createDeploymentQuery().deploymentName("motcua:engine-accepts").count()).isZero();
    }

    @Test
    void deploymentsAreAllOrNothing() {
        // Without the engine's parser the linter lets the refused model through: the engine refuses it on deployment,
        // after the folder before it was deployed in the same transaction
        var rulesOnly = new CatalogueLinter(ModelConventions.motcua(), null, List.of());

        assertThatThrownBy(() -> catalogueOf("catalogue-fixtures/engine/", rulesOnly)).isInstanceOf(ProcessEngineException.class);

        assertThat(repository().createDeploymentQuery().deploymentName("motcua:engine-accepts").count()).isZero();
        assertThat(repository().createProcessDefinitionQuery().processDefinitionKey("engine-accepts").count()).isZero();
    }

    @Test
    void theLifecycleStartsEveryDossierOnTheLatestVersionOfItsProcedure() {
        var lifecycle = repository().createProcessDefinitionQuery().processDefinitionKey(DossierProcess.LIFECYCLE).latestVersion().singleResult();
        var model = repository().getBpmnModelInstance(lifecycle.getId());

        var call = (CallActivity) model.getModelElementById("CallActivity_Procedure");

        assertThat(call.getCalledElement()).isEqualTo("${" + DossierProcess.VAR_PROCEDURE_PROCESS + "}");
        assertThat(call.getCamundaCalledElementBinding()).as("no binding means latest").isIn(null, "latest");
        assertThat(Bpmn.convertToString(model)).isNotBlank();
    }

    private ProcedureCatalogue catalogueOf(String root, CatalogueLinter linter) {
        return new ProcedureCatalogue(repository(), new TransactionTemplate(transactionManager), linter, CatalogueFiles.fromClasspath(root));
    }

    private CatalogueLinter linter() {
        return new CatalogueLinter(ModelConventions.motcua(), new EngineParseCheck(engine), List.of());
    }

    private RepositoryService repository() { return engine.getRepositoryService(); }
}
