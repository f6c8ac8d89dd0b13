#!/usr/bin/env bash
# The one test command of planwatch: ./scripts/test.sh
#
# Installs whatever is missing (the wasm32 target, a Python venv at .venv with Dask and
# PySpark, the wasm-bindgen CLI, npm tools in node_modules, Debian's Chromium and a JRE), then checks formatting
# and lints and runs every suite: Rust (unit, integration and doctests), Python (against
# the wheel that ships), JavaScript (against the optimised WebAssembly that ships) and the
# web page in headless Chromium. On a rerun every install is skipped, so only changed
# code is rebuilt.
#
# Needs: Rust via rustup, Python >= 3.9 with venv and pip, Node >= 20 with npm, and the
# package registries (crates.io, PyPI, npm, Debian's apt for Chromium and the JRE) and rustup's
# distribution server (the wasm32 target). Logs of each suite
# go to target/test-logs/; the browser test's screenshots to target/browser/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
LOGS=$ROOT/target/test-logs
mkdir -p "$LOGS"

VENV=$ROOT/.venv
PY=$VENV/bin/python
WASM_TARGET=wasm32-unknown-unknown
WASM=$ROOT/target/$WASM_TARGET/wasm-release/planwatch_wasm.wasm
# Everything, the shipped WebAssembly module included, builds on the one stable
# toolchain: a newcomer needs no second one (the module's size budget, 300 KB gzipped,
# holds on stable; BENCHMARKS.md). Only `cargo fuzz` uses a nightly, installed by
# fuzz/run.sh.

# cargo install puts the wasm-bindgen CLI here; it may not be on PATH yet on a new machine.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Every cargo and maturin build configures pyo3 for the venv's interpreter, so they
# agree and pyo3 is not rebuilt when switching between them.
export PYO3_PYTHON=$PY

CURRENT_STEP="setup"
START=$SECONDS
STEP_START=$SECONDS
TIMINGS=()

step() {
    if [[ $CURRENT_STEP != setup ]]; then
        TIMINGS+=("$CURRENT_STEP $((SECONDS - STEP_START))s")
    fi
    CURRENT_STEP=$1
    STEP_START=$SECONDS
    printf '\n==> %s\n' "$1"
}

WB_INSTALL_PID=""

on_exit() {
    local status=$?
    if [[ $status -ne 0 ]]; then
        if [[ -n $WB_INSTALL_PID ]] && kill -0 "$WB_INSTALL_PID" 2>/dev/null; then
            echo "(the wasm-bindgen-cli install goes on in the background, pid $WB_INSTALL_PID)" >&2
        fi
        printf '\nplanwatch: FAILED in step "%s" (exit %d) after %ds; logs in %s\n' \
            "$CURRENT_STEP" "$status" "$((SECONDS - START))" "${LOGS#"$ROOT"/}" >&2
    fi
}
trap on_exit EXIT

# --- 1. Rust target for WebAssembly ------------------------------------------------------
step "rust wasm32 target"
# Lists are read whole before matching: `grep -q` stops early, and under pipefail the
# writer's broken pipe would read as "not installed".
TARGETS=$(rustup target list --installed)
if grep -qx "$WASM_TARGET" <<<"$TARGETS"; then
    echo "$WASM_TARGET already installed"
else
    rustup target add "$WASM_TARGET"
fi

# --- 3 (started first). wasm-bindgen CLI at exactly the crate's version -----------------
# It must match the wasm-bindgen crate in Cargo.lock byte for byte, so the version is read
# from there. Compiling it takes about a minute: it runs in the background while the
# Python and npm tools install and the Rust suites run.
step "wasm-bindgen CLI"
[[ -f Cargo.lock ]] || cargo generate-lockfile
WB_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock)
if [[ -z $WB_VERSION ]]; then
    echo "could not read the wasm-bindgen version from Cargo.lock" >&2
    exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $WB_VERSION" ]]; then
    echo "wasm-bindgen $WB_VERSION already installed"
else
    # --debug: a release build takes 2.5 minutes and its output is identical.
    # No --locked: the CLI's lockfile pins a version the registry no longer serves.
    # --force: cargo would skip a version it remembers installing even if the binary is gone.
    echo "installing wasm-bindgen-cli $WB_VERSION in the background (log: target/test-logs/wasm-bindgen-install.log)"
    CARGO_PROFILE_DEV_DEBUG=0 cargo install wasm-bindgen-cli --version "$WB_VERSION" --debug --force \
        >"$LOGS/wasm-bindgen-install.log" 2>&1 &
    WB_INSTALL_PID=$!
fi

# --- 2. Python venv with the test tools -------------------------------------------------
step "python venv"
if [[ ! -x $PY ]]; then
    python3 -m venv "$VENV" || {
        # Debian's python3 ships venv separately.
        echo "python3 -m venv failed; installing python3-venv" >&2
        apt-get install -y --no-install-recommends python3-venv
        rm -rf "$VENV"
        python3 -m venv "$VENV"
    }
fi
REQUIREMENTS=scripts/requirements-test.txt
REQUIREMENTS_STAMP=$VENV/.requirements-test.txt
if cmp -s "$REQUIREMENTS" "$REQUIREMENTS_STAMP"; then
    echo "test requirements already installed in .venv"
else
    "$PY" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" "$REQUIREMENTS_STAMP"
fi

# --- 4. npm tools (wasm-opt, TypeScript) ------------------------------------------------
step "npm tools"
LOCK_STAMP=node_modules/.package-lock.json.stamp
if [[ -d node_modules ]] && cmp -s package-lock.json "$LOCK_STAMP"; then
    echo "node_modules up to date"
else
    npm ci --no-audit --no-fund
    cp package-lock.json "$LOCK_STAMP"
fi

# --- 4b. Chromium for the browser test (driven by npm playwright-core) --------------------
# Debian's build, never a downloaded one (`npx playwright install` fetches from the
# network at test time). A CJK font too when none is installed, so that the screenshots
# in target/browser/ show Chinese text rather than empty boxes (1.6 MB).
step "chromium"
CHROMIUM=/usr/bin/chromium
apt_install() {
    apt-get install -y --no-install-recommends "$@" || { apt-get update && apt-get install -y --no-install-recommends "$@"; }
}
if [[ -x $CHROMIUM ]]; then
    echo "$("$CHROMIUM" --version 2>/dev/null || echo chromium) already installed"
else
    apt_install chromium
fi
CJK_FONTS=$(fc-list :lang=zh 2>/dev/null || true)
if [[ -z $CJK_FONTS ]]; then
    apt_install fonts-wqy-microhei
fi

# --- 4c. A Java runtime for the Spark test (planwatch.spark in Spark local mode) ---------
# Debian's headless JRE, only when no `java` runs yet (PySpark 4 needs Java 17 or later).
step "java"
if java -version >/dev/null 2>&1; then
    echo "$(java -version 2>&1 | head -n 1) already installed"
else
    apt_install openjdk-17-jre-headless
fi

# --- 5. Rust: format, lints, tests ------------------------------------------------------
step "cargo fmt"
cargo fmt --all --check

step "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
# The wasm bindings are compiled for wasm32 only, so lint them there too.
cargo clippy -p planwatch-wasm --target "$WASM_TARGET" -- -D warnings

step "cargo doc"
# The API docs build and every link in them resolves (a renamed item leaves none dangling).
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

step "cargo test"
cargo test --workspace 2>&1 | tee "$LOGS/rust.log"
RUST_PASSED=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^passed/) n += $i } END { print n + 0 }' "$LOGS/rust.log")

# --- 6. Python: build the wheel that ships, install it, test it --------------------------
step "python wheel"
rm -f target/wheels/planwatch-*.whl
"$VENV/bin/maturin" build --release -m bindings-python/Cargo.toml -o target/wheels -i "$PY"
WHEELS=(target/wheels/planwatch-*.whl)
if [[ ${#WHEELS[@]} -ne 1 || ! -f ${WHEELS[0]} ]]; then
    echo "expected exactly one wheel in target/wheels, found: ${WHEELS[*]}" >&2
    exit 1
fi
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "${WHEELS[0]}"

step "pytest"
"$PY" -m pytest tests/python -q 2>&1 | tee "$LOGS/python.log"
PY_PASSED=$(grep -Eo '[0-9]+ passed' "$LOGS/python.log" | tail -1 | cut -d' ' -f1)

step "stubtest"
# Checks the hand-written stub (_planwatch.pyi) against the compiled module, and the
# package's own annotations. Run from the log folder to keep .mypy_cache out of the tree.
(cd "$LOGS" && "$PY" -m mypy.stubtest planwatch._planwatch && "$PY" -m mypy --strict -p planwatch)

# --- 7. WebAssembly: one build, two wrappers, optimised, tested --------------------------
step "wasm build"
# The dependencies' source paths, kept in panic locations, name this machine's cargo
# home: remapped, so the module (and its size against the budget) is the same on every
# machine. Given as --config, which adds to any rustflags a cargo config already sets.
REGISTRY_SRC="${CARGO_HOME:-$HOME/.cargo}/registry/src"
cargo build -p planwatch-wasm --target "$WASM_TARGET" --profile wasm-release \
    --config "target.$WASM_TARGET.rustflags=['--remap-path-prefix=$REGISTRY_SRC=/cargo/registry/src']"
if [[ -n $WB_INSTALL_PID ]]; then
    echo "waiting for the wasm-bindgen-cli install"
    if ! wait "$WB_INSTALL_PID"; then
        tail -n 30 "$LOGS/wasm-bindgen-install.log" >&2
        echo "installing wasm-bindgen-cli $WB_VERSION failed" >&2
        exit 1
    fi
fi
WASM_OPT=node_modules/.bin/wasm-opt
for target in web nodejs; do
    out=target/pkg-${target%js}
    rm -rf "$out"
    wasm-bindgen "$WASM" --target "$target" --out-dir "$out"
    # The two wrappers usually get the same module: optimise it once (about 3 s).
    if [[ $target == nodejs ]] && cmp -s "$out/planwatch_wasm_bg.wasm" "$LOGS/web_bg.wasm"; then
        cp target/pkg-web/planwatch_wasm_bg.wasm "$out/planwatch_wasm_bg.wasm"
        continue
    fi
    cp "$out/planwatch_wasm_bg.wasm" "$LOGS/${target}_bg.wasm"
    # -Oz, then the control flow flattened and rebuilt by the relooper (--flatten --rereloop),
    # -Oz again with type refinement and whole-program flow analysis (--type-ssa
    # --gufa-optimizing) and a last -Oz: 1.7 KB gzipped less than -Oz --converge (BENCHMARKS.md);
    # then the functions sorted by their Rust path (--reorder-functions-by-name), which puts
    # each module's code together where gzip finds its repeats: 3.9 KB gzipped less than
    # -Oz's order by call count; the producers and target-features sections are build
    # metadata no runtime reads.
    "$WASM_OPT" -Oz --flatten --rereloop -Oz --type-ssa --gufa-optimizing -Oz \
        --reorder-functions-by-name --strip-producers --strip-target-features \
        "$out/planwatch_wasm_bg.wasm" -o "$out/planwatch_wasm_bg.opt.wasm"
    mv "$out/planwatch_wasm_bg.opt.wasm" "$out/planwatch_wasm_bg.wasm"
done
# Say which module system each wrapper uses, so Node need not guess from the root.
echo '{ "type": "module" }' >target/pkg-web/package.json
echo '{ "type": "commonjs" }' >target/pkg-node/package.json
# The optimised module must still compile and link (an old wasm-opt broke exactly that);
# the JS tests then exercise both wrappers.
node -e 'require(process.argv[1]).parseQuantity("1元")' "$ROOT/target/pkg-node/planwatch_wasm.js"
printf 'wasm module: %s bytes optimised (%s before)\n' \
    "$(wc -c <target/pkg-web/planwatch_wasm_bg.wasm)" "$(wc -c <"$WASM")"

step "typescript"
node_modules/.bin/tsc --noEmit -p tests/js/tsconfig.json

step "node --test"
node --test --test-reporter=spec tests/js/ 2>&1 | tee "$LOGS/js.log"
JS_PASSED=$(awk '$2 == "pass" && $3 ~ /^[0-9]+$/ { n = $3 } END { print n + 0 }' "$LOGS/js.log")

# --- 7b. The web page in headless Chromium ---------------------------------------------
# target/web-dist is examples/web with the web build beside it (pkg/) and the Nanshan
# report as the page's sample text: static files any server can serve, e.g.
# `python3 -m http.server -d target/web-dist` or `node tests/browser/serve.mjs`.
step "web page"
rm -rf target/web-dist
mkdir -p target/web-dist/samples
cp -R examples/web/. target/web-dist/
cp -R target/pkg-web target/web-dist/pkg
cp core/data/nanshan-2024/report.txt target/web-dist/samples/nanshan-2024.txt

step "browser"
rm -rf target/browser
CHROMIUM=$CHROMIUM node --test --test-reporter=spec tests/browser/ 2>&1 | tee "$LOGS/browser.log"
BROWSER_PASSED=$(awk '$2 == "pass" && $3 ~ /^[0-9]+$/ { n = $3 } END { print n + 0 }' "$LOGS/browser.log")
echo "screenshots: $(ls target/browser/*.png 2>/dev/null | tr '\n' ' ')"

# --- 8. Summary --------------------------------------------------------------------------
step "done"
printf '\ntimings: %s; total %ds\n' "$(IFS=,; echo "${TIMINGS[*]}" | sed 's/,/, /g')" "$((SECONDS - START))"
echo "planwatch: rust $RUST_PASSED passed, python ${PY_PASSED:-0} passed, js $JS_PASSED passed, browser $BROWSER_PASSED passed"
echo "planwatch: $((RUST_PASSED + ${PY_PASSED:-0} + JS_PASSED + BROWSER_PASSED)) passed, 0 failed"
