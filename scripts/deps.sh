#!/usr/bin/env bash
# Installs what building Clippings needs and is missing: the C compiler and
# the X11/OpenGL headers Fyne links against (Debian/Ubuntu packages, through
# apt-get, with sudo when not root), and the Go modules (go mod download).
# Extra Debian packages to check can be given as arguments.
set -euo pipefail

pkgs=(gcc libc6-dev pkg-config libgl-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev "$@")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    echo "deps: missing ${missing[*]}, and this is not a Debian/Ubuntu system: install them with your package manager." >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "deps: installing Debian packages: ${missing[*]} (apt-get${sudo:+, with sudo})"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The go line of go.mod is the oldest Go that builds Clippings; a Go from
# 1.21 on fetches that version itself (GOTOOLCHAIN=auto, the default).
want=$(awk '$1 == "go" { print $2; exit }' "$(dirname "$0")/../go.mod")
if ! command -v go >/dev/null; then
  echo "deps: Go is not installed. Install Go $want or newer from https://go.dev/dl/." >&2
  exit 1
fi
have=$(go env GOVERSION 2>/dev/null || true)
if [ "$(printf '%s\n' "go$want" "$have" | sort -V | head -n1)" != "go$want" ]; then
  echo "deps: go.mod asks for Go $want and this is $have: the go command fetches go$want itself unless GOTOOLCHAIN=local (then install Go $want or newer from https://go.dev/dl/)."
fi
if ! go list -m -mod=readonly all >/dev/null 2>&1; then
  echo "deps: downloading Go modules (go mod download)"
fi
go mod download
echo "deps: build tools, C headers and Go modules are in place"
