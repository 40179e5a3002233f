#!/usr/bin/env bash
# A STAND-IN for the official `python:3.11-slim-bookworm` image, for machines where no container
# registry can be reached (CI and the project's own machines). Production builds FROM the official
# image on Docker Hub; nothing in the Dockerfile depends on this script.
#
# It builds a Debian bookworm minbase root with debootstrap (from the Debian mirror, about 5 minutes),
# copies in this machine's CPython 3.11 (>= 3.11.5: Debian's own 3.11.2 is too old for the lock) at its
# own path with an empty site-packages (pip from ensurepip, offline), this machine's CA bundle and a
# pip config naming it (so `pip install` inside a build reaches the package registry), and imports
# it with `docker import`, tagged python:3.11-slim-bookworm. Skipped when that tag exists (FORCE=1
# rebuilds).
#
# Usage: bash deploy/stand-in-base.sh    (as root; needs docker, debootstrap)
set -euo pipefail

TAG=${BASE_TAG:-python:3.11-slim-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PYTHON=${PYTHON:-python3.11}
CA_BUNDLE=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}

if [ "${FORCE:-0}" != 1 ] && docker image inspect "$TAG" >/dev/null 2>&1; then
  echo "stand-in base: $TAG exists, skipped (FORCE=1 rebuilds)"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "stand-in base: debootstrap needs root" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "stand-in base: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }

PREFIX=$("$PYTHON" -c 'import sys; print(sys.prefix)')
VERSION=$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info[:3] >= (3, 11, 5) and sys.version_info[:2] == (3, 11) else 1)' \
  || { echo "stand-in base: $PYTHON is $VERSION, the lock needs 3.11.x with x >= 5" >&2; exit 1; }
case "$PREFIX" in /usr|/usr/local) echo "stand-in base: $PYTHON lives in $PREFIX (a system Python); point PYTHON at a self-contained build" >&2; exit 1;; esac
[ -r "$CA_BUNDLE" ] || { echo "stand-in base: CA bundle $CA_BUNDLE not readable" >&2; exit 1; }

ROOT=$(mktemp -d /tmp/roland-stand-in-base.XXXXXX)
trap 'rm -rf "$ROOT"' EXIT
started=$(date +%s)
say() { printf '[stand-in base %4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }

# The shared libraries the CPython build's modules link against (ssl, sqlite3, ctypes, lzma, bz2,
# readline, uuid, curses); curl for the image's HEALTHCHECK.
INCLUDE=ca-certificates,curl,libssl3,libsqlite3-0,libffi8,libbz2-1.0,liblzma5,zlib1g,libuuid1,libreadline8,libncursesw6,libexpat1,libnsl2,libgdbm6
say "debootstrap bookworm (minbase) from $MIRROR into $ROOT (about 5 minutes)"
debootstrap --variant=minbase --include="$INCLUDE" bookworm "$ROOT" "$MIRROR" > "$ROOT.debootstrap.log" 2>&1 \
  || { echo "stand-in base: debootstrap failed, log: $ROOT.debootstrap.log" >&2; tail -20 "$ROOT.debootstrap.log" >&2; exit 1; }
rm -f "$ROOT.debootstrap.log"

say "CPython $VERSION from $PREFIX (site-packages left out)"
mkdir -p "$ROOT$PREFIX"
tar -C "$PREFIX" --exclude="./lib/python3.11/site-packages/*" --exclude='__pycache__' -c . | tar -C "$ROOT$PREFIX" -x
# The image's non-root user runs this interpreter: every folder above it must be traversable.
dir=$PREFIX
while [ "$dir" != / ]; do chmod 755 "$ROOT$dir"; dir=$(dirname "$dir"); done
chroot "$ROOT" "$PREFIX/bin/python3.11" -m ensurepip --default-pip > /dev/null
ln -sf python3.11 "$ROOT$PREFIX/bin/python"
[ -e "$ROOT$PREFIX/bin/pip" ] || ln -sf pip3 "$ROOT$PREFIX/bin/pip"

say "CA bundle and pip config"
cp "$CA_BUNDLE" "$ROOT/etc/ssl/certs/ca-certificates.crt"
printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' > "$ROOT/etc/pip.conf"
# Like the official slim images: no apt caches, no docs.
rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/* "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/*

say "docker import as $TAG"
tar -C "$ROOT" -c . | docker import \
  --change "ENV PATH=$PREFIX/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV LANG=C.UTF-8" \
  --change 'CMD ["python3"]' \
  --message "Roland stand-in for the official python:3.11-slim-bookworm (CPython $VERSION, Debian bookworm minbase)" \
  - "$TAG" > /dev/null
docker run --rm --network host "$TAG" python -c 'import ssl, sqlite3, ctypes, lzma, bz2, uuid, sys; print("stand-in base: python", sys.version.split()[0], "ok")'
say "done: $TAG"
