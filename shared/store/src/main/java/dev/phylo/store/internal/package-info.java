/**
 * The implementation of {@link dev.phylo.store}; not an API. {@link dev.phylo.store.internal.NeonConfigSourceFactory}
 * (registered in {@code META-INF/services}) turns {@code NEON_DATABASE_URL} or {@code NEON_SECRET_ARN} into the Quarkus
 * reactive-datasource properties once at start-up; {@link dev.phylo.store.internal.SecretsManagerLookup} reads a secret
 * with the AWS SDK and {@link dev.phylo.store.internal.NeonSecret} maps its JSON to a
 * {@link dev.phylo.store.DatabaseUrl}; {@link dev.phylo.store.internal.DatabaseErrors} classifies failures by SQLSTATE
 * or I/O kind; {@link dev.phylo.store.internal.PercentCodec} and {@link dev.phylo.store.internal.UrlRedaction} encode
 * and mask URLs. It may use the public types of {@code dev.phylo.store}, SmallRye Config, the Vert.x PostgreSQL
 * client's exceptions, Jackson, the AWS SDK's Secrets Manager client and the JDK. Only {@code dev.phylo.store} should
 * use it.
 */
package dev.phylo.store.internal;
