#!/usr/bin/env bash
# Checks what scripts/deploy.sh needs: tools (Java 17+, Maven, SAM CLI, AWS CLI, Docker or GraalVM for native images),
# the AWS identity, the account's Lambda concurrency quota against what the stack reserves, and Neon: reachable with
# verify-full TLS, and whether TimescaleDB is available. Each failed check prints its fix. Exits 1 if a required
# check failed.
#
#   NEON_DATABASE_URL=postgresql://user:password@host/db scripts/validate-prerequisites.sh [--region REGION]
#                                                         [--parameter KEY=VALUE]...
#
# --parameter takes the template parameters you deploy with (scripts/deploy.sh --parameter ...); the concurrency
# check reads ReserveConcurrency and EvaluateMaxConcurrency. The database password reaches psql through a mode-600
# PGPASSFILE, never its command line. Works with bash 3.2 (macOS) and newer.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Arrays that may be empty are expanded as ${a[@]+"${a[@]}"}: bash before 4.4 treats "${a[@]}" of an empty array as
# an unbound variable under set -u.
region_args=()
reserve_concurrency=true
evaluate_max_concurrency=0
temp_files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --region) region_args=(--region "${2:?--region needs a region}"); shift 2 ;;
    --parameter|--parameter=*)
      if [[ "$1" == --parameter ]]; then parameter="${2:?--parameter needs KEY=VALUE}"; shift 2
      else parameter="${1#*=}"; shift; fi
      case "$parameter" in
        ReserveConcurrency=true|ReserveConcurrency=false) reserve_concurrency="${parameter#*=}" ;;
        ReserveConcurrency=*)
          echo "validate-prerequisites: ReserveConcurrency must be true or false, not '${parameter#*=}'" >&2; exit 2 ;;
        EvaluateMaxConcurrency=*)
          evaluate_max_concurrency="${parameter#*=}"
          if ! [[ "$evaluate_max_concurrency" =~ ^[0-9]+$ ]]; then
            echo "validate-prerequisites: EvaluateMaxConcurrency must be a whole number, not '$evaluate_max_concurrency'" >&2
            exit 2
          fi
          evaluate_max_concurrency=$((10#$evaluate_max_concurrency)) ;;
        [A-Za-z]*=*) ;;
        *) echo "validate-prerequisites: --parameter '$parameter' is not KEY=VALUE" >&2; exit 2 ;;
      esac ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "validate-prerequisites: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

cleanup() {
  local f
  for f in ${temp_files[@]+"${temp_files[@]}"}; do
    rm -f "$f"
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

# Sets $decoded to $1 percent-decoded; returns 1 on a bad escape or a control character.
percent_decode() {
  local s="$1" c hex octal
  decoded=""
  while [[ -n "$s" ]]; do
    c="${s:0:1}"
    if [[ "$c" == "%" ]]; then
      hex="${s:1:2}"
      case "$hex" in
        [0-9A-Fa-f][0-9A-Fa-f]) ;;
        *) return 1 ;;
      esac
      case "$hex" in
        [01]?|7[Ff]) return 1 ;;
      esac
      printf -v octal '%03o' "0x$hex"
      printf -v c "\\$octal"
      s="${s:3}"
    else
      s="${s:1}"
    fi
    decoded="$decoded$c"
  done
  case "$decoded" in
    *[[:cntrl:]]*) return 1 ;;
  esac
  return 0
}

# Prints $1 escaped for a .pgpass field (backslash and colon get a backslash).
passfile_escape() {
  local s="$1" out="" c
  while [[ -n "$s" ]]; do
    c="${s:0:1}"
    s="${s:1}"
    case "$c" in
      '\'|':') out="$out\\$c" ;;
      *) out="$out$c" ;;
    esac
  done
  printf '%s' "$out"
}

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
identity_ok=false
if [[ "$aws_ok" == true ]]; then
  if identity="$(aws sts get-caller-identity ${region_args[@]+"${region_args[@]}"} --query '[Account, Arn]' \
    --output text 2>&1)"; then
    ok "identity: $(echo "$identity" | tr '\t' ' ')"
    identity_ok=true
  else
    fail "aws sts get-caller-identity failed: $(echo "$identity" | head -1)" \
      "configure credentials (aws configure, aws sso login --profile NAME and export AWS_PROFILE=NAME, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)"
  fi
  region="$(aws configure get region 2>/dev/null || true)"
  region="${region_args[1]:-${AWS_REGION:-${AWS_DEFAULT_REGION:-$region}}}"
  if [[ -n "$region" ]]; then
    ok "region: $region"
  else
    fail "no AWS region configured" "export AWS_REGION=eu-west-1 (or aws configure set region REGION)"
  fi
else
  fail "AWS identity not checked (no aws CLI)" "install the AWS CLI v2, then re-run this script"
fi

# Lambda refuses reserved concurrency that would leave fewer than 100 unreserved executions in the account, so stack
# creation fails on an account whose quota is below the stack's reservations + 100 (new accounts often have 10).
# The reservations are the literal ReservedConcurrentExecutions in the template (N, or the N of !If [Condition, N,
# ...]), which ReserveConcurrency=false drops, plus EvaluateMaxConcurrency when it caps evaluate.
echo "Lambda concurrency"
template="$root/sam/template.yaml"
reserved=0
if [[ "$reserve_concurrency" == true ]]; then
  reserved="$(awk '
    /^[[:space:]]*ReservedConcurrentExecutions:/ {
      v = $0
      sub(/[[:space:]]#.*$/, "", v)
      sub(/^[^:]*:[[:space:]]*/, "", v)
      if (v ~ /^[0-9]+[[:space:]]*$/) {
        total += v + 0
      } else if (v ~ /^!If[[:space:]]*\[[^,]*,[[:space:]]*[0-9]+[[:space:]]*,/) {
        sub(/^!If[[:space:]]*\[[^,]*,[[:space:]]*/, "", v)
        total += v + 0
      }
    }
    END { print total + 0 }' "$template")"
fi
reserved=$((reserved + evaluate_max_concurrency))
needed=$((reserved + 100))
if [[ "$identity_ok" != true ]]; then
  fail "account concurrency not checked (no working AWS identity)" "fix the AWS checks above, then re-run this script"
elif settings="$(aws lambda get-account-settings ${region_args[@]+"${region_args[@]}"} \
  --query '[AccountLimit.ConcurrentExecutions, AccountLimit.UnreservedConcurrentExecutions]' --output text 2>&1)"; then
  limit="$(printf '%s\n' "$settings" | head -1 | cut -f1)"
  unreserved="$(printf '%s\n' "$settings" | head -1 | cut -f2)"
  if ! [[ "$limit" =~ ^[0-9]+$ ]]; then
    fail "aws lambda get-account-settings gave '$(echo "$settings" | head -1)', not the account's concurrency limit" \
      "run 'aws lambda get-account-settings${region:+ --region $region}' and check AccountLimit.ConcurrentExecutions"
  elif [[ "$reserved" -eq 0 ]]; then
    ok "account concurrency limit $limit${region:+ in $region}; the stack reserves none (ReserveConcurrency=false," \
      "EvaluateMaxConcurrency=0)"
  elif [[ "$limit" -lt "$needed" ]]; then
    fixes=("request a quota increase to $needed (AWS Support approves it, often within a day): aws service-quotas request-service-quota-increase --service-code lambda --quota-code L-B99A9384 --desired-value $needed${region:+ --region $region}")
    if [[ "$reserve_concurrency" == true ]]; then
      fixes+=("or deploy without the database-facing functions' reservations (their Neon connections are then bounded by the state machine's fan-out, not by a reservation): scripts/deploy.sh --parameter ReserveConcurrency=false, and check it with scripts/validate-prerequisites.sh --parameter ReserveConcurrency=false")
    fi
    if [[ "$evaluate_max_concurrency" -gt 0 ]]; then
      fixes+=("or lower EvaluateMaxConcurrency (now $evaluate_max_concurrency; 0 reserves nothing for evaluate)")
    fi
    fail "account concurrency limit is $limit${region:+ in $region}, but the stack reserves $reserved and Lambda keeps 100 unreserved: it needs $needed" \
      "${fixes[@]}"
  else
    ok "account concurrency limit $limit${region:+ in $region} >= $needed ($reserved reserved by the stack + 100 Lambda keeps unreserved)"
    if [[ "$unreserved" =~ ^[0-9]+$ && "$unreserved" -lt "$limit" ]]; then
      note "functions in this account already reserve $((limit - unreserved)) (this stack's own, if it is deployed, included);" \
        "the deploy fails if the stack's $reserved would leave fewer than 100 unreserved"
    fi
  fi
else
  fail "aws lambda get-account-settings failed: $(echo "$settings" | head -1)" \
    "allow lambda:GetAccountSettings for this identity, and check the region"
fi

# Connects to the database in URL variable $1 with psql over verify-full TLS and reports the server version and
# TimescaleDB. The password goes to libpq through a mode-600 PGPASSFILE (deleted on exit); psql gets the URL without
# it, so that ps never shows it. The user-info ends at the first @ before the first /, as libpq reads it.
check_database() {
  local var="$1" url host scheme rest userinfo passfile="" out ext reason
  # verify-full: the certificate must chain to a trusted root (ISRG Root X1 for Neon) and name the host.
  # The URL may carry its own sslmode; the environment variables win only when it does not, so strip it.
  url="$(echo "${!var}" | sed -E 's/([?&])sslmode=[^&]*&?/\1/; s/[?&]$//')"
  host="$(echo "$url" | sed -E 's#^[a-z]+://([^@/]*@)?([^:/?]+).*#\2#')"
  scheme="${url%%://*}"
  rest="${url#*://}"
  userinfo="${rest%%[@/]*}"
  if [[ "$rest" == *[?\&]password=* ]]; then
    fail "$var carries password= as a query parameter, which would put it on psql's command line" \
      "put the password in the user-info part instead: postgresql://USER:PASSWORD@HOST/DB"
    return
  fi
  if [[ "${rest:${#userinfo}:1}" == "@" && "$userinfo" == *:* ]]; then
    if ! percent_decode "${userinfo#*:}"; then
      fail "$var: bad percent-encoding or a control character in the password" \
        "percent-encode reserved characters in the password (@ as %40, : as %3A, / as %2F, % as %25)"
      return
    fi
    passfile="$(umask 077 && mktemp "${TMPDIR:-/tmp}/phylo-pgpass.XXXXXX")"
    temp_files+=("$passfile")
    printf '*:*:*:*:%s\n' "$(passfile_escape "$decoded")" >"$passfile"
    decoded=""
    url="$scheme://${userinfo%%:*}@${rest#*@}"
  fi
  if out="$(PGPASSFILE="${passfile:-${PGPASSFILE:-}}" psql "$url" -X -A -t -v ON_ERROR_STOP=1 \
    -c 'select version()' 2>&1)"; then
    ok "connected to $host with sslmode=verify-full: $(echo "$out" | head -1 | cut -c1-60)"
    if ext="$(PGPASSFILE="${passfile:-${PGPASSFILE:-}}" psql "$url" -X -A -t -c \
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
        fail "Neon: $reason" "check the user and password in $var (Neon console > Connection details)" ;;
      *"certificate verify failed"*|*"does not match host name"*)
        fail "Neon TLS verify-full failed: $reason" \
          "connect with the host name Neon gives you (…neon.tech), and make sure the system trusts ISRG Root X1" ;;
      *)
        fail "cannot reach Neon at $host: $reason" \
          "check the host in $var, that the project is not suspended/deleted, and outbound TCP 5432" ;;
    esac
  fi
}

echo "Neon"
if [[ -z "${NEON_DATABASE_URL:-}${NEON_MIGRATE_DATABASE_URL:-}" ]]; then
  if [[ -n "${NEON_SECRET_ARN:-}" ]]; then
    note "NEON_SECRET_ARN is set; set NEON_DATABASE_URL too to check reachability and TimescaleDB from here"
  else
    fail "neither NEON_DATABASE_URL nor NEON_SECRET_ARN is set" \
      "export NEON_DATABASE_URL=postgresql://USER:PASSWORD@ep-...-pooler.REGION.aws.neon.tech/DB (from the Neon console; scripts/deploy.sh stores it in Secrets Manager), or NEON_SECRET_ARN=arn:aws:secretsmanager:..."
  fi
elif ! have psql; then
  fail "psql not found, so Neon cannot be checked" \
    "install the PostgreSQL client (apt-get install postgresql-client, brew install libpq) and re-run"
else
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
  # a password from the URL goes through PGPASSFILE; PGPASSWORD would take precedence over it
  unset PGPASSWORD
  if [[ -n "${NEON_DATABASE_URL:-}" ]]; then
    check_database NEON_DATABASE_URL
  fi
  if [[ -n "${NEON_MIGRATE_DATABASE_URL:-}" ]]; then
    echo "Neon, for migrations (NEON_MIGRATE_DATABASE_URL)"
    if [[ "$NEON_MIGRATE_DATABASE_URL" == *-pooler.* ]]; then
      note "NEON_MIGRATE_DATABASE_URL names a -pooler host: migrations want the direct host (the same without -pooler)"
    fi
    check_database NEON_MIGRATE_DATABASE_URL
  fi
fi

echo
if [[ "$failed" -gt 0 ]]; then
  echo "$failed required check(s) failed; fix them and re-run scripts/validate-prerequisites.sh"
  exit 1
fi
echo "all required checks passed; next: scripts/deploy.sh"
