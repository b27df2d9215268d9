package vn.motcua.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * The "REST endpoint" to type in Camunda Modeler 5's Deploy dialog (Camunda 7): {@code <MotCua>/api/design/modeler},
 * with HTTP Basic and the designer's own credentials. Modeler checks the connection ({@code GET .../deployment},
 * {@code GET .../version}) and deploys with {@code POST .../deployment/create} (multipart: deployment-name,
 * deployment-source, enable-duplicate-filtering, tenant-id, the diagram and the files attached to it). MotCua runs
 * the same checks as an upload ({@link ProcedureDesigns#deployFromModeler}): the problems come back as a 400 whose
 * {@code message} Modeler shows; a clean deployment becomes the procedure's draft and, when the caller holds the
 * publishing role, is published, answered as the engine's REST API answers a deployment.
 */
@RestController
@RequestMapping("/api/design/modeler")
@Tag(name = "Design", description = "Thiết kế quy trình / process design")
class ModelerDeployController {
    private static final List<String> FIELDS = List.of("deployment-name", "deployment-source", "enable-duplicate-filtering",
            "deploy-changed-only", "tenant-id", "deployment-activation-time");

    private final ProcedureDesigns designs;
    private final RepositoryService repository;
    private final Messages messages;

    ModelerDeployController(ProcedureDesigns designs, RepositoryService repository, Messages messages) {
        this.designs = designs;
        this.repository = repository;
        this.messages = messages;
    }

    record VersionJson(String version) { }

    record DeploymentJson(String id, String name, String source, String deploymentTime, String tenantId,
                          Map<String, DefinitionJson> deployedProcessDefinitions, Map<String, Object> motcua) { }

    record DefinitionJson(String id, String key, String name, int version, String deploymentId, String resource) { }

    @GetMapping("/version")
    @Operation(summary = "The engine's version, as Camunda Modeler asks it (designers)")
    VersionJson version() {
        designs.procedures();
        return new VersionJson(ProductPropertiesUtil.getProductVersion());
    }

    @GetMapping("/deployment")
    @Operation(summary = "Camunda Modeler's connection check: the procedures' published versions as deployments (designers)")
    List<DeploymentJson> deployments(@RequestParam(required = false) Integer maxResults) {
        var procedures = designs.procedures();
        int limit = maxResults == null ? procedures.size() : Math.max(0, Math.min(maxResults, procedures.size()));
        List<DeploymentJson> result = new ArrayList<>();
        for (var p : procedures.subList(0, limit)) {
            result.add(new DeploymentJson("motcua:" + p.folder(), "motcua:" + p.folder(), "MotCua", null, null, Map.of(),
                    Map.of("code", p.code(), "version", p.currentVersion() == null ? 0 : p.currentVersion())));
        }
        return result;
    }

    @PostMapping("/deployment/create")
    @Operation(summary = "Deploy from Camunda Modeler: checked like an upload; a draft, published when the caller may publish")
    DeploymentJson create(MultipartHttpServletRequest request) {
        List<ProcedureDesigns.Upload> uploads = new ArrayList<>();
        for (var entry : request.getMultiFileMap().entrySet()) {
            if (FIELDS.contains(entry.getKey())) continue;
            for (MultipartFile file : entry.getValue()) {
                try {
                    uploads.add(new ProcedureDesigns.Upload(file.getOriginalFilename() == null ? entry.getKey() : file.getOriginalFilename(),
                            file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (uploads.isEmpty()) throw new InvalidInputException("file", messages.get("catalogue.design.upload.empty"));
        String name = request.getParameter("deployment-name");
        var outcome = designs.deployFromModeler(uploads, name);
        Map<String, Object> motcua = new LinkedHashMap<>();
        motcua.put("code", outcome.draft().code());
        if (outcome.published() == null) {
            motcua.put("draft", true);
            return new DeploymentJson("draft:" + outcome.draft().code(), name, request.getParameter("deployment-source"),
                    outcome.draft().createdAt().toString(), null, Map.of(), motcua);
        }
        var published = outcome.published();
        motcua.put("version", published.number());
        Map<String, DefinitionJson> definitions = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().deploymentId(published.deploymentId()).list()
                .forEach(d -> definitions.put(d.getId(), new DefinitionJson(d.getId(), d.getKey(), d.getName(), d.getVersion(),
                        d.getDeploymentId(), d.getResourceName())));
        return new DeploymentJson(published.deploymentId(), name, request.getParameter("deployment-source"),
                published.publishedAt().toString(), null, definitions, motcua);
    }

    /** A refusal as the engine's REST API words it: Modeler shows the {@code message}. */
    record ErrorJson(String type, String message) { }

    @ExceptionHandler(ProcedureDesigns.UploadRejected.class)
    ResponseEntity<ErrorJson> rejected(ProcedureDesigns.UploadRejected e, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        StringBuilder message = new StringBuilder(messages.get(locale, "catalogue.design.rejected", e.problems().size()));
        e.problems().forEach(p -> message.append('\n').append(p.file()).append(p.elementId() == null ? "" : " › " + p.elementId())
                .append(": ").append(english ? p.messageEn() : p.message()).append(" [").append(p.rule()).append(']'));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ErrorJson("InvalidRequestException", message.toString()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ErrorJson> invalid(InvalidInputException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ErrorJson("InvalidRequestException", e.violations().get(0).message()));
    }
}
