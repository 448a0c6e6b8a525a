package dev.phylo.store.internal;

import dev.phylo.store.NeonSettings;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code NEON_DATABASE_URL} (property {@code neon.database.url}) or {@code NEON_SECRET_ARN}
 * ({@code neon.secret.arn}) into the Quarkus reactive-datasource properties at start-up, and into
 * {@value NeonSettings#JDBC_URL_PROPERTY} for the migrate step: the URL is parsed here, once, for the whole process.
 *
 * <p>Ordinal 275: above {@code application.properties} (250), below environment variables (300) and system
 * properties (400), so any {@code QUARKUS_DATASOURCE_*} variable still wins. With neither set, no source is added and
 * the datasource keeps whatever {@code application.properties} says.
 */
public final class NeonConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        int poolSize = intValue(context, "phylo.db.pool-size").orElse(NeonSettings.DEFAULT_POOL_SIZE);
        String url = value(context, "neon.database.url");
        String secretArn = value(context, "neon.secret.arn");
        NeonSettings settings;
        if (url != null) {
            settings = NeonSettings.fromUrl(url, poolSize);
        } else if (secretArn != null) {
            settings = NeonSettings.fromSecret(
                    secretArn, value(context, "phylo.aws.endpoint"), value(context, "phylo.aws.region"), poolSize);
        } else {
            return List.of();
        }
        settings = settings.withPooler(value(context, "phylo.db.pooler"));
        return List.of(new PropertiesConfigSource(settings.quarkusProperties(), "phylo-neon " + settings, ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank()
                ? null
                : v.getValue().trim();
    }

    private static OptionalInt intValue(ConfigSourceContext context, String name) {
        String v = value(context, name);
        if (v == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer: '" + v + "'", e);
        }
    }
}
