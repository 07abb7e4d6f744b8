#!/usr/bin/env bash
# Builds the importer of an older commit (default e46062e, the commit issue 15 measured 440 works/s on) with this benchmark's
# own measuring code (RealFileMeasurement.cs), in Release, outside the repository: the commit's tree is exported with
# `git archive` to /tmp (no worktree is registered) and a one-file project that references its ScholarGraph.Storage is added.
# Prints the path of the built measuring program, which the benchmark takes as --baseline.
set -euo pipefail
commit="${1:-e46062e}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
tree="/tmp/scholargraph-baseline-$commit"
if [ ! -f "$tree/src/ScholarGraph.Storage/ScholarGraph.Storage.csproj" ]; then
  mkdir -p "$tree"
  git -C "$repo" archive "$commit" | tar -x -C "$tree"
fi
project="$tree/bench/Baseline.Measure"
mkdir -p "$project"
cp "$here/RealFileMeasurement.cs" "$project/"
cat > "$project/Program.cs" <<'CS'
await ScholarGraph.Bench.Import.RealFileMeasurement.RunAsync(args);
CS
cat > "$project/Baseline.Measure.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <IsPackable>false</IsPackable>
    <ServerGarbageCollection>false</ServerGarbageCollection>
    <TieredPGO>true</TieredPGO>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="..\..\src\ScholarGraph.Storage\ScholarGraph.Storage.csproj" />
  </ItemGroup>
</Project>
XML
dotnet build -c Release "$project/Baseline.Measure.csproj" -nologo -v q >&2
echo "$project/bin/Release/net10.0/Baseline.Measure.dll"
