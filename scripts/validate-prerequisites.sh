#!/usr/bin/env bash
# Checks what scripts/deploy.sh needs: tools (Java 17+, Maven, SAM CLI, AWS CLI, Docker or GraalVM for native images),
# the AWS identity, and Neon: reachable with verify-full TLS, and whether TimescaleDB is available.
# Each failed check prints its fix. Exits 1 if a required check failed.
#
#   NEON_DATABASE_URL=postgresql://user:password@host/db scripts/validate-prerequisites.sh [--region REGION]
set -euo pipefail

region_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --region) region_args=(--region "${2:?--region needs a region}"); shift 2 ;;
    -h|--help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "validate-prerequisites: unknown option '$1'" >&2; exit 2 ;;
  esac
done

failed=0
ok() { printf '  ok    %s\n' "$*"; }
note() { printf '  note  %s\n' "$*"; }
fail() {
  local what="$1"; shift
  printf '  FAIL  %s\n' "$what"
  printf '        fix: %s\n' "$@"
  failed=$((failed + 1))
}
have() { command -v "$1" >/dev/null 2>&1; }

echo "tools"
if have java; then
  version="$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  major="${version%%.*}"
  if [[ "$major" == 1 ]]; then
    major="$(echo "$version" | cut -d. -f2)"
  fi
  if [[ "$major" =~ ^[0-9]+$ && "$major" -ge 17 ]]; then
    ok "java $version"
  else
    fail "java $version is older than 17" "install a JDK 17 or newer (e.g. Temurin 17/21) and put it first on PATH"
  fi
else
  fail "java not found" "install a JDK 17 or newer (e.g. Temurin 17/21) and put it on PATH"
fi

if have mvn; then
  ok "$(mvn -v 2>/dev/null | head -1)"
else
  fail "mvn not found" "install Apache Maven 3.8+ (https://maven.apache.org/install.html)"
fi

if have sam; then
  ok "$(sam --version 2>/dev/null)"
else
  fail "sam (AWS SAM CLI) not found" \
    "install it: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html"
fi

aws_ok=false
if have aws; then
  ok "$(aws --version 2>&1 | head -1)"
  aws_ok=true
else
  fail "aws (AWS CLI v2) not found" \
    "install it: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
fi

if have native-image; then
  ok "GraalVM native-image found: native packaging builds locally"
elif have docker && docker info >/dev/null 2>&1; then
  ok "Docker is running: native packaging builds in a container (quarkus.native.container-build)"
elif have docker; then
  note "docker is installed but not running (docker info failed): start the Docker daemon for native images;" \
    "until then scripts/deploy.sh uses JVM packaging (java21)"
else
  note "neither Docker nor GraalVM native-image found: scripts/deploy.sh will use JVM packaging (java21)." \
    "For native images (faster cold starts) install Docker or GraalVM."
fi

echo "AWS"
if [[ "$aws_ok" == true ]]; then
  if identity="$(aws sts get-caller-identity "${region_args[@]}" --query '[Account, Arn]' --output text 2>&1)"; then
    ok "identity: $(echo "$identity" | tr '\t' ' ')"
  else
    fail "aws sts get-caller-identity failed: $(echo "$identity" | head -1)" \
      "configure credentials (aws configure, aws sso login --profile NAME and export AWS_PROFILE=NAME, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)"
  fi
  region="$(aws configure get region 2>/dev/null || true)"
  if [[ ${#region_args[@]} -gt 0 || -n "${AWS_REGION:-}${AWS_DEFAULT_REGION:-}${region}" ]]; then
    ok "region: ${region_args[1]:-${AWS_REGION:-${AWS_DEFAULT_REGION:-$region}}}"
  else
    fail "no AWS region configured" "export AWS_REGION=eu-west-1 (or aws configure set region REGION)"
  fi
else
  fail "AWS identity not checked (no aws CLI)" "install the AWS CLI v2, then re-run this script"
fi

echo "Neon"
if [[ -z "${NEON_DATABASE_URL:-}" ]]; then
  if [[ -n "${NEON_SECRET_ARN:-}" ]]; then
    note "NEON_SECRET_ARN is set; set NEON_DATABASE_URL too to check reachability and TimescaleDB from here"
  else
    fail "neither NEON_DATABASE_URL nor NEON_SECRET_ARN is set" \
      "export NEON_DATABASE_URL=postgresql://USER:PASSWORD@ep-...-pooler.REGION.aws.neon.tech/DB (from the Neon console), or NEON_SECRET_ARN=arn:aws:secretsmanager:..."
  fi
elif ! have psql; then
  fail "psql not found, so Neon cannot be checked" \
    "install the PostgreSQL client (apt-get install postgresql-client, brew install libpq) and re-run"
else
  # verify-full: the certificate must chain to a trusted root (ISRG Root X1 for Neon) and name the host.
  # The URL may carry its own sslmode; the environment variables win only when it does not, so strip it.
  url="$(echo "$NEON_DATABASE_URL" | sed -E 's/([?&])sslmode=[^&]*&?/\1/; s/[?&]$//')"
  export PGSSLMODE=verify-full PGCONNECT_TIMEOUT=15
  if [[ -z "${PGSSLROOTCERT:-}" ]]; then
    # sslrootcert=system (the OS trust store) needs libpq 16+; older clients get the system bundle's path
    libpq_major="$(psql --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')"
    bundle=""
    for candidate in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt /etc/ssl/cert.pem; do
      if [[ -f "$candidate" ]]; then bundle="$candidate"; break; fi
    done
    if [[ "$libpq_major" -ge 16 || -z "$bundle" ]]; then
      export PGSSLROOTCERT=system
    else
      export PGSSLROOTCERT="$bundle"
    fi
  fi
  host="$(echo "$url" | sed -E 's#^[a-z]+://([^@/]*@)?([^:/?]+).*#\2#')"
  if out="$(psql "$url" -X -A -t -v ON_ERROR_STOP=1 -c 'select version()' 2>&1)"; then
    ok "connected to $host with sslmode=verify-full: $(echo "$out" | head -1 | cut -c1-60)"
    if ext="$(psql "$url" -X -A -t -c \
      "select coalesce(default_version, '') || ' ' || coalesce(installed_version, '(not installed)') from pg_available_extensions where name = 'timescaledb'" 2>&1)"; then
      if [[ -n "$ext" ]]; then
        ok "TimescaleDB available: version/installed $ext (hypertables are used)"
      else
        note "TimescaleDB is not available on this database: the migration creates plain tables with BRIN indexes" \
          "(fine; to use it, pick a Neon project on a Postgres version that lists timescaledb)"
      fi
    else
      fail "could not query pg_available_extensions: $(echo "$ext" | head -1)" "check the user's permissions"
    fi
  else
    reason="$(echo "$out" | grep -v '^$' | head -1)"
    case "$out" in
      *"root certificate file \"system\" does not exist"*|*"sslrootcert"*)
        fail "Neon TLS check: $reason" \
          "use libpq 16+ (sslrootcert=system), or export PGSSLROOTCERT=/etc/ssl/certs/ca-certificates.crt" ;;
      *"endpoint ID is not specified"*)
        fail "Neon: $reason" \
          "your client sends no SNI; add options=endpoint%3D<endpoint-id> to the URL, or upgrade libpq" ;;
      *"password authentication failed"*)
        fail "Neon: $reason" "check the user and password in NEON_DATABASE_URL (Neon console > Connection details)" ;;
      *"certificate verify failed"*|*"does not match host name"*)
        fail "Neon TLS verify-full failed: $reason" \
          "connect with the host name Neon gives you (…neon.tech), and make sure the system trusts ISRG Root X1" ;;
      *)
        fail "cannot reach Neon at $host: $reason" \
          "check the host in NEON_DATABASE_URL, that the project is not suspended/deleted, and outbound TCP 5432" ;;
    esac
  fi
fi

echo
if [[ "$failed" -gt 0 ]]; then
  echo "$failed required check(s) failed; fix them and re-run scripts/validate-prerequisites.sh"
  exit 1
fi
echo "all required checks passed; next: scripts/deploy.sh"
