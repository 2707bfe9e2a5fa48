#!/bin/sh
# What CI runs on this plan repository; both .github/workflows/barnplan.yml
# and .gitlab-ci.yml call it, and it runs the same on a laptop.
#
#   ci/check.sh [github|gitlab|text]
#
# Writes the meeting report to public/report.html first, so that it is
# published even when validation fails, then validates every plan in plans/:
#   github  annotations on the pull request and a job summary
#   gitlab  gl-code-quality-report.json (merge request widget) and
#           barnplan-junit.xml (test report), then the findings as text
#   text    the findings as text
# Exit status: that of `barnplan validate` (0 clean, 1 rule errors, 2 a file
# that cannot be read), or 2 for a usage error.
set -eu
cd "$(dirname "$0")/.."
format=${1:-text}
barnplan --version
mkdir -p public
barnplan report --format html -o public/report.html plans/
case $format in
  github)
    barnplan validate --format github plans/
    ;;
  gitlab)
    status=0
    barnplan validate --format gitlab plans/ >gl-code-quality-report.json || status=$?
    barnplan validate --format junit plans/ >barnplan-junit.xml || true
    barnplan validate --format text plans/ || status=$?
    exit "$status"
    ;;
  text)
    barnplan validate --format text plans/
    ;;
  *)
    echo "usage: ci/check.sh [github|gitlab|text]" >&2
    exit 2
    ;;
esac
