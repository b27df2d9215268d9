package vn.motcua.organisation.internal;

import java.util.EnumSet;
import java.util.HashMap;
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
    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    public Optional<UserAccount> findByUsername(String username) {
        // Roles are read after the row, never inside its mapper: one connection per call, even outside a transaction
        var account = jdbc.sql("select username, password_hash, full_name, email, unit_id, enabled from app_user where username = ?")
                .param(username)
                .query((rs, n) -> {
                    long unit = rs.getLong("unit_id");
                    Long unitId = rs.wasNull() ? null : unit;
                    return new UserAccount(rs.getString("username"), rs.getString("password_hash"), rs.getString("full_name"),
                            rs.getString("email"), unitId, Set.of(), rs.getBoolean("enabled"));
                }).optional();
        return account.map(a -> new UserAccount(a.username(), a.passwordHash(), a.fullName(), a.email(), a.unitId(),
                rolesOf(a.username()), a.enabled()));
    }

    public List<UserAccount> findAll() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select username, role from app_user_role").query(rs -> {
            roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        });
        return jdbc.sql("select username, password_hash, full_name, email, unit_id, enabled from app_user order by username")
                .query((rs, n) -> {
                    long unit = rs.getLong("unit_id");
                    Long unitId = rs.wasNull() ? null : unit;
                    String username = rs.getString("username");
                    return new UserAccount(username, rs.getString("password_hash"), rs.getString("full_name"),
                            rs.getString("email"), unitId, roles.getOrDefault(username, Set.of()), rs.getBoolean("enabled"));
                }).list();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Integer.class).single() > 0;
    }

    public void insert(UserAccount user) {
        jdbc.sql("insert into app_user (username, password_hash, full_name, email, unit_id, enabled) values (?, ?, ?, ?, ?, ?)")
                .params(user.username(), user.passwordHash(), user.fullName(), user.email(), user.unitId(), user.enabled())
                .update();
        for (Role role : user.roles()) {
            jdbc.sql("insert into app_user_role (username, role) values (?, ?)").params(user.username(), role.name()).update();
        }
    }

    private Set<Role> rolesOf(String username) {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from app_user_role where username = ?").param(username)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }
}
