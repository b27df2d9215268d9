package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.catalogue.internal.CatalogueFiles;
import vn.motcua.catalogue.internal.CatalogueLinter;
import vn.motcua.catalogue.internal.EngineParseCheck;
import vn.motcua.catalogue.internal.LintProblem;
import vn.motcua.catalogue.internal.LintRule;
import vn.motcua.catalogue.internal.ModelConventions;

/**
 * The development watcher on a catalogue of its own in a temporary directory, deploying to the test engine: a save
 * redeploys its procedure within seconds, a broken save keeps the previous version, a new folder joins the catalogue.
 */
@MotCuaTest
class CatalogueWatcherTest {
    private static final String CODE = "9.000021";
    private static final String KEY = "watch-demo";
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired ProcessEngine engine;
    @Autowired PlatformTransactionManager transactionManager;
    @TempDir Path directory;

    private final BlockingQueue<ProcedureCatalogue.Reload> reloads = new LinkedBlockingQueue<>();
    private ProcedureCatalogue catalogue;
    private CatalogueWatcher watcher;

    @BeforeEach
    void startWatching() throws IOException {
        var seed = CatalogueFiles.fromClasspath("catalogue-fixtures/watch/");
        for (var folder : seed.folders().values()) {
            for (var file : folder.processFiles().entrySet()) write("processes/" + folder.name() + "/" + file.getKey(), file.getValue());
            for (var file : folder.formFiles().entrySet()) write("forms/" + folder.name() + "/" + file.getKey(), file.getValue());
        }
        catalogue = new ProcedureCatalogue(repository(), new TransactionTemplate(transactionManager),
                new CatalogueLinter(ModelConventions.motcua(), new EngineParseCheck(engine), List.of()),
                CatalogueFiles.fromDirectories(directory));
        watcher = new CatalogueWatcher(catalogue, directory, reloads::add);
        watcher.start();
        assertThat(watcher.isRunning()).isTrue();
    }

    @AfterEach
    void stopWatching() {
        watcher.stop();
        for (String name : List.of("motcua:watch-demo", "motcua:watch-new")) {
            repository().createDeploymentQuery().deploymentName(name).list().forEach(d -> repository().deleteDeployment(d.getId(), true));
        }
    }

    @Test
    void aSavedModelIsRedeployedAsANewVersionOfItsProcedureOnly() throws Exception {
        int before = latestVersion(KEY);
        long otherDeployments = repository().createDeploymentQuery().count() - deployments("motcua:watch-demo");
        String name = "Thẩm định " + UUID.randomUUID();

        edit("processes/watch-demo/watch-demo.bpmn", xml -> xml.replace("name=\"Review\"", "name=\"" + name + "\""));

        var reload = next(r -> r.folders().contains("watch-demo"));
        assertThat(reload.problems()).isEmpty();
        assertThat(reload.deployed()).containsExactly("watch-demo");
        assertThat(latestVersion(KEY)).isEqualTo(before + 1);
        assertThat(catalogue.processModel(CODE)).hasValueSatisfying(xml -> assertThat(xml).contains(name));
        assertThat(repository().createDeploymentQuery().count() - deployments("motcua:watch-demo")).isEqualTo(otherDeployments);
    }

    @Test
    void aSavedFormIsRedeployedWithItsProcessAndServedAtOnce() throws Exception {
        int before = latestVersion(KEY);
        String label = "Ý kiến " + UUID.randomUUID();

        edit("forms/watch-demo/watch-demo-review.form", json -> json.replace("Ý kiến thẩm định", label));

        assertThat(next(r -> r.folders().contains("watch-demo")).deployed()).containsExactly("watch-demo");
        assertThat(catalogue.form("watch-demo-review").orElseThrow().componentById("Field_Opinion").orElseThrow().label()).isEqualTo(label);
        // formRefBinding="deployment": the process is deployed again with its form
        assertThat(latestVersion(KEY)).isEqualTo(before + 1);
    }

    @Test
    void aBrokenSaveIsReportedAndThePreviousVersionKeepsRunning() throws Exception {
        int before = latestVersion(KEY);
        String model = "processes/watch-demo/watch-demo.bpmn";
        String valid = read(model);

        edit(model, xml -> xml.replaceFirst("camunda:dueDate=\"[^\"]*\"", ""));

        var broken = next(r -> r.folders().contains("watch-demo"));
        assertThat(broken.deployed()).isEmpty();
        assertThat(broken.problems()).extracting(LintProblem::file, LintProblem::elementId, LintProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("processes/watch-demo/watch-demo.bpmn", "Task_Review", LintRule.USER_TASK_DEADLINE));
        assertThat(latestVersion(KEY)).isEqualTo(before);
        assertThat(catalogue.procedure(CODE)).isPresent();

        write(model, (valid.replace("name=\"Review\"", "name=\"Review again\"")).getBytes(StandardCharsets.UTF_8));
        assertThat(next(r -> r.problems().isEmpty()).deployed()).containsExactly("watch-demo");
        assertThat(latestVersion(KEY)).isEqualTo(before + 1);
    }

    @Test
    void aNewProcedureFolderJoinsTheCatalogueAndADescriptorChangeIsServed() throws Exception {
        String model = read("processes/watch-demo/watch-demo.bpmn").replace("watch-demo", "watch-new");
        write("forms/watch-new/watch-new-intake.form", read("forms/watch-demo/watch-demo-intake.form").replace("watch-demo", "watch-new").getBytes(StandardCharsets.UTF_8));
        write("forms/watch-new/watch-new-review.form", read("forms/watch-demo/watch-demo-review.form").replace("watch-demo", "watch-new").getBytes(StandardCharsets.UTF_8));
        write("processes/watch-new/watch-new.bpmn", model.getBytes(StandardCharsets.UTF_8));
        write("processes/watch-new/procedure.json", read("processes/watch-demo/procedure.json")
                .replace("watch-demo", "watch-new").replace("9.000021", "9.000022").getBytes(StandardCharsets.UTF_8));

        await().atMost(WITHIN).until(() -> catalogue.procedure("9.000022").isPresent());
        assertThat(catalogue.processModel("9.000022")).hasValueSatisfying(xml -> assertThat(xml).contains("id=\"watch-new\""));
        assertThat(catalogue.form("watch-new-review")).isPresent();

        edit("processes/watch-demo/procedure.json", json -> json.replace("Thủ tục theo dõi", "Thủ tục đã đổi tên"));
        await().atMost(WITHIN).until(() -> catalogue.procedure(CODE).map(p -> p.name().vi()).orElse("").equals("Thủ tục đã đổi tên"));
    }

    @Test
    void theWatcherRunsOnlyWhenThePropertySaysSo() {
        var runner = new ApplicationContextRunner()
                .withBean(ProcedureCatalogue.class, () -> catalogue)
                .withUserConfiguration(CatalogueWatcher.class);

        runner.run(context -> assertThat(context).doesNotHaveBean(CatalogueWatcher.class));
        runner.withPropertyValues("motcua.catalogue.watch=false")
                .run(context -> assertThat(context).doesNotHaveBean(CatalogueWatcher.class));
        runner.withPropertyValues("motcua.catalogue.watch=true", "motcua.catalogue.source-dir=" + directory)
                .run(context -> assertThat(context.getBean(CatalogueWatcher.class).isRunning()).isTrue());
    }

    private ProcedureCatalogue.Reload next(Predicate<ProcedureCatalogue.Reload> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            var reload = reloads.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (reload != null && wanted.test(reload)) return reload;
        }
        throw new AssertionError("no reload within " + WITHIN);
    }

    private int latestVersion(String key) {
        return repository().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getVersion();
    }

    private long deployments(String name) { return repository().createDeploymentQuery().deploymentName(name).count(); }

    private void edit(String file, java.util.function.UnaryOperator<String> change) throws IOException {
        String before = read(file);
        String after = change.apply(before);
        assertThat(after).as("the edit changes " + file).isNotEqualTo(before);
        write(file, after.getBytes(StandardCharsets.UTF_8));
    }

    private String read(String file) throws IOException { return Files.readString(directory.resolve(file)); }

    private void write(String file, byte[] content) throws IOException {
        Path path = directory.resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
    }

    private RepositoryService repository() { return engine.getRepositoryService(); }
}
