/**
 * The implementation of {@link dev.phylo.postgres}; not an API. {@link dev.phylo.postgres.internal.ClusterFiles} writes
 * what an embedded cluster needs besides initdb's output (superuser password file, a loopback-only {@code pg_hba.conf},
 * the TLS key pair), and {@link dev.phylo.postgres.internal.TestCertificates} makes a throw-away certificate authority
 * and a {@code localhost} server certificate with the JDK's own {@code keytool}, so no third-party crypto library is
 * needed. It uses the JDK and {@code EmbeddedDatabaseException}. Only {@code dev.phylo.postgres} should use it.
 */
package dev.phylo.postgres.internal;
