#!/usr/bin/env bash
# Sets up a development/CI machine for online-interview. Idempotent: when
# nothing is missing it only checks, which takes a few seconds (plus the build).
#
#   a. checks the OS (Debian 12+ / Ubuntu 22.04+) and Node.js (>= 20.19 on 20.x, or >= 24) + npm
#   b. installs the missing Debian packages (FFmpeg, Chromium, CJK fonts, nginx for the
#      reverse-proxy tests and bench:hls, the mediasoup worker's build dependencies;
#      meson >= 1.1 when the worker must be built)
#   c. builds (or reuses the cached) mediasoup worker (scripts/build-mediasoup-worker.sh),
#      runs `npm ci` when node_modules is missing or older than package-lock.json,
#      and places the worker at node_modules/mediasoup/worker/out/Release/mediasoup-worker
#   d. npm run build
#   e. prints a one-line summary
#
# Runs as root, or as a user with sudo (used for apt only). When started through
# sudo by a user who owns the checkout, the non-apt steps run as that user so
# node_modules, dist/ and the worker cache stay theirs.
#
# Environment:
#   OI_SKIP_BUILD=1   skip step d (`npm run build`) only
#   OI_CACHE_DIR      cache root for the worker binary (default ~/.cache/online-interview)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

t_start=${EPOCHREALTIME:-$(date +%s)}
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The worker cache lives under $HOME/.cache by default; some CI/cron environments lack HOME.
if [[ -z ${HOME:-} ]]; then HOME=$(getent passwd "$(id -u)" | cut -d: -f6); export HOME; fi
cd "$REPO_ROOT"

say() { echo "setup: $*"; }
warn() { echo "setup: warning: $*" >&2; }
die() { echo "setup: error: $*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="${EPOCHREALTIME:-$(date +%s)}" 'BEGIN { printf "%.1f", b - a }'; }

# shellcheck source=mediasoup-worker/ensure-meson.sh
. "$REPO_ROOT/scripts/mediasoup-worker/ensure-meson.sh"

# Non-apt steps run as the invoking user when started via sudo on their checkout.
RUN_AS=""
if [[ $EUID -eq 0 && -n ${SUDO_USER:-} && $SUDO_USER != root ]] && command -v sudo >/dev/null 2>&1 &&
  [[ "$(stat -c %U "$REPO_ROOT")" == "$SUDO_USER" ]]; then
  RUN_AS=$SUDO_USER
fi
as_user() {
  if [[ -n $RUN_AS ]]; then
    sudo -u "$RUN_AS" -H -- env PATH="$PATH" ${OI_CACHE_DIR:+OI_CACHE_DIR="$OI_CACHE_DIR"} "$@"
  else
    "$@"
  fi
}

# --- a. OS and Node.js -------------------------------------------------------------
[[ -r /etc/os-release ]] || die "cannot read /etc/os-release. Supported: Debian 12+ and Ubuntu 22.04+ (apt-based)."
os_id=$(. /etc/os-release && echo "${ID:-}")
os_like=$(. /etc/os-release && echo "${ID_LIKE:-}")
os_ver=$(. /etc/os-release && echo "${VERSION_ID:-}")
os_name=$(. /etc/os-release && echo "${PRETTY_NAME:-$os_id $os_ver}")
is_ubuntu=0
version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }
case $os_id in
  debian)
    # testing/sid have no VERSION_ID: newer than 12.
    [[ -z $os_ver ]] || version_ge "$os_ver" 12 ||
      die "$os_name is not supported. Supported: Debian 12 (bookworm) or newer, Ubuntu 22.04 or newer."
    ;;
  ubuntu)
    is_ubuntu=1
    version_ge "$os_ver" 22.04 ||
      die "$os_name is not supported. Supported: Debian 12 (bookworm) or newer, Ubuntu 22.04 or newer."
    ;;
  *)
    if [[ " $os_like " == *" ubuntu "* ]]; then
      is_ubuntu=1
      warn "$os_name is an Ubuntu derivative: treating it as Ubuntu (supported: Ubuntu 22.04+)."
    elif [[ " $os_like " == *" debian "* ]]; then
      warn "$os_name is a Debian derivative: treating it as Debian (supported: Debian 12+)."
    else
      die "$os_name is not supported. Supported: Debian 12 (bookworm) or newer, Ubuntu 22.04 or newer (apt, dpkg and the Debian package names are needed)."
    fi
    ;;
esac
command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1 ||
  die "apt-get/dpkg-query not found on $os_name."

node_help="install Node.js 24 LTS (or 20.19+) from nodejs.org, NodeSource's apt repository or nvm, then re-run. (With nvm, run this script without sudo: it uses sudo for apt itself.)"
command -v node >/dev/null 2>&1 || die "node not found: $node_help"
command -v npm >/dev/null 2>&1 || die "npm not found: $node_help"
node_ver=$(node -p 'process.versions.node')
node_major=${node_ver%%.*}
if ! { [[ $node_major -eq 20 ]] && version_ge "$node_ver" 20.19.0; } && [[ $node_major -lt 24 ]]; then
  die "Node.js $node_ver is not supported (package.json engines: >=20.19 <21 || >=24): $node_help"
fi

# --- b. Debian packages --------------------------------------------------------------
# nginx: only its binary is used (tests start it unprivileged on loopback); the package's own service is not needed.
pkgs=(ffmpeg fonts-noto-cjk nginx build-essential pkg-config ninja-build
  libuv1-dev libssl-dev libsrtp2-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler libusrsctp-dev)
# On Ubuntu "chromium" is a snap shim; the tests need a working /usr/bin/chromium.
((is_ubuntu)) || pkgs=(chromium "${pkgs[@]}")

installed=$(dpkg-query -W -f='${Package}\t${Status}\n' "${pkgs[@]}" 2>/dev/null || true)
missing=()
for p in "${pkgs[@]}"; do
  grep -q "^${p}"$'\t'"install ok installed$" <<<"$installed" || missing+=("$p")
done

# meson >= 1.1 is needed only when the worker is not cached yet.
worker_cached=0
as_user bash scripts/build-mediasoup-worker.sh --check >/dev/null 2>&1 && worker_cached=1

apt_note="apt: nothing to install"
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  oi_as_root apt-get update >&2
  oi_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  apt_note="apt: installed ${#missing[@]}"
fi
if ((!worker_cached)) && ! oi_meson_ok; then
  oi_ensure_meson || die "meson >= $OI_MESON_MIN is needed to build the mediasoup worker."
  apt_note="$apt_note + meson"
fi

if ((is_ubuntu)); then
  if [[ ! -x /usr/bin/chromium ]] || grep -qs snap /usr/bin/chromium; then
    warn "Ubuntu's chromium package is a snap shim. The browser tests need a working /usr/bin/chromium (a real Chromium binary or a wrapper starting one); setup continues without it."
  fi
fi

# --- c. mediasoup worker and node_modules ------------------------------------------------
t_worker=${EPOCHREALTIME:-$(date +%s)}
worker_bin=$(as_user bash scripts/build-mediasoup-worker.sh | tail -n1)
[[ -x $worker_bin ]] || die "scripts/build-mediasoup-worker.sh gave no binary (got '$worker_bin')"
if ((worker_cached)); then worker_note="worker: cached"; else worker_note="worker: built in $(elapsed "$t_worker") s"; fi

npm_note="npm ci: up to date"
if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "npm ci"
  t_npm=${EPOCHREALTIME:-$(date +%s)}
  # mediasoup's postinstall is denied in package.json's allowScripts (npm 11) and
  # is a no-op when MEDIASOUP_WORKER_BIN is set (npm 10).
  # Native addons (node-gyp) build against the running Node's own headers when it ships
  # them, instead of downloading a header tarball.
  npm_args=(--no-audit --no-fund)
  node_prefix=$(dirname "$(dirname "$(command -v node)")")
  if [[ -f $node_prefix/include/node/node.h && -f $node_prefix/include/node/common.gypi ]]; then
    npm_args+=(--nodedir="$node_prefix")
  fi
  as_user env MEDIASOUP_WORKER_BIN="$worker_bin" npm ci "${npm_args[@]}"
  npm_note="npm ci: $(elapsed "$t_npm") s"
fi

[[ -d node_modules/mediasoup ]] || die "node_modules/mediasoup is missing after npm ci"
dest=node_modules/mediasoup/worker/out/Release/mediasoup-worker
if ! cmp -s "$worker_bin" "$dest"; then
  as_user mkdir -p "$(dirname "$dest")"
  # Copy then rename: replacing a running executable in place fails (ETXTBSY).
  as_user cp "$worker_bin" "$dest.tmp.$$"
  as_user mv -f "$dest.tmp.$$" "$dest"
  worker_note="$worker_note, installed into node_modules"
fi

# --- d. build --------------------------------------------------------------------------
build_note="build: skipped (OI_SKIP_BUILD=1)"
if [[ ${OI_SKIP_BUILD:-0} != 1 ]]; then
  t_build=${EPOCHREALTIME:-$(date +%s)}
  as_user npm run build
  build_note="build: $(elapsed "$t_build") s"
fi

# --- e. summary -------------------------------------------------------------------------
say "ok in $(elapsed "$t_start") s ($apt_note; $worker_note; $npm_note; $build_note) — $os_name, node $node_ver, worker $worker_bin"
