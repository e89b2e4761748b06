#!/usr/bin/env bash
# Builds the mediasoup 3.13.16 C++ worker from its npm tarball against the
# distribution's libraries (OpenSSL, libuv, libsrtp2, usrsctp, abseil,
# flatbuffers), without downloading anything but the npm tarball.
#
# Why: mediasoup's own install downloads a prebuilt worker (GitHub) or meson
# subprojects (GitHub/wrapdb); neither is reachable here. Instead each meson
# subproject folder is pre-created with a small meson.build wrapping the system
# library (scripts/mediasoup-worker/subprojects/<wrap name>/meson.build), and
# meson runs with --wrap-mode=nodownload.
#
# Patch applied (see shared FINDINGS): Debian's OpenSSL is built with kernel-TLS
# support; mediasoup's BIO callback (onSslBioOut) answered 1 to OpenSSL's KTLS
# control query, so OpenSSL skipped the DTLS write buffer and the worker
# segfaulted at the first DTLS packet. The test becomes a bit test.
#
# Output: the binary, cached under
#   ${OI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/online-interview}/mediasoup-worker-3.13.16-<hash>/mediasoup-worker
# where <hash> covers this script and scripts/mediasoup-worker/**. A second run
# is a no-op. The binary's path is the last line on stdout; logs go to stderr.
#
# Needs: npm, a C/C++ toolchain, pkg-config, ninja, flatc and the -dev packages
# installed by scripts/setup.sh; meson >= 1.1 (installed from bookworm-backports
# on Debian 12 when missing, via scripts/mediasoup-worker/ensure-meson.sh).
# Env: OI_CACHE_DIR (cache root), OI_KEEP_BUILD_DIR=1 (keep the temp build dir).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

MS_VERSION=3.13.16
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HELPER_DIR="$SCRIPT_DIR/mediasoup-worker"

log() { echo "[build-mediasoup-worker] $*" >&2; }
die() { echo "[build-mediasoup-worker] ERROR: $*" >&2; exit 1; }

# --- cache key -------------------------------------------------------------
# The binary links the system libraries dynamically, so the OS and the
# architecture are part of the key too.
os_tag=$(. /etc/os-release 2>/dev/null && echo "${ID:-unknown}-${VERSION_ID:-}")
build_hash=$(
  {
    echo "$MS_VERSION $(uname -m) $os_tag"
    cd "$SCRIPT_DIR" &&
      find build-mediasoup-worker.sh mediasoup-worker/subprojects -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  } | sha256sum | cut -c1-12
)
CACHE_ROOT=${OI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/online-interview}
OUT_DIR="$CACHE_ROOT/mediasoup-worker-$MS_VERSION-$build_hash"
BIN="$OUT_DIR/mediasoup-worker"

# A cached binary is reused when it runs its dynamic loader check cleanly.
cached_ok() {
  [[ -x $BIN ]] || return 1
  if command -v ldd >/dev/null 2>&1 && ldd "$BIN" 2>&1 | grep 'not found' >/dev/null; then
    log "cached $BIN misses shared libraries; rebuilding"
    return 1
  fi
}

if [[ ${1:-} == --check ]]; then
  # Exit 0 (and print the path) when the cached binary exists, 1 otherwise.
  cached_ok && { echo "$BIN"; exit 0; }
  exit 1
fi

if cached_ok; then
  log "using cached worker"
  echo "$BIN"
  exit 0
fi

mkdir -p "$CACHE_ROOT"
# Serialise concurrent builds; the winner's result is reused by the others.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/.mediasoup-worker.lock"
  flock 9
  if cached_ok; then
    log "using cached worker (built concurrently)"
    echo "$BIN"
    exit 0
  fi
fi

# --- prerequisites -----------------------------------------------------------
missing=()
for tool in npm tar cc c++ pkg-config ninja flatc; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
for mod in openssl libuv libsrtp2 usrsctp flatbuffers absl_flat_hash_map absl_strings absl_optional; do
  pkg-config --exists "$mod" 2>/dev/null || missing+=("pkg-config:$mod")
done
if ((${#missing[@]})); then
  die "missing: ${missing[*]}. Run scripts/setup.sh, or: apt-get install build-essential pkg-config ninja-build libuv1-dev libssl-dev libsrtp2-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler libusrsctp-dev"
fi

# shellcheck source=mediasoup-worker/ensure-meson.sh
. "$HELPER_DIR/ensure-meson.sh"
oi_ensure_meson || die "meson >= $OI_MESON_MIN is required"

# --- sources -----------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mediasoup-worker-build.XXXXXX")
cleanup() {
  if [[ ${OI_KEEP_BUILD_DIR:-0} == 1 ]]; then
    log "build dir kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

start=$SECONDS
log "building mediasoup-worker $MS_VERSION (key $build_hash) in $WORK"
cd "$WORK"
tarball=$(npm pack "mediasoup@$MS_VERSION" --ignore-scripts --silent | tail -n1)
[[ -f $tarball ]] || die "npm pack mediasoup@$MS_VERSION failed (is the npm registry reachable?)"
tar xzf "$tarball"
WORKER="$WORK/package/worker"
[[ -f $WORKER/meson.build ]] || die "unexpected tarball layout: no package/worker/meson.build"

# --- DTLS/KTLS patch -----------------------------------------------------------
dtls="$WORKER/src/RTC/DtlsTransport.cpp"
n=$(grep -c 'operationType == BIO_CB_RETURN' "$dtls" || true)
if [[ $n != 1 ]]; then
  die "DTLS/KTLS patch: expected exactly one 'operationType == BIO_CB_RETURN' in worker/src/RTC/DtlsTransport.cpp, found ${n:-0}. The worker would crash at the first DTLS packet with Debian's OpenSSL; refusing to build."
fi
sed -i 's/(operationType == BIO_CB_RETURN)/(operationType \& BIO_CB_RETURN)/; s/operationType == BIO_CB_RETURN/(operationType \& BIO_CB_RETURN)/' "$dtls"
grep -q '(operationType & BIO_CB_RETURN)' "$dtls" && ! grep -q 'operationType == BIO_CB_RETURN' "$dtls" ||
  die "DTLS/KTLS patch did not apply to $dtls"
log "patched DtlsTransport.cpp: $(grep -n 'operationType & BIO_CB_RETURN' "$dtls" | sed 's/^[[:space:]]*//;s/\t/ /g')"

# --- subproject stand-ins --------------------------------------------------------
for name in openssl libuv libsrtp2 usrsctp abseil-cpp catch2 flatbuffers; do
  wrap="$WORKER/subprojects/$name.wrap"
  [[ -f $wrap ]] || die "missing $wrap"
  dir=$(sed -n 's/^[[:space:]]*directory[[:space:]]*=[[:space:]]*//p' "$wrap" | head -n1 | tr -d '[:space:]')
  [[ -n $dir ]] || die "no 'directory =' line in $wrap"
  src="$HELPER_DIR/subprojects/$name"
  [[ -f $src/meson.build ]] || die "missing stand-in $src/meson.build"
  mkdir -p "$WORKER/subprojects/$dir"
  cp "$src"/* "$WORKER/subprojects/$dir/"
  echo '/* Empty: placeholder library for the unused libmediasoup-worker target. */' > "$WORKER/subprojects/$dir/empty.c"
done

# --- configure and build -----------------------------------------------------------
# meson/ninja output goes to a log file (shown on failure) to keep CI logs short.
jobs=$(nproc 2>/dev/null || echo 2)
BUILD_LOG="$CACHE_ROOT/mediasoup-worker-$MS_VERSION-build.log"
: >"$BUILD_LOG"
step() {
  local what=$1
  shift
  log "$what"
  if ! "$@" >>"$BUILD_LOG" 2>&1; then
    tail -n 60 "$BUILD_LOG" >&2
    die "$what failed; full log: $BUILD_LOG"
  fi
}
cd "$WORKER"
log "meson $(meson --version), $jobs jobs (about 2.5 min on 2 idle cores), log: $BUILD_LOG"
step "meson setup" meson setup out/Release \
  --wrap-mode=nodownload \
  --buildtype release \
  -Db_ndebug=true -Db_pie=true -Db_staticpic=true \
  -Dms_disable_liburing=true
step "compile flatbuffers-generator" meson compile -C out/Release -j "$jobs" flatbuffers-generator
step "compile mediasoup-worker" meson compile -C out/Release -j "$jobs" mediasoup-worker

built="$WORKER/out/Release/mediasoup-worker"
[[ -x $built ]] || die "no binary at $built"
if ldd "$built" 2>&1 | grep 'not found' >/dev/null; then
  ldd "$built" >&2
  die "built worker misses shared libraries"
fi

mkdir -p "$OUT_DIR"
cp "$built" "$OUT_DIR/mediasoup-worker.tmp.$$"
mv -f "$OUT_DIR/mediasoup-worker.tmp.$$" "$BIN"
{
  echo "mediasoup $MS_VERSION worker, key $build_hash"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $os_tag $(uname -m) with meson $(meson --version), $(c++ --version | head -n1)"
  echo "patch: DtlsTransport.cpp onSslBioOut '(operationType & BIO_CB_RETURN)' (KTLS fix)"
  echo "shared libraries:"
  ldd "$BIN" | sed 's/^/  /'
} > "$OUT_DIR/BUILD-INFO.txt"
log "done in $((SECONDS - start)) s"
echo "$BIN"
