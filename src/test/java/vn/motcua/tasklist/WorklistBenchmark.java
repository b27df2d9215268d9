package vn.motcua.tasklist;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.shared.TextSearch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: how fast the worklists answer over HTTP when one unit has 100,000 open dossiers, each with an
 * open step waiting for the unit's specialists, beside Camunda's own REST task query (candidate group, two process
 * variables, by due date) over the same steps, in the same run. Prints a table and writes
 * {@code target/benchmark-worklist.txt}.
 *
 * <p>Runs only when asked: {@code -Dmotcua.benchmark=true} (and {@code -Dtest=WorklistBenchmark}). It uses the
 * database {@code -Dmotcua.benchmark.url} (default {@code jdbc:postgresql://127.0.0.1:5432/motcua_wlbench}, created
 * when missing, user postgres; never the PostgreSQL tests' database, see {@link #DEFAULT_URL}) in a schema of its own,
 * {@code motcua_wlbench}, kept between runs. The data is written in bulk by SQL (the
 * engine would take hours to start 100,000 instances on a small machine): per dossier a {@code dossier} row (in the
 * demo ward 000.01.15.H33, mostly status 4, some 1, 5, 6 and 9), its {@code work_item}, and in the engine's runtime
 * tables a process instance of the deployed {@code birth-registration} waiting at its review step (execution, task,
 * candidate group link, the variables {@code unit} and {@code procedureProcess} as the lifecycle hands them down), so
 * that the engine's own queries see the same steps. It is loaded only when missing, then {@code VACUUM ANALYZE}d.
 *
 * <p>Switches: {@code -Dmotcua.benchmark.size} (default 100,000), {@code -Dmotcua.benchmark.calls} (measured calls per
 * request, default 50, after {@code -Dmotcua.benchmark.warmup}, default 10), {@code -Dmotcua.benchmark.plans=true}
 * (also prints the plans, {@code EXPLAIN (ANALYZE, BUFFERS)}, of the SQL each request ran),
 * {@code -Dmotcua.benchmark.drop=true} (drops the schema at the end).
 */
@EnabledIfSystemProperty(named = "motcua.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${motcua.benchmark.url:" + WorklistBenchmark.DEFAULT_URL + "}?currentSchema="
                + WorklistBenchmark.SCHEMA,
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "camunda.bpm.database.schema-name=" + WorklistBenchmark.SCHEMA,
        "camunda.bpm.database.table-prefix=" + WorklistBenchmark.SCHEMA + ".",
        "camunda.bpm.job-execution.enabled=false",
        "spring.flyway.schemas=" + WorklistBenchmark.SCHEMA,
        // the generated dossiers are not in the search index (the lists do not read it): no back-fill at start, which
        // would index them in the background during the measurement
        "motcua.attachment.search.backfill-on-start=false",
        "motcua.data-dir=target/benchmark-data-worklist"})
@ActiveProfiles({"demo", "test"})
class WorklistBenchmark {
    static final String SCHEMA = "motcua_wlbench";
    /**
     * A database of its own: Camunda looks for its tables in every schema of the database, so that a kept benchmark
     * schema in the tests' database ({@code motcua_test}) would make the engine of a later PostgreSQL test run skip
     * creating its tables in that run's schema.
     */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/motcua_wlbench";
    static final String WARD = "000.01.15.H33";
    static final String GROUP = "SPECIALIST_" + WARD;
    static final String PROCESS = "birth-registration";
    static final String STEP = "Task_ReviewDossier";
    /** Ids of the generated rows start so; nothing else writes such ids. */
    static final String PREFIX = "wlbench-";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired RepositoryService repository;
    @Autowired TaskService engineTasks;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired WorkItemReconciliation reconciliation;
    @Autowired DataSource dataSource;
    @Autowired vn.motcua.shared.DeltaCounters counters;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();

    @BeforeAll
    static void schema() throws SQLException {
        String database = url().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection c = DriverManager.getConnection(url().replaceAll("/[^/?]+(\\?.*)?$", "/postgres"), "postgres", "")) {
            var exists = c.prepareStatement("select 1 from pg_database where datname = ?");
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database \"" + database + "\" encoding 'UTF8' template template0");
            }
        }
        try (Connection c = DriverManager.getConnection(url(), "postgres", "")) {
            c.createStatement().execute("create schema if not exists " + SCHEMA);
        }
    }

    static String url() { return System.getProperty("motcua.benchmark.url", DEFAULT_URL); }

    @Test
    void worklistsOfAUnitWithAHundredThousandOpenDossiers() throws Exception {
        int size = Integer.getInteger("motcua.benchmark.size", 100_000);
        int calls = Integer.getInteger("motcua.benchmark.calls", 50);
        int warmup = Integer.getInteger("motcua.benchmark.warmup", 10);
        load(size);
        // what an earlier run's back-fill queued for the generated dossiers would be indexed during the measurement
        jdbc.update("delete from search_index_request where dossier_code in (select code from dossier where process_instance_id like '"
                + PREFIX + "%')");
        // the counters' tallies as a running node keeps them: the load's deltas folded (a round every 20 s does it)
        long folding = System.nanoTime();
        int folded = counters.fold();
        for (String tally : List.of("work_tally", "dossier_tally")) jdbc.execute("vacuum analyze " + tally);
        say("Counters' tallies: %,d delta rows folded in %d ms; %,d and %,d rows now", folded, (System.nanoTime() - folding) / 1_000_000,
                count("select count(*) from work_tally"), count("select count(*) from dossier_tally"));
        long groupSteps = count("select count(*) from work_item where candidate_group = ?", GROUP);
        say("Database: %s, schema %s; PostgreSQL %s; %d cores", url().replaceAll("\\?.*", ""), SCHEMA,
                jdbc.queryForObject("show server_version", String.class), Runtime.getRuntime().availableProcessors());
        say("Ward %s: %,d dossiers (%,d open), %,d open steps for %s (%,d waiting, clock running), %,d engine tasks, "
                        + "%,d engine variables", WARD, count("select count(*) from dossier d join org_unit u on u.id = d.unit_id where u.identifier = ?", WARD),
                count("select count(*) from dossier d join org_unit u on u.id = d.unit_id where u.identifier = ? and d.status in ("
                        + "1, 2, 4, 5, 6, 9)", WARD), groupSteps, GROUP,
                count("select count(*) from work_item where candidate_group = ? and assignee is null and not paused", GROUP),
                count("select count(*) from act_ru_task"), count("select count(*) from act_ru_variable"));

        // The engine reads the bulk-loaded rows as its own: its task query finds them, with their variables, and the
        // start-up reconciliation of the read model finds nothing to add or remove
        long engineCount = engineTasks.createTaskQuery().taskCandidateGroup(GROUP)
                .processVariableValueEquals("unit", WARD).processVariableValueEquals("procedureProcess", PROCESS).count();
        assertThat(engineCount).as("the engine's task query sees every generated step").isEqualTo(groupSteps);
        String someTask = engineTasks.createTaskQuery().taskCandidateGroup(GROUP).listPage(0, 1).get(0).getId();
        assertThat(engineTasks.getVariables(someTask)).containsEntry("unit", WARD).containsEntry("procedureProcess", PROCESS);
        assertThat(reconciliation.reconcile()).as("the read model and the engine hold the same steps").containsExactly(0, 0);

        var specialist = Session.signIn(port, "specialist");
        var clerk = Session.signIn(port, "clerk");
        var admin = Session.signIn(port, "admin");
        String filters = "candidateGroup=" + GROUP + "&processVariables=unit_eq_" + WARD + ",procedureProcess_eq_" + PROCESS;
        var requests = new LinkedHashMap<String, Request>();
        requests.put("tasks", new Request("GET /api/tasks, first page of 50 (specialist)", specialist, "/api/tasks?size=50"));
        requests.put("worklist-s", new Request("GET /api/worklist counters (specialist)", specialist, "/api/worklist"));
        requests.put("worklist-c", new Request("GET /api/worklist counters (clerk)", clerk, "/api/worklist"));
        requests.put("dossiers", new Request("GET /api/dossiers, first page of 50 (clerk)", clerk, "/api/dossiers?size=50"));
        // The HTTP floor: the same endpoint, session and JSON path over a list that is empty (the specialist holds no step)
        requests.put("floor", new Request("GET /api/tasks?tab=my-tasks, empty (specialist): the floor", specialist,
                "/api/tasks?size=50&tab=my-tasks"));
        requests.put("camunda", new Request("Camunda GET /engine-rest/task, 50 by due date (admin)", admin,
                "/engine-rest/task?" + filters + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50"));
        requests.put("camunda-count", new Request("Camunda GET /engine-rest/task/count (admin)", admin,
                "/engine-rest/task/count?" + filters));

        // Same steps, same order: the first page of each side
        JsonNode ours = json.readTree(specialist.get("/api/tasks?size=50").body());
        JsonNode theirs = json.readTree(admin.get(requests.get("camunda").path).body());
        List<String> ourIds = new ArrayList<>();
        ours.get("items").forEach(t -> ourIds.add(t.get("id").asText()));
        List<String> theirIds = new ArrayList<>();
        theirs.forEach(t -> theirIds.add(t.get("id").asText()));
        long theirTotal = json.readTree(admin.get(requests.get("camunda-count").path).body()).get("count").asLong();
        say("Same first page both ways: %s; totals: /api/tasks %,d, Camunda %,d", ourIds.equals(theirIds),
                ours.get("total").asLong(), theirTotal);
        assertThat(ourIds).as("the first page of /api/tasks is Camunda's first page").isEqualTo(theirIds);
        assertThat(ours.get("total").asLong()).isEqualTo(theirTotal);

        // Interleaved rounds, so that whatever else the machine does weighs on every request alike
        var times = new LinkedHashMap<String, long[]>();
        requests.keySet().forEach(k -> times.put(k, new long[calls]));
        for (int round = -warmup; round < calls; round++) {
            for (var e : requests.entrySet()) {
                long t = System.nanoTime();
                var answer = e.getValue().session.get(e.getValue().path);
                long took = System.nanoTime() - t;
                if (answer.statusCode() != 200) throw new AssertionError(e.getValue().label + " answered " + answer.statusCode());
                if (round >= 0) times.get(e.getKey())[round] = took;
            }
        }
        // For comparison only: the same first page with HTTP Basic (a BCrypt check on every call)
        long[] basic = new long[Math.min(calls, 20)];
        var basicClient = Session.basic(port, "specialist");
        for (int i = -2; i < basic.length; i++) {
            long t = System.nanoTime();
            basicClient.get("/api/tasks?size=50");
            if (i >= 0) basic[i] = System.nanoTime() - t;
        }

        say("");
        say("%d calls each after %d warm-up rounds, interleaved; browser session (signed in once), times in ms:", calls, warmup);
        say("%-58s %8s %8s %8s", "request", "p50", "p95", "max");
        for (var e : requests.entrySet()) {
            long[] t = times.get(e.getKey());
            say("%-58s %8.1f %8.1f %8.1f", e.getValue().label, ms(percentile(t, 50)), ms(percentile(t, 95)), ms(max(t)));
        }
        long[] camundaBoth = new long[calls];
        for (int i = 0; i < calls; i++) camundaBoth[i] = times.get("camunda")[i] + times.get("camunda-count")[i];
        say("%-58s %8.1f %8.1f %8.1f", "Camunda page + count (what /api/tasks answers in one call)", ms(percentile(camundaBoth, 50)),
                ms(percentile(camundaBoth, 95)), ms(max(camundaBoth)));
        say("%-58s %8.1f %8.1f %8.1f", "GET /api/tasks with HTTP Basic instead (" + basic.length + " calls)", ms(percentile(basic, 50)),
                ms(percentile(basic, 95)), ms(max(basic)));
        say("");
        long oursP95 = percentile(times.get("tasks"), 95);
        say("Ratio, p95 of Camunda's page / p95 of /api/tasks: %.0f x; page + count / /api/tasks: %.0f x (p50: %.0f x, %.0f x)",
                (double) percentile(times.get("camunda"), 95) / oursP95, (double) percentile(camundaBoth, 95) / oursP95,
                (double) percentile(times.get("camunda"), 50) / percentile(times.get("tasks"), 50),
                (double) percentile(camundaBoth, 50) / percentile(times.get("tasks"), 50));
        long worst = requests.keySet().stream().filter(k -> !k.startsWith("camunda") && !k.equals("floor"))
                .mapToLong(k -> percentile(times.get(k), 95)).max().orElseThrow();
        say("Target p95 <= 50 ms for every MotCua request: %s (worst p95 %.1f ms)", worst <= 50_000_000L ? "met" : "NOT met",
                ms(worst));
        say("Target >= 20 x faster than Camunda (p95): against its page alone %s (%.0f x), against its page + count %s (%.0f x)",
                percentile(times.get("camunda"), 95) >= 20 * oursP95 ? "met" : "NOT met",
                (double) percentile(times.get("camunda"), 95) / oursP95,
                percentile(camundaBoth, 95) >= 20 * oursP95 ? "met" : "NOT met", (double) percentile(camundaBoth, 95) / oursP95);

        if (Boolean.getBoolean("motcua.benchmark.plans")) {
            for (var e : requests.entrySet()) plans(e.getValue());
        }

        Path out = Path.of("target", "benchmark-worklist.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("motcua.benchmark.drop")) {
            try (Connection c = DriverManager.getConnection(url(), "postgres", "")) {
                c.createStatement().execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }

    // --- the data

    /** Writes the generated rows when they are not all there (after removing a partial set), in one transaction. */
    private void load(int size) {
        long present = count("select count(*) from work_item where task_id like '" + PREFIX + "t-%'");
        long engine = count("select count(*) from act_ru_task where id_ like '" + PREFIX + "t-%'");
        if (present == size && engine == size) return;
        String definition = jdbc.queryForObject("select id_ from act_re_procdef where key_ = ? order by version_ desc limit 1",
                String.class, PROCESS);
        UserTask step = repository.getBpmnModelInstance(definition).getModelElementById(STEP);
        String groupExpression = step.getCamundaCandidateGroups();
        assertThat(groupExpression).as("the step is offered to the unit's specialists").isEqualTo("SPECIALIST_${unit}");
        var procedure = catalogue.procedures().stream().filter(p -> p.processKey().equals(PROCESS)).findFirst().orElseThrow();
        long unitId = jdbc.queryForObject("select id from org_unit where identifier = ?", Long.class, WARD);
        // Local date-times of the engine's columns (timestamp without time zone) are the JVM's, as the engine writes them
        String engineZone = TimeZone.getDefault().getID();
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
        String[] middle = {"Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu", "Quốc"};
        String[] given = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Nam", "Phúc", "Tú", "Vy", "Yến"};
        String applicant = "(%s)[1 + n %% 12] || ' ' || (%s)[1 + (n / 12) %% 7] || ' ' || (%s)[1 + (n / 84) %% 13]"
                .formatted(array(family, false), array(middle, false), array(given, false));
        String folded = "(%s)[1 + n %% 12] || ' ' || (%s)[1 + (n / 12) %% 7] || ' ' || (%s)[1 + (n / 84) %% 13]"
                .formatted(array(family, true), array(middle, true), array(given, true));
        String searchTail = TextSearch.fold(String.join(" ", procedure.name().vi() + " " + procedure.name().en(),
                step.getName(), procedure.code()));
        long t = System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (String table : List.of("act_ru_identitylink where id_", "act_ru_variable where id_", "act_ru_task where id_",
                    "act_ru_execution where id_", "work_item where task_id")) {
                jdbc.update("delete from " + table + " like '" + PREFIX + "%'");
            }
            jdbc.update("delete from dossier where process_instance_id like '" + PREFIX + "%'");
            // n: the dossier; day: received so many days ago (codes stay unique: sequences from 5000 up, per day);
            // due: the step's deadline, a permutation of 12-second slots from 15 % of the range in the past
            jdbc.execute("""
                    create temporary table wlbench_seed on commit drop as
                    select n, '%1$s-' || to_char(day, 'YYMMDD') || '-' || (5000 + n / 60) as code,
                           case when n %% 25 = 0 then 1 when n %% 25 in (1, 2) then 5 when n %% 25 = 3 then 6
                                when n %% 25 in (4, 5) then 9 else 4 end as status,
                           (day + time '07:30' + (n %% 540) * interval '1 minute') at time zone 'Asia/Ho_Chi_Minh' as received,
                           now() + ((n::bigint * 7919) %% %2$d - %2$d * 15 / 100) * interval '12 seconds' as due,
                           %3$s as applicant, %4$s as folded,
                           case when n %% 3 = 0 then 'ONLINE' else 'IN_PERSON' end as channel
                    from (select n, (now() at time zone 'Asia/Ho_Chi_Minh')::date - (1 + n %% 60) as day
                          from generate_series(1, %2$d) n) g""".formatted(WARD, size, applicant, folded));
            jdbc.update("""
                    insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, parent_id_,
                      proc_def_id_, super_exec_, super_case_exec_, case_inst_id_, act_id_, act_inst_id_, is_active_,
                      is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_,
                      tenant_id_, proc_def_key_)
                    select ?||n, 1, ?||n, ?||n, code, null, ?, null, null, null, ?, ? || ':' || ? || n, true, false, true,
                      false, 1, ?, 3, null, ?
                    from wlbench_seed""", PREFIX + "pi-", PREFIX + "pi-", PREFIX + "pi-", definition, STEP, STEP,
                    PREFIX + "ai-", cachedState(), PROCESS);
            jdbc.update("""
                    insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
                      priority_, create_time_, due_date_, suspension_state_, task_state_)
                    select ?||n, 1, ?||n, ?||n, ?, ?, ?, 50, (received + interval '1 hour') at time zone ?,
                      due at time zone ?, 1, ?
                    from wlbench_seed""", PREFIX + "t-", PREFIX + "pi-", PREFIX + "pi-", definition, step.getName(), STEP,
                    engineZone, engineZone, "Created"); // TaskEntity.TaskState.STATE_CREATED, as the engine writes it
            jdbc.update("""
                    insert into act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_)
                    select ?||n, 1, ?, 'candidate', null, ?||n from wlbench_seed""", PREFIX + "il-", GROUP, PREFIX + "t-");
            for (String[] variable : List.of(new String[] {"unit", WARD, "vu-"}, new String[] {"procedureProcess", PROCESS, "vp-"})) {
                jdbc.update("""
                        insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_,
                          text_, var_scope_, sequence_counter_, is_concurrent_local_)
                        select ?||n, 1, 'string', ?, ?||n, ?||n, ?, ?, ?||n, 1, false from wlbench_seed""",
                        PREFIX + variable[2], variable[0], PREFIX + "pi-", PREFIX + "pi-", definition, variable[1], PREFIX + "pi-");
            }
            jdbc.update("""
                    insert into dossier (code, procedure_code, unit_id, channel, status, applicant_name, form_data,
                      received_at, due_at, accepted_at, clock_stopped_at, process_instance_id, current_step, created_by)
                    select code, ?, ?, channel, status, applicant, '{}', received, due + interval '2 days',
                      case when status <> 1 then received + interval '10 minutes' end,
                      case when status in (5, 6) then received + interval '2 hours' end, ?||n, ?, 'clerk'
                    from wlbench_seed""", procedure.code(), unitId, PREFIX + "pi-", step.getName());
            jdbc.update("""
                    insert into work_item (task_id, process_instance_id, dossier_code, step_key, name, form_key,
                      procedure_code, candidate_group, unit_identifier, assignee, created_at, due_at, follow_up_at,
                      returned_to, paused, dossier_status, applicant_name, received_at, channel, search_text)
                    select ?||n, ?||n, code, ?, ?, ?, ?, ?, ?, null, received + interval '1 hour', due, null, null,
                      status in (5, 6), status, applicant, received, channel, lower(code) || ' ' || folded || ' ' || ?
                    from wlbench_seed""", PREFIX + "t-", PREFIX + "pi-", STEP, step.getName(),
                    step.getCamundaFormRef(), procedure.code(), GROUP, WARD, searchTail);
        });
        say("Loaded %,d dossiers with their open steps (read model and engine runtime tables) in %d s", size,
                (System.nanoTime() - t) / 1_000_000_000);
        t = System.nanoTime();
        for (String table : List.of("dossier", "work_item", "act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_variable")) {
            jdbc.execute("vacuum analyze " + table);
        }
        say("VACUUM ANALYZE of the six tables in %d s", (System.nanoTime() - t) / 1_000_000_000);
    }

    /** The engine's cached entity state of an execution holding a task and variables. */
    private static int cachedState() {
        return (1 << (org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.TASKS_STATE_BIT - 1))
                | (1 << (org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.VARIABLES_STATE_BIT - 1));
    }

    private static String array(String[] values, boolean fold) {
        return Arrays.stream(values).map(v -> "'" + (fold ? TextSearch.fold(v) : v) + "'")
                .collect(Collectors.joining(", ", "array[", "]"));
    }

    // --- the plans

    /** Runs the request once recording its SQL, then prints EXPLAIN (ANALYZE, BUFFERS) of what read the lists. */
    private void plans(Request request) throws Exception {
        var recorded = SqlRecorder.record(() -> request.session.get(request.path));
        say("");
        say("Plans of %s:", request.label);
        for (var statement : recorded) {
            String lower = statement.sql.toLowerCase(Locale.ROOT);
            if (!lower.stripLeading().startsWith("select") || !(lower.contains("work_item") || lower.contains("dossier d")
                    || lower.contains("act_ru_task"))) continue;
            say("  SQL: %s", statement.sql.replaceAll("\\s+", " ").trim());
            try (Connection c = SqlRecorder.unwrapped(dataSource).getConnection()) {
                c.setReadOnly(true);
                try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + statement.sql)) {
                    for (var call : statement.parameters) call.method.invoke(ps, call.args);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) say("    %s", rs.getString(1));
                    }
                }
            }
        }
    }

    /** Records the statements prepared on the application's connections while switched on (one request at a time). */
    @TestConfiguration
    static class SqlRecorder {
        record Call(Method method, Object[] args) { }

        record Statement(String sql, List<Call> parameters) { }

        interface Action { void run() throws Exception; }

        private static volatile List<Statement> recording;

        static List<Statement> record(Action action) throws Exception {
            var statements = java.util.Collections.synchronizedList(new ArrayList<Statement>());
            recording = statements;
            try {
                action.run();
            } finally {
                recording = null;
            }
            return List.copyOf(statements);
        }

        static DataSource unwrapped(DataSource dataSource) {
            return Proxy.isProxyClass(dataSource.getClass()) && Proxy.getInvocationHandler(dataSource) instanceof Handler h
                    ? (DataSource) h.target : dataSource;
        }

        /** Wraps the data source only when plans are asked for; otherwise the application runs untouched. */
        @Bean
        static BeanPostProcessor sqlRecordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource) || !Boolean.getBoolean("motcua.benchmark.plans")) return bean;
                    return proxy(bean, DataSource.class);
                }
            };
        }

        private static Object proxy(Object target, Class<?> type) {
            return Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, new Handler(target));
        }

        private static final class Handler implements InvocationHandler {
            private final Object target;
            private Statement statement;

            Handler(Object target) { this.target = target; }

            @Override
            public Object invoke(Object p, Method method, Object[] args) throws Throwable {
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (result instanceof Connection && method.getName().equals("getConnection")) {
                    return proxy(result, Connection.class);
                }
                if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                        && args != null && args[0] instanceof String sql && recording != null) {
                    var h = new Handler(ps);
                    h.statement = new Statement(sql, new ArrayList<>());
                    recording.add(h.statement);
                    return Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
                }
                if (statement != null && method.getName().startsWith("set") && args != null && args.length >= 2
                        && args[0] instanceof Integer) {
                    statement.parameters.add(new Call(method, args.clone()));
                }
                return result;
            }
        }
    }

    // --- HTTP

    private record Request(String label, Session session, String path) { }

    /** One user's client: a browser session signed in through the login form, or HTTP Basic on every call. */
    private static final class Session {
        private final String base;
        private final HttpClient http;
        private final String authorization;

        private Session(int port, String authorization) {
            this.base = "http://localhost:" + port;
            this.authorization = authorization;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }

        static Session signIn(int port, String username) throws Exception {
            var session = new Session(port, null);
            Matcher token = CSRF_META.matcher(session.get("/login").body());
            if (!token.find()) throw new AssertionError("no CSRF token on the login page");
            String form = Map.of("username", username, "password", "demo", "_csrf", token.group(1)).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var answer = session.http.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", session.base)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (location.contains("error")) throw new AssertionError(username + " could not sign in: " + location);
            return session;
        }

        static Session basic(int port, String username) {
            return new Session(port, "Basic " + Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
        }

        HttpResponse<String> get(String path) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
            if (authorization != null) request.header("Authorization", authorization);
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    // --- figures

    /** Nearest-rank percentile. */
    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static long max(long[] values) { return Arrays.stream(values).max().orElse(0); }

    private static double ms(long nanos) { return nanos / 1_000_000.0; }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private void say(String format, Object... args) {
        String line = String.format(format, args);
        lines.add(line);
        System.out.println("[benchmark] " + line);
    }
}
