package vn.motcua.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.security.SystemAccess;

/**
 * With the demo data, on the first start (no dossier in the database yet), a history for the dashboards:
 * {@code motcua.demo-history.size} dossiers (default 3000, 0 for none) of which up to
 * {@code motcua.demo-history.engine-instances} (default 200) run on the engine. Runs after the demo organisation. Not
 * with the {@code test} profile: the tests make the data they check. Not when {@code --motcua.demo-history.generate}
 * asks for a size of its own.
 */
@Component
@Profile("demo & !test")
@Order(100)
class DemoHistoryOnFirstStart implements ApplicationRunner {
    /** How many generated dossiers run on the engine, on the first start and with {@link GenerateHistoryCommand}. */
    static final String ENGINE_INSTANCES = "motcua.demo-history.engine-instances";

    private final HistoryGenerator generator;
    private final Environment environment;
    private final int size;
    private final int engineInstances;

    DemoHistoryOnFirstStart(HistoryGenerator generator, Environment environment,
                            @Value("${motcua.demo-history.size:3000}") int size,
                            @Value("${" + ENGINE_INSTANCES + ":200}") int engineInstances) {
        this.generator = generator;
        this.environment = environment;
        this.size = size;
        this.engineInstances = engineInstances;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (size <= 0 || environment.containsProperty(GenerateHistoryCommand.PROPERTY)) return;
        SystemAccess.run(() -> {
            if (generator.dossierCount() == 0) generator.generate(HistoryGenerator.Options.of(size, engineInstances));
        });
    }
}
