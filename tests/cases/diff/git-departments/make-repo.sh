#!/bin/sh
# Builds ./repo with the Myndigheten plan and its department files:
#   one: the example as it is
#   two: only a department file changes (KOM.1's result), the main plan not
# then, in the work tree, KOM.1's result changes again and UTB.1 gets a new who.
set -e
export HOME="$PWD" GIT_CONFIG_NOSYSTEM=1 TZ=UTC
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
commit() {
    GIT_AUTHOR_DATE="$1T10:00:00+01:00" GIT_COMMITTER_DATE="$1T10:00:00+01:00" \
        git -c user.name=T -c user.email=t@example.invalid commit -q -m "$2"
}
git init -q -b main repo
cp -r "$EXAMPLES/myndigheten" repo/myndigheten
cd repo
git add .
commit 2026-06-01 "The joint plan"
sed -i 's/result: 140 barn deltog/result: 150 barn deltog/' myndigheten/avdelningar/kommunikation.yaml
git add .
commit 2026-06-20 "Kommunikation: KOM.1's result"
sed -i 's/result: 150 barn deltog/result: 170 barn deltog/' myndigheten/avdelningar/kommunikation.yaml
sed -i '0,/who: .*/s//who: HR-avdelningen/' myndigheten/avdelningar/utbildning.yaml
