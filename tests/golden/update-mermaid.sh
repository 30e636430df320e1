#!/bin/sh
# Regenerates the golden Mermaid and Markdown exports that tests/cli/test_export_mermaid.sh compares with.
# For every map in maps/ and tests/export/tricky.yaml: tests/golden/<map>.mmd and <map>.md.
# Run from the top of the source tree after a deliberate change to the mermaid or markdown export,
# then review the diff before committing:
#   make && CJM=build/cjm sh tests/golden/update-mermaid.sh
CJM=${CJM:-build/cjm} exec sh tests/cli/test_export_mermaid.sh --update
