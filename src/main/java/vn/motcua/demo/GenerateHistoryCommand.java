package vn.motcua.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.security.SystemAccess;

/**
 * {@code --spring.profiles.active=demo --motcua.demo-history.generate=N}: generates N dossiers of demo history into
 * the configured database (whatever it already holds), up to {@code motcua.demo-history.engine-instances} (default
 * 200) of them run on the engine, then stops the application. With the {@code demo} profile only: without it the
 * setting is ignored with a warning ({@link Ignored}), so that a stray setting never fills a production database.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(GenerateHistoryCommand.PROPERTY)
@Order(200)
class GenerateHistoryCommand implements ApplicationRunner {
    static final String PROPERTY = "motcua.demo-history.generate";
    private static final Logger log = LoggerFactory.getLogger(GenerateHistoryCommand.class);

    private final HistoryGenerator generator;
    private final ConfigurableApplicationContext context;
    private final String size;
    private final int engineInstances;

    GenerateHistoryCommand(HistoryGenerator generator, ConfigurableApplicationContext context,
                           @Value("${" + PROPERTY + "}") String size,
                           @Value("${" + DemoHistoryOnFirstStart.ENGINE_INSTANCES + ":200}") int engineInstances) {
        this.generator = generator;
        this.context = context;
        this.size = size;
        this.engineInstances = engineInstances;
    }

    @Override
    public void run(ApplicationArguments args) {
        int n;
        try {
            n = Integer.parseInt(size.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a number of dossiers, not '" + size + "'");
        }
        var result = SystemAccess.call(() -> generator.generate(HistoryGenerator.Options.of(n, engineInstances)));
        log.info("Generated {} dossiers ({} audit records, {} ratings, {} on the engine) in {} s; stopping.",
                result.dossiers(), result.events(), result.ratings(), result.engineInstances(), result.took().toSeconds());
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Without the demo profile: the setting changes nothing, and the log says so. */
    @Component
    @Profile("!demo")
    @ConditionalOnProperty(GenerateHistoryCommand.PROPERTY)
    static class Ignored implements ApplicationRunner {
        @Override
        public void run(ApplicationArguments args) {
            log.warn("{} is ignored: demo history is generated with the demo profile only (--spring.profiles.active=demo)",
                    PROPERTY);
        }
    }
}
