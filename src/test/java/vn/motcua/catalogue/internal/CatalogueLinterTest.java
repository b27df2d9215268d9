package vn.motcua.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.Sector;
import vn.motcua.organisation.UnitLevel;

/**
 * Every rule of the linter against fixtures under src/test/resources/catalogue-fixtures/: a valid catalogue that
 * uses every kind of element the rules look at, and a broken one with one problem per element. The engine's own
 * parser (ENGINE_REFUSES) needs an engine and is tested in CatalogueDeploymentTest.
 */
class CatalogueLinterTest {
    private static final String BROKEN = "catalogue-fixtures/broken/";
    private static final String VALID = "catalogue-fixtures/valid/";
    private static final String MODELS = "processes/broken-models/broken-models.bpmn";
    private static final String BAD_DESCRIPTOR = "processes/bad-descriptor/procedure.json";

    private final CatalogueLinter linter = new CatalogueLinter(ModelConventions.motcua(), null, List.of())
            .withFileTypes(new vn.motcua.attachment.internal.MediaTypes());

    @Test
    void aValidCatalogueYieldsEveryFolderReadyToDeploy() {
        var check = linter.check(CatalogueFiles.fromClasspath(VALID));

        assertThat(check.problems()).isEmpty();
        assertThat(check.contents()).containsOnlyKeys("_shared", "valid-fee");
        var fee = check.contents().get("valid-fee");
        assertThat(fee.resources().keySet()).containsExactly("valid-fee/valid-fee-archive.bpmn", "valid-fee/valid-fee.bpmn",
                "valid-fee/valid-fee-level.dmn", "valid-fee/valid-fee-intake.form", "valid-fee/valid-fee-review.form");
        assertThat(fee.forms()).containsOnlyKeys("valid-fee-intake", "valid-fee-review");
        assertThat(fee.processKeys()).containsExactlyInAnyOrder("valid-fee", "valid-fee-archive");
        var procedure = fee.procedure();
        assertThat(procedure.code()).isEqualTo("9.000001");
        assertThat(procedure.name().in(Locale.ENGLISH)).isEqualTo("Sample procedure with a fee");
        assertThat(procedure.sector()).isEqualTo(Sector.FINANCE_BANKING);
        assertThat(procedure.level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(procedure.onlineLevel()).isEqualTo(OnlineLevel.PARTIAL);
        assertThat(procedure.processingTime(true)).isEqualTo(new ProcessingTime(3, ProcessingTime.Unit.WORKING_DAYS));
        assertThat(procedure.fee()).isEqualByComparingTo("50000");
        assertThat(procedure.timeSource()).isEqualTo("Luật mẫu, Điều 1");
        assertThat(procedure.feeCitation()).isEqualTo("Thông tư mẫu, Điều 4");
        assertThat(procedure.feeSource()).isEqualTo(vn.motcua.catalogue.Procedure.FeeSource.NATIONAL);
        assertThat(procedure.components()).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo("DON"));
        assertThat(procedure.processKey()).isEqualTo("valid-fee");
        assertThat(procedure.intakeForm()).isEqualTo("valid-fee-intake");
        assertThat(procedure.folder()).isEqualTo("valid-fee");
        assertThat(check.contents().get("_shared").procedure()).isNull();
    }

    @Test
    void aBrokenCatalogueReportsEveryProblemWithItsFileElementAndRule() {
        var check = linter.check(CatalogueFiles.fromClasspath(BROKEN));

        assertThat(check.passed()).isFalse();
        assertThat(check.problems()).extracting(LintProblem::file, LintProblem::elementId, LintProblem::rule).containsExactlyInAnyOrder(
                // descriptors
                tuple("processes/no-descriptor/procedure.json", null, LintRule.DESCRIPTOR_MISSING),
                tuple("forms/orphan-forms/", null, LintRule.FORMS_WITHOUT_PROCEDURE),
                tuple("processes/unreadable-descriptor/procedure.json", null, LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "code", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "name.vi", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "sector", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "processingTime.amount", LintRule.DESCRIPTOR_INVALID),
                // every time and fee cites its source; who sets the fee is one of the known sources
                tuple(BAD_DESCRIPTOR, "processingTime.source", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "fee.source", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "fee.feeSource", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "result", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "components[0].fileTypes", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "components[1].code", LintRule.DESCRIPTOR_INVALID),
                tuple(BAD_DESCRIPTOR, "process", LintRule.DESCRIPTOR_PROCESS),
                tuple(BAD_DESCRIPTOR, "intakeForm", LintRule.DESCRIPTOR_INTAKE_FORM),
                tuple("processes/duplicate-code/procedure.json", "code", LintRule.DESCRIPTOR_DUPLICATE_CODE),
                tuple("processes/good/procedure.json", "code", LintRule.DESCRIPTOR_DUPLICATE_CODE),
                // model files
                tuple("processes/broken-models/unreadable.bpmn", null, LintRule.BPMN_UNREADABLE),
                tuple("processes/broken-models/misnamed.bpmn", "broken-models-misnamed", LintRule.BPMN_FILE_NAME),
                tuple("processes/broken-models/broken-models-draft.bpmn", "broken-models-draft", LintRule.PROCESS_NOT_EXECUTABLE),
                tuple("processes/broken-models/good.bpmn", "good", LintRule.PROCESS_DUPLICATE),
                tuple("processes/good/good.bpmn", "good", LintRule.PROCESS_DUPLICATE),
                tuple("processes/broken-models/unreadable.dmn", null, LintRule.DMN_UNREADABLE),
                tuple("processes/broken-models/refused.dmn", null, LintRule.DMN_UNREADABLE),
                tuple("processes/broken-models/duplicate-decision.dmn", "good-fee", LintRule.DMN_DUPLICATE_DECISION),
                tuple("processes/good/good-fee.dmn", "good-fee", LintRule.DMN_DUPLICATE_DECISION),
                // elements
                tuple(MODELS, "Task_NoAssignee", LintRule.USER_TASK_ASSIGNMENT),
                tuple(MODELS, "Task_NoDeadline", LintRule.USER_TASK_DEADLINE),
                tuple(MODELS, "Task_NoForm", LintRule.USER_TASK_FORM),
                tuple(MODELS, "Task_FormKey", LintRule.USER_TASK_FORM),
                tuple(MODELS, "Task_UnknownForm", LintRule.USER_TASK_FORM),
                tuple(MODELS, "Task_OtherDeploymentForm", LintRule.USER_TASK_FORM),
                tuple(MODELS, "Task_ForeignForm", LintRule.USER_TASK_FORM),
                tuple(MODELS, "Task_NoImplementation", LintRule.SERVICE_TASK_IMPLEMENTATION),
                tuple(MODELS, "Task_TwoImplementations", LintRule.SERVICE_TASK_IMPLEMENTATION),
                tuple(MODELS, "Task_NoDecision", LintRule.BUSINESS_RULE_DECISION),
                tuple(MODELS, "Task_UnknownDecision", LintRule.BUSINESS_RULE_DECISION),
                tuple(MODELS, "CallActivity_Unknown", LintRule.CALL_ACTIVITY),
                tuple(MODELS, "CallActivity_Missing", LintRule.CALL_ACTIVITY),
                tuple(MODELS, "Boundary_EmptyTimer", LintRule.TIMER_DEFINITION),
                tuple(MODELS, "Flow_NoCondition", LintRule.GATEWAY_CONDITION),
                tuple(MODELS, "Task_UnknownBean", LintRule.EXPRESSION_UNKNOWN_NAME),
                tuple(MODELS, "Flow_Conditioned", LintRule.EXPRESSION_UNKNOWN_NAME),
                tuple(MODELS, "Task_SharedForm", LintRule.EXPRESSION_UNKNOWN_NAME),
                tuple(MODELS, "Flow_BadSyntax", LintRule.EXPRESSION_SYNTAX),
                // forms
                tuple("forms/broken-models/duplicate-keys.form", "Field_NameAgain", LintRule.FORM_UNREADABLE),
                tuple("forms/broken-models/unsupported.form", "Field_File", LintRule.FORM_UNREADABLE),
                tuple("forms/broken-models/misnamed.form", "broken-models-renamed", LintRule.FORM_FILE_NAME),
                // a picker of image/* is fine; one of programs takes nothing MotCua takes
                tuple("forms/broken-models/picker-types.form", "Field_Programs", LintRule.FORM_FILE_TYPES),
                tuple("forms/broken-models/good-review.form", "good-review", LintRule.FORM_DUPLICATE_ID),
                tuple("forms/good/good-review.form", "good-review", LintRule.FORM_DUPLICATE_ID));
        assertThat(check.contents()).as("only the clean folder is ready").containsOnlyKeys("_shared");
    }

    @Test
    void theFixturesCoverEveryRule() {
        var covered = EnumSet.noneOf(LintRule.class);
        linter.check(CatalogueFiles.fromClasspath(BROKEN)).problems().forEach(p -> covered.add(p.rule()));
        covered.add(LintRule.ENGINE_REFUSES); // needs an engine: CatalogueDeploymentTest
        assertThat(covered).containsExactlyInAnyOrder(LintRule.values());
    }

    @Test
    void messagesNameTheCulpritInBothLanguages() {
        var problems = linter.check(CatalogueFiles.fromClasspath(BROKEN)).problems();
        var unknownBean = problems.stream().filter(p -> "Task_UnknownBean".equals(p.elementId())).findFirst().orElseThrow();

        assertThat(unknownBean.message(Locale.ENGLISH)).isEqualTo("Expression “${dossierService}” uses “dossierService”, which is "
                + "neither an allowed bean (deadlines, dossierDeadlines, markProcessed, recordExtension, returnResult, "
                + "startProcessing) nor a process variable of this model");
        assertThat(unknownBean.message(Locale.forLanguageTag("vi"))).startsWith("Biểu thức “${dossierService}” dùng “dossierService”");
        assertThat(unknownBean.toString()).startsWith(MODELS + " › Task_UnknownBean: Biểu thức").contains(" | Expression ")
                .endsWith("[EXPRESSION_UNKNOWN_NAME]");
        // a picker that takes nothing is told which types MotCua takes, from the upload check's own list
        var programs = problems.stream().filter(p -> "Field_Programs".equals(p.elementId())).findFirst().orElseThrow();
        assertThat(programs.message(Locale.ENGLISH)).contains("which matches no file type MotCua takes (PDF, JPG, JPEG, PNG, TIFF, TIF, ")
                .contains("DOCX").contains("XLSX").contains("ODT").contains("RTF").contains("TXT)");
        assertThat(programs.message(Locale.forLanguageTag("vi"))).contains("không trùng loại tệp nào hệ thống nhận (PDF, JPG, ");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.message(Locale.ENGLISH)).doesNotContain("!catalogue.");
            assertThat(p.message(Locale.forLanguageTag("vi"))).doesNotContain("!catalogue.");
        });

        var failure = new CatalogueException(problems);
        assertThat(failure.getMessage()).startsWith("Danh mục thủ tục có " + problems.size() + " lỗi; chưa triển khai gì: | "
                + "The procedure catalogue has " + problems.size() + " problem(s); nothing was deployed:")
                .contains("\n  - " + MODELS + " › Task_NoDeadline: Bước công việc không có hạn xử lý (camunda:dueDate) | "
                        + "The user task has no deadline (camunda:dueDate) [USER_TASK_DEADLINE]");
        assertThat(failure.problems()).hasSameSizeAs(problems);
    }

    @Test
    void aFocusedCheckReportsOnlyTheFoldersAskedAbout() {
        var files = CatalogueFiles.fromClasspath(BROKEN);

        var check = linter.check(files, Set.of("bad-descriptor", "_shared"));

        assertThat(check.problems()).extracting(LintProblem::folder).containsOnly("bad-descriptor");
        assertThat(check.contents()).containsOnlyKeys("_shared");
    }

    @Test
    void aWaiverAcceptsOneProblemAndAStaleOneIsReported() {
        var accepted = new LintWaiver(MODELS, "Task_NoDeadline", LintRule.USER_TASK_DEADLINE, "fixture");
        var stale = new LintWaiver(MODELS, "Task_NoSuchTask", LintRule.USER_TASK_DEADLINE, "fixture");
        var waiving = new CatalogueLinter(ModelConventions.motcua(), null, List.of(accepted, stale));

        var check = waiving.check(CatalogueFiles.fromClasspath(BROKEN), Set.of("broken-models"));

        assertThat(check.waived()).extracting(LintProblem::elementId).containsExactly("Task_NoDeadline");
        assertThat(check.problems()).extracting(LintProblem::elementId).doesNotContain("Task_NoDeadline").contains("Task_NoForm");
        assertThat(check.staleWaivers()).containsExactly(stale);
    }

    @Test
    void theEnginesParserHasTheLastWordOnEveryModelThatPassesTheRules() {
        var asked = new java.util.ArrayList<String>();
        var refusing = new CatalogueLinter(ModelConventions.motcua(), (resource, bpmn) -> {
            asked.add(resource);
            return List.of(new DeployabilityCheck.Refusal("Gateway_X", "refused for the test"));
        }, List.of());

        var valid = refusing.check(CatalogueFiles.fromClasspath(VALID));

        assertThat(asked).containsExactlyInAnyOrder("_shared/valid-wrapper.bpmn", "valid-fee/valid-fee.bpmn", "valid-fee/valid-fee-archive.bpmn");
        assertThat(valid.problems()).extracting(LintProblem::file, LintProblem::elementId, LintProblem::rule).containsExactlyInAnyOrder(
                tuple("processes/_shared/valid-wrapper.bpmn", "Gateway_X", LintRule.ENGINE_REFUSES),
                tuple("processes/valid-fee/valid-fee.bpmn", "Gateway_X", LintRule.ENGINE_REFUSES),
                tuple("processes/valid-fee/valid-fee-archive.bpmn", "Gateway_X", LintRule.ENGINE_REFUSES));
        assertThat(valid.contents()).isEmpty();

        asked.clear();
        refusing.check(CatalogueFiles.fromClasspath(BROKEN));
        assertThat(asked).as("models with problems of their own are not sent to the engine, whose messages would repeat them")
                .containsExactlyInAnyOrder("no-descriptor/no-descriptor.bpmn", "bad-descriptor/bad-descriptor.bpmn",
                        "unreadable-descriptor/unreadable-descriptor.bpmn", "duplicate-code/duplicate-code.bpmn");
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(bundle("i18n/catalogue_vi.properties").stringPropertyNames())
                .isEqualTo(bundle("i18n/catalogue.properties").stringPropertyNames());
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = CatalogueLinterTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
