package oidcprovider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An OpenID provider started inside the tests, as a national e-identity provider (VNeID-style) would answer MotCua:
 * Spring Authorization Server with its login form, one client ({@code motcua}, secret {@code motcua-secret}), and
 * people whose ID tokens carry their identity number ({@code identity_number}) and name ({@code name}). It runs in a
 * Spring context of its own on 127.0.0.1 and a free port (its session cookie {@code OIDCSESSION}, not MotCua's), in a
 * package MotCua's component scan does not reach.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(ServletWebServerFactoryAutoConfiguration.class)
@EnableWebSecurity
public class InTestOidcProvider {
    /** Login name → {identity number, full name}; a person without a number: the provider's answer MotCua refuses. */
    public static final Map<String, String[]> PEOPLE = Map.of(
            "nguyenvanan", new String[] {"079090001234", "Nguyễn Văn An"},
            "khongso", new String[] {null, "Trần Không Số"});
    public static final String PASSWORD = "vneid-secret";
    /** Where MotCua receives the answer: set by the test once MotCua's port is known. */
    public static volatile String redirectUri = "http://127.0.0.1/login/oauth2/code/vneid";

    private static ConfigurableApplicationContext context;
    private static int port;

    /**
     * The provider's address, its port chosen now; the provider starts later ({@link #start()}), after MotCua's own
     * context: Vaadin replaces Spring Security's global context holder strategy when MotCua starts, and a filter chain
     * built before that would look for the signed-in person in the other one.
     */
    public static synchronized String issuer() {
        if (port == 0) {
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return "http://127.0.0.1:" + port;
    }

    /** Starts the provider (once per JVM) on the port of {@link #issuer()}; answers its address. */
    public static synchronized String start() {
        String issuer = issuer();
        if (context == null) {
            context = new SpringApplicationBuilder(InTestOidcProvider.class)
                    .run("--spring.config.name=in-test-oidc-provider", "--server.port=" + port, "--server.address=127.0.0.1",
                            "--server.servlet.session.cookie.name=OIDCSESSION", "--server.servlet.register-default-servlet=true",
                            "--spring.main.banner-mode=off", "--spring.jmx.enabled=false");
        }
        return issuer;
    }

    /** Spring Security's filters in front of every request. */
    @Bean
    org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean securityFilter() {
        var registration = new org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
        registration.setOrder(-100);
        return registration;
    }

    /** The provider's error page: the status and message an endpoint refused with (e.g. an invalid redirect_uri). */
    @Bean
    org.springframework.boot.web.servlet.ServletRegistrationBean<jakarta.servlet.http.HttpServlet> errorPage() {
        var servlet = new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                    throws java.io.IOException {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("error " + request.getAttribute("jakarta.servlet.error.status_code") + ": "
                        + request.getAttribute("jakarta.servlet.error.message"));
            }
        };
        return new org.springframework.boot.web.servlet.ServletRegistrationBean<>(servlet, "/error");
    }

    /** One chain: the provider's endpoints, and its login form for the person signing in. */
    @Bean
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        var server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.requestMatchers(org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults().matcher("/error")).permitAll().anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .csrf(c -> c.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    UserDetailsService people() {
        var manager = new InMemoryUserDetailsManager();
        PEOPLE.keySet().forEach(name -> manager.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()));
        return manager;
    }

    @Bean
    RegisteredClientRepository clients() {
        return new RegisteredClientRepository() {
            @Override public void save(RegisteredClient client) { } // the secret re-encoded after use: kept as it is
            @Override public RegisteredClient findById(String id) { return "motcua".equals(id) ? motcua() : null; }
            @Override public RegisteredClient findByClientId(String clientId) { return "motcua".equals(clientId) ? motcua() : null; }
        };
    }

    private static RegisteredClient motcua() {
        return RegisteredClient.withId("motcua").clientId("motcua").clientSecret("{noop}motcua-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri).scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build()).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> identityClaims() {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) return;
            String[] person = PEOPLE.get(context.getPrincipal().getName());
            if (person == null) return;
            if (person[0] != null) context.getClaims().claim("identity_number", person[0]);
            context.getClaims().claim("name", person[1]);
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    org.springframework.security.oauth2.jwt.JwtDecoder idTokens(JWKSource<SecurityContext> keys) {
        return org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration
                .OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }
}
