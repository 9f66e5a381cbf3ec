#!/usr/bin/env bash
# Builds the root filesystem layer that the operator's image runs on, without pulling a base image: a Java runtime
# made by jlink from the build's JDK (only the modules the operator uses), the shared libraries it needs from this
# machine (glibc and friends, found with ldd, copied under their own paths, as distroless images carry them), the
# NSS modules name resolution loads at run time, a CA bundle, and /etc files for the non-root user 65532.
# Jib adds it as the image's first layer (operator/pom.xml, profile "image").
#
# Usage: tools/image-runtime.sh OPERATOR_JAR OUT_DIR
set -euo pipefail
jar="$1"; out="$2"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[[ -d "$JAVA_HOME/jmods" ]] || { echo "image-runtime: $JAVA_HOME has no jmods (install the JDK's jmods package)" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/app"

# The modules the operator uses (jdeps cannot tell from the shaded jar: much is reached by reflection and service
# loading). ImageIT runs the image, so a missing module fails the build.
modules="java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec"
modules+=",jdk.crypto.cryptoki,jdk.httpserver,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods" --add-modules "$modules" --strip-debug --no-header-files \
  --no-man-pages --compress=2 --output "$out/opt/java"

# The CA bundle may be a symbolic link into /etc on this machine: the image gets the file itself.
cacerts="$out/opt/java/lib/security/cacerts"
if [[ -L "$cacerts" || ! -s "$cacerts" ]]; then
  src=$(readlink -f "$JAVA_HOME/lib/security/cacerts")
  rm -f "$cacerts"; cp "$src" "$cacerts"
fi
find "$out/opt/java" -type l | while read -r link; do
  target=$(readlink -f "$link"); rm "$link"; [[ -f "$target" ]] && cp "$target" "$link"
done

# Shared libraries of every binary and library of the runtime, and the NSS modules glibc opens by name.
copy_lib() {
  local lib="$1"
  [[ -e "$lib" && "$lib" != "$out"/* ]] || return 0
  local dest="$out$lib"
  [[ -e "$dest" ]] && return 0
  mkdir -p "$(dirname "$dest")"
  cp "$(readlink -f "$lib")" "$dest"
}
nss=$(ls /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
  /lib/x86_64-linux-gnu/libresolv.so.2 2>/dev/null || true)
for f in $(find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \)) $nss; do
  ldd "$f" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p' | while read -r lib; do
    copy_lib "$lib"
  done
done
for lib in $nss; do copy_lib "$lib"; done

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:vb365-operator:/tmp:/sbin/nologin
PASSWD
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
chmod 1777 "$out/tmp"
echo "image-runtime: $(du -sh "$out" | cut -f1) in $out (modules: $modules)"
