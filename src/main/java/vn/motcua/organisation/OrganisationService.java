package vn.motcua.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organisation.internal.UnitRepository;
import vn.motcua.organisation.internal.UserRepository;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;

/**
 * Units and users. Reading the tree is open to every signed-in part of the application (units are public
 * information); creating units and users is for administrators, and for the start-up seeding of demo data.
 */
@Service
public class OrganisationService {
    private final UnitRepository units;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final OrganisationAdministration administration;

    OrganisationService(UnitRepository units, UserRepository users, PasswordEncoder passwordEncoder,
                        ApplicationEventPublisher events, Messages messages, OrganisationAdministration administration) {
        this.administration = administration;
        this.units = units;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.messages = messages;
    }

    public List<Unit> units() { return units.findAll(); }

    public Optional<Unit> unit(long id) { return units.findById(id); }

    public Optional<Unit> unitByIdentifier(String identifier) { return units.findByIdentifier(identifier); }

    /**
     * The open unit that carries on a unit's work: the unit itself while open, else its successor (following merges),
     * empty for a unit closed without one.
     */
    public Optional<Unit> carriedOnBy(Unit unit) {
        Unit current = unit;
        for (int i = 0; i < 20 && current != null; i++) {
            if (current.active()) return Optional.of(current);
            current = units.successorOf(current.id()).orElse(null);
        }
        return Optional.empty();
    }

    /**
     * The communes, wards and special zones people may live in, open, by name: those of {@code province}'s tree (the
     * province of a receiving unit), or every one when null.
     */
    public List<Unit> communesOfResidence(Unit province) {
        var collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        return units.findAll().stream()
                .filter(u -> u.active() && u.kind().communeGovernment())
                .filter(u -> province == null || province.kind().central() || u.rootId() == province.rootId())
                .sorted(java.util.Comparator.comparing((Unit u) -> u.placeName(null), collator)).toList();
    }

    /** The user's account, for authentication and scoping; empty when unknown. */
    public Optional<UserAccount> user(String username) { return users.findByUsername(username); }

    public List<UserAccount> users() { return users.findAll(); }

    /**
     * Creates a unit under {@code parent} (null for a root), of the kind its level and place say, with the checks of
     * {@link OrganisationAdministration#createUnit}.
     */
    @PreAuthorize("hasRole('ADMIN') or hasRole('SYSTEM')")
    @Transactional
    public Unit createUnit(String identifier, String name, String nameEn, UnitLevel level, Unit parent) {
        return administration.createUnit(new UnitForm(identifier, name, nameEn, level, null, parent == null ? null : parent.identifier()));
    }

    /** Creates a unit of the given kind (seeding). */
    @PreAuthorize("hasRole('ADMIN') or hasRole('SYSTEM')")
    @Transactional
    public Unit createUnit(String identifier, String name, String nameEn, UnitLevel level, UnitKind kind, Unit parent) {
        return administration.createUnit(new UnitForm(identifier, name, nameEn, level, kind, parent == null ? null : parent.identifier()));
    }

    /**
     * Creates a user with the given raw password (stored as a BCrypt hash), for the system's own seeding (demo data,
     * tests): the password policy does not apply. Administrators create users through
     * {@link OrganisationAdministration#createUser}.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public UserAccount createUser(String username, String rawPassword, String fullName, String email, Unit unit,
                                  java.util.Set<Role> roles) {
        return createUser(username, seedPassword(rawPassword), fullName, email, unit, roles);
    }

    /**
     * A password hashed for accounts the system seeds (BCrypt, tens of milliseconds of CPU), so that several
     * accounts given the same password, as the demo's users all are, cost one hash and not one each.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public SeedPassword seedPassword(String rawPassword) {
        return new SeedPassword(passwordEncoder.encode(rawPassword));
    }

    /** Creates a user with a password hashed by {@link #seedPassword}, for the system's own seeding. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public UserAccount createUser(String username, SeedPassword password, String fullName, String email, Unit unit,
                                  java.util.Set<Role> roles) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidInputException("username", messages.get("organisation.user.username.invalid"));
        }
        if (users.exists(username)) {
            throw new InvalidInputException("username", messages.get("organisation.user.username.taken", username));
        }
        var account = new UserAccount(username, password.hash, fullName, email,
                unit == null ? null : unit.id(), roles, true, null);
        users.insert(account);
        events.publishEvent(new UserSaved(username));
        return account;
    }

    /** A password as {@link #seedPassword} hashed it; only this service reads the hash. */
    public static final class SeedPassword {
        private final String hash;

        private SeedPassword(String hash) { this.hash = hash; }

        @Override
        public String toString() { return "SeedPassword[hashed]"; }
    }
}
