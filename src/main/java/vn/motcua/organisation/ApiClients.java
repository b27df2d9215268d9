package vn.motcua.organisation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organisation.internal.ApiClientRepository;
import vn.motcua.organisation.internal.UnitRepository;
import vn.motcua.organisation.internal.UserRepository;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.NotFoundException;
import vn.motcua.shared.PlainText;

/**
 * The API's clients: other systems (the national portal, a sector system, a kiosk) call the API with an API key of
 * their own, not a person's password. An administrator creates a client for a unit with scopes — {@code dossiers:read}
 * (what a supervisor of that unit reads: its dossiers and those below, their documents and results, the indicators)
 * and {@code dossiers:write} (what its one-stop desk does: receive dossiers, act on them) — and is shown the key once;
 * only its SHA-256 is kept. The client acts through an account of its own ({@code api-} and hexadecimal digits, roles
 * from its scopes at its unit, no usable password), so that every rule, scope and audit entry sees it like anyone
 * else. Revoking a client disables its account at once. Every creation and revocation is in the administrators' log.
 */
@Service
public class ApiClients {
    /** The scopes and the role each gives at the client's unit. */
    public static final Map<String, Role> SCOPES = Map.of("dossiers:read", Role.SUPERVISOR, "dossiers:write", Role.CLERK);
    private static final String PREFIX = "ak_";

    private final ApiClientRepository clients;
    private final UserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiClients(ApiClientRepository clients, UserRepository users, UnitRepository units, PasswordEncoder passwords,
               ApplicationEventPublisher events, Messages messages, Clock clock) {
        this.clients = clients;
        this.users = users;
        this.units = units;
        this.passwords = passwords;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** A client as administrators see it (never its key). */
    public record ApiClient(String clientId, String name, String username, String unit, List<String> scopes,
                            String createdBy, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
        public boolean active() { return revokedAt == null; }
    }

    /** A new client and its key, shown this once. */
    public record Created(ApiClient client, String apiKey) { }

    /**
     * Creates a client of a unit with scopes.
     *
     * @throws InvalidInputException naming {@code name}, {@code scopes} or {@code unit}
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Created create(String name, List<String> scopes, String unitIdentifier) {
        var violations = new ArrayList<InvalidInputException.Violation>();
        String cleanName = name == null ? "" : PlainText.normalize(name, false).strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            violations.add(new InvalidInputException.Violation("name", messages.get("organisation.apiClient.name")));
        }
        var chosen = new LinkedHashSet<String>();
        if (scopes != null) scopes.forEach(s -> chosen.add(s == null ? "" : s.strip()));
        if (chosen.isEmpty() || !SCOPES.keySet().containsAll(chosen)) {
            violations.add(new InvalidInputException.Violation("scopes", messages.get("organisation.apiClient.scopes",
                    String.join(", ", SCOPES.keySet().stream().sorted().toList()))));
        }
        Unit unit = unitIdentifier == null ? null : units.findByIdentifier(unitIdentifier.strip()).orElse(null);
        if (unit == null || !unit.active()) {
            violations.add(new InvalidInputException.Violation("unit", messages.get("organisation.apiClient.unit")));
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);

        String clientId = PREFIX + hex(6);
        String secret = hex(32);
        String username = "api-" + clientId.substring(PREFIX.length());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        chosen.forEach(s -> roles.add(SCOPES.get(s)));
        users.insert(new UserAccount(username, passwords.encode(hex(32)), cleanName + " (API)", null, unit.id(), roles, true, null));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String by = SecurityContextHolder.getContext().getAuthentication().getName();
        var row = new ApiClientRepository.Row(clientId, cleanName, username, sha256(secret), String.join(",", chosen), by, now, null, null);
        clients.insert(row);
        events.publishEvent(new UserSaved(username));
        events.publishEvent(new AdministrativeChange("API_CLIENT_CREATED", clientId,
                cleanName + " · " + unit.identifier() + " · " + String.join(",", chosen)));
        return new Created(view(row), clientId + "." + secret);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiClient> list() {
        return clients.all().stream().map(this::view).toList();
    }

    /** One client, for administrators and the system. */
    @PreAuthorize("hasAnyRole('ADMIN', 'SYSTEM')")
    @Transactional(readOnly = true)
    public Optional<ApiClient> find(String clientId) {
        return clientId == null ? Optional.empty() : clients.find(clientId).map(this::view);
    }

    /**
     * The client whose account is {@code username} (what a module serving connected systems asks of its caller);
     * empty for any other account. A caller may ask about their own account; administrators and the system about any.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'SYSTEM') or (isAuthenticated() and authentication.name == #username)")
    @Transactional(readOnly = true)
    public Optional<ApiClient> byUsername(String username) {
        return username == null || !username.startsWith("api-") ? Optional.empty() : clients.findByUsername(username).map(this::view);
    }

    /** Revokes a client: its key no longer signs in, its account is disabled. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ApiClient revoke(String clientId) {
        var row = clients.find(clientId).orElseThrow(() -> new NotFoundException("organisation.apiClient.notFound", clientId));
        if (clients.revoke(clientId, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            users.findByUsername(row.username()).ifPresent(u -> users.update(new UserAccount(u.username(), u.passwordHash(),
                    u.fullName(), u.email(), u.unitId(), u.roles(), false, u.phone())));
            events.publishEvent(new UserSaved(row.username()));
            events.publishEvent(new AdministrativeChange("API_CLIENT_REVOKED", clientId, row.name()));
        }
        return view(clients.find(clientId).orElseThrow());
    }

    /**
     * The account an API key signs in as: the key is {@code <clientId>.<secret>}, its client active and the secret's
     * SHA-256 the one kept (compared in constant time); empty otherwise.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public Optional<String> authenticate(String apiKey) {
        if (apiKey == null) return Optional.empty();
        int dot = apiKey.indexOf('.');
        if (dot <= 0 || dot == apiKey.length() - 1 || apiKey.length() > 200) return Optional.empty();
        var row = clients.find(apiKey.substring(0, dot)).orElse(null);
        if (row == null || row.revokedAt() != null) return Optional.empty();
        boolean same = MessageDigest.isEqual(row.keyHash().getBytes(StandardCharsets.US_ASCII),
                sha256(apiKey.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII));
        if (!same) return Optional.empty();
        clients.used(row.clientId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return Optional.of(row.username());
    }

    private ApiClient view(ApiClientRepository.Row row) {
        String unit = users.findByUsername(row.username()).map(UserAccount::unitId).flatMap(units::findById)
                .map(Unit::identifier).orElse(null);
        return new ApiClient(row.clientId(), row.name(), row.username(), unit, List.of(row.scopes().split(",")),
                row.createdBy(), row.createdAt(), row.revokedAt(), row.lastUsedAt());
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
