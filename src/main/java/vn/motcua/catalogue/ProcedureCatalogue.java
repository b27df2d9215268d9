package vn.motcua.catalogue;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.motcua.catalogue.internal.CatalogueLoader;
import vn.motcua.forms.FormSchema;
import vn.motcua.organisation.UnitLevel;
import vn.motcua.shared.TextSearch;

/**
 * The procedures the province runs. Loaded from processes/ and forms/ when the application starts, checked, and
 * deployed to the engine: one deployment per procedure folder, under stable resource names and with duplicate
 * filtering, so that a restart deploys nothing twice and a changed file makes one new version. The catalogue is
 * public information: reading it needs no permission.
 */
@Service
public class ProcedureCatalogue {
    private static final Logger log = LoggerFactory.getLogger(ProcedureCatalogue.class);
    static final String DEPLOYMENT_PREFIX = "motcua:";

    private final Map<String, Procedure> procedures = new LinkedHashMap<>();
    private final Map<String, FormSchema> forms = new LinkedHashMap<>();

    ProcedureCatalogue(RepositoryService repositoryService) {
        var loader = new CatalogueLoader();
        var shared = loader.loadShared();
        if (!shared.resources().isEmpty()) {
            var deployment = repositoryService.createDeployment().name(DEPLOYMENT_PREFIX + CatalogueLoader.SHARED)
                    .source("motcua-catalogue").enableDuplicateFiltering(false);
            shared.resources().forEach((name, content) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
            log.info("Shared models deployed as {}", deployment.deploy().getId());
            forms.putAll(shared.forms());
        }
        var bundles = loader.load();
        for (var bundle : bundles) {
            var deployment = repositoryService.createDeployment()
                    .name(DEPLOYMENT_PREFIX + bundle.procedure().folder())
                    .source("motcua-catalogue")
                    .enableDuplicateFiltering(false);
            bundle.resources().forEach((name, content) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(content)));
            var deployed = deployment.deploy();
            log.info("Procedure {} ({}) deployed as {}", bundle.procedure().code(), bundle.procedure().folder(), deployed.getId());
            procedures.put(bundle.procedure().code(), bundle.procedure());
            forms.putAll(bundle.forms());
        }
    }

    /** Every procedure, by national code. */
    public List<Procedure> procedures() { return List.copyOf(procedures.values()); }

    /**
     * Procedures matching a free-text query (ignoring diacritics and case, on code and names), a sector and a level;
     * null or blank criteria match everything.
     */
    public List<Procedure> search(String query, Sector sector, UnitLevel level) {
        return procedures.values().stream()
                .filter(p -> sector == null || p.sector() == sector)
                .filter(p -> level == null || p.level() == level)
                .filter(p -> query == null || query.isBlank()
                        || TextSearch.matches(p.code() + " " + p.name().vi() + " " + p.name().en(), query))
                .sorted(Comparator.comparing(Procedure::code))
                .toList();
    }

    public Optional<Procedure> procedure(String code) { return Optional.ofNullable(procedures.get(code)); }

    /** A Camunda Form of the catalogue by its id. */
    public Optional<FormSchema> form(String formId) { return Optional.ofNullable(forms.get(formId)); }
}
