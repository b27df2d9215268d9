package vn.motcua.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table of who may call what (src/test/resources/security/access-table.txt): one row per REST endpoint sample,
 * Vaadin route, and Camunda resource group, with the expected answer for each kind of caller.
 */
record AccessTable(List<Row> rows) {
    static final String RESOURCE = "/security/access-table.txt";

    /** The callers of the columns, in order. */
    static final List<String> CALLERS = List.of("anon", "admin", "designer", "supervisor", "clerk", "specialist",
            "leader", "citizen", "clerk2", "citizen2", "tax");

    /** The kind of a row: an endpoint of the application's own REST API, a Vaadin route, or Camunda's. */
    enum Kind { REST, ROUTE, ENGINE_REST, CAMUNDA }

    /**
     * One row: {@code method} (GET, POST..., or ROUTE, ENGINE-REST, CAMUNDA), the discovered pattern, a sample path with
     * placeholders, a body and the expected answer per caller.
     */
    record Row(int line, Kind kind, String method, String pattern, String samplePath, String body, List<String> expected) {
        String key() { return kind == Kind.REST ? method + " " + pattern : pattern; }

        String expectedFor(String caller) { return expected.get(CALLERS.indexOf(caller)); }

        @Override
        public String toString() { return (kind == Kind.ROUTE ? "route /" : method + " ") + samplePath; }
    }

    static AccessTable read() {
        try (InputStream in = AccessTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] cells = line.split("\\s+");
                if (cells.length != 4 + CALLERS.size() && !(cells[0].equals("ROUTE") && cells.length == 3 + CALLERS.size())) {
                    throw new IllegalStateException(RESOURCE + " line " + (i + 1) + ": expected "
                            + (4 + CALLERS.size()) + " cells (" + (3 + CALLERS.size()) + " for a route), found " + cells.length);
                }
                Kind kind = switch (cells[0]) {
                    case "ROUTE" -> Kind.ROUTE;
                    case "ENGINE-REST" -> Kind.ENGINE_REST;
                    case "CAMUNDA" -> Kind.CAMUNDA;
                    default -> Kind.REST;
                };
                String body = kind == Kind.ROUTE ? "-" : cells[3];
                int first = kind == Kind.ROUTE ? 3 : 4;
                rows.add(new Row(i + 1, kind, cells[0], unquote(cells[1]), unquote(cells[2]), body,
                        List.copyOf(Arrays.asList(cells).subList(first, cells.length))));
            }
            return new AccessTable(List.copyOf(rows));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Row> of(Kind kind) { return rows.stream().filter(r -> r.kind() == kind).toList(); }

    /** The endpoints or routes the table has rows for, each once. */
    Set<String> keys(Kind kind) {
        Set<String> keys = new LinkedHashSet<>();
        of(kind).forEach(r -> keys.add(r.key()));
        return keys;
    }

    private static String unquote(String cell) { return cell.equals("\"\"") ? "" : cell; }
}
