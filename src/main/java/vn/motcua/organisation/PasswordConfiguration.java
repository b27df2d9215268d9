package vn.motcua.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {
    /** Passwords are stored as BCrypt hashes only. */
    @Bean
    static PasswordEncoder passwordEncoder() { return new BCryptPasswordEncoder(); }
}
