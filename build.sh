#!/usr/bin/env bash
# Samtaleplan build and test driver.
#
#   ./build.sh          build the release WebAssembly module into www/pkg, and the embeddable
#                       element's npm package into dist/samtaleplan
#   ./build.sh serve    build, then serve www/ on http://127.0.0.1:8080
#   ./build.sh test     everything CI runs: fmt, clippy (native and wasm32), native tests,
#                       wasm-bindgen-test in headless Chromium and Firefox, and the page's
#                       end-to-end tests (Chromium; the main paths also in Firefox and WebKit)
#   ./build.sh bench    print speed and size figures (native and in headless Chromium)
#   ./build.sh mutants [rules|plan|contract|vocabulary|caseload]
#                       mutation testing (cargo-mutants) of the rules (src/rules/), the plan (src/plan/),
#                       the contract (src/contract/), the vocabulary (src/vocabulary/) and the caseload's
#                       counts: slow (up to two hours a part on 2 cores), so neither in `test` nor in CI. Fails
#                       on a missed mutant that docs/mutants.md does not explain; the reports are in
#                       target/mutants/<part>/mutants.out/; MUTANTS_ARGS=--iterate tests again
#                       only what the last run did not catch
#
# Each command installs what is missing on a fresh Debian machine (the wasm32 target,
# wasm-bindgen-cli at the Cargo.lock version, Chromium and ChromeDriver, Firefox ESR, WebKitGTK's
# WebKitWebDriver and Xvfb through apt when run as root, geckodriver through cargo install,
# playwright-core, selenium-webdriver and binaryen's wasm-opt through npm ci) and says what to
# install when it cannot.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

WASM_TARGET=wasm32-unknown-unknown
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
FIREFOX=${FIREFOX:-/usr/bin/firefox-esr}
WEBKITWEBDRIVER=${WEBKITWEBDRIVER:-/usr/bin/WebKitWebDriver}

# --- what the build needs --------------------------------------------------------------------

apt_install() {
  # apt_install PACKAGE... : installs Debian packages when we are root; otherwise explains.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $* (apt)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null; then
      apt-get update >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/dev/null
    fi
  else
    die "missing $*: install it, e.g. 'sudo apt-get install $*'"
  fi
}

need_cargo() {
  command -v cargo >/dev/null || die "cargo is missing: install Rust from https://rustup.rs"
}

# rustfmt and clippy for the checks in `test`.
need_rust_components() {
  local c
  for c in rustfmt clippy; do
    if ! cargo "${c/rustfmt/fmt}" --version >/dev/null 2>&1; then
      command -v rustup >/dev/null || die "cargo ${c/rustfmt/fmt} is missing and rustup is not here to add $c"
      say "adding the $c component"
      rustup component add "$c"
    fi
  done
}

need_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    command -v rustup >/dev/null || die "the $WASM_TARGET target is missing and rustup is not here to add it"
    say "adding the $WASM_TARGET target"
    rustup target add "$WASM_TARGET"
  fi
}

# The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

need_wasm_bindgen() {
  local want have
  want=$(bindgen_version)
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || true
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (have: ${have:-none}); this takes a few minutes"
    # No --locked: the registry here lacks one of the CLI's pinned dependencies.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

need_chromium() {
  [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ] && return 0
  apt_install chromium chromium-driver
  [ -x "$CHROMIUM" ] || die "Chromium not found at $CHROMIUM (set CHROMIUM=...)"
  [ -x "$CHROMEDRIVER" ] || die "ChromeDriver not found at $CHROMEDRIVER (set CHROMEDRIVER=...)"
}

# Firefox ESR and geckodriver (from crates.io: nothing is downloaded from elsewhere).
need_firefox() {
  [ -x "$FIREFOX" ] || apt_install firefox-esr
  [ -x "$FIREFOX" ] || die "Firefox not found at $FIREFOX (set FIREFOX=...)"
  if [ -z "${GECKODRIVER:-}" ]; then
    if ! command -v geckodriver >/dev/null; then
      say "installing geckodriver (cargo install); this takes a few minutes"
      cargo install geckodriver
    fi
    GECKODRIVER=$(command -v geckodriver)
  fi
  export GECKODRIVER FIREFOX
}

# WebKitGTK's WebDriver (WebKitWebDriver and MiniBrowser) and Xvfb for its window.
need_webkit() {
  export WEBKITWEBDRIVER
  [ -x "$WEBKITWEBDRIVER" ] && command -v Xvfb >/dev/null && return 0
  apt_install webkit2gtk-driver xvfb
  [ -x "$WEBKITWEBDRIVER" ] || die "WebKitWebDriver not found at $WEBKITWEBDRIVER (set WEBKITWEBDRIVER=...)"
}

need_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  # playwright-core and `node --test --test-concurrency` need Node.js 20 or newer.
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version)); install it from https://nodejs.org or NodeSource"
}

# playwright-core and binaryen (wasm-opt), pinned in package.json / package-lock.json.
need_node_packages() {
  need_node
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    say "installing the development packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

# --- steps -----------------------------------------------------------------------------------

# One module build: `build_module NAME CARGO-FEATURE-ARGS…` puts NAME.js and NAME_bg.wasm in
# www/pkg. Each variant has its own target directory, so neither rebuilds the other.
build_module() {
  local name=$1
  shift
  local dir=target/wasm-$name
  cargo build --lib --target "$WASM_TARGET" --profile wasm-release --target-dir "$dir" "$@"
  # --experimental-reset-state-function: the glue exports __wbg_reset_state(), which makes a fresh
  # instance should the module ever trap; the pages call it and go on without a reload.
  wasm-bindgen --target web --experimental-reset-state-function --out-dir www/pkg --out-name "$name" \
    "$dir/$WASM_TARGET/wasm-release/samtaleplan.wasm"
  # wasm-opt from npm's binaryen 132: Debian's binaryen 108 cannot read what rustc >= 1.82 and
  # wasm-bindgen emit (table.fill) and, when it can, breaks the function table. The features are
  # exactly those rustc enables by default, so the output needs nothing more from a browser.
  if command -v npm >/dev/null || [ "$(id -u)" = 0 ]; then
    need_node_packages
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt \
      --enable-call-indirect-overlong --enable-multivalue --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
      "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
  else
    say "Node.js/npm not available: the module is left unoptimised (install nodejs and npm)"
  fi
  printf 'www/pkg/%s_bg.wasm: %s bytes (%s gzip -9)\n' "$name" \
    "$(wc -c < "www/pkg/${name}_bg.wasm")" "$(gzip -9c "www/pkg/${name}_bg.wasm" | wc -c)" >&2
}

# Three modules from the one crate: samtaleplan (the plan: the citizen page, the element, the
# package, and the caseload page's main thread); caseload (the plan and the caseload of a CSV file:
# the caseload page's worker on a CSV visit); and caseload-xlsx (the same with spreadsheets read and
# .xlsx written: the worker loads it only for a spreadsheet or an .xlsx export).
build_wasm() {
  need_cargo
  need_wasm_target
  need_wasm_bindgen
  say "building the WebAssembly modules"
  rm -rf www/pkg
  build_module samtaleplan --no-default-features
  build_module caseload --no-default-features --features caseload
  build_module caseload-xlsx
  build_package
}

# dist/samtaleplan: the element and the module as a folder a portal can install (npm) or copy
# to /vendor/samtaleplan/ as it is.
build_package() {
  need_node
  local out=dist/samtaleplan
  rm -rf "$out"
  mkdir -p "$out/pkg"
  cp www/samtale-plan.js www/datefield.js www/samtale-plan.d.ts www/samtale-plan-react.d.ts www/samtale-plan-vue.d.ts www/samtaleplan.css EMBEDDING.md LICENSE-MIT LICENSE-APACHE "$out/"
  # package.json with the crate's version: one version for the core and the package.
  local version
  version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
  node -e 'const [src, dst, v] = process.argv.slice(1); const p = JSON.parse(require("fs").readFileSync(src, "utf8")); p.version = v; require("fs").writeFileSync(dst, JSON.stringify(p, null, 2) + "\n");' \
    www/npm/package.json "$out/package.json" "$version"
  cp www/pkg/samtaleplan.js www/pkg/samtaleplan.d.ts www/pkg/samtaleplan_bg.wasm www/pkg/samtaleplan_bg.wasm.d.ts "$out/pkg/"
  printf 'dist/samtaleplan: the npm package (%s files)\n' "$(find "$out" -type f | wc -l)" >&2
}

serve() {
  build_wasm
  need_node
  say "serving www/ (Ctrl-C to stop)"
  exec node tests/e2e/server.mjs www "${PORT:-8080}"
}

run_tests() {
  need_cargo
  need_rust_components
  need_wasm_target
  say "cargo fmt --check"
  cargo fmt --all -- --check
  # Files of one concern (issue 25): no source file of the core over 500 lines.
  local long
  long=$(find src -name '*.rs' -exec wc -l {} + | awk '$2 != "total" && $1 > 500 { print "  " $2 " (" $1 " lines)" }')
  [ -z "$long" ] || die "source files over 500 lines; split them by concern:
$long"
  say "cargo clippy (native)"
  cargo clippy --all-targets -- -D warnings
  say "cargo clippy (wasm32)"
  cargo clippy --target "$WASM_TARGET" --lib --test wasm -- -D warnings
  cargo clippy --target "$WASM_TARGET" --lib --no-default-features -- -D warnings
  cargo clippy --target "$WASM_TARGET" --lib --no-default-features --features caseload -- -D warnings
  say "native tests"
  cargo test
  say "fuzzing: over a million inputs, release build"
  cargo test --release --test fuzz
  say "command line (release)"
  cargo build --release
  build_wasm
  need_chromium
  need_firefox
  need_webkit
  say "wasm-bindgen-test in headless Chromium: the caseload build, then the plan build"
  env -u GECKODRIVER cargo test --target "$WASM_TARGET" --test wasm
  env -u GECKODRIVER cargo test --target "$WASM_TARGET" --test wasm --no-default-features
  say "wasm-bindgen-test in headless Firefox: the caseload build, then the plan build"
  cargo test --target "$WASM_TARGET" --test wasm
  cargo test --target "$WASM_TARGET" --test wasm --no-default-features
  need_node_packages
  say "end-to-end tests (playwright-core in Chromium; WebDriver in Chromium, Firefox and WebKit; node --test)"
  # The test files by name: a directory would also run what a test wrote under artifacts/ in an
  # earlier run (the QA recipe's test).
  CHROMIUM="$CHROMIUM" node --test --test-concurrency=1 --test-timeout=180000 tests/e2e/*.test.mjs
  say "all tests passed"
}

bench() {
  need_cargo
  say "native benchmark (cargo bench)"
  cargo bench --bench plans
  build_wasm
  need_chromium
  need_node_packages
  say "browser benchmark (headless Chromium)"
  CHROMIUM="$CHROMIUM" node tests/bench/browser.mjs
}

need_cargo_mutants() {
  if ! cargo mutants --version >/dev/null 2>&1; then
    say "installing cargo-mutants; this takes a few minutes"
    cargo install cargo-mutants
  fi
}

# What a mutant is judged by. The rules: the case tables, the properties, the rules' own
# integration tests, the counter's and the unit tests. The caseload's counts: the caseload's
# tests and the unit tests (the rules' slow tables and properties never reach the counts).
# Not the fuzzing, the command line or the browser: they add minutes per mutant and test the
# code only through what these already check.
RULES_TESTS=(--test cases --test properties --test rules --test counter --test caseload --lib)
CASELOAD_TESTS=(--test caseload --lib)
# The plan (the regime chosen, windows, warnings, explanations, comparison) and the vocabulary
# (words, dates, hours): the rules' tests and the bad-input requests. The contract (reading a
# request, its errors, writing the answer): the case tables, the bad-input requests, the rules'
# tests (which read answers) and the unit tests.
PLAN_TESTS=("${RULES_TESTS[@]}" --test requests)
CONTRACT_TESTS=(--test cases --test requests --test rules --test caseload --lib)

# The caseload's counts, by function name rather than by file, so the list survives the caseload's
# files being split or renamed: OnTime (on time, early, late, missing), the Accumulator (lists,
# weekly workload, on-time rows, STAR's indicators), the summary's lists, the holder lanes and
# the booking proposal's rule (`book`).
# Share::new (the per-mille rounding) gets no mutants: cargo-mutants leaves functions named `new`
# alone, so tests/caseload/summary.rs checks its rounding directly.
CASELOAD_COUNTS='(OnTime|Accumulator|Summary)::|replace lane | in book( |$)|replace book '

mutants() {
  need_cargo
  need_cargo_mutants
  local parts=("$@") part status=0 unexplained
  [ ${#parts[@]} -gt 0 ] || parts=(rules plan contract vocabulary caseload)
  for part in "${parts[@]}"; do
    local scope=() tests=()
    case "$part" in
      rules) scope=(--file 'src/rules/**/*.rs') tests=("${RULES_TESTS[@]}") ;;
      plan) scope=(--file 'src/plan/**/*.rs') tests=("${PLAN_TESTS[@]}") ;;
      contract) scope=(--file 'src/contract/**/*.rs') tests=("${CONTRACT_TESTS[@]}") ;;
      vocabulary) scope=(--file 'src/vocabulary/**/*.rs') tests=("${PLAN_TESTS[@]}") ;;
      caseload) scope=(--file 'src/caseload/**/*.rs' --re "$CASELOAD_COUNTS") tests=("${CASELOAD_TESTS[@]}") ;;
      *) die "unknown part '$part' (rules, plan, contract, vocabulary or caseload)" ;;
    esac
    say "cargo mutants: $part"
    # No debug info: each mutant builds and links faster. The unmutated tree's build and tests
    # run without a limit (on a busy machine they can take minutes); a mutant's tests then get
    # four times what the unmutated tests took, at least 30 s, and its build three times the
    # first build. A mutant that loops for ever is a timeout, not a miss.
    # Exit 2 means missed mutants and 3 timeouts (both judged below); anything else is a failure
    # of the run itself, such as the unmutated tests failing.
    local rc=0 out="target/mutants/$part/mutants.out"
    mkdir -p "target/mutants/$part"
    # MUTANTS_ARGS passes more options, e.g. MUTANTS_ARGS=--iterate to test again only the
    # mutants the last run did not catch.
    # The test targets go to every cargo call, the build's too (`cargo test --no-run`), so a mutant
    # builds only the binaries that judge it, not the fuzzer, the command line's tests or the
    # examples.
    local cargo_args=() t
    for t in "${tests[@]}"; do cargo_args+=("--cargo-arg=$t"); done
    # shellcheck disable=SC2086
    CARGO_PROFILE_DEV_DEBUG=0 cargo mutants "${scope[@]}" --timeout-multiplier 4 --minimum-test-timeout 30 --build-timeout-multiplier 3 \
      --output "target/mutants/$part" "${cargo_args[@]}" ${MUTANTS_ARGS:-} || rc=$?
    case "$rc" in
      0 | 2 | 3) ;;
      *) die "cargo mutants stopped (exit $rc) on $part: see $out/debug.log" ;;
    esac
    # A missed mutant is explained when one line of docs/mutants.md names it — the file and the
    # mutation without line and column, which move with every edit — and quotes the code of the
    # line it changes, which tells apart the same mutation on two lines of one function.
    unexplained=$(while IFS= read -r m; do
      local file=${m%%:*} rest=${m#*:} key code
      key="$file: ${m#*:*:*: }"
      code=$(sed -n "${rest%%:*}p" "$file" | sed -E 's/^[[:space:]]+//; s/[[:space:]]+$//')
      grep -F -- "\`$key\`" docs/mutants.md | grep -qF -- "\`$code\`" || printf '  %s\n' "$m"
    done < "$out/missed.txt")
    if [ -n "$unexplained" ]; then
      printf 'missed %s mutants that docs/mutants.md does not explain:\n%s\n' "$part" "$unexplained" >&2
      status=1
    fi
  done
  [ "$status" = 0 ] && say "every missed mutant is explained in docs/mutants.md"
  return "$status"
}

case "${1:-build}" in
  build) build_wasm ;;
  bench) bench ;;
  serve) serve ;;
  test) run_tests ;;
  mutants) shift; mutants "$@" ;;
  -h|--help|help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (try ./build.sh help)" ;;
esac
