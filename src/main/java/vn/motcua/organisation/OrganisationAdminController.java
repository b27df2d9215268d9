package vn.motcua.organisation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.shared.Formats;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * Administrators' API of the organisation: units (list, create, change, close, reopen, delete while unused, import),
 * users (list, create, change, disable, enable, reset a password, import) and the administrators' log.
 */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisation administration", description = "Quản trị đơn vị, người dùng và nhật ký quản trị (administrators)")
class OrganisationAdminController {
    private final OrganisationAdministration administration;
    private final OrganisationService organisation;
    private final Messages messages;

    private final ApiClients apiClients;

    OrganisationAdminController(OrganisationAdministration administration, OrganisationService organisation, Messages messages,
                                ApiClients apiClients) {
        this.apiClients = apiClients;
        this.administration = administration;
        this.organisation = organisation;
        this.messages = messages;
    }

    /** A unit as the API shows it: its parent by identifier. */
    record UnitJson(String identifier, String name, String nameEn, UnitLevel level, UnitKind kind, String parent,
                    boolean active, LocalDate closedOn) { }

    /** A unit as the API takes it. */
    record UnitRequest(String identifier, String name, String nameEn, UnitLevel level, UnitKind kind, String parent) {
        UnitForm form() { return new UnitForm(identifier, name, nameEn, level, kind, parent); }
    }

    /**
     * A user as the API shows it (never the password or its hash).
     *
     * @param otherUnits the identifiers of the other units the person also works for (kiêm nhiệm), sorted
     */
    record UserJson(String username, String fullName, String email, String phone, String unit, Set<Role> roles,
                    boolean enabled, List<String> otherUnits) { }

    /**
     * A user as the API takes it; {@code password} is required when creating, optional when changing;
     * {@code otherUnits} null keeps those the person has (none for a new user), empty removes them.
     */
    record UserRequest(String username, String fullName, String email, String phone, String unit, Set<Role> roles,
                       String password, Boolean enabled, List<String> otherUnits) {
        UserForm form() { return new UserForm(username, fullName, email, phone, unit, roles, password, enabled, otherUnits); }
    }

    record CloseRequest(LocalDate closedOn) { }

    record PasswordRequest(String password) { }

    // --- Units

    @GetMapping("/units")
    @Operation(summary = "Every unit, open and closed, in tree order")
    List<UnitJson> units() {
        var all = administration.units();
        Map<Long, String> identifiers = all.stream().collect(Collectors.toMap(Unit::id, Unit::identifier));
        return all.stream().map(u -> json(u, identifiers::get)).toList();
    }

    @GetMapping("/units/{identifier}")
    @Operation(summary = "One unit")
    UnitJson unit(@PathVariable String identifier) { return json(administration.unit(identifier)); }

    @PostMapping(path = "/units", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a unit (400 naming each offending field; nothing is stored)")
    ResponseEntity<UnitJson> createUnit(@RequestBody UnitRequest request) {
        Unit unit = administration.createUnit(body(request).form());
        return ResponseEntity.created(URI.create("/api/admin/units/" + unit.identifier())).body(json(unit));
    }

    @PutMapping(path = "/units/{identifier}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a unit's names, level, kind or parent (its identifier never changes)")
    UnitJson updateUnit(@PathVariable String identifier, @RequestBody UnitRequest request) {
        return json(administration.updateUnit(identifier, body(request).form()));
    }

    @DeleteMapping("/units/{identifier}")
    @Operation(summary = "Delete a unit nothing refers to (409 when it has units below, users or dossiers: close it)")
    ResponseEntity<Void> deleteUnit(@PathVariable String identifier) {
        administration.deleteUnit(identifier);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/units/{identifier}/close")
    @Operation(summary = "Close a unit from a day on (today without a body)")
    UnitJson closeUnit(@PathVariable String identifier, @RequestBody(required = false) CloseRequest request) {
        return json(administration.closeUnit(identifier, request == null ? null : request.closedOn()));
    }

    record MergeRequest(String successor, java.time.LocalDate effectiveDate) { }

    @PostMapping("/units/{identifier}/merge")
    @Operation(summary = "Merge a unit into a successor from a day: today or past, its people and open dossiers, with "
            + "their steps and deadlines, move to the successor now and the answer (200) says what moved; a day to come "
            + "(at most five years ahead) plans the merge (202, scheduled true), carried out on that day")
    ResponseEntity<UnitMergeReport> mergeUnit(@PathVariable String identifier, @RequestBody(required = false) MergeRequest request) {
        var report = administration.mergeUnit(identifier, request == null ? null : request.successor(),
                request == null ? null : request.effectiveDate());
        return ResponseEntity.status(report.scheduled() ? org.springframework.http.HttpStatus.ACCEPTED : org.springframework.http.HttpStatus.OK)
                .body(report);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/units/{identifier}/merge")
    @Operation(summary = "Cancel a unit's merge planned for a day to come (204; 404 when none is planned)")
    ResponseEntity<Void> cancelScheduledMerge(@PathVariable String identifier) {
        administration.cancelScheduledMerge(identifier);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/unit-merges")
    @Operation(summary = "The merges planned for a day to come and what became of them (PENDING, DONE, FAILED with why, "
            + "CANCELLED), the latest day first")
    List<ScheduledMerge> scheduledMerges() {
        return administration.scheduledMerges();
    }

    @PostMapping("/units/{identifier}/reopen")
    @Operation(summary = "Reopen a closed unit")
    UnitJson reopenUnit(@PathVariable String identifier) { return json(administration.reopenUnit(identifier)); }

    @PostMapping(path = "/units/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a unit list (CSV or XLSX): a report of what was created, changed, left and refused, row by row")
    ImportReport importUnits(@RequestPart("file") MultipartFile file,
                             @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return administration.importUnits(file.getOriginalFilename(), file.getBytes(), dryRun);
    }

    // --- Users

    /** A new connected system: its name, scopes ({@code dossiers:read}, {@code dossiers:write}) and unit. */
    record ApiClientRequest(String name, java.util.List<String> scopes, String unit) { }

    @GetMapping("/api-clients")
    @io.swagger.v3.oas.annotations.Operation(summary = "Connected systems (API clients): name, unit, scopes, created, revoked, last used; never their keys")
    java.util.List<ApiClients.ApiClient> apiClients() {
        return apiClients.list();
    }

    @PostMapping(path = "/api-clients", consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Creates a connected system; its API key is in this answer only",
            description = "{name, scopes: [dossiers:read | dossiers:write], unit}. The system then calls the API with "
                    + "Authorization: ApiKey <apiKey> (or X-API-Key). 400 naming name, scopes or unit")
    org.springframework.http.ResponseEntity<ApiClients.Created> createApiClient(@org.springframework.web.bind.annotation.RequestBody ApiClientRequest body) {
        var b = body == null ? new ApiClientRequest(null, null, null) : body;
        var created = apiClients.create(b.name(), b.scopes(), b.unit());
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/admin/api-clients/" + created.client().clientId()))
                .body(created);
    }

    @PostMapping("/api-clients/{clientId}/revoke")
    @io.swagger.v3.oas.annotations.Operation(summary = "Revokes a connected system: its key no longer signs in")
    ApiClients.ApiClient revokeApiClient(@PathVariable String clientId) {
        return apiClients.revoke(clientId);
    }

    @GetMapping("/users")
    @Operation(summary = "Every user")
    List<UserJson> users() {
        Map<Long, String> identifiers = administration.units().stream().collect(Collectors.toMap(Unit::id, Unit::identifier));
        return administration.users().stream().map(u -> json(u, identifiers::get)).toList();
    }

    @GetMapping("/users/{username}")
    @Operation(summary = "One user")
    UserJson user(@PathVariable String username) { return json(administration.user(username)); }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a user (400 naming each offending field, the password policy included; nothing is stored)")
    ResponseEntity<UserJson> createUser(@RequestBody UserRequest request) {
        UserAccount user = administration.createUser(body(request).form());
        return ResponseEntity.created(URI.create("/api/admin/users/" + user.username())).body(json(user));
    }

    @PutMapping(path = "/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a user (a password given is set; enabled false disables)")
    UserJson updateUser(@PathVariable String username, @RequestBody UserRequest request) {
        return json(administration.updateUser(username, body(request).form()));
    }

    @PostMapping("/users/{username}/disable")
    @Operation(summary = "Disable a user: they cannot sign in, their open tasks go back to their groups")
    UserJson disable(@PathVariable String username) { return json(administration.setEnabled(username, false)); }

    @PostMapping("/users/{username}/enable")
    @Operation(summary = "Enable a user again")
    UserJson enable(@PathVariable String username) { return json(administration.setEnabled(username, true)); }

    @PostMapping(path = "/users/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a new password (checked against the password policy)")
    ResponseEntity<Void> password(@PathVariable String username, @RequestBody PasswordRequest request) {
        administration.resetPassword(username, body(request).password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/users/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a user list (CSV or XLSX): a report row by row")
    ImportReport importUsers(@RequestPart("file") MultipartFile file,
                             @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        return administration.importUsers(file.getOriginalFilename(), file.getBytes(), dryRun);
    }

    // --- The administrators' log

    @GetMapping("/log")
    @Operation(summary = "The administrators' log between two days (inclusive), newest first")
    List<AdminLogEntry> log(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "1000") int limit) {
        return administration.log(from, to, limit);
    }

    @GetMapping(path = "/log.csv", produces = "text/csv")
    @Operation(summary = "The administrators' log between two days as CSV (UTF-8 with BOM, for Excel)")
    ResponseEntity<byte[]> logCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var entries = administration.log(from, to, OrganisationAdministration.MAX_LOG);
        var csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", messages.get("adminLog.at"), messages.get("adminLog.actor"), messages.get("adminLog.action"),
                messages.get("adminLog.target"), messages.get("adminLog.details"))).append("\r\n");
        var time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Formats.ZONE);
        for (var e : entries) {
            csv.append(String.join(",", time.format(e.at()), cell(e.actor()), cell(e.action()), cell(e.target()), cell(e.details())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"nhat-ky-quan-tri-" + from + "-" + to + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV cell, quoted; a leading =, +, - or @ is neutralised so that a spreadsheet never runs it as a formula. */
    private static String cell(String value) {
        if (value == null) return "";
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private <T> T body(T request) {
        if (request == null) throw new InvalidInputException("body", messages.get("error.field.required"));
        return request;
    }

    private UnitJson json(Unit unit) { return json(unit, this::identifierOf); }

    /** A unit's identifier by its id: one row read, for a single answer. */
    private String identifierOf(long unitId) { return organisation.unit(unitId).map(Unit::identifier).orElse(null); }

    private static UnitJson json(Unit unit, Function<Long, String> identifierOf) {
        return new UnitJson(unit.identifier(), unit.name(), unit.nameEn(), unit.level(), unit.kind(),
                unit.parentId() == null ? null : identifierOf.apply(unit.parentId()), unit.active(), unit.closedOn());
    }

    private UserJson json(UserAccount user) { return json(user, this::identifierOf); }

    private static UserJson json(UserAccount user, Function<Long, String> identifierOf) {
        return new UserJson(user.username(), user.fullName(), user.email(), user.phone(),
                user.unitId() == null ? null : identifierOf.apply(user.unitId()), user.roles(), user.enabled(),
                user.otherUnitIds().stream().map(identifierOf).filter(java.util.Objects::nonNull).sorted().toList());
    }
}
