package vn.motcua.organisation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organisation.internal.CitizenIdentityRepository;
import vn.motcua.organisation.internal.UserRepository;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.PlainText;

/**
 * Citizens known by a national e-identity provider (VNeID-style OpenID Connect): the provider vouches for the person's
 * identity number and name; the first sign-in creates a citizen account for that number (a username of its own, never
 * the number), every later one signs into the same account, and the verified name and number are what the citizen's
 * online submissions carry. Local citizen accounts (username and password) stay as they are.
 */
@Service
public class CitizenIdentities {
    /** A citizen identity card number (CCCD, 12 digits) or an old identity card number (CMND, 9 digits). */
    private static final Pattern NUMBER = Pattern.compile("\\d{12}|\\d{9}");
    private final CitizenIdentityRepository identities;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CitizenIdentities(CitizenIdentityRepository identities, UserRepository users, PasswordEncoder passwords,
                      ApplicationEventPublisher events, Messages messages, Clock clock) {
        this.identities = identities;
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the provider vouched for, as kept. */
    public record VerifiedIdentity(String username, String fullName, String identityNumber, String issuer, Instant verifiedAt) { }

    /**
     * The account of the person the provider vouched for: the one linked to this identity number, its name brought up
     * to date; or a new citizen account (username {@code vneid-} and ten random hexadecimal digits, a random password
     * nobody knows, so that only the provider signs it in).
     *
     * @throws InvalidInputException ({@code identityNumber}) the provider sent no number of 9 or 12 digits;
     *                               ({@code fullName}) no name
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public UserAccount signIn(String issuer, String subject, String identityNumber, String fullName) {
        String number = identityNumber == null ? "" : identityNumber.strip();
        if (!NUMBER.matcher(number).matches()) {
            throw new InvalidInputException("identityNumber", messages.get("organisation.identity.number"));
        }
        String name = fullName == null ? "" : PlainText.normalize(fullName, false).strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new InvalidInputException("fullName", messages.get("organisation.identity.name"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var known = identities.byNumber(number);
        if (known.isPresent()) {
            var row = known.get();
            identities.verifiedAgain(new CitizenIdentityRepository.Row(row.username(), number, name, issuer, subject, now));
            var account = users.findByUsername(row.username()).orElseThrow();
            if (!account.fullName().equals(name)) {
                users.update(new UserAccount(account.username(), account.passwordHash(), name, account.email(),
                        account.unitId(), account.roles(), account.enabled(), account.phone()));
                events.publishEvent(new UserSaved(account.username()));
            }
            return users.findByUsername(row.username()).orElseThrow();
        }
        String username;
        do {
            byte[] bytes = new byte[5];
            random.nextBytes(bytes);
            username = "vneid-" + HexFormat.of().formatHex(bytes);
        } while (users.exists(username));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        var account = new UserAccount(username, passwords.encode(HexFormat.of().formatHex(secret)), name, null, null,
                Set.of(Role.CITIZEN), true, null);
        users.insert(account);
        identities.insert(new CitizenIdentityRepository.Row(username, number, name, issuer, subject, now));
        events.publishEvent(new UserSaved(username));
        return account;
    }

    /** The verified identity of this account, for the account itself and the system; empty for a local account. */
    @PreAuthorize("hasRole('SYSTEM') or authentication.name == #username")
    @Transactional(readOnly = true)
    public Optional<VerifiedIdentity> of(String username) {
        return identities.byUsername(username).map(r -> new VerifiedIdentity(r.username(), r.fullName(), r.identityNumber(),
                r.issuer(), r.verifiedAt()));
    }
}
