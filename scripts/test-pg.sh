#!/usr/bin/env bash
# npm run test:pg: the integration tests against PostgreSQL. Uses TEST_DATABASE_ADMIN_URL if set
# (a superuser-ish URL: the harness creates and drops databases), else starts a throwaway
# server with scripts/pg-server.sh and stops it afterwards. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ -z "${TEST_DATABASE_ADMIN_URL:-}" ]]; then
  # Stop the server afterwards only if this run started it.
  if [[ ! -f .pg-test/url ]]; then trap 'scripts/pg-server.sh stop' EXIT; fi
  TEST_DATABASE_ADMIN_URL="$(scripts/pg-server.sh start)"
  export TEST_DATABASE_ADMIN_URL
fi
echo "PostgreSQL for tests: $TEST_DATABASE_ADMIN_URL" | sed -E 's#(//[^:/@]+):[^@]*@#\1:***@#' # no password in logs
# Paths and options first: --selectProjects would take a following path for a project name.
npx jest "$@" --selectProjects integration
