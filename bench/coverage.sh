#!/usr/bin/env bash
# The coverage study of the journal analysis' 95% intervals (docs/journal-analysis.md): simulated journals
# whose truth is known, 1,000 per cell unless a number is given. Release build; prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Ldn.Bench -v quiet -nologo >&2
dotnet run -c Release --no-build --project bench/Ldn.Bench -- coverage "${1:-1000}"
