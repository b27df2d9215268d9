package vn.motcua.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import vn.motcua.ChildJvm;
import vn.motcua.MotCuaApplication;

/**
 * A MotCua node as the cluster tests run it: a JVM of its own on the application's class path, on a scratch PostgreSQL database,
 * demo organisation without demo history, its own name ({@code motcua.node-id}) and port, a shared data directory.
 */
public final class ApplicationNode {
    private ApplicationNode() { }

    /** Starts the node; its log goes to {@code <logs>/<name>.log}. Wait for its readiness with {@link ChildJvm#awaitOk}. */
    public static ChildJvm start(String name, int port, ScratchDatabase database, Path data, Path logs) throws IOException {
        var arguments = new java.util.ArrayList<>(arguments(port, database.url(), data));
        arguments.addAll(List.of("--motcua.node-id=" + name, "--logging.level.vn.motcua=info"));
        return ChildJvm.start(name, MotCuaApplication.class.getName(), List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"),
                arguments, logs, false);
    }

    /**
     * The arguments of a demo node on a PostgreSQL database of the tests' user: the demo organisation without demo
     * history (only the dossiers of the test), its port, its data directory, warnings only in its log.
     */
    public static List<String> arguments(int port, String databaseUrl, Path data) {
        return List.of("--spring.profiles.active=demo",
                "--motcua.demo-history.size=0",
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + RequiresPostgres.USER,
                "--spring.datasource.password=",
                "--motcua.data-dir=" + data,
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn");
    }
}
