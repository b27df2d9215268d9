package vn.motcua.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import vn.motcua.ChildJvm;
import vn.motcua.MotCuaApplication;

/**
 * A MotCua node as the cluster tests run it: a JVM of its own from the class path, on a scratch PostgreSQL database,
 * demo organisation without demo history, its own name ({@code motcua.node-id}) and port, a shared data directory.
 */
public final class ApplicationNode {
    private ApplicationNode() { }

    /** Starts the node; its log goes to {@code <logs>/<name>.log}. Wait for its readiness with {@link ChildJvm#awaitOk}. */
    public static ChildJvm start(String name, int port, ScratchDatabase database, Path data, Path logs) throws IOException {
        return ChildJvm.start(name, MotCuaApplication.class.getName(), List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"),
                List.of("--spring.profiles.active=demo",
                        "--motcua.demo-history.size=0", // only the dossiers of the test
                        "--server.port=" + port,
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + RequiresPostgres.USER,
                        "--spring.datasource.password=",
                        "--motcua.data-dir=" + data,
                        "--motcua.node-id=" + name,
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn",
                        "--logging.level.vn.motcua=info"), logs, false);
    }
}
