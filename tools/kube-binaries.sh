#!/usr/bin/env bash
# Builds kube-apiserver, kubectl and etcd for one pinned Kubernetes release from Go modules and caches
# them where fabric8's kube-api-test (and this project's test harness) look for them:
#   ${KUBE_API_TEST_DIR:-~/.kubeapitest}/k8s/<version>-linux-<arch>/{kube-apiserver,kubectl,etcd}
# Takes seconds when they are there. Nothing is built inside the repository.
#
# Why a throwaway module: k8s.io/kubernetes requires its staging modules (k8s.io/api, k8s.io/apiserver,
# ...) at v0.0.0 and maps them to ./staging, so it cannot be `go install`ed. The throwaway module requires
# it and replaces every staging module its go.mod lists at v0.0.0 with the published v0.<minor>.<patch>.
# etcd's server (a main package) is already in Kubernetes' module graph, so it builds from the same
# module at the version Kubernetes itself is tested with.
#
# Usage: tools/kube-binaries.sh [--print-dir]   (--print-dir: only print the binaries' directory)
set -euo pipefail

K8S_VERSION="${VB365_K8S_VERSION:-1.36.3}"
case "$(uname -m)" in
  x86_64) ARCH=amd64 ;;
  aarch64|arm64) ARCH=arm64 ;;
  *) echo "kube-binaries: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
BASE="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}"
DEST="$BASE/k8s/$K8S_VERSION-linux-$ARCH"
STAMP="$DEST/.built-by-vb365"

if [[ "${1:-}" == "--print-dir" ]]; then echo "$DEST"; exit 0; fi

have_all() { [[ -x "$DEST/kube-apiserver" && -x "$DEST/kubectl" && -x "$DEST/etcd" ]]; }
if have_all; then
  echo "kube-binaries: Kubernetes $K8S_VERSION binaries cached in $DEST"
  exit 0
fi

# One build at a time (CI's provisioning step and a test that finds the binaries missing may both get here).
mkdir -p "$BASE"
exec 9>"$BASE/.kube-binaries-$K8S_VERSION.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if have_all; then
  echo "kube-binaries: Kubernetes $K8S_VERSION binaries cached in $DEST (built meanwhile)"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
kube-binaries: Go is not installed, so kube-apiserver, kubectl and etcd $K8S_VERSION cannot be built.
  Either install Go (1.26 or newer) and run this script again, or, on a machine with internet access,
  put the official binaries into $DEST (what kube-api-test downloads:
  see "Real Kubernetes binaries" in README.md).
MSG
  exit 1
fi

MINOR="${K8S_VERSION#*.}"; MINOR="${MINOR%%.*}"
STAGING_VERSION="v0.${K8S_VERSION#*.}"
WORK="${VB365_K8S_BUILD_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/vb365-operator/k8s-build-$K8S_VERSION}"
mkdir -p "$WORK" "$DEST"
cd "$WORK"
start=$(date +%s)
echo "kube-binaries: building Kubernetes $K8S_VERSION (kube-apiserver, kubectl, etcd) in $WORK; the first build downloads about 1 GB of modules and takes a while"

export CGO_ENABLED=0 GOFLAGS="${GOFLAGS:--buildvcs=false}"
# The module graph of k8s.io/kubernetes, to read its staging list from.
K8S_MOD=$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')
[[ -f "$K8S_MOD" ]] || { echo "kube-binaries: could not download k8s.io/kubernetes@v$K8S_VERSION" >&2; exit 1; }
mapfile -t STAGING < <(sed -n 's/^[[:space:]]*\(k8s\.io\/[A-Za-z0-9._/-]*\) v0\.0\.0$/\1/p' "$K8S_MOD" | sort -u)
[[ ${#STAGING[@]} -gt 10 ]] || { echo "kube-binaries: found no staging modules in $K8S_MOD" >&2; exit 1; }

{
  echo "module vb365.dev/k8s-binaries"
  echo
  echo "go 1.26"
  echo
  echo "require k8s.io/kubernetes v$K8S_VERSION"
  echo
  echo "replace ("
  for m in "${STAGING[@]}"; do echo "	$m => $m $STAGING_VERSION"; done
  echo ")"
} > go.mod
cat > tools.go <<'GO'
//go:build tools

// Package tools only names the commands this module builds.
package tools

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
ETCD_VERSION=$(sed -n 's/^[[:space:]]*go\.etcd\.io\/etcd\/server\/v3 \(v[0-9.]*\).*/\1/p' "$K8S_MOD")
go mod edit -require="go.etcd.io/etcd/server/v3@$ETCD_VERSION"
go mod tidy

# Version stamps: without them /version says v0.0.0 and version-checking clients (Helm) misbehave.
BUILD_DATE=$(date -u -d "@${SOURCE_DATE_EPOCH:-0}" +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  LDFLAGS+=" -X $pkg.gitVersion=v$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$MINOR"
  LDFLAGS+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$BUILD_DATE -X $pkg.gitCommit=v$K8S_VERSION"
done
ETCD_LDFLAGS="-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=$ETCD_VERSION"

tmp="$DEST/.partial"; rm -rf "$tmp"; mkdir -p "$tmp"
go build -trimpath -ldflags "$LDFLAGS" -o "$tmp/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
go build -trimpath -ldflags "$LDFLAGS" -o "$tmp/kubectl" k8s.io/kubernetes/cmd/kubectl
go build -trimpath -ldflags "$ETCD_LDFLAGS" -o "$tmp/etcd" go.etcd.io/etcd/server/v3
mv "$tmp"/* "$DEST"/ && rmdir "$tmp"
echo "kubernetes v$K8S_VERSION, etcd $ETCD_VERSION, built $(date -u +%FT%TZ) with $(go version)" > "$STAMP"
"$DEST/kube-apiserver" --version
"$DEST/kubectl" version --client
"$DEST/etcd" --version | sed -n 1p
echo "kube-binaries: built in $(( $(date +%s) - start )) s into $DEST"
