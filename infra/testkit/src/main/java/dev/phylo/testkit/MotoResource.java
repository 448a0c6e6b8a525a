package dev.phylo.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest}'s AWS clients at the JVM-wide {@link MotoServer}:
 * {@code @QuarkusTestResource(value = MotoResource.class, restrictToAnnotatedClass = false)}.
 *
 * <p>Sets exactly two keys, the ones every Phylo function's AWS clients read: {@value #ENDPOINT_KEY} (endpoint
 * override; unset in production, where the SDK's default endpoints apply) and {@value #REGION_KEY}. It sets no
 * credentials: moto accepts any, but the SDK's default chain still needs some, so a test JVM must have e.g.
 * {@code AWS_ACCESS_KEY_ID=testing} and {@code AWS_SECRET_ACCESS_KEY=testing} in its environment (or the function's
 * client must use static dummy credentials when an endpoint override is set). Moto stays up after {@link #stop()}.
 */
public final class MotoResource implements QuarkusTestResourceLifecycleManager {

    public static final String ENDPOINT_KEY = "phylo.aws.endpoint";
    public static final String REGION_KEY = "phylo.aws.region";

    @Override
    public Map<String, String> start() {
        return Map.of(ENDPOINT_KEY, MotoServer.url(), REGION_KEY, MotoServer.REGION.id());
    }

    @Override
    public void stop() {
        // the JVM-wide moto server outlives each test class; it stops at JVM exit
    }
}
