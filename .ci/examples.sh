#!/usr/bin/env bash
# Every package in Examples/ builds warning-free under Swift 6, passes its tests, runs, and keeps its committed
# generated code in step with its specs, as an outside package that depends on cqrs-gen by path would.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product cqrs-gen
generator="$PWD/.build/debug/cqrs-gen"

for example in Examples/*/; do
  example="${example%/}"
  echo "== $example"
  (
    cd "$example"
    swift build -Xswiftc -warnings-as-errors
    swift test
    # Each target that holds a spec or a configuration has a committed copy under the example's Generated/.
    for folder in Sources/*/; do
      target="$(basename "$folder")"
      if [ -e "$folder/operations.yaml" ] || [ -e "$folder/cqrs-gen-config.yaml" ]; then
        config=()
        [ -e "$folder/cqrs-gen-config.yaml" ] && config=(--config "$folder/cqrs-gen-config.yaml")
        spec=()
        [ -e "$folder/operations.yaml" ] && spec=("$folder/operations.yaml")
        "$generator" lint --warnings-as-errors "${spec[@]}" "${config[@]}"
        "$generator" check "${spec[@]}" "${config[@]}" --target "$target"
      fi
    done
  )
done
# The executables run.
(cd Examples/TodoList && swift run todo)
(cd Examples/Storefront && swift run storefront)
