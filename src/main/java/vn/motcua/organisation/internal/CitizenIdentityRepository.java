package vn.motcua.organisation.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The verified identities of citizens who sign in with an e-identity provider ({@code citizen_identity}). */
@Repository
public class CitizenIdentityRepository {
    private final JdbcClient jdbc;

    CitizenIdentityRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** One verified identity. */
    public record Row(String username, String identityNumber, String fullName, String issuer, String subject,
                      Instant verifiedAt) { }

    private static final String COLUMNS = "username, identity_number, full_name, issuer, subject, verified_at";

    public Optional<Row> byNumber(String identityNumber) {
        return jdbc.sql("select " + COLUMNS + " from citizen_identity where identity_number = ?").param(identityNumber)
                .query((rs, n) -> row(rs)).optional();
    }

    public Optional<Row> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from citizen_identity where username = ?").param(username)
                .query((rs, n) -> row(rs)).optional();
    }

    public void insert(Row row) {
        jdbc.sql("insert into citizen_identity (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
                .params(row.username(), row.identityNumber(), row.fullName(), row.issuer(), row.subject(),
                        row.verifiedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The provider vouched again: its latest name, issuer, subject and time. */
    public void verifiedAgain(Row row) {
        jdbc.sql("update citizen_identity set full_name = ?, issuer = ?, subject = ?, verified_at = ? where username = ?")
                .params(row.fullName(), row.issuer(), row.subject(), row.verifiedAt().atOffset(ZoneOffset.UTC), row.username())
                .update();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        var at = rs.getObject("verified_at", OffsetDateTime.class);
        return new Row(rs.getString("username"), rs.getString("identity_number"), rs.getString("full_name"),
                rs.getString("issuer"), rs.getString("subject"), at == null ? null : at.toInstant());
    }
}
