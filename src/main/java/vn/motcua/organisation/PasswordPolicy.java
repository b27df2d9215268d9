package vn.motcua.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rules a password set by an administrator (or, later, by its owner) must follow ({@code motcua.security.password.*}):
 * a minimum and a maximum length, not containing the username, and not one of the commonly used passwords listed in
 * {@code organisation/common-passwords.txt} (compared without case and diacritics). Demo accounts created by the
 * demo profile are exempt (their password is {@code demo}).
 */
@Component
@ConfigurationProperties(prefix = "motcua.security.password")
public class PasswordPolicy {
    /** The shortest password accepted. */
    private int minLength = 10;
    /** The longest password accepted (BCrypt reads at most 72 bytes). */
    private int maxLength = 72;
    /** Refuse a password that contains the username. */
    private boolean forbidUsername = true;
    /** Refuse the passwords of the common-password list. */
    private boolean forbidCommon = true;

    private final Set<String> common = loadCommon();

    public int getMinLength() { return minLength; }
    public void setMinLength(int minLength) { this.minLength = minLength; }
    public int getMaxLength() { return maxLength; }
    public void setMaxLength(int maxLength) { this.maxLength = maxLength; }
    public boolean isForbidUsername() { return forbidUsername; }
    public void setForbidUsername(boolean forbidUsername) { this.forbidUsername = forbidUsername; }
    public boolean isForbidCommon() { return forbidCommon; }
    public void setForbidCommon(boolean forbidCommon) { this.forbidCommon = forbidCommon; }

    /** What is wrong with the password, as a message key and its arguments; empty when it is acceptable. */
    public Optional<Problem> check(String username, String password) {
        if (password == null || password.isEmpty()) return Optional.of(new Problem("error.field.required"));
        int length = password.codePointCount(0, password.length());
        if (length < minLength) return Optional.of(new Problem("organisation.password.tooShort", minLength));
        if (password.getBytes(StandardCharsets.UTF_8).length > maxLength) {
            return Optional.of(new Problem("organisation.password.tooLong", maxLength));
        }
        if (password.chars().anyMatch(Character::isISOControl)) return Optional.of(new Problem("organisation.password.control"));
        String folded = fold(password);
        if (forbidUsername && username != null && username.length() >= 3 && folded.contains(fold(username))) {
            return Optional.of(new Problem("organisation.password.containsUsername"));
        }
        if (forbidCommon && common.contains(folded)) return Optional.of(new Problem("organisation.password.common"));
        return Optional.empty();
    }

    /** A broken rule: the message key and its arguments. */
    public record Problem(String key, Object... args) { }

    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    private static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/organisation/common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("organisation/common-passwords.txt is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) words.add(fold(word));
            }
        } catch (IOException e) {
            throw new IllegalStateException("organisation/common-passwords.txt cannot be read", e);
        }
        return Set.copyOf(words);
    }
}
