#!/usr/bin/env bash
# Times `ldn population` on 10,000 virtual patients × 12 weeks at an hourly grid (Release build).
# Prints the command's own timing line from stderr; the JSON goes to /dev/null.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Ldn.Cli -v quiet -nologo >&2
dotnet run -c Release --no-build --project src/Ldn.Cli -- population --n 10000 --weeks 12 --output-step 1h --json "$@" 2>&1 > /dev/null \
  | grep 'subject-days/s'
