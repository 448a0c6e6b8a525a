#!/bin/sh
# Stands in for the AWS CLI in the script tests (installed as `aws` first on PATH). Appends each call, "aws ARGS", to
# $STUB_DIR/calls. Answers:
#   sts get-caller-identity, configure get region, --version: a fixed account, eu-west-1, a version line
#   lambda get-account-settings: $STUB_CONCURRENCY_LIMIT (default 1000) and $STUB_UNRESERVED (default: the limit)
#   secretsmanager describe-secret: found for a name in $STUB_SECRETS (space-separated), scheduled for deletion for
#     one in $STUB_SECRETS_DELETED, else ResourceNotFoundException (exit 254), as the real CLI
#   secretsmanager create-secret / put-secret-value: copies the file:// secret string to $STUB_DIR/secret-N.json,
#     its `ls -l` mode to secret-N.mode and its path to secret-N.path (N counts from 1), then prints the ARN
#   cloudformation describe-stacks: the function name of the OutputKey in the query
#   lambda invoke: writes {"status":"UP"} to the response file and prints a StatusCode 200 answer
set -eu
dir="${STUB_DIR:?STUB_DIR not set}"
printf 'aws %s\n' "$*" >>"$dir/calls"
arn() { printf 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:%s-AbCdEf' "$1"; }
name="" secret_string="" response=""
for a in "$@"; do
  case "$a" in */phylo-*) response="$a" ;; esac
done
case "$1 ${2:-}" in
  "--version "*) echo "aws-cli/2.15.0 Python/3.11.6 stub" ;;
  "sts get-caller-identity") printf '123456789012\tarn:aws:iam::123456789012:user/stub\n' ;;
  "configure get") echo "eu-west-1" ;;
  "lambda get-account-settings")
    limit="${STUB_CONCURRENCY_LIMIT:-1000}"
    printf '%s\t%s\n' "$limit" "${STUB_UNRESERVED:-$limit}" ;;
  "secretsmanager describe-secret"|"secretsmanager create-secret"|"secretsmanager put-secret-value")
    shift 2
    while [ $# -gt 0 ]; do
      case "$1" in
        --secret-id|--name) name="$2"; shift ;;
        --secret-string) secret_string="$2"; shift ;;
      esac
      shift
    done
    case " ${STUB_SECRETS:-} " in *" $name "*) exists=true ;; *) exists=false ;; esac
    case " ${STUB_SECRETS_DELETED:-} " in *" $name "*) deleted=true ;; *) deleted=false ;; esac
    if [ -z "$secret_string" ]; then
      if [ "$deleted" = true ]; then
        printf '%s\t2024-05-01T00:00:00+00:00\n' "$(arn "$name")"
      elif [ "$exists" = true ]; then
        printf '%s\tNone\n' "$(arn "$name")"
      else
        echo "An error occurred (ResourceNotFoundException) when calling the DescribeSecret operation: Secrets Manager can't find the specified secret." >&2
        exit 254
      fi
    else
      file="${secret_string#file://}"
      n=1
      while [ -e "$dir/secret-$n.json" ]; do n=$((n + 1)); done
      cp "$file" "$dir/secret-$n.json"
      ls -l "$file" | cut -c1-10 >"$dir/secret-$n.mode"
      printf '%s\n' "$file" >"$dir/secret-$n.path"
      printf '%s\n' "$name" >"$dir/secret-$n.name"
      arn "$name"
      echo
    fi ;;
  "cloudformation describe-stacks")
    case "$*" in
      *MigrateFunctionName*) echo "phylo-stub-MigrateFunction" ;;
      *HealthFunctionName*) echo "phylo-stub-HealthFunction" ;;
      *) echo "None" ;;
    esac ;;
  "lambda invoke")
    printf '{"status":"UP"}' >"$response"
    echo '{"StatusCode": 200, "ExecutedVersion": "$LATEST"}' ;;
  *)
    echo "stub aws: unexpected call: aws $*" >&2
    exit 2 ;;
esac
