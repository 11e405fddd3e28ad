#!/usr/bin/env bash
# Runs the bundled sample (tests/Sample) through the freshly packed SessionResume.Build package:
#   pack -> copy the sample into a new git repository -> dotnet build (fails: CS0029)
#   -> dotnet test (fails too) -> .session-state.json -> dotnet msbuild -t:SessionRestore
# Usage, from anywhere: bash tests/run-sample.sh
# Environment: SAMPLE_DIR=<dir> to use that (new or empty) folder instead of a temporary one.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="$repo_root/artifacts"
version="1.0.0-local.$(date -u +%Y%m%d%H%M%S)"

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
msbuild_args=(-nodeReuse:false -tl:off "-p:SessionResumeVersion=$version")

if [[ -t 1 ]]; then
    step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
else
    step() { printf '\n==> %s\n' "$*"; }
fi

# 1. Pack. A fresh version every run, so no NuGet cache can serve an older build of the package.
step "dotnet pack src/SessionResume.Build/SessionResume.Build.csproj -c Release -o artifacts -p:Version=$version"
mkdir -p "$artifacts"
rm -f "$artifacts"/SessionResume.Build.1.0.0-local.*.nupkg
(cd "$repo_root" && dotnet pack src/SessionResume.Build/SessionResume.Build.csproj -c Release -o "$artifacts" \
    "-p:Version=$version" -nodeReuse:false -tl:off)
nupkg="$artifacts/SessionResume.Build.$version.nupkg"
[[ -f "$nupkg" ]] || { echo "error: $nupkg was not produced" >&2; exit 1; }

# 2. A copy of the sample in its own git repository: that folder is the session root.
# The folder is called Sample, which the state file reports as the project's name.
sample="${SAMPLE_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/sessionresume-sample.XXXXXX")/Sample}"
mkdir -p "$sample"
step "Copying tests/Sample to $sample"
tar -C "$repo_root/tests/Sample" --exclude=bin --exclude=obj --exclude=TestResults -cf - . | tar -C "$sample" -xf -
cat > "$sample/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <!-- Added to the machine's usual sources: the package packed a moment ago. -->
    <add key="SessionResume.Build local" value="$artifacts" />
  </packageSources>
</configuration>
XML
# Packages go to a cache of their own (kept under artifacts/ so reruns need not download xunit again).
export NUGET_PACKAGES="$artifacts/sample-packages"
rm -rf "$NUGET_PACKAGES/sessionresume.build"
cd "$sample"
git init -q
git add -A
git -c user.name=sample -c user.email=sample@localhost -c commit.gpgsign=false commit -q -m "SessionResume.Build sample"

step "dotnet restore"
dotnet restore Sample.sln "${msbuild_args[@]}"

# 3. The build fails on purpose (CS0029 in src/Parsing/NumberText.cs); the package records why.
step "dotnet build   (expected to fail: CS0029 in src/Parsing/NumberText.cs)"
build_rc=0
dotnet build Sample.sln "${msbuild_args[@]}" || build_rc=$?
echo "dotnet build exited with $build_rc"

# 4. dotnet test fails too: Parsing still does not compile, and one Calculator test fails.
step "dotnet test   (expected to fail as well)"
test_rc=0
dotnet test Sample.sln "${msbuild_args[@]}" || test_rc=$?
echo "dotnet test exited with $test_rc"

# 5. What the package wrote.
state="$sample/.session-state.json"
step ".session-state.json (first 40 lines)"
if [[ -f "$state" ]]; then
    head -n 40 "$state"
    lines=$(wc -l < "$state")
    if (( lines > 40 )); then echo "... ($lines lines in all: $state)"; fi
else
    echo "(not there)"
fi

echo
echo "Sample folder: $sample"

# 6. The summary a new session would read first.
step "dotnet msbuild -t:SessionRestore -nologo"
dotnet msbuild Sample.sln -t:SessionRestore -nologo "${msbuild_args[@]}"

if [[ ! -f "$state" ]]; then
    echo "error: the build did not create $state" >&2
    exit 1
fi
if (( build_rc == 0 )); then
    echo "error: dotnet build succeeded, but the sample has a compile error on purpose" >&2
    exit 1
fi
