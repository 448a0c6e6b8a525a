#!/usr/bin/env bash
# Deploys Phylo to AWS: builds the function artifacts, stores the Neon credentials in Secrets Manager, runs
# `sam deploy`, applies the schema migrations by invoking the migrate function, and invokes health as a smoke check.
# Every step is printed first.
#
#   scripts/deploy.sh [--packaging native|jvm] [--architecture x86_64|arm64] [--stack-name NAME] [--region REGION]
#                     [--guided] [--skip-build] [--parameter KEY=VALUE]... [--dry-run] [-- EXTRA_SAM_DEPLOY_ARGS...]
#
# Database, one of (run scripts/validate-prerequisites.sh first):
#   NEON_SECRET_ARN    a Secrets Manager secret {host, port, dbname, username, password[, sslmode, options]}
#   NEON_DATABASE_URL  postgresql://user:password@host/db?sslmode=verify-full (the -pooler host); stored as the secret
#                      STACK/neon (created or updated), whose ARN is deployed: the URL is never a stack parameter
# Migrations through the direct (non -pooler) host, optional: NEON_MIGRATE_SECRET_ARN, or NEON_MIGRATE_DATABASE_URL
#   (stored as the secret STACK/neon-migrate); deployed as NeonMigrateSecretArn.
# --architecture (default x86_64; arm64 costs 20 % less per GB-second) is the functions' CPU: native images are built
# for it (a container build passes --platform, so an Apple Silicon Mac builds x86_64 images) and the template's
# Architecture parameter is set to it. --parameter adds a template parameter (e.g. ReserveConcurrency=false).
# --guided runs `sam deploy --guided`, which asks for every parameter and confirms the change set; other deploys never
# stop for a confirmation.
# --dry-run prints the commands without running anything (no AWS, Maven or Docker needed); no password is printed.
# Works with bash 3.2 (macOS) and newer.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
functions=(functions/health functions/ingest functions/evolve functions/evaluate functions/persist functions/report
  functions/maintenance)

# Arrays that may be empty are expanded as ${a[@]+"${a[@]}"}: bash before 4.4 treats "${a[@]}" of an empty array as
# an unbound variable under set -u.
packaging=""
architecture=x86_64
stack_name="${PHYLO_STACK:-phylo}"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
guided=""
skip_build=false
dry_run=false
extra=()
parameters=()
temp_files=()

usage() {
  sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

die() { printf 'deploy: %s\n' "$*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --packaging) packaging="${2:?--packaging needs native or jvm}"; shift 2 ;;
    --packaging=*) packaging="${1#*=}"; shift ;;
    --architecture) architecture="${2:?--architecture needs x86_64 or arm64}"; shift 2 ;;
    --architecture=*) architecture="${1#*=}"; shift ;;
    --stack-name) stack_name="${2:?--stack-name needs a name}"; shift 2 ;;
    --stack-name=*) stack_name="${1#*=}"; shift ;;
    --region) region="${2:?--region needs a region}"; shift 2 ;;
    --region=*) region="${1#*=}"; shift ;;
    --parameter) parameters+=("${2:?--parameter needs KEY=VALUE}"); shift 2 ;;
    --parameter=*) parameters+=("${1#*=}"); shift ;;
    --guided) guided=true; shift ;;
    --skip-build) skip_build=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "deploy: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

for parameter in ${parameters[@]+"${parameters[@]}"}; do
  case "$parameter" in
    NeonDatabaseUrl=*)
      die "--parameter NeonDatabaseUrl=... would put the database password on the command line (ps shows it) and" \
        "in the stack's parameters; export NEON_DATABASE_URL instead: deploy.sh stores it in Secrets Manager" ;;
    NeonSecretArn=*|NeonMigrateSecretArn=*|Packaging=*|Architecture=*)
      die "--parameter ${parameter%%=*} is set by deploy.sh itself; use NEON_SECRET_ARN, NEON_MIGRATE_SECRET_ARN," \
        "--packaging or --architecture instead" ;;
    [A-Za-z]*=*) ;;
    *) die "--parameter '$parameter' is not KEY=VALUE (e.g. --parameter ReserveConcurrency=false)" ;;
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

step() { printf '\n==> %s\n' "$*"; }

# Prints a command with secrets masked (a URL given in the environment never reaches the output).
show() {
  local shown=() arg secret
  for arg in "$@"; do
    for secret in "${NEON_DATABASE_URL:-}" "${NEON_MIGRATE_DATABASE_URL:-}"; do
      if [[ -n "$secret" && "$arg" == *"$secret"* ]]; then
        arg="${arg//"$secret"/REDACTED}"
      fi
    done
    shown+=("$(printf '%q' "$arg")")
  done
  printf '+ %s\n' ${shown[@]+"${shown[*]}"}
}

# Prints a command and runs it unless --dry-run.
run() {
  show "$@"
  if [[ "$dry_run" == false ]]; then
    "$@"
  fi
}

region_args=()
if [[ -n "$region" ]]; then
  region_args=(--region "$region")
fi

# ---------------------------------------------------------------------------------------------------------------------
# Neon URL -> the Secrets Manager JSON the functions read (host, port, dbname, username, password, and optionally
# sslmode and options), parsed as the functions parse a URL: the user-info ends at the first @ before the first /,
# user, password and database are percent-decoded, query parameters user, password and dbname override them, the
# database defaults to the user and the port to 5432. Only shell builtins touch the password, so it is never part of
# a command line.

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

# Prints $1 as a JSON string (quotes and backslashes escaped; control characters were refused when decoding).
json_string() {
  local s="$1" out="" c
  while [[ -n "$s" ]]; do
    c="${s:0:1}"
    s="${s:1}"
    case "$c" in
      '"') out="$out\\\"" ;;
      '\') out="$out\\\\" ;;
      *) out="$out$c" ;;
    esac
  done
  printf '"%s"' "$out"
}

# Parses URL $2 (named $1 in messages) into db_user, db_password, db_host, db_port, db_name, db_sslmode,
# db_options and db_dropped (query parameters the secret cannot carry). Dies naming the problem, never the password.
parse_database_url() {
  local name="$1" url="$2" rest userinfo hostport query pair key value credentials_end
  case "$url" in
    postgresql://*|postgres://*|POSTGRESQL://*|POSTGRES://*) rest="${url#*://}" ;;
    *) die "$name must start with postgresql:// or postgres:// (postgresql://USER:PASSWORD@HOST/DB)" ;;
  esac
  [[ "$rest" != *"#"* ]] || die "$name: a fragment (#...) is not allowed; percent-encode # in the password as %23"
  db_user="" db_password="" db_sslmode="" db_options="" db_dropped=""
  credentials_end="${rest%%[@/]*}"
  if [[ "${rest:${#credentials_end}:1}" == "@" ]]; then
    userinfo="$credentials_end"
    rest="${rest#*@}"
    if [[ "$userinfo" == *:* ]]; then
      percent_decode "${userinfo#*:}" || die "$name: bad percent-encoding or a control character in the password"
      db_password="$decoded"
      userinfo="${userinfo%%:*}"
    fi
    percent_decode "$userinfo" || die "$name: bad percent-encoding in the user"
    db_user="$decoded"
  fi
  query=""
  if [[ "$rest" == *"?"* ]]; then
    query="${rest#*\?}"
    rest="${rest%%\?*}"
  fi
  hostport="${rest%%/*}"
  db_name=""
  if [[ "$rest" == */* ]]; then
    percent_decode "${rest#*/}" || die "$name: bad percent-encoding in the database name"
    db_name="$decoded"
  fi
  if [[ "$hostport" == \[* ]]; then
    db_host="${hostport#\[}"
    db_host="${db_host%%\]*}"
    db_port="${hostport#*\]}"
    db_port="${db_port#:}"
  else
    [[ "$hostport" != *,* ]] || die "$name: several hosts are not supported"
    percent_decode "${hostport%%:*}" || die "$name: bad percent-encoding in the host"
    db_host="$decoded"
    db_port=""
    if [[ "$hostport" == *:* ]]; then
      db_port="${hostport#*:}"
    fi
  fi
  [[ -n "$db_host" ]] || die "$name: the host is missing"
  db_port="${db_port:-5432}"
  if ! [[ "$db_port" =~ ^[0-9]{1,5}$ ]] || [[ "$db_port" -lt 1 || "$db_port" -gt 65535 ]]; then
    die "$name: the port is not a number in 1..65535"
  fi
  db_port=$((10#$db_port))
  while [[ -n "$query" ]]; do
    pair="${query%%&*}"
    if [[ "$query" == *"&"* ]]; then query="${query#*&}"; else query=""; fi
    [[ "$pair" == ?*=* ]] || die "$name: every query parameter needs the form name=value"
    key="${pair%%=*}"
    percent_decode "${pair#*=}" || die "$name: bad percent-encoding in the value of query parameter $key"
    value="$decoded"
    case "$key" in
      user) db_user="$value" ;;
      password) db_password="$value" ;;
      dbname) db_name="$value" ;;
      sslmode) db_sslmode="$value" ;;
      options) db_options="$value" ;;
      host|hostaddr|port) die "$name: query parameter '$key' is not supported; put it in the host:port part" ;;
      *) db_dropped="$db_dropped $key" ;;
    esac
  done
  [[ -n "$db_user" ]] || die "$name: the user is missing (postgresql://USER:PASSWORD@HOST/DB)"
  db_name="${db_name:-$db_user}"
}

# The secret's JSON for the last parse_database_url.
secret_json() {
  printf '{"host":%s,"port":%s,"dbname":%s,"username":%s,"password":%s' "$(json_string "$db_host")" "$db_port" \
    "$(json_string "$db_name")" "$(json_string "$db_user")" "$(json_string "$db_password")"
  if [[ -n "$db_sslmode" ]]; then printf ',"sslmode":%s' "$(json_string "$db_sslmode")"; fi
  if [[ -n "$db_options" ]]; then printf ',"options":%s' "$(json_string "$db_options")"; fi
  printf '}'
}

# Creates or updates secret $2 from URL variable $1 and sets $secret_arn. The JSON goes to the AWS CLI through a
# mode-600 temp file (--secret-string file://...), deleted when the script exits.
store_secret() {
  local var="$1" name="$2" url file lookup err found deleted
  url="${!var}"
  parse_database_url "$var" "$url"
  echo "$var -> Secrets Manager secret $name: host $db_host, port $db_port, dbname $db_name, username $db_user," \
    "password (not shown)${db_sslmode:+, sslmode $db_sslmode}${db_options:+, options $db_options}"
  if [[ -n "$db_dropped" ]]; then
    echo "  note: the secret carries host, port, dbname, username, password, sslmode and options; left out:$db_dropped"
  fi
  local describe=(aws secretsmanager describe-secret --secret-id "$name" ${region_args[@]+"${region_args[@]}"}
    --query '[ARN, DeletedDate]' --output text)
  local description="Neon connection of Phylo stack $stack_name (written by scripts/deploy.sh from $var)"
  if [[ "$dry_run" == true ]]; then
    show "${describe[@]}"
    echo "  if it exists:"
    show aws secretsmanager put-secret-value --secret-id "$name" ${region_args[@]+"${region_args[@]}"} \
      --secret-string "file://<mode-600 temp file with the JSON>" --query ARN --output text
    echo "  else:"
    show aws secretsmanager create-secret --name "$name" --description "$description" \
      ${region_args[@]+"${region_args[@]}"} --secret-string "file://<mode-600 temp file with the JSON>" \
      --query ARN --output text
    secret_arn="<ARN of $name>"
    return
  fi
  file="$(umask 077 && mktemp "${TMPDIR:-/tmp}/phylo-secret.XXXXXX")"
  temp_files+=("$file")
  err="$(mktemp "${TMPDIR:-/tmp}/phylo-secret-err.XXXXXX")"
  temp_files+=("$err")
  secret_json >"$file"
  show "${describe[@]}"
  if lookup="$("${describe[@]}" 2>"$err")"; then
    found="$(printf '%s' "$lookup" | cut -f1)"
    deleted="$(printf '%s' "$lookup" | cut -f2)"
    if [[ -n "$deleted" && "$deleted" != "None" ]]; then
      die "secret $name is scheduled for deletion ($deleted), so it cannot be updated. Restore it with" \
        "'aws secretsmanager restore-secret --secret-id $name' and re-run, or pass NEON_SECRET_ARN of another secret"
    fi
    show aws secretsmanager put-secret-value --secret-id "$name" ${region_args[@]+"${region_args[@]}"} \
      --secret-string "file://$file" --query ARN --output text
    aws secretsmanager put-secret-value --secret-id "$name" ${region_args[@]+"${region_args[@]}"} \
      --secret-string "file://$file" --query ARN --output text >/dev/null ||
      die "could not update secret $name (see the aws error above); the deploy stopped before sam deploy"
    secret_arn="$found"
    echo "  updated $secret_arn (functions already running read it at their next cold start)"
  elif grep -q 'ResourceNotFoundException' "$err"; then
    show aws secretsmanager create-secret --name "$name" --description "$description" \
      ${region_args[@]+"${region_args[@]}"} --secret-string "file://$file" --query ARN --output text
    secret_arn="$(aws secretsmanager create-secret --name "$name" --description "$description" \
      ${region_args[@]+"${region_args[@]}"} --secret-string "file://$file" --query ARN --output text)" ||
      die "could not create secret $name (see the aws error above); the deploy stopped before sam deploy"
    echo "  created $secret_arn"
  else
    die "could not look up secret $name: $(head -3 "$err"). Check the AWS credentials and region, and that they" \
      "allow secretsmanager:DescribeSecret, CreateSecret and PutSecretValue; or create the secret yourself and pass" \
      "NEON_SECRET_ARN"
  fi
  [[ "$secret_arn" == arn:* ]] || die "the AWS CLI gave '$secret_arn' for secret $name, not an ARN"
  rm -f "$file"
  db_password=""
}

# ---------------------------------------------------------------------------------------------------------------------
# Lookups after the deploy.

# Prints the lookup of a stack output (output() itself runs inside $(...), where a printed line would be swallowed).
show_output() {
  show aws cloudformation describe-stacks --stack-name "$stack_name" ${region_args[@]+"${region_args[@]}"} \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

# A stack output's value (placeholder in --dry-run).
output() {
  local key="$1" value
  if [[ "$dry_run" == true ]]; then
    printf '<%s>' "$key"
    return
  fi
  value="$(aws cloudformation describe-stacks --stack-name "$stack_name" ${region_args[@]+"${region_args[@]}"} \
    --query "Stacks[0].Outputs[?OutputKey=='$key'].OutputValue" --output text)"
  if [[ -z "$value" || "$value" == "None" ]]; then
    die "stack $stack_name has no output $key; did sam deploy finish?"
  fi
  printf '%s' "$value"
}

# Invokes a function synchronously, once; fails loudly when Lambda reports a FunctionError.
invoke() {
  local what="$1" function_name="$2" response meta
  # --cli-read-timeout above the functions' 300 s timeout: at the default 60 s the CLI would give up on a slow
  # migration (a Neon compute waking up) and retry the invocation
  local cmd=(aws lambda invoke --function-name "$function_name" ${region_args[@]+"${region_args[@]}"}
    --cli-binary-format raw-in-base64-out --cli-read-timeout 310 --payload '{}')
  if [[ "$dry_run" == true ]]; then
    show "${cmd[@]}" "<response file>" --output json
    echo "  (fails the deploy if the answer has a FunctionError)"
    return
  fi
  response="$(mktemp "${TMPDIR:-/tmp}/phylo-$what.XXXXXX")"
  meta="$(mktemp "${TMPDIR:-/tmp}/phylo-$what-meta.XXXXXX")"
  temp_files+=("$response" "$meta")
  show "${cmd[@]}" "$response" --output json
  if ! "${cmd[@]}" "$response" --output json >"$meta"; then
    die "could not invoke $what ($function_name): see the aws error above. The deploy is NOT complete."
  fi
  echo "  answer:   $(tr -d '\n' <"$meta")"
  echo "  response: $(head -c 2000 "$response")"
  if grep -q '"FunctionError"' "$meta"; then
    die "$what ($function_name) failed: FunctionError in the answer; the response above has the error and the" \
      "logs are in the CloudWatch log group /phylo/$stack_name/$what (JSON lines; filter on mdc.AWSRequestId)." \
      "The deploy is NOT complete."
  fi
  rm -f "$response" "$meta"
}

# ---------------------------------------------------------------------------------------------------------------------
step "packaging"
if [[ -z "$packaging" ]]; then
  if command -v native-image >/dev/null 2>&1 || { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }; then
    packaging=native
    echo "native (GraalVM native-image or a running Docker found; pass --packaging jvm for the JVM artifacts)"
  else
    packaging=jvm
    echo "jvm: neither GraalVM native-image nor a running Docker is available, so native images cannot be built here."
    echo "     The functions deploy on java21 instead (slower cold starts; SnapStart cannot be used with EFS)."
    echo "     Install Docker (Quarkus container build) or GraalVM and pass --packaging native for native images."
  fi
else
  echo "$packaging"
fi
case "$packaging" in
  native|jvm) ;;
  *) die "--packaging must be native or jvm, not '$packaging'" ;;
esac
case "$architecture" in
  x86_64) platform=linux/amd64 ;;
  arm64) platform=linux/arm64 ;;
  *) die "--architecture must be x86_64 or arm64 (Lambda's names), not '$architecture'" ;;
esac
host_architecture="$(uname -m)"
case "$host_architecture" in
  amd64) host_architecture=x86_64 ;;
  aarch64) host_architecture=arm64 ;;
esac

if [[ -z "${NEON_SECRET_ARN:-}" && -z "${NEON_DATABASE_URL:-}" && "$dry_run" == true ]]; then
  echo "warning: neither NEON_SECRET_ARN nor NEON_DATABASE_URL is set; a real deploy stops here"
  NEON_SECRET_ARN="<NEON_SECRET_ARN>"
elif [[ -z "${NEON_SECRET_ARN:-}" && -z "${NEON_DATABASE_URL:-}" ]]; then
  die "set NEON_SECRET_ARN (a Secrets Manager secret with host, port, dbname, username, password) or
  NEON_DATABASE_URL (postgresql://user:password@host/db?sslmode=verify-full; stored as the secret $stack_name/neon)
  before deploying"
fi
# parse the URLs now (stops on a malformed one before the build; nothing is printed or stored yet)
if [[ -z "${NEON_SECRET_ARN:-}" ]]; then
  parse_database_url NEON_DATABASE_URL "$NEON_DATABASE_URL"
fi
if [[ -z "${NEON_MIGRATE_SECRET_ARN:-}" && -n "${NEON_MIGRATE_DATABASE_URL:-}" ]]; then
  parse_database_url NEON_MIGRATE_DATABASE_URL "$NEON_MIGRATE_DATABASE_URL"
fi
db_password=""
template="$root/sam/template.yaml"
if [[ -n "${NEON_MIGRATE_SECRET_ARN:-}${NEON_MIGRATE_DATABASE_URL:-}" ]] &&
  ! grep -q '^  NeonMigrateSecretArn:' "$template"; then
  die "NEON_MIGRATE_SECRET_ARN/NEON_MIGRATE_DATABASE_URL is set, but $template declares no NeonMigrateSecretArn" \
    "parameter to pass it to; update the checkout, or unset them to migrate through the main connection"
fi

# ---------------------------------------------------------------------------------------------------------------------
step "build the function artifacts ($packaging)"
modules="$(IFS=,; echo "${functions[*]}")"
build=(mvn -B -ntp -f "$root/pom.xml" package -DskipTests -pl "$modules" -am)
if [[ "$packaging" == native ]]; then
  build+=(-Pnative)
  if command -v native-image >/dev/null 2>&1 && [[ "$host_architecture" == "$architecture" ]]; then
    echo "native-image on this $host_architecture machine builds $architecture binaries"
  elif [[ "$dry_run" == true ]] || { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }; then
    # native-image builds for the CPU it runs on: the builder container runs as $platform (emulated when this
    # machine's CPU differs, which is slower but gives binaries Lambda's $architecture can execute)
    build+=(-Dquarkus.native.container-build=true "-Dquarkus.native.container-runtime-options=--platform=$platform")
    echo "native images for $architecture, built in a $platform container"
  else
    die "native images for $architecture cannot be built here: native-image builds only for this machine's" \
      "$host_architecture and no Docker is running. Start Docker (the build then runs in a $platform container)," \
      "pass --architecture $host_architecture, or --packaging jvm"
  fi
fi
if [[ "$skip_build" == true ]]; then
  echo "skipped (--skip-build): using the function.zip files already built"
else
  run "${build[@]}"
fi
if [[ "$dry_run" == false ]]; then
  for f in "${functions[@]}"; do
    [[ -f "$root/$f/target/function.zip" ]] || die "$f/target/function.zip is missing; the build did not produce it"
  done
fi

# ---------------------------------------------------------------------------------------------------------------------
step "database secrets (Secrets Manager)"
# A URL parameter would sit in plain text in the functions' environment and in the stack's parameters; the secret
# is read by the functions at start-up and only they may read it.
overrides=("Packaging=$packaging" "Architecture=$architecture")
if [[ -n "${NEON_SECRET_ARN:-}" ]]; then
  echo "NEON_SECRET_ARN: $NEON_SECRET_ARN${NEON_DATABASE_URL:+ (NEON_DATABASE_URL is ignored)}"
  overrides+=("NeonSecretArn=$NEON_SECRET_ARN")
else
  store_secret NEON_DATABASE_URL "$stack_name/neon"
  overrides+=("NeonSecretArn=$secret_arn")
  if [[ "$db_host" == *-pooler.* && -z "${NEON_MIGRATE_SECRET_ARN:-}${NEON_MIGRATE_DATABASE_URL:-}" ]]; then
    echo "  note: migrations go through the -pooler host (PgBouncer, transaction mode); for a direct connection set"
    echo "        NEON_MIGRATE_DATABASE_URL to the same URL with host ${db_host/-pooler./.}"
  fi
fi
if [[ -n "${NEON_MIGRATE_SECRET_ARN:-}" ]]; then
  echo "NEON_MIGRATE_SECRET_ARN: $NEON_MIGRATE_SECRET_ARN (migrations)"
  overrides+=("NeonMigrateSecretArn=$NEON_MIGRATE_SECRET_ARN")
elif [[ -n "${NEON_MIGRATE_DATABASE_URL:-}" ]]; then
  store_secret NEON_MIGRATE_DATABASE_URL "$stack_name/neon-migrate"
  if [[ "$db_host" == *-pooler.* ]]; then
    echo "  note: $db_host is a -pooler host; migrations want the direct host, ${db_host/-pooler./.}"
  fi
  overrides+=("NeonMigrateSecretArn=$secret_arn")
fi
overrides+=(${parameters[@]+"${parameters[@]}"})

# ---------------------------------------------------------------------------------------------------------------------
step "sam deploy (stack $stack_name)"
# CodeUri points at each function.zip, so there is nothing for `sam build` to do.
config="$root/sam/samconfig.toml"
if [[ -z "$guided" ]]; then
  if [[ -t 0 ]] && { [[ ! -f "$config" ]] || ! grep -q '^parameter_overrides' "$config"; }; then
    guided=true
    echo "first deploy (no saved parameters in sam/samconfig.toml): running sam deploy --guided"
  else
    guided=false
  fi
fi
deploy=(sam deploy --template-file "$template" --config-file "$config" --stack-name "$stack_name"
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --parameter-overrides "${overrides[@]}")
deploy+=(${region_args[@]+"${region_args[@]}"})
if [[ "$guided" == true ]]; then
  # --guided asks for every parameter; it then shows the change set and waits for a "y"
  deploy+=(--guided --confirm-changeset)
else
  # never wait for a confirmation, even if a guided deploy saved confirm_changeset = true in samconfig.toml
  deploy+=(--no-confirm-changeset)
fi
deploy+=(${extra[@]+"${extra[@]}"})
run "${deploy[@]}"

# ---------------------------------------------------------------------------------------------------------------------
step "migrate the schema (MigrateFunction)"
show_output MigrateFunctionName
invoke migrate "$(output MigrateFunctionName)"

step "smoke check (HealthFunction)"
show_output HealthFunctionName
invoke health "$(output HealthFunctionName)"

step "done"
if [[ "$dry_run" == true ]]; then
  echo "dry run: nothing was built or deployed"
else
  echo "stack $stack_name deployed ($packaging). Start a run with:"
  echo "  scripts/phylo cloud run --stack $stack_name --symbols SPY --interval 1d"
fi
