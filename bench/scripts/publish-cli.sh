#!/bin/bash
# Publishes the command line as it is installed for use: framework-dependent for linux-x64, its code compiled ahead of
# time (ReadyToRun), so a command does not spend its first ~0.1–0.3 s compiling Fulcrum's, Spectre's and DuckDB.NET's
# code (a `dotnet build` output is compiled just in time on every start). Run it as `DIR/fulcrum` or `dotnet DIR/fulcrum.dll`.
#
# usage: bench/scripts/publish-cli.sh DIR
set -euo pipefail
DIR=${1:?usage: publish-cli.sh DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
dotnet publish "$HERE/../../src/Fulcrum.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$DIR"
