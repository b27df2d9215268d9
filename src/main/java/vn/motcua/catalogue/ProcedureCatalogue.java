package vn.motcua.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;


import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalogue.internal.CatalogueCheck;
import vn.motcua.catalogue.internal.CatalogueException;
import vn.motcua.catalogue.internal.CatalogueFiles;
import vn.motcua.catalogue.internal.CatalogueLinter;
import vn.motcua.catalogue.internal.CatalogueMessages;
import vn.motcua.catalogue.internal.CatalogueStore;
import vn.motcua.catalogue.internal.ProcedurePackage;
import vn.motcua.catalogue.internal.CatalogueWaivers;
import vn.motcua.catalogue.internal.EngineParseCheck;
import vn.motcua.catalogue.internal.FolderContent;
import vn.motcua.catalogue.internal.LintProblem;
import vn.motcua.catalogue.internal.ModelConventions;
import vn.motcua.forms.FormSchema;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.shared.TextSearch;

/**
 * The procedures the province runs. Read from processes/ and forms/ on the classpath when the application starts,
 * checked by the catalogue linter as a whole, and only then deployed to the engine: one deployment per folder
 * ({@code motcua:<folder>}, the shared models as {@code motcua:_shared}) under stable resource names with duplicate
 * filtering, so that a restart deploys nothing twice and a changed file makes one new version. A broken catalogue
 * stops the start with every problem listed and nothing deployed.
 *
 * <p>The catalogue is public information: reading it needs no permission. Reads are thread-safe and may run while
 * the development watcher swaps a procedure in: each read sees one consistent state.
 */
@Service
public class ProcedureCatalogue {
    private static final Logger log = LoggerFactory.getLogger(ProcedureCatalogue.class);
    static final String DEPLOYMENT_PREFIX = "motcua:";
    static final String DEPLOYMENT_SOURCE = "motcua-catalogue";

    private final RepositoryService repositoryService;
    private final TransactionTemplate transactions;
    private final CatalogueLinter linter;
    /** The province's own fees (motcua.fees.&lt;folder&gt;) applied to the procedures whose fee it sets. */
    private final UnaryOperator<Procedure> provinceFees;
    /** The published versions in the database; null where the catalogue is the classpath's only (plain tests). */
    private final CatalogueStore store;
    private final Clock clock;
    private volatile State state;
    /** The store's publication mark this node's state reflects. */
    private volatile long publicationMark;

    @Autowired
    ProcedureCatalogue(ProcessEngine engine, PlatformTransactionManager transactionManager, Environment environment,
                       JdbcTemplate jdbc, Clock clock,
                       org.springframework.beans.factory.ObjectProvider<vn.motcua.forms.FileTypes> fileTypes) {
        this(engine.getRepositoryService(), new TransactionTemplate(transactionManager),
                linter(engine).withFileTypes(fileTypes.getIfAvailable()),
                CatalogueFiles.fromClasspath(""), provinceFees(environment), new CatalogueStore(jdbc), clock);
    }

    /** The catalogue of the classpath alone, without the published versions of the database. */
    ProcedureCatalogue(ProcessEngine engine, PlatformTransactionManager transactionManager, Environment environment) {
        this(engine.getRepositoryService(), new TransactionTemplate(transactionManager), linter(engine),
                CatalogueFiles.fromClasspath(""), provinceFees(environment), null, Clock.systemUTC());
    }

    static CatalogueLinter linter(ProcessEngine engine) {
        return new CatalogueLinter(ModelConventions.motcua(), new EngineParseCheck(engine), CatalogueWaivers.CURRENT);
    }

    ProcedureCatalogue(RepositoryService repositoryService, TransactionTemplate transactions, CatalogueLinter linter,
                       CatalogueFiles files) {
        this(repositoryService, transactions, linter, files, UnaryOperator.identity());
    }

    ProcedureCatalogue(RepositoryService repositoryService, TransactionTemplate transactions, CatalogueLinter linter,
                       CatalogueFiles files, UnaryOperator<Procedure> provinceFees) {
        this(repositoryService, transactions, linter, files, provinceFees, null, Clock.systemUTC());
    }

    /**
     * Checks the classpath's catalogue (the seed), records in the store a new published version of each procedure
     * whose seed changed since the last version that came from the seed, and deploys, for each procedure, its
     * published version of the store (the seed's folder where there is no store).
     */
    ProcedureCatalogue(RepositoryService repositoryService, TransactionTemplate transactions, CatalogueLinter linter,
                       CatalogueFiles files, UnaryOperator<Procedure> provinceFees, CatalogueStore store, Clock clock) {
        this.repositoryService = repositoryService;
        this.transactions = transactions;
        this.linter = linter;
        this.provinceFees = provinceFees;
        this.store = store;
        this.clock = clock;
        CatalogueCheck check = linter.check(files);
        logWaivers(check);
        if (!check.passed()) throw new CatalogueException(check.problems());
        Map<String, FolderContent> byFolder = new TreeMap<>(check.contents());
        Map<String, CatalogueFiles.Folder> effective = new TreeMap<>(files.folders());
        Map<String, CatalogueStore.StoredVersion> published = Map.of();
        if (store != null) {
            published = transactions.execute(status -> {
                seed(check, files);
                return store.currentAll();
            });
            Map<String, CatalogueFiles.Folder> stored = new TreeMap<>();
            published.forEach((folder, version) -> {
                var seedFolder = files.folders().get(folder);
                if (seedFolder == null || !ProcedurePackage.hash(seedFolder).equals(version.contentHash())) {
                    stored.put(folder, store.files(version));
                }
            });
            if (!stored.isEmpty()) {
                Map<String, CatalogueFiles.Folder> candidate = new TreeMap<>(effective);
                candidate.putAll(stored);
                CatalogueCheck storedCheck = linter.check(new CatalogueFiles(new TreeMap<>(candidate)), stored.keySet());
                stored.forEach((folder, folderFiles) -> {
                    FolderContent content = storedCheck.contents().get(folder);
                    if (content == null) {
                        log.error("The published version of {} no longer passes the linter with this application's catalogue; "
                                + "serving the application's own folder instead:{}", folder,
                                storedCheck.problemsIn(folder).stream().map(p -> "\n  - " + p).reduce("", String::concat));
                        return;
                    }
                    byFolder.put(folder, content);
                    effective.put(folder, folderFiles);
                });
            }
        }
        List<FolderContent> contents = new ArrayList<>(byFolder.values());
        // The shared lifecycle first: every procedure's dossier starts in it
        contents.sort(Comparator.comparing((FolderContent c) -> !CatalogueFiles.SHARED.equals(c.folder())).thenComparing(FolderContent::folder));
        // One transaction for every deployment: should the engine still refuse one, none of them stays
        Map<String, CatalogueStore.StoredVersion> current = published;
        transactions.executeWithoutResult(status -> contents.forEach(content -> {
            String deploymentId = deploy(content);
            var version = current.get(content.folder());
            if (version != null && effective.get(content.folder()) != null
                    && version.contentHash().equals(ProcedurePackage.hash(effective.get(content.folder())))
                    && !deploymentId.equals(version.deploymentId())) {
                store.deployed(version.id(), deploymentId);
            }
        }));
        state = State.of(contents, effective, provinceFees);
        if (store != null) publicationMark = store.publicationMark();
    }

    /**
     * Records a new published version (origin SEED) of each procedure folder of the classpath whose content differs
     * from the last version that came from the classpath: an unchanged seed publishes nothing (a designer's later
     * version stays the published one), a changed seed (a new release of the application) becomes the published
     * version and the designer's versions stay in the history, ready to be re-published.
     */
    private void seed(CatalogueCheck check, CatalogueFiles seedFiles) {
        check.contents().forEach((folder, content) -> {
            if (content.procedure() == null) return;
            var files = seedFiles.folders().get(folder);
            String hash = ProcedurePackage.hash(files);
            var latest = store.latestSeed(folder);
            if (latest.isPresent() && latest.get().contentHash().equals(hash)) return;
            var version = store.publish(files, content.procedure().code(), CatalogueStore.Origin.SEED, hash, SEED_USER,
                    clock.instant(), CatalogueMessages.bilingual("catalogue.design.seedReason"), null);
            log.info("Folder {}: the application's files changed, published as version {}", folder, version.version());
        });
    }

    /** The user the versions published from the application's own files are recorded as. */
    static final String SEED_USER = "system";


    /**
     * The fee of a procedure whose fee the provincial People's Council sets by resolution
     * ({@code "feeSource": "province-resolution"}) is the setting {@code motcua.fees.<folder>} when it is set (a
     * number of dong, 0 or more), the descriptor's amount otherwise; any other procedure keeps its descriptor's fee.
     */
    static UnaryOperator<Procedure> provinceFees(Environment environment) {
        return procedure -> {
            if (procedure.feeSource() != Procedure.FeeSource.PROVINCE_RESOLUTION) return procedure;
            String value = environment.getProperty(procedure.feeSetting());
            if (value == null || value.isBlank()) return procedure;
            BigDecimal amount;
            try {
                amount = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(procedure.feeSetting() + " is not a number of dong: " + value);
            }
            if (amount.signum() < 0) throw new IllegalStateException(procedure.feeSetting() + " is negative: " + value);
            return procedure.withFee(amount);
        };
    }

    /** Every procedure, by national code. */
    public List<Procedure> procedures() { return List.copyOf(state.procedures().values()); }

    /**
     * Procedures matching a free-text query (ignoring diacritics and case, on code and names), a sector and a level;
     * null or blank criteria match everything.
     */
    public List<Procedure> search(String query, Sector sector, UnitLevel level) {
        return state.procedures().values().stream()
                .filter(p -> sector == null || p.sector() == sector)
                .filter(p -> level == null || p.level() == level)
                .filter(p -> query == null || query.isBlank()
                        || TextSearch.matches(p.code() + " " + p.name().vi() + " " + p.name().en(), query))
                .sorted(Comparator.comparing(Procedure::code))
                .toList();
    }

    /** The procedure with this national code. */
    public Optional<Procedure> procedure(String code) { return Optional.ofNullable(state.procedures().get(code)); }

    /** A Camunda Form of the catalogue by its id. */
    public Optional<FormSchema> form(String formId) { return Optional.ofNullable(state.forms().get(formId)); }

    /**
     * The BPMN XML of the procedure's process as deployed, latest version: the one new dossiers run.
     *
     * @return empty when the code is not a procedure of the catalogue
     */
    public Optional<String> processModel(String procedureCode) {
        return procedure(procedureCode)
                .map(p -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(p.processKey()).latestVersion().singleResult())
                .map(definition -> {
                    try (InputStream in = repositoryService.getProcessModel(definition.getId())) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * The form of a step of a procedure's dossiers: the form of the user task with this id in the procedure's own
     * models or, failing that, in the shared lifecycle's (a nearly-due or overdue step). Used to read what a completed
     * step decided ({@link vn.motcua.forms.StepRecord}).
     *
     * @return empty when the procedure, the step or its form is unknown
     */
    public Optional<FormSchema> stepForm(String procedureCode, String stepKey) {
        State current = state;
        Procedure procedure = procedureCode == null ? null : current.procedures().get(procedureCode);
        if (procedure == null || stepKey == null) return Optional.empty();
        String formId = current.stepForms().getOrDefault(procedure.folder(), Map.of()).get(stepKey);
        if (formId == null) formId = current.stepForms().getOrDefault(CatalogueFiles.SHARED, Map.of()).get(stepKey);
        return formId == null ? Optional.empty() : Optional.ofNullable(current.forms().get(formId));
    }

    /** The ids of the processes every procedure shares (the dossier lifecycle). */
    List<String> sharedProcessKeys() {
        var shared = state.folders().get(CatalogueFiles.SHARED);
        return shared == null ? List.of() : shared.processKeys();
    }

    /**
     * Checks the changed folders against the catalogue on disk and redeploys those that pass, each as its own
     * deployment; a folder with problems keeps its previous version, running and in the catalogue. A change to the
     * shared folder is checked against every procedure, since they use its forms.
     *
     * @param files   the whole catalogue as it is now
     * @param changed the names of the folders whose files changed
     */
    synchronized Reload reload(CatalogueFiles files, Set<String> changed) {
        Set<String> focus = new HashSet<>(changed);
        if (changed.contains(CatalogueFiles.SHARED)) focus.addAll(files.folders().keySet());
        CatalogueCheck check = linter.check(files, focus);
        logWaivers(check);
        if (!check.passed()) {
            log.error("{}{}", CatalogueMessages.bilingual("catalogue.lint.reloadFailed", String.join(", ", changed.stream().sorted().toList()),
                    check.problems().size()), check.problems().stream().map(p -> "\n  - " + p).reduce("", String::concat));
            return new Reload(Set.copyOf(changed), check.problems(), List.of(), List.of());
        }
        Map<String, FolderContent> folders = new TreeMap<>(state.folders());
        Map<String, CatalogueFiles.Folder> folderFiles = new TreeMap<>(state.files());
        List<String> deployed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String name : changed.stream().sorted().toList()) {
            FolderContent content = check.contents().get(name);
            if (content == null) {
                folderFiles.remove(name);
                if (folders.remove(name) != null) {
                    removed.add(name);
                    log.info("Folder {} removed from the catalogue; its deployed versions keep serving running dossiers", name);
                }
                continue;
            }
            transactions.executeWithoutResult(status -> deploy(content));
            folders.put(name, content);
            folderFiles.put(name, files.folders().get(name));
            deployed.add(name);
        }
        state = State.of(folders.values(), folderFiles, provinceFees);
        return new Reload(Set.copyOf(changed), List.of(), deployed, removed);
    }

    /**
     * What a reload did.
     *
     * @param folders  the folders that changed
     * @param problems why nothing was deployed, when not empty
     * @param deployed the folders deployed (a new version when their content differs from the last deployment)
     * @param removed  the folders no longer in the catalogue
     */
    record Reload(Set<String> folders, List<LintProblem> problems, List<String> deployed, List<String> removed) { }

    /** Deploys a folder checked by the linter; returns the deployment that carries it (an earlier one if unchanged). */
    private String deploy(FolderContent content) {
        var builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_PREFIX + content.folder())
                .source(DEPLOYMENT_SOURCE)
                // false = when any file of the folder changed, deploy all of them again: a process and its forms
                // must stay in one deployment for camunda:formRefBinding="deployment"
                .enableDuplicateFiltering(false);
        content.resources().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        var deployment = builder.deployWithResult();
        var definitions = deployment.getDeployedProcessDefinitions();
        if (definitions == null || definitions.isEmpty()) {
            log.info("Folder {} unchanged (deployment {})", content.folder(), deployment.getId());
        } else {
            log.info("Folder {} deployed as {}: {}", content.folder(), deployment.getId(),
                    definitions.stream().map(d -> d.getKey() + " v" + d.getVersion()).toList());
        }
        return deployment.getId();
    }

    // --- designers' versions (ProcedureDesigns) --------------------------------------------------------------

    /** The files of a folder as this node serves them. */
    Optional<CatalogueFiles.Folder> files(String folder) { return Optional.ofNullable(state.files().get(folder)); }

    /** The folder of the procedure with this national code. */
    Optional<String> folderOf(String code) { return procedure(code).map(Procedure::folder); }

    /** The shared folder as served (the lifecycle and its forms), with the hash of its files; null when there is none. */
    synchronized java.util.Map.Entry<FolderContent, String> sharedContent() {
        FolderContent content = state.folders().get(CatalogueFiles.SHARED);
        CatalogueFiles.Folder files = state.files().get(CatalogueFiles.SHARED);
        if (content == null || files == null) return null;
        return java.util.Map.entry(content, ProcedurePackage.hash(files));
    }

    /** The store of versions; null without a database (plain tests). */
    CatalogueStore store() { return store; }

    Clock clock() { return clock; }

    /**
     * Checks a folder's files with the linter as they would stand in this node's catalogue (the other folders as
     * served), nothing deployed.
     */
    CatalogueCheck check(CatalogueFiles.Folder folder) {
        Map<String, CatalogueFiles.Folder> candidate = new TreeMap<>(state.files());
        candidate.put(folder.name(), folder);
        CatalogueCheck check = linter.check(new CatalogueFiles(new TreeMap<>(candidate)), Set.of(folder.name()));
        logWaivers(check);
        return check;
    }

    /**
     * Deploys a checked folder in the caller's transaction (one deployment {@code motcua:<folder>}; a content equal
     * to the last deployment's deploys nothing).
     *
     * @return the deployment that carries the folder
     */
    String deployChecked(FolderContent content) { return deploy(content); }

    /** Serves a deployed folder from now on (after its transaction committed). */
    synchronized void serve(FolderContent content, CatalogueFiles.Folder files) {
        Map<String, FolderContent> folders = new TreeMap<>(state.folders());
        Map<String, CatalogueFiles.Folder> folderFiles = new TreeMap<>(state.files());
        folders.put(content.folder(), content);
        folderFiles.put(content.folder(), files);
        state = State.of(folders.values(), folderFiles, provinceFees);
        // The publication mark stays: the next refresh finds this folder served as published and reads any other
        // folder another node published meanwhile
    }

    /**
     * Catches up with the versions other nodes published: when the store's publication mark moved, every folder
     * whose published version differs from what this node serves is checked and served (the publishing node
     * deployed it already). Cheap when nothing was published: one query.
     *
     * @return the folders now served differently
     */
    synchronized List<String> refresh() {
        if (store == null) return List.of();
        long mark = store.publicationMark();
        if (mark == publicationMark) return List.of();
        List<String> changed = new ArrayList<>();
        Map<String, CatalogueFiles.Folder> candidate = new TreeMap<>(state.files());
        store.currentAll().forEach((folder, version) -> {
            var served = candidate.get(folder);
            if (served == null || !ProcedurePackage.hash(served).equals(version.contentHash())) {
                candidate.put(folder, store.files(version));
                changed.add(folder);
            }
        });
        if (!changed.isEmpty()) {
            CatalogueCheck check = linter.check(new CatalogueFiles(new TreeMap<>(candidate)), changed);
            Map<String, FolderContent> folders = new TreeMap<>(state.folders());
            Map<String, CatalogueFiles.Folder> folderFiles = new TreeMap<>(state.files());
            for (String folder : List.copyOf(changed)) {
                FolderContent content = check.contents().get(folder);
                if (content == null) {
                    log.error("The published version of {} does not pass the linter on this node; still serving the previous one:{}",
                            folder, check.problemsIn(folder).stream().map(p -> "\n  - " + p).reduce("", String::concat));
                    changed.remove(folder);
                    continue;
                }
                folders.put(folder, content);
                folderFiles.put(folder, candidate.get(folder));
            }
            state = State.of(folders.values(), folderFiles, provinceFees);
            log.info("Catalogue: now serving the versions published elsewhere of {}", changed);
        }
        publicationMark = mark;
        return changed;
    }

    private static void logWaivers(CatalogueCheck check) {
        check.waived().forEach(p -> log.warn("Accepted for now (catalogue waiver): {}", p));
        check.staleWaivers().forEach(w -> log.warn("Catalogue waiver no longer needed, remove it from CatalogueWaivers: {} › {} [{}]",
                w.file(), w.elementId(), w.rule()));
    }

    /** One consistent view of the catalogue, replaced as a whole. */
    private record State(Map<String, FolderContent> folders, Map<String, CatalogueFiles.Folder> files,
                         Map<String, Procedure> procedures, Map<String, FormSchema> forms,
                         Map<String, Map<String, String>> stepForms) {
        static State of(Collection<FolderContent> contents, Map<String, CatalogueFiles.Folder> files,
                        UnaryOperator<Procedure> provinceFees) {
            Map<String, FolderContent> folders = new TreeMap<>();
            Map<String, FormSchema> forms = new LinkedHashMap<>();
            Map<String, Map<String, String>> stepForms = new TreeMap<>();
            List<Procedure> procedures = new ArrayList<>();
            for (FolderContent content : contents) {
                folders.put(content.folder(), content);
                forms.putAll(content.forms());
                stepForms.put(content.folder(), stepForms(content));
                if (content.procedure() != null) procedures.add(provinceFees.apply(content.procedure()));
            }
            Map<String, Procedure> byCode = new LinkedHashMap<>();
            procedures.stream().sorted(Comparator.comparing(Procedure::code)).forEach(p -> byCode.put(p.code(), p));
            Map<String, CatalogueFiles.Folder> served = new TreeMap<>();
            folders.keySet().forEach(f -> { if (files.get(f) != null) served.put(f, files.get(f)); });
            return new State(Map.copyOf(folders), Map.copyOf(served), java.util.Collections.unmodifiableMap(byCode), Map.copyOf(forms),
                    Map.copyOf(stepForms));
        }

        /** User task id → the id of its form (camunda:formRef), over the folder's BPMN files. */
        private static Map<String, String> stepForms(FolderContent content) {
            Map<String, String> byStep = new java.util.HashMap<>();
            content.resources().forEach((name, bytes) -> {
                if (!name.endsWith(".bpmn")) return;
                var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
                for (var task : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
                    String ref = task.getCamundaFormRef();
                    if (ref != null && !ref.isBlank() && !ref.contains("${")) byStep.putIfAbsent(task.getId(), ref.trim());
                }
            });
            return Map.copyOf(byStep);
        }
    }
}
