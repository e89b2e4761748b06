# shellcheck shell=bash
# Sourced by scripts/setup.sh and scripts/build-mediasoup-worker.sh.
#
# mediasoup's worker needs meson >= 1.1; Debian 12 ships 1.0.1. On bookworm we
# add bookworm-backports (same mirror as the machine's main Debian source) and
# install meson from there. Where the distribution's own meson is new enough
# (Debian 13, Ubuntu 24.04) it is used as is. pip/PyPI is never used.

OI_MESON_MIN=1.1.0

# Runs a command as root: directly when root, through sudo otherwise.
oi_as_root() {
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: '$*' needs root and sudo is not installed; run this script as root." >&2
    return 1
  fi
}

# True when `meson` is on PATH and its version is >= OI_MESON_MIN.
oi_meson_ok() {
  local v
  command -v meson >/dev/null 2>&1 || return 1
  v=$(meson --version 2>/dev/null) || return 1
  [[ -n $v && "$(printf '%s\n%s\n' "$OI_MESON_MIN" "$v" | sort -V | head -n1)" == "$OI_MESON_MIN" ]]
}

# Prints "URI<TAB>Signed-By" of the machine's main Debian source for suite $1
# (deb822 *.sources or one-line *.list); prints nothing when none is found.
oi_debian_mirror() {
  local suite=$1 f out=""
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    out=$(awk -v suite="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""; signed = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^[ \t]*#/) continue
          key = tolower(line); sub(/:.*/, "", key)
          val = line; sub(/^[^:]*:[ \t]*/, "", val); sub(/[ \t]+$/, "", val)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "suites") suites = val
          else if (key == "signed-by") signed = val
          else if (key == "enabled") enabled = tolower(val)
        }
        if (enabled == "no" || (" " types " ") !~ / deb /) next
        n = split(suites, s, /[ \t]+/)
        for (j = 1; j <= n; j++) if (s[j] == suite) {
          split(uris, u, /[ \t]+/); printf "%s\t%s\n", u[1], signed; exit
        }
      }' "$f")
    [[ -n $out ]] && break
  done
  if [[ -z $out ]]; then
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -f $f ]] || continue
      # deb [options] URI SUITE COMPONENTS...
      out=$(sed -E 's/\[[^]]*\]//' "$f" | awk -v suite="$suite" '$1 == "deb" && $3 == suite { printf "%s\t\n", $2; exit }')
      [[ -n $out ]] && break
    done
  fi
  if [[ -n $out ]]; then printf '%s\n' "$out"; fi
}

# Makes sure meson >= OI_MESON_MIN is on PATH (installing it with apt if needed).
oi_ensure_meson() {
  oi_meson_ok && return 0
  local id="" codename="" version_id=""
  # shellcheck disable=SC1091
  if [[ -r /etc/os-release ]]; then
    id=$(. /etc/os-release && echo "${ID:-}")
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    version_id=$(. /etc/os-release && echo "${VERSION_ID:-}")
  fi
  if [[ $id == debian && $codename == bookworm ]]; then
    local bp="${codename}-backports"
    if ! grep -Rqs --include='*.list' --include='*.sources' -E "(^|[[:space:]])${bp}([[:space:]]|$)" \
        /etc/apt/sources.list /etc/apt/sources.list.d/; then
      local mirror uri signed
      mirror=$(oi_debian_mirror "$codename" || true)
      uri=${mirror%%$'\t'*}
      signed=""
      [[ $mirror == *$'\t'* ]] && signed=${mirror#*$'\t'}
      [[ -n $uri ]] || uri=http://deb.debian.org/debian
      echo "setup: adding ${bp} (${uri}) for meson >= ${OI_MESON_MIN}" >&2
      {
        echo "# Added by online-interview scripts/setup.sh: meson >= ${OI_MESON_MIN} for the mediasoup worker build."
        echo "Types: deb"
        echo "URIs: ${uri}"
        echo "Suites: ${bp}"
        echo "Components: main"
        if [[ -n $signed ]]; then echo "Signed-By: ${signed}"; fi
      } | oi_as_root tee /etc/apt/sources.list.d/online-interview-backports.sources >/dev/null
    fi
    oi_as_root apt-get update >&2
    oi_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -t "$bp" meson >&2
  else
    # Newer distributions (Debian 13+, Ubuntu 24.04+) ship meson >= 1.1.
    local cand
    cand=$(apt-cache policy meson 2>/dev/null | awk '/Candidate:/ { print $2 }')
    if [[ -z $cand || $cand == "(none)" ]] || ! dpkg --compare-versions "$cand" ge "$OI_MESON_MIN"; then
      oi_as_root apt-get update >&2
      cand=$(apt-cache policy meson 2>/dev/null | awk '/Candidate:/ { print $2 }')
    fi
    if [[ -n $cand && $cand != "(none)" ]] && dpkg --compare-versions "$cand" ge "$OI_MESON_MIN"; then
      oi_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends meson >&2
    else
      echo "error: meson >= ${OI_MESON_MIN} is needed to build the mediasoup worker, and ${id:-this system} ${version_id} offers '${cand:-none}'." >&2
      echo "       Install meson >= ${OI_MESON_MIN} yourself (on PATH), then re-run. Debian 12 (bookworm-backports), Debian 13 and Ubuntu 24.04 have it." >&2
      return 1
    fi
  fi
  hash -r
  if ! oi_meson_ok; then
    echo "error: meson >= ${OI_MESON_MIN} still not on PATH after install (found: $(meson --version 2>/dev/null || echo none) at $(command -v meson || echo '-'))." >&2
    return 1
  fi
}
