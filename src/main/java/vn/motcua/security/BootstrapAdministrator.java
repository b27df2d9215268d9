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

/**
 * Production has no demo users: the first administrator comes from MOTCUA_ADMIN_USERNAME / MOTCUA_ADMIN_PASSWORD,
 * created once, when that user does not exist yet. They then create units and users.
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
        if (password == null || password.isBlank() || organisation.user(username).isPresent()) return;
        if (password.length() < 8) {
            log.warn("MOTCUA_ADMIN_PASSWORD is shorter than 8 characters: no administrator created");
            return;
        }
        SystemAccess.run(() -> organisation.createUser(username, password, "Quản trị hệ thống", null, null, EnumSet.of(Role.ADMIN)));
        log.info("Administrator '{}' created", username);
    }
}
