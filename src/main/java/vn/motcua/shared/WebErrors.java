package vn.motcua.shared;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The answers to requests no controller takes, in the API's JSON error shape ({@link ErrorJson}) and never with a
 * stack trace or the application's HTML page:
 * <ul>
 *   <li>an address Spring Security's firewall refuses ({@code //}, {@code ;}, {@code ..}, encoded slashes or dots,
 *       non-printable characters): 400, checked before anything parses the path (Spring's request path parser
 *       fails on {@code //engine-rest/...} with an exception, which gave a 500);</li>
 *   <li>an unknown address under {@code /api} (any method): 404, where the Vaadin application would otherwise
 *       answer with its start page and 200; a known address with another method stays 405;</li>
 *   <li>an unexpected exception of a controller under {@code /api}: 500, logged;</li>
 *   <li>what Tomcat refuses itself before the application sees the request (a request line or headers over
 *       {@code server.max-http-request-header-size}, a malformed request line): the error report is JSON instead
 *       of Tomcat's HTML page.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebErrors {
    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @Bean
    FilterRegistrationBean<RejectedAddresses> rejectedAddresses(Messages messages) {
        var registration = new FilterRegistrationBean<>(new RejectedAddresses(messages));
        registration.addUrlPatterns("/*");
        // Before Spring Security's filter chain, whose request path parsing is the first to fail on such addresses
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** The same answer should Spring Security's own firewall refuse a request (it applies the same rules). */
    @Bean
    RequestRejectedHandler jsonRequestRejectedHandler(Messages messages) {
        return (request, response, e) -> reject(request, response, messages, e);
    }

    /** After every controller mapping (so that 405 stays 405) and before Vaadin's catch-all of every other path. */
    @Bean
    SimpleUrlHandlerMapping unknownApiAddresses(Messages messages) {
        HttpRequestHandler notFound = (request, response) -> ErrorJson.write(response, 404, "NOT_FOUND",
                messages.get(Messages.locale(request), "error.api.notFound", request.getRequestURI(), request.getMethod()));
        return new SimpleUrlHandlerMapping(Map.of("/api/**", notFound), Ordered.LOWEST_PRECEDENCE - 2);
    }

    @Bean
    UnexpectedApiErrors unexpectedApiErrors(Messages messages) {
        return new UnexpectedApiErrors(messages);
    }

    @Bean
    JsonErrorReports jsonErrorReports() {
        return new JsonErrorReports();
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, Messages messages,
                               RequestRejectedException e) throws IOException {
        // The reason names the rule, not the address (which may carry anything)
        log.debug("Request rejected: {}", e.getMessage());
        ErrorJson.write(response, 400, "BAD_REQUEST", messages.get(Messages.locale(request), "error.request.rejected"));
    }

    /** Refuses, with 400, the addresses Spring Security's strict firewall would refuse, before anything parses them. */
    static final class RejectedAddresses extends OncePerRequestFilter {
        private final HttpFirewall firewall = new StrictHttpFirewall();
        private final Messages messages;

        RejectedAddresses(Messages messages) { this.messages = messages; }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                firewall.getFirewalledRequest(request);
            } catch (RequestRejectedException e) {
                reject(request, response, messages, e);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * The last resort for exceptions of the API's controllers that nothing else answered: 500 in JSON, with the
     * exception in the log only. Runs after Spring MVC's own resolvers (which answer 405, 415 and the like).
     */
    static final class UnexpectedApiErrors implements HandlerExceptionResolver, Ordered {
        private final Messages messages;

        UnexpectedApiErrors(Messages messages) { this.messages = messages; }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                             Exception e) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/") || response.isCommitted()) return null;
            log.error("Unexpected error answering {} {}", request.getMethod(), path, e);
            try {
                ErrorJson.write(response, 500, "INTERNAL_ERROR", messages.get(Messages.locale(request), "error.unexpected"));
            } catch (IOException io) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() { return Ordered.LOWEST_PRECEDENCE; }
    }

    /** Puts {@link JsonErrorReportValve} in place of the error report valve Spring Boot gives Tomcat's host. */
    static final class JsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Pipeline pipeline = context.getParent().getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) pipeline.removeValve(valve);
                }
                pipeline.addValve(new JsonErrorReportValve());
                // so that the host, when it starts, finds its error report valve and adds no other
                if (context.getParent() instanceof StandardHost host) host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            });
        }

        /** After Spring Boot's customizer, which adds the plain valve. */
        @Override
        public int getOrder() { return Ordered.LOWEST_PRECEDENCE; }
    }
}
