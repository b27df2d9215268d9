package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;
import vn.motcua.attachment.internal.AttachmentSettings;
import vn.motcua.attachment.internal.StorageSettings;
import vn.motcua.monitoring.IndicatorSettings;

/**
 * Each setting has one name, and the environment variable the README (or docker-compose.yml) gives for it really
 * reaches the code, read the way the code reads it: through {@code @Value("${...}")} or a
 * {@code @ConfigurationProperties} class, with Spring Boot's own environment-variable mapping.
 */
class ConfigurationNamesTest {

    /** A value given to a variable, and how the code reads its setting from an environment. */
    private record Setting(String value, Function<StandardEnvironment, Object> read, Object expected) {
        static Setting byValue(String key) {
            String value = "value of " + key;
            return new Setting(value, env -> env.resolveRequiredPlaceholders("${" + key + "}"), value);
        }
    }

    /** Each documented variable, and the setting the code reads. */
    private static final Map<String, Setting> READ_BY_CODE = Map.ofEntries(
            Map.entry("MOTCUA_DATA_DIR", Setting.byValue("motcua.data-dir")),
            Map.entry("MOTCUA_ADMIN_USERNAME", Setting.byValue("motcua.admin.username")),
            Map.entry("MOTCUA_ADMIN_PASSWORD", Setting.byValue("motcua.admin.password")),
            Map.entry("MOTCUA_ATTACHMENT_SIGNATURES_TRUSTSTORE", new Setting("/etc/motcua/roots.p12",
                    env -> attachment(env).getSignatures().getTrustStore(), "/etc/motcua/roots.p12")),
            Map.entry("MOTCUA_ATTACHMENT_MAXSIZE",
                    new Setting("20MB", env -> attachment(env).getMaxSize(), DataSize.ofMegabytes(20))),
            Map.entry("MOTCUA_API_DOCS", Setting.byValue("motcua.api-docs")),
            Map.entry("MOTCUA_OIDC_IDENTITYCLAIM", Setting.byValue("motcua.oidc.identity-claim")),
            Map.entry("MOTCUA_OIDC_NAMECLAIM", Setting.byValue("motcua.oidc.name-claim")),
            Map.entry("MOTCUA_SIGNING_KEYDIR", Setting.byValue("motcua.signing.key-dir")),
            Map.entry("MOTCUA_SIGNING_KEYPASSWORD", Setting.byValue("motcua.signing.key-password")),
            Map.entry("MOTCUA_SIGNING_DEMOKEYS", Setting.byValue("motcua.signing.demo-keys")),
            Map.entry("MOTCUA_SIGNING_TSAURL", Setting.byValue("motcua.signing.tsa-url")),
            Map.entry("MOTCUA_SIGNING_TSATIMEOUT", Setting.byValue("motcua.signing.tsa-timeout")),
            Map.entry("MOTCUA_DESIGN_PUBLISHROLE", Setting.byValue("motcua.design.publish-role")),
            Map.entry("MOTCUA_DESIGN_POLLINTERVAL", Setting.byValue("motcua.design.poll-interval")),
            Map.entry("MOTCUA_SECURITY_LOGIN_ACCOUNT_MAXFAILURES", Setting.byValue("motcua.security.login.account.max-failures")),
            Map.entry("MOTCUA_SECURITY_LOGIN_WINDOW", Setting.byValue("motcua.security.login.window")),
            Map.entry("MOTCUA_SECURITY_LOGIN_VERIFIEDCREDENTIALS", Setting.byValue("motcua.security.login.verified-credentials")),
            Map.entry("MOTCUA_SECURITY_PASSWORD_MINLENGTH", Setting.byValue("motcua.security.password.min-length")),
            Map.entry("MOTCUA_PUBLICURL", Setting.byValue("motcua.public-url")),
            Map.entry("MOTCUA_FEEDBACK_ANSWERWORKINGDAYS", Setting.byValue("motcua.feedback.answer-working-days")),
            Map.entry("MOTCUA_FEEDBACK_MAXPERADDRESS", Setting.byValue("motcua.feedback.max-per-address")),
            Map.entry("MOTCUA_FEEDBACK_DEFAULTUNIT", Setting.byValue("motcua.feedback.default-unit")),
            Map.entry("MOTCUA_TRACKING_MAXFAILURESPERCODE", Setting.byValue("motcua.tracking.max-failures-per-code")),
            Map.entry("MOTCUA_TRACKING_MAXFAILURESPERADDRESS", Setting.byValue("motcua.tracking.max-failures-per-address")),
            Map.entry("MOTCUA_DOSSIER_RESUMESTOPPED", Setting.byValue("motcua.dossier.resume-stopped")),
            Map.entry("MOTCUA_INDICATORS_SCORINGFILE", new Setting("/etc/motcua/scoring-766.csv",
                    env -> Binder.get(env).bindOrCreate("motcua.indicators", IndicatorSettings.class).getScoringFile(),
                    "/etc/motcua/scoring-766.csv")),
            Map.entry("MOTCUA_HISTORY_TIMETOLIVEDAYS", Setting.byValue("motcua.history.time-to-live-days")),
            Map.entry("MOTCUA_NODEID", Setting.byValue("motcua.node-id")),
            Map.entry("MOTCUA_HISTORY_CLEANUPWINDOWSTART", Setting.byValue("motcua.history.cleanup-window-start")),
            Map.entry("MOTCUA_HISTORY_CLEANUPWINDOWEND", Setting.byValue("motcua.history.cleanup-window-end")),
            Map.entry("MOTCUA_PAYMENT_PROVIDER", Setting.byValue("motcua.payment.provider")),
            Map.entry("MOTCUA_PAYMENT_SANDBOX_SECRET", Setting.byValue("motcua.payment.sandbox.secret")),
            Map.entry("MOTCUA_PAYMENT_SANDBOX_CALLBACKURL", Setting.byValue("motcua.payment.sandbox.callback-url")),
            Map.entry("MOTCUA_PAYMENT_SANDBOX_CALLBACKDELAY", Setting.byValue("motcua.payment.sandbox.callback-delay")),
            Map.entry("MOTCUA_PAYMENT_SANDBOX_CALLBACKREPEAT", Setting.byValue("motcua.payment.sandbox.callback-repeat")),
            Map.entry("MOTCUA_PAYMENT_RECONCILIATIONHOUR", Setting.byValue("motcua.payment.reconciliation-hour")),
            Map.entry("MOTCUA_NOTIFICATIONS_ENABLED", Setting.byValue("motcua.notifications.enabled")),
            Map.entry("MOTCUA_NOTIFICATIONS_SMS_HTTP_URL", Setting.byValue("motcua.notifications.sms.http.url")),
            Map.entry("MOTCUA_NOTIFICATIONS_SMS_HTTP_BODY", Setting.byValue("motcua.notifications.sms.http.body")),
            Map.entry("MOTCUA_NOTIFICATIONS_SMS_HTTP_CONTENTTYPE", Setting.byValue("motcua.notifications.sms.http.content-type")),
            Map.entry("MOTCUA_NOTIFICATIONS_SMS_HTTP_AUTHORIZATION", Setting.byValue("motcua.notifications.sms.http.authorization")),
            Map.entry("MOTCUA_NOTIFICATIONS_SMS_HTTP_TIMEOUT", Setting.byValue("motcua.notifications.sms.http.timeout")),
            Map.entry("MOTCUA_NOTIFICATIONS_ZALO_HTTP_URL", Setting.byValue("motcua.notifications.zalo.http.url")),
            Map.entry("MOTCUA_NOTIFICATIONS_ZALO_HTTP_BODY", Setting.byValue("motcua.notifications.zalo.http.body")),
            Map.entry("MOTCUA_NOTIFICATIONS_ZALO_HTTP_CONTENTTYPE", Setting.byValue("motcua.notifications.zalo.http.content-type")),
            Map.entry("MOTCUA_NOTIFICATIONS_ZALO_HTTP_AUTHORIZATION", Setting.byValue("motcua.notifications.zalo.http.authorization")),
            Map.entry("MOTCUA_NOTIFICATIONS_ZALO_HTTP_TIMEOUT", Setting.byValue("motcua.notifications.zalo.http.timeout")),
            Map.entry("MOTCUA_NOTIFICATIONS_FROM", Setting.byValue("motcua.notifications.from")),
            Map.entry("MOTCUA_NOTIFICATIONS_MAXATTEMPTS", Setting.byValue("motcua.notifications.max-attempts")),
            Map.entry("MOTCUA_NOTIFICATIONS_BACKOFF", Setting.byValue("motcua.notifications.backoff")),
            Map.entry("MOTCUA_NOTIFICATIONS_POLLINTERVAL", Setting.byValue("motcua.notifications.poll-interval")),
            Map.entry("MOTCUA_NOTIFICATIONS_SMS_PROVIDER", Setting.byValue("motcua.notifications.sms.provider")),
            Map.entry("MOTCUA_NOTIFICATIONS_ZALO_PROVIDER", Setting.byValue("motcua.notifications.zalo.provider")),
            Map.entry("MOTCUA_ORGANISATION_MERGECHECKINTERVAL", Setting.byValue("motcua.organisation.merge-check-interval")),
            Map.entry("MOTCUA_WEBHOOKS_ENABLED", Setting.byValue("motcua.webhooks.enabled")),
            Map.entry("MOTCUA_WEBHOOKS_POLLINTERVAL", Setting.byValue("motcua.webhooks.poll-interval")),
            Map.entry("MOTCUA_WEBHOOKS_TIMEOUT", Setting.byValue("motcua.webhooks.timeout")),
            Map.entry("MOTCUA_WEBHOOKS_MAXATTEMPTS", Setting.byValue("motcua.webhooks.max-attempts")),
            Map.entry("MOTCUA_WEBHOOKS_BACKOFF", Setting.byValue("motcua.webhooks.backoff")),
            Map.entry("MOTCUA_WEBHOOKS_MAXBACKOFF", Setting.byValue("motcua.webhooks.max-backoff")),
            Map.entry("MOTCUA_WEBHOOKS_ALLOWPRIVATEADDRESSES", Setting.byValue("motcua.webhooks.allow-private-addresses")),
            Map.entry("MOTCUA_FEES_CONSTRUCTIONPERMIT", Setting.byValue("motcua.fees.construction-permit")),
            Map.entry("MOTCUA_FEES_LANDTRANSFERREGISTRATION", Setting.byValue("motcua.fees.land-transfer-registration")),
            Map.entry("MOTCUA_STORAGE_TYPE", new Setting("s3", env -> storage(env).getType(), "s3")),
            Map.entry("MOTCUA_STORAGE_S3_ENDPOINT", new Setting("http://storage:9000",
                    env -> storage(env).getS3().getEndpoint(), "http://storage:9000")),
            Map.entry("MOTCUA_STORAGE_S3_REGION", new Setting("ap-southeast-1",
                    env -> storage(env).getS3().getRegion(), "ap-southeast-1")),
            Map.entry("MOTCUA_STORAGE_S3_BUCKET", new Setting("motcua-attachments",
                    env -> storage(env).getS3().getBucket(), "motcua-attachments")),
            Map.entry("MOTCUA_STORAGE_S3_PREFIX", new Setting("an-giang/", env -> storage(env).getS3().getPrefix(), "an-giang/")),
            Map.entry("MOTCUA_STORAGE_S3_PATHSTYLEACCESS", new Setting("false",
                    env -> storage(env).getS3().isPathStyleAccess(), false)),
            Map.entry("MOTCUA_STORAGE_S3_ACCESSKEYID", new Setting("AKIAEXAMPLE",
                    env -> storage(env).getS3().getAccessKeyId(), "AKIAEXAMPLE")),
            Map.entry("MOTCUA_STORAGE_S3_SECRETACCESSKEY", new Setting("bi-mat",
                    env -> storage(env).getS3().getSecretAccessKey(), "bi-mat")));

    /**
     * docker-compose.yml's own variables: the database password it gives both containers, the object store's keys it
     * gives the store and the nodes; not MotCua settings.
     */
    private static final Set<String> COMPOSE_ONLY = Set.of("MOTCUA_DB_PASSWORD", "MOTCUA_S3_ACCESS_KEY", "MOTCUA_S3_SECRET_KEY");

    private static final Pattern VARIABLE = Pattern.compile("\\bMOTCUA_[A-Z0-9_]+\\b");

    @Test
    void eachDocumentedVariableReachesTheSettingTheCodeReads() {
        READ_BY_CODE.forEach((variable, setting) -> {
            StandardEnvironment environment = environmentWith(Map.of(variable, setting.value()));
            assertThat(setting.read().apply(environment)).as(variable).isEqualTo(setting.expected());
        });
    }

    @Test
    void everyVariableTheDocumentationNamesIsChecked() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (Path file : new Path[] {Path.of("README.md"), Path.of("docker-compose.yml")}) {
            Matcher m = VARIABLE.matcher(Files.readString(file));
            while (m.find()) {
                documented.add(m.group());
            }
        }
        documented.removeAll(COMPOSE_ONLY);
        assertThat(documented).isNotEmpty();
        assertThat(READ_BY_CODE.keySet()).containsAll(documented);
    }

    private static StorageSettings storage(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("motcua.storage", StorageSettings.class);
    }

    private static AttachmentSettings attachment(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("motcua.attachment", AttachmentSettings.class);
    }

    /** An environment whose operating-system variables are these, mapped as a Spring Boot application maps them. */
    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        environment.getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, variables));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
