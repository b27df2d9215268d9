package vn.motcua.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.organisation.Unit;
import vn.motcua.organisation.UnitLevel;

@Repository
public class UnitRepository {
    private static final String COLUMNS = "id, identifier, name, name_en, unit_level, parent_id, tree_path, active";
    private final JdbcClient jdbc;

    public UnitRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public List<Unit> findAll() {
        return jdbc.sql("select " + COLUMNS + " from org_unit order by tree_path").query(UnitRepository::map).list();
    }

    public Optional<Unit> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where id = ?").param(id).query(UnitRepository::map).optional();
    }

    public Optional<Unit> findByIdentifier(String identifier) {
        return jdbc.sql("select " + COLUMNS + " from org_unit where identifier = ?").param(identifier)
                .query(UnitRepository::map).optional();
    }

    public Unit insert(String identifier, String name, String nameEn, UnitLevel level, Unit parent) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (identifier, name, name_en, unit_level, parent_id, tree_path, active) values (?, ?, ?, ?, ?, ?, true)")
                .params(identifier, name, nameEn, level.name(), parent == null ? null : parent.id(), "/")
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String path = (parent == null ? "/" : parent.treePath()) + id + "/";
        jdbc.sql("update org_unit set tree_path = ? where id = ?").params(path, id).update();
        return findById(id).orElseThrow();
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new Unit(rs.getLong("id"), rs.getString("identifier"), rs.getString("name"), rs.getString("name_en"),
                UnitLevel.valueOf(rs.getString("unit_level")), rs.wasNull() ? null : parent,
                rs.getString("tree_path"), rs.getBoolean("active"));
    }
}
