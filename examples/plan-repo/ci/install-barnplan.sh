#!/bin/sh
# Installs barnplan on a Debian 12 CI machine (as root, as in a debian:12
# container), one of two ways:
#   BARNPLAN_DEB     a path in this repository or a URL of barnplan_*.deb,
#                    the package barnplan's `cpack -G DEB` builds: apt
#                    installs it with its runtime libraries;
#   BARNPLAN_SOURCE  else, the git URL of barnplan's source (BARNPLAN_REV a
#                    tag or branch, default main): built and installed under
#                    /usr/local with `cmake --install`.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ -n "${BARNPLAN_DEB:-}" ]; then
  case $BARNPLAN_DEB in
    http://* | https://*)
      apt-get install -y -qq --no-install-recommends ca-certificates curl
      curl -fsSL -o /tmp/barnplan.deb "$BARNPLAN_DEB"
      deb=/tmp/barnplan.deb
      ;;
    *) deb=$(realpath "$BARNPLAN_DEB") ;;
  esac
  apt-get install -y -qq --no-install-recommends "$deb"
else
  : "${BARNPLAN_SOURCE:?set BARNPLAN_DEB (a .deb) or BARNPLAN_SOURCE (a git URL)}"
  apt-get install -y -qq --no-install-recommends ca-certificates git cmake ninja-build g++ pkg-config \
    libgit2-dev libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev
  git clone -q --depth 1 --branch "${BARNPLAN_REV:-main}" "$BARNPLAN_SOURCE" /tmp/barnplan-src
  cmake -S /tmp/barnplan-src -B /tmp/barnplan-build -G Ninja -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=Release
  cmake --build /tmp/barnplan-build
  cmake --install /tmp/barnplan-build
fi
barnplan --version
