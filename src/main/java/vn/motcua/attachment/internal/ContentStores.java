package vn.motcua.attachment.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The content store {@code motcua.storage.type} chooses: {@code local} (the default) keeps content under
 * {@code <motcua.data-dir>/attachments}, {@code s3} in the bucket {@code motcua.storage.s3.*} names. Either way staging
 * files and the files uploaded before their dossier exists are under the data directory.
 */
@Configuration(proxyBeanMethods = false)
class ContentStores {

    @Bean
    ContentStore contentStore(StorageSettings settings, @Value("${motcua.data-dir:./data}") String dataDir) throws IOException {
        var local = new LocalContentStore(Path.of(dataDir).resolve("attachments"));
        String type = settings.getType() == null ? "" : settings.getType().trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "local":
                return local;
            case "s3":
                var s3 = settings.getS3();
                if (s3.getBucket() == null || s3.getBucket().isBlank()) {
                    throw new IllegalStateException("motcua.storage.s3.bucket: required with motcua.storage.type=s3");
                }
                var store = new S3ContentStore(local, S3ContentStore.client(s3), s3.getBucket().trim(), s3.getPrefix());
                try {
                    store.checkBucket();
                } catch (RuntimeException e) {
                    store.close();
                    throw e;
                }
                return store;
            default:
                throw new IllegalStateException("motcua.storage.type: 'local' or 's3', not '" + settings.getType() + "'");
        }
    }
}
