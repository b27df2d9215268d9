package vn.motcua.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.organisation.Role;
import vn.motcua.organisation.UserAccount;

@Repository
public class UserRepository {
    private static final String COLUMNS = "username, password_hash, full_name, email, unit_id, enabled, phone";
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public Optional<UserAccount> findByUsername(String username) {
        // Roles are read after the row, never inside its mapper: one connection per call, even outside a transaction
        var account = jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username)
                .query((rs, n) -> map(rs, Set.of(), Set.of())).optional();
        return account.map(a -> new UserAccount(a.username(), a.passwordHash(), a.fullName(), a.email(), a.unitId(),
                rolesOf(a.username()), a.enabled(), a.phone(), otherUnitsOf(a.username())));
    }

    public List<UserAccount> findAll() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select username, role from app_user_role").query(rs -> {
            roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        });
        Map<String, Set<Long>> others = new HashMap<>();
        jdbc.sql("select username, unit_id from app_user_unit").query(rs -> {
            others.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
        });
        return jdbc.sql("select " + COLUMNS + " from app_user order by username")
                .query((rs, n) -> map(rs, roles.getOrDefault(rs.getString("username"), Set.of()),
                        others.getOrDefault(rs.getString("username"), Set.of()))).list();
    }

    /** Enabled users holding {@code role}, other than {@code username}. */
    public int countEnabledWithRole(String role, String username) {
        return jdbc.sql("""
                        select count(*) from app_user u join app_user_role r on r.username = u.username
                        where u.enabled = true and r.role = ? and u.username <> ?""")
                .params(role, username).query(Integer.class).single();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Integer.class).single() > 0;
    }

    public void insert(UserAccount user) {
        jdbc.sql("insert into app_user (username, password_hash, full_name, email, unit_id, enabled, phone) values (?, ?, ?, ?, ?, ?, ?)")
                .params(user.username(), user.passwordHash(), user.fullName(), user.email(), user.unitId(), user.enabled(), user.phone())
                .update();
        insertRoles(user.username(), user.roles());
        insertOtherUnits(user.username(), user.otherUnitIds());
    }

    /** Changes everything but the password. */
    public void update(UserAccount user) {
        jdbc.sql("update app_user set full_name = ?, email = ?, phone = ?, unit_id = ?, enabled = ? where username = ?")
                .params(user.fullName(), user.email(), user.phone(), user.unitId(), user.enabled(), user.username()).update();
        jdbc.sql("delete from app_user_role where username = ?").param(user.username()).update();
        insertRoles(user.username(), user.roles());
        jdbc.sql("delete from app_user_unit where username = ?").param(user.username()).update();
        insertOtherUnits(user.username(), user.otherUnitIds());
    }

    public void updatePassword(String username, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where username = ?").params(passwordHash, username).update();
    }

    private void insertRoles(String username, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("insert into app_user_role (username, role) values (?, ?)").params(username, role.name()).update();
        }
    }

    private void insertOtherUnits(String username, Set<Long> units) {
        for (Long unit : units) {
            jdbc.sql("insert into app_user_unit (username, unit_id) values (?, ?)").params(username, unit).update();
        }
    }

    private Set<Long> otherUnitsOf(String username) {
        return new HashSet<>(jdbc.sql("select unit_id from app_user_unit where username = ?").param(username)
                .query(Long.class).list());
    }

    private Set<Role> rolesOf(String username) {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from app_user_role where username = ?").param(username)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    private static UserAccount map(ResultSet rs, Set<Role> roles, Set<Long> otherUnits) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        return new UserAccount(rs.getString("username"), rs.getString("password_hash"), rs.getString("full_name"),
                rs.getString("email"), unitId, roles, rs.getBoolean("enabled"), rs.getString("phone"), otherUnits);
    }
}
