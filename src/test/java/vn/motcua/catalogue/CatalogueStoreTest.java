package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotCuaTest;
import vn.motcua.ProcedureUploads;
import vn.motcua.TestUsers;
import vn.motcua.catalogue.internal.CatalogueFiles;
import vn.motcua.catalogue.internal.CatalogueStore;
import vn.motcua.security.CurrentUser;
import vn.motcua.shared.ForbiddenException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;

/**
 * Procedures live in the database (issue 14): every node serves each procedure's published version, a node started
 * later (a restart, another node of the cluster) serves it without deploying anything again, a running node catches
 * up with a publication made elsewhere, and the application's own files (the seed) publish a new version only when
 * they changed. Each "node" here is a catalogue of its own on the test database and engine.
 */
@MotCuaTest
class CatalogueStoreTest {
    private static final String REVIEW_FORM = "diploma-copy-from-register-review";

    @Autowired ProcessEngine engine;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired ProcedureDesigns designs;
    @Autowired CurrentUser currentUser;
    @Autowired Messages messages;
    @Autowired TestUsers users;
    @Autowired ProcedureCatalogue catalogue;

    @AfterEach
    void restore() {
        ProcedureUploads.restore(designs, users, jdbc);
    }

    @Test
    void anotherNodeCatchesUpWithAPublicationAndARestartServesItWithoutDeployingAgain() {
        var running = node(CatalogueFiles.fromClasspath(""));
        assertThat(running.form(REVIEW_FORM).orElseThrow().inputKeys()).doesNotContain(ProcedureUploads.ADDED_FIELD);
        assertThat(running.refresh()).isEmpty();

        users.signInAs("designer");
        designs.upload(ProcedureUploads.uploads(ProcedureUploads.revised()));
        var published = designs.publish(ProcedureUploads.CODE, "Thêm trường trang sổ gốc");
        int versions = designs.versions(ProcedureUploads.CODE).size();

        assertThat(running.refresh()).containsExactly(ProcedureUploads.FOLDER);
        assertThat(running.form(REVIEW_FORM).orElseThrow().inputKeys()).contains(ProcedureUploads.ADDED_FIELD);
        assertThat(running.refresh()).isEmpty();

        long deployments = engine.getRepositoryService().createDeploymentQuery().count();
        var restarted = node(CatalogueFiles.fromClasspath(""));
        assertThat(restarted.form(REVIEW_FORM).orElseThrow().inputKeys()).contains(ProcedureUploads.ADDED_FIELD);
        assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
        // The unchanged seed published nothing: the designer's version stays the current one
        users.signInAs("designer");
        assertThat(designs.versions(ProcedureUploads.CODE)).hasSize(versions).first()
                .satisfies(v -> assertThat(v.number()).isEqualTo(published.number()))
                .satisfies(v -> assertThat(v.current()).isTrue());
    }

    @Test
    void aChangedSeedIsPublishedAsANewVersionAndTheDesignersVersionStaysInTheHistory() {
        users.signInAs("designer");
        designs.upload(ProcedureUploads.uploads(ProcedureUploads.revised()));
        var designers = designs.publish(ProcedureUploads.CODE, "Phiên bản của người thiết kế");

        // A new release of the application whose own files of the procedure changed
        var seed = CatalogueFiles.fromClasspath("");
        Map<String, CatalogueFiles.Folder> folders = new TreeMap<>(seed.folders());
        var original = folders.get(ProcedureUploads.FOLDER);
        Map<String, byte[]> process = new TreeMap<>(original.processFiles());
        String bpmn = ProcedureUploads.FOLDER + ".bpmn";
        process.put(bpmn, new String(process.get(bpmn), StandardCharsets.UTF_8)
                .replace("name=\"Đối chiếu sổ gốc, cấp bản sao\"", "name=\"Đối chiếu sổ gốc (bản phát hành mới)\"").getBytes(StandardCharsets.UTF_8));
        folders.put(ProcedureUploads.FOLDER, new CatalogueFiles.Folder(ProcedureUploads.FOLDER, process, original.formFiles()));
        node(new CatalogueFiles(new TreeMap<>(folders)));

        users.signInAs("designer");
        var versions = designs.versions(ProcedureUploads.CODE);
        assertThat(versions.get(0).number()).isEqualTo(designers.number() + 1);
        assertThat(versions.get(0).origin()).isEqualTo("SEED");
        assertThat(versions.get(0).current()).isTrue();
        assertThat(versions.get(0).changes()).extracting(ProcedureDesigns.Change::messageEn)
                .contains("Step Task_IssueCopy renamed: “" + ProcedureUploads.REVISED_STEP_NAME + "” → “Đối chiếu sổ gốc (bản phát hành mới)”");
        assertThat(versions.get(1)).satisfies(v -> {
            assertThat(v.number()).isEqualTo(designers.number());
            assertThat(v.origin()).isEqualTo("UPLOAD");
            assertThat(v.current()).isFalse();
        });
    }

    @Test
    void publishingTakesTheRoleTheAdministratorChose() {
        var leaders = new ProcedureDesigns(catalogue, currentUser, transactionManager, messages, "LEADER");
        users.signInAs("designer");
        assertThatThrownBy(() -> leaders.publish(ProcedureUploads.CODE, "x")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> leaders.rollback(ProcedureUploads.CODE, 1, "x")).isInstanceOf(ForbiddenException.class);
        users.signInAs("leader");
        // past the role check: there is simply no draft
        assertThatThrownBy(() -> leaders.publish(ProcedureUploads.CODE, "x")).isInstanceOf(NotFoundException.class);
        assertThat(leaders.mayPublish()).isTrue();
        users.signInAs("designer");
        assertThat(leaders.mayPublish()).isFalse();
        assertThatThrownBy(() -> new ProcedureDesigns(catalogue, currentUser, transactionManager, messages, "NOBODY"))
                .hasMessageContaining("motcua.design.publish-role");
    }

    private ProcedureCatalogue node(CatalogueFiles seed) {
        return new ProcedureCatalogue(engine.getRepositoryService(), new TransactionTemplate(transactionManager),
                ProcedureCatalogue.linter(engine), seed, UnaryOperator.identity(), new CatalogueStore(jdbc), clock);
    }
}
