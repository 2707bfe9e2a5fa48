#!/bin/sh
# Builds ./repo with one committed plan (plans/plan.yaml, clean) and a YAML
# file that is no plan (config/settings.yaml); broken.yaml is the plan without
# its vision, for staging one version while the working tree holds the other.
set -e
export HOME="$PWD" GIT_CONFIG_NOSYSTEM=1 TZ=UTC
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
git init -q -b main repo
mkdir repo/plans repo/config
cp plan.yaml repo/plans/plan.yaml
grep -v '^vision:' plan.yaml > broken.yaml
printf 'report:\n  title: Testby\n' > repo/config/settings.yaml
cd repo
git config user.name T
git config user.email t@example.invalid
git add -A
GIT_AUTHOR_DATE="2025-02-12T10:00:00+01:00" GIT_COMMITTER_DATE="2025-02-12T10:00:00+01:00" git commit -q -m "Adopt the plan"
