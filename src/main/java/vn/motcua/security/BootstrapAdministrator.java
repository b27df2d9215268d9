package vn.motcua.security;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.UserAccount;

/**
 * Production has no demo users: the first administrator comes from MOTCUA_ADMIN_USERNAME / MOTCUA_ADMIN_PASSWORD,
 * created once, when that user does not exist yet. They then create units and users.
 * <p>An application nobody can administer is refused: when, after this, no enabled administrator with a password
 * exists, the start fails with a message saying what to set (rather than running with no way in).
 */
@Component
@Order(1)
class BootstrapAdministrator implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final OrganisationService organisation;
    private final String username;
    private final String password;

    BootstrapAdministrator(OrganisationService organisation,
                           @Value("${motcua.admin.username:admin}") String username,
                           @Value("${motcua.admin.password:}") String password) {
        this.organisation = organisation;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean given = password != null && !password.isBlank();
        if (given && password.length() >= 8 && organisation.user(username).isEmpty()) {
            SystemAccess.run(() -> organisation.createUser(username, password, "Quản trị hệ thống", null, null, EnumSet.of(Role.ADMIN)));
            log.info("Administrator '{}' created", username);
        }
        if (SystemAccess.call(organisation::users).stream().noneMatch(BootstrapAdministrator::canSignInAsAdministrator)) {
            String reason = !given ? "MOTCUA_ADMIN_PASSWORD is not set"
                    : password.length() < 8 ? "MOTCUA_ADMIN_PASSWORD is shorter than 8 characters"
                    : "the user '" + username + "' exists but is not an enabled administrator: name another one with MOTCUA_ADMIN_USERNAME";
            throw new IllegalStateException("No administrator can sign in (" + reason + "). Set MOTCUA_ADMIN_PASSWORD "
                    + "(at least 8 characters) to create the first administrator, then start again. "
                    + "Chưa có quản trị viên nào đăng nhập được: hãy đặt MOTCUA_ADMIN_PASSWORD (ít nhất 8 ký tự) rồi khởi động lại.");
        }
    }

    private static boolean canSignInAsAdministrator(UserAccount account) {
        return account.enabled() && account.has(Role.ADMIN) && account.passwordHash() != null && !account.passwordHash().isBlank();
    }
}
