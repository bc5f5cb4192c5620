#!/usr/bin/env bash
# When does ./plumbline rebuild? Runs a copy of the wrapper in a scratch checkout with a fake `dotnet` whose
# "publish" writes a stub binary and counts builds, and checks:
#   1. the first run builds; a second run does not;
#   2. an edited source builds once more;
#   3. a source edited while a build runs makes the next run build again (the build recorded what it started from);
#   4. a source dated a year ahead builds once, not on every run.
# Usage: wrapper-staleness.sh PATH/TO/plumbline        Exit 0 when every check holds.
set -euo pipefail

wrapper="$(readlink -f "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

repo="$work/repo"
mkdir -p "$repo/src/Plumbline.Cli" "$repo/examples" "$repo/schema" "$work/bin"
cp "$wrapper" "$repo/plumbline"
echo '<Project />' >"$repo/src/Plumbline.Cli/Plumbline.Cli.csproj"
echo 'class A {}' >"$repo/src/Plumbline.Cli/A.cs"
echo 'plumbline: 1' >"$repo/examples/e.yaml"
echo '{}' >"$repo/schema/s.json"
echo '<Project />' >"$repo/Directory.Build.props"
echo '<Project />' >"$repo/Directory.Packages.props"
echo '{}' >"$repo/global.json"

# The fake SDK: `dotnet publish ... -o DIR` counts a build, edits a source if asked to (as a person saving a
# file mid-build would), and writes a binary that echoes its arguments.
cat >"$work/bin/dotnet" <<'FAKE'
#!/usr/bin/env bash
out=""
while [ $# -gt 0 ]; do
    if [ "$1" = "-o" ]; then out="$2"; shift; fi
    shift
done
echo build >>"$FAKE_BUILDS"
if [ -n "${FAKE_EDIT_DURING_BUILD:-}" ]; then
    sleep 0.05
    echo '// edited during the build' >>"$FAKE_EDIT_DURING_BUILD"
fi
mkdir -p "$out"
printf '#!/bin/sh\necho "ran $*"\n' >"$out/plumbline"
chmod +x "$out/plumbline"
FAKE
chmod +x "$work/bin/dotnet"
export PATH="$work/bin:$PATH" FAKE_BUILDS="$work/builds"
: >"$FAKE_BUILDS"

builds() { wc -l <"$FAKE_BUILDS" | tr -d ' '; }
run() { "$repo/plumbline" --version >"$work/out" 2>"$work/err"; grep -qx 'ran --version' "$work/out" || { echo "FAIL: the binary did not run: $(cat "$work/out" "$work/err")"; exit 1; }; }
expect() { [ "$(builds)" = "$1" ] || { echo "FAIL: $2: expected $1 builds, saw $(builds)"; exit 1; }; }

run; expect 1 "the first run builds"
run; expect 1 "an unchanged checkout does not build again"

sleep 0.05; echo '// changed' >>"$repo/src/Plumbline.Cli/A.cs"
run; expect 2 "an edited source builds"
run; expect 2 "and then not again"

sleep 0.05; echo '// changed again' >>"$repo/examples/e.yaml"
FAKE_EDIT_DURING_BUILD="$repo/src/Plumbline.Cli/A.cs" run; expect 3 "a changed example builds"
run; expect 4 "a source edited during the build makes the next run build again"
run; expect 4 "and then not again"

touch -d '+1 year' "$repo/src/Plumbline.Cli/A.cs"
run; expect 5 "a source dated in the future builds once"
run; expect 5 "and not on every run after"
run; expect 5 "nor the one after"

echo '// new file' >"$repo/src/Plumbline.Cli/B.cs"
run; expect 6 "a new source builds"
rm "$repo/src/Plumbline.Cli/B.cs"
run; expect 7 "a deleted source builds"

echo "ok: 14 runs, 7 builds, each when it should"
