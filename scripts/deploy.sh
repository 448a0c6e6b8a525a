#!/usr/bin/env bash
# Deploys Phylo to AWS: builds the function artifacts, runs `sam deploy` (guided the first time), applies the schema
# migrations by invoking the migrate function, and invokes health as a smoke check. Every step is printed first.
#
#   scripts/deploy.sh [--packaging native|jvm] [--stack-name NAME] [--region REGION] [--guided] [--skip-build]
#                     [--dry-run] [-- EXTRA_SAM_DEPLOY_ARGS...]
#
# Database: NEON_SECRET_ARN (a Secrets Manager secret, preferred) or NEON_DATABASE_URL
# (postgresql://user:password@host/db?sslmode=verify-full, the -pooler host). Run scripts/validate-prerequisites.sh first.
# --dry-run prints the commands without running anything (no AWS, Maven or Docker needed); secrets are masked.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
functions=(functions/health functions/ingest functions/evolve functions/evaluate functions/persist functions/report
  functions/maintenance)

packaging=""
stack_name="${PHYLO_STACK:-phylo}"
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
guided=""
skip_build=false
dry_run=false
extra=()

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --packaging) packaging="${2:?--packaging needs native or jvm}"; shift 2 ;;
    --packaging=*) packaging="${1#*=}"; shift ;;
    --stack-name) stack_name="${2:?--stack-name needs a name}"; shift 2 ;;
    --stack-name=*) stack_name="${1#*=}"; shift ;;
    --region) region="${2:?--region needs a region}"; shift 2 ;;
    --region=*) region="${1#*=}"; shift ;;
    --guided) guided=true; shift ;;
    --skip-build) skip_build=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "deploy: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'deploy: %s\n' "$*" >&2; exit 1; }

# Prints a command with secrets masked.
show() {
  local shown=() arg
  for arg in "$@"; do
    if [[ -n "${NEON_DATABASE_URL:-}" && "$arg" == *"$NEON_DATABASE_URL"* ]]; then
      arg="${arg//"$NEON_DATABASE_URL"/REDACTED}"
    fi
    shown+=("$(printf '%q' "$arg")")
  done
  printf '+ %s\n' "${shown[*]}"
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

# Prints the lookup of a stack output (output() itself runs inside $(...), where a printed line would be swallowed).
show_output() {
  show aws cloudformation describe-stacks --stack-name "$stack_name" "${region_args[@]}" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}

# A stack output's value (placeholder in --dry-run).
output() {
  local key="$1" value
  if [[ "$dry_run" == true ]]; then
    printf '<%s>' "$key"
    return
  fi
  value="$(aws cloudformation describe-stacks --stack-name "$stack_name" "${region_args[@]}" \
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
  local cmd=(aws lambda invoke --function-name "$function_name" "${region_args[@]}"
    --cli-binary-format raw-in-base64-out --cli-read-timeout 310 --payload '{}')
  if [[ "$dry_run" == true ]]; then
    show "${cmd[@]}" "<response file>" --output json
    echo "  (fails the deploy if the answer has a FunctionError)"
    return
  fi
  response="$(mktemp "${TMPDIR:-/tmp}/phylo-$what.XXXXXX")"
  meta="$(mktemp "${TMPDIR:-/tmp}/phylo-$what-meta.XXXXXX")"
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

if [[ -z "${NEON_SECRET_ARN:-}" && -z "${NEON_DATABASE_URL:-}" && "$dry_run" == true ]]; then
  echo "warning: neither NEON_SECRET_ARN nor NEON_DATABASE_URL is set; a real deploy stops here"
  NEON_SECRET_ARN="<NEON_SECRET_ARN>"
elif [[ -z "${NEON_SECRET_ARN:-}" && -z "${NEON_DATABASE_URL:-}" ]]; then
  die "set NEON_SECRET_ARN (a Secrets Manager secret with host, port, dbname, username, password) or
  NEON_DATABASE_URL (postgresql://user:password@host/db?sslmode=verify-full) before deploying"
fi

# ---------------------------------------------------------------------------------------------------------------------
step "build the function artifacts ($packaging)"
modules="$(IFS=,; echo "${functions[*]}")"
build=(mvn -B -ntp -f "$root/pom.xml" package -DskipTests -pl "$modules" -am)
if [[ "$packaging" == native ]]; then
  build+=(-Pnative)
  if ! command -v native-image >/dev/null 2>&1; then
    build+=(-Dquarkus.native.container-build=true)
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
step "sam deploy (stack $stack_name)"
# CodeUri points at each function.zip, so there is nothing for `sam build` to do.
config="$root/sam/samconfig.toml"
if [[ -z "$guided" ]]; then
  if [[ ! -f "$config" ]] || ! grep -q '^parameter_overrides' "$config"; then
    guided=true
    echo "first deploy (no saved parameters in sam/samconfig.toml): running sam deploy --guided"
  else
    guided=false
  fi
fi
overrides=("Packaging=$packaging")
if [[ -n "${NEON_SECRET_ARN:-}" ]]; then
  overrides+=("NeonSecretArn=$NEON_SECRET_ARN")
else
  overrides+=("NeonDatabaseUrl=$NEON_DATABASE_URL")
fi
deploy=(sam deploy --template-file "$root/sam/template.yaml" --config-file "$config" --stack-name "$stack_name"
  --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --parameter-overrides "${overrides[@]}")
deploy+=("${region_args[@]}")
if [[ "$guided" == true ]]; then
  deploy+=(--guided)
fi
deploy+=("${extra[@]}")
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
