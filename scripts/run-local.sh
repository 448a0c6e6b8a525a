#!/usr/bin/env bash
# The README's main command: evolve strategies on this machine with the real functions and state machine.
# Builds what is missing on first use, then runs the default job (two synthetic symbols, three years of hourly bars,
# 256 strategies, 20 generations) on embedded PostgreSQL and a local EFS folder under .phylo/.
# Any `phylo run` option can be added, e.g. scripts/run-local.sh --generations 5 --seed 7
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/phylo" run "$@"
