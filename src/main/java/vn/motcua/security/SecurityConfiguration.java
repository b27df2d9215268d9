package vn.motcua.security;

import java.util.Map;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import jakarta.servlet.DispatcherType;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import vn.motcua.security.ui.LoginView;
import vn.motcua.shared.Messages;

/**
 * Three doors, one identity:
 * <ul>
 *   <li>/api/**, /engine-rest/**, the OpenAPI description and actuator: HTTP Basic or the browser session; anonymous
 *       callers get 401 (never a redirect); the public catalogue and calendar are open; the engine's REST API and
 *       metrics are for administrators (and supervisors for metrics);</li>
 *   <li>/camunda/** (Cockpit, Admin): administrators only, signed in once through MotCua's login; Camunda's
 *       Tasklist and task completion through the engine's API are closed to everyone ({@link #TASKLIST},
 *       {@link #TASK_COMPLETION});</li>
 *   <li>everything else: the Vaadin application, with its login view and per-view role annotations.</li>
 * </ul>
 * Every password goes through {@link ThrottledAuthenticationProvider} (sign-in locks); the login form needs the
 * session's CSRF token like any other form; every answer carries the headers of {@link SecurityHeaders}.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration extends VaadinWebSecurity {
    /** Camunda's Tasklist webapp and its own API. */
    static final RequestMatcher TASKLIST = new OrRequestMatcher(
            AntPathRequestMatcher.antMatcher("/camunda/app/tasklist/**"),
            AntPathRequestMatcher.antMatcher("/camunda/api/tasklist/**"));

    /**
     * Completing, resolving or failing a user task through the engine's REST API, directly (/engine-rest) or as the
     * webapps call it (/camunda/api/engine/engine/{name}): a step must go through MotCua's task service, which
     * validates the step's form, records the audit trail and respects stopped clocks.
     */
    static final RequestMatcher TASK_COMPLETION = new OrRequestMatcher(java.util.stream.Stream.of(
                    "complete", "submit-form", "resolve", "bpmnError", "bpmnEscalation")
            .flatMap(action -> java.util.stream.Stream.of("/engine-rest/task/*/" + action,
                    "/engine-rest/engine/*/task/*/" + action, "/camunda/api/engine/engine/*/task/*/" + action))
            .map(p -> (RequestMatcher) AntPathRequestMatcher.antMatcher(p)).toList());

    private final SignInAnswers answers;
    private final org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> registrations;
    private final org.springframework.beans.factory.ObjectProvider<CitizenSignIn> citizenSignIn;

    SecurityConfiguration(Messages messages,
                          org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> registrations,
                          org.springframework.beans.factory.ObjectProvider<CitizenSignIn> citizenSignIn) {
        this.answers = new SignInAnswers(messages);
        this.registrations = registrations;
        this.citizenSignIn = citizenSignIn;
    }

    /**
     * Citizens' sign-in through the e-identity provider(s) configured as Spring Security OAuth2 client registrations
     * ({@code spring.security.oauth2.client.registration.<id>.*}); none configured, none offered.
     */
    @Bean
    CitizenSignIn citizenSignIn(vn.motcua.organisation.CitizenIdentities identities, AccountDetailsService accounts,
                                @org.springframework.beans.factory.annotation.Value("${motcua.oidc.identity-claim:identity_number}") String identityClaim,
                                @org.springframework.beans.factory.annotation.Value("${motcua.oidc.name-claim:name}") String nameClaim) {
        return new CitizenSignIn(identities, accounts, identityClaim.strip(), nameClaim.strip());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                                    org.springframework.transaction.PlatformTransactionManager transactions,
                                    vn.motcua.shared.Messages messages, java.time.Clock clock,
                                    vn.motcua.shared.ClusterNode node,
                                    vn.motcua.organisation.ApiClients apiClients, AccountDetailsService accounts,
                                    WorkingUnits workingUnits,
                                    @org.springframework.beans.factory.annotation.Value("${motcua.design.publish-role:DESIGNER}")
                                    String publishRole) throws Exception {
        // 401 and 429 written here, as JSON, not through the servlet error page (which would redirect to the login view)
        AuthenticationEntryPoint entryPoint = answers.api();
        // Path patterns matched on the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's
        http.securityMatcher(new OrRequestMatcher(java.util.stream.Stream.of("/api/**", "/engine-rest/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                        .map(p -> (RequestMatcher) AntPathRequestMatcher.antMatcher(p)).toList()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/procedures", "/api/procedures/**", "/api/calendar/**", "/api/public/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/public/dossiers/*/rating").permitAll()
                        // Feedback and complaints: sent with or without an account (vn.motcua.feedback checks the rest)
                        .requestMatchers(HttpMethod.POST, "/api/feedback").permitAll()
                        // The sender rates the answer: the reference and contact (or their own account) are its check
                        .requestMatchers(HttpMethod.POST, "/api/public/feedback/*/verdict").permitAll()
                        // The applicant stops a notification channel from the tracking page: the tracking key is its check
                        .requestMatchers(HttpMethod.PUT, "/api/public/dossiers/*/notification-channels/*").permitAll()
                        // The payment service's callback: its HMAC signature is its check (vn.motcua.payment)
                        .requestMatchers(HttpMethod.POST, "/api/payments/callback").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        // Steps are completed through MotCua only (validation, audit): not through the engine's API
                        .requestMatchers(TASK_COMPLETION).denyAll()
                        .requestMatchers(AntPathRequestMatcher.antMatcher("/engine-rest/**")).hasRole("ADMIN")
                        // Procedure design: designers, administrators and the publishing role only, refused before the
                        // request is read (vn.motcua.catalogue.ProcedureDesigns checks each call again)
                        .requestMatchers("/api/design/**").hasAnyRole(new java.util.TreeSet<>(java.util.List.of("DESIGNER", "ADMIN",
                                publishRole.strip().toUpperCase(java.util.Locale.ROOT))).toArray(String[]::new))
                        .anyRequest().authenticated())
                // A call signed in by HTTP Basic is signed in for that request only: no HTTP session is created for
                // it (the browser's own session, from the login form, is still read for the pages' API calls)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint)
                        .securityContextRepository(new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                // The context is read from the request (a Basic sign-in) or the browser's session; the session
                // filter finds a Basic sign-in in the request and so does not save it into a new session
                .securityContext(c -> c.securityContextRepository(
                        new org.springframework.security.web.context.DelegatingSecurityContextRepository(
                                new org.springframework.security.web.context.RequestAttributeSecurityContextRepository(),
                                new org.springframework.security.web.context.HttpSessionSecurityContextRepository())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // Cross-site forms can send neither an Authorization header nor a JSON body without a CORS
                // pre-flight (which is never allowed): such requests need no CSRF token. Others do.
                // nor is a CSRF token renewed into one on that sign-in
                .csrf(csrf -> csrf.ignoringRequestMatchers(nonBrowserFormRequest())
                        .sessionAuthenticationStrategy(new org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy()))
                .headers(headers -> headers
                        .addHeaderWriter(SecurityHeaders.contentSecurityPolicy(SecurityHeaders.API_POLICY,
                                new OrRequestMatcher(AntPathRequestMatcher.antMatcher("/swagger-ui/**"),
                                        AntPathRequestMatcher.antMatcher("/swagger-ui.html")),
                                SecurityHeaders.SWAGGER_UI_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        // Other systems sign in with their API key, for the request only (vn.motcua.organisation.ApiClients)
        http.addFilterBefore(new ApiKeyFilter(apiClients, accounts, messages),
                org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        // A person who works for several units names the unit of a call (header MotCua-Unit), for that call only
        http.addFilterAfter(new WorkingUnitFilter(workingUnits, messages),
                org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
        // A retried write with the same Idempotency-Key gets the first answer again (signed-in and allowed callers only)
        http.addFilterAfter(new IdempotencyFilter(jdbc, transactions, messages, clock, node),
                org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(AntPathRequestMatcher.antMatcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        // Camunda's Tasklist would complete steps past MotCua's validation and audit: closed to everyone
                        .requestMatchers(TASKLIST).denyAll()
                        .requestMatchers(TASK_COMPLETION).denyAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(answers.api()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SignInAnswers.LOGIN)))
                // Camunda's webapps carry their own CSRF prevention filter and their own Content-Security-Policy.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        return http.build();
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/css/**", "/images/**", "/js/**", "/vendor/**", "/favicon.ico").permitAll());
        CsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        http.csrf(csrf -> csrf.csrfTokenRepository(tokens));
        super.configure(http);
        http.headers(headers -> headers
                // Attachments preview PDFs in a frame of the application's own pages
                .frameOptions(frame -> frame.sameOrigin())
                .addHeaderWriter(SecurityHeaders.contentSecurityPolicy(SecurityHeaders.APPLICATION_POLICY, null, null))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(SecurityHeaders.PERMISSIONS_POLICY)));
        setLoginView(http, LoginView.class, "/");
        http.formLogin(form -> form.failureHandler(answers.form()));
        if (registrations.getIfAvailable() != null) {
            CitizenSignIn signIn = citizenSignIn.getObject();
            http.oauth2Login(oidc -> oidc.loginPage(SignInAnswers.LOGIN).successHandler(signIn).failureHandler(signIn));
        }
        // Vaadin exempts the login form's POST from CSRF protection: a page elsewhere could then sign a visitor in as
        // someone else (login CSRF). A second CSRF filter checks that POST alone, against the same session token;
        // Vaadin's login form sends it (from the page's _csrf meta tags).
        var loginCsrf = new CsrfFilter(tokens);
        loginCsrf.setBeanName("loginCsrfFilter"); // its own "already filtered" mark: the chain's CsrfFilter ran before
        loginCsrf.setRequireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SignInAnswers.LOGIN));
        loginCsrf.setAccessDeniedHandler(answers.loginWithoutToken());
        http.addFilterAfter(loginCsrf, CsrfFilter.class);
    }

    /** Single sign-on into Camunda's webapps: they take the user Spring Security has authenticated. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(101); // after Spring Security's filter chain (-100)
        return registration;
    }

    private static RequestMatcher nonBrowserFormRequest() {
        return request -> {
            if (request.getHeader("Authorization") != null || request.getHeader(ApiKeyFilter.HEADER) != null) return true;
            String contentType = request.getContentType();
            try {
                if (contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) return true;
            } catch (org.springframework.util.InvalidMimeTypeException malformed) {
                return false;
            }
            return request.getHeader("X-Requested-With") != null;
        };
    }
}
