# BedrockTrail: `make demo` runs the whole pipeline on the bundled fixtures; `make test` runs every test.
DOTNET ?= dotnet
CONFIG ?= Release
TOOLS := $(CURDIR)/.tools
S3RVER := $(TOOLS)/node_modules/s3rver/bin/s3rver.js
CLI := $(DOTNET) run --project src/BedrockTrail.Cli -c $(CONFIG) --no-build --
# The native binary `make publish` builds (ahead-of-time compiled for this machine's platform).
RID ?= $(shell $(DOTNET) --info | sed -n 's/^ *RID: *//p' | head -n 1)
NATIVE := $(CURDIR)/artifacts/bin/bedrocktrail
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export BEDROCKTRAIL_S3RVER := $(S3RVER)

.PHONY: all restore build publish test demo bench fixtures format clean s3rver chromium

all: build

restore:
	$(DOTNET) restore BedrockTrail.sln

build: restore
	$(DOTNET) build BedrockTrail.sln -c $(CONFIG) --no-restore

# The command as users install it: one native executable, no JIT (artifacts/bin/bedrocktrail).
publish:
	$(DOTNET) publish src/BedrockTrail.Cli -c $(CONFIG) -r $(RID) -p:PublishAot=true -o artifacts/bin

# s3rver is a real S3 protocol server; the integration tests start it on loopback from this folder.
s3rver: $(S3RVER)
$(S3RVER):
	mkdir -p $(TOOLS)
	cd $(TOOLS) && echo '{"name":"bedrocktrail-test-tools","private":true}' > package.json && npm install --no-audit --no-fund s3rver@3.7.1

# Headless Chromium opens the HTML reports in a test to check that they render (Debian's package).
chromium:
	command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y --no-install-recommends chromium)

test: build s3rver chromium
	$(DOTNET) test BedrockTrail.sln -c $(CONFIG) --no-build

demo: build
	rm -rf .demo
	$(CLI) demo --lake .demo/lake --fixtures fixtures/demo

# Generates (once, kept in .bench/) a deterministic corpus of about a million events, then prints every figure of
# the performance targets beside its target, measuring the native binary. BENCH_ARGS passes options, e.g.
# BENCH_ARGS="--events 5000000".
bench: build s3rver publish
	$(DOTNET) run --project bench/BedrockTrail.Bench -c $(CONFIG) --no-build -- --work .bench --cli $(NATIVE) $(BENCH_ARGS)

# Regenerates the synthetic organization trail that `make demo` ingests (deterministic: same bytes every time).
fixtures: build
	$(DOTNET) run --project bench/BedrockTrail.Bench -c $(CONFIG) --no-build -- --generate-demo fixtures/demo

format:
	$(DOTNET) format BedrockTrail.sln --verify-no-changes

clean:
	rm -rf .demo .bench artifacts
	$(DOTNET) clean BedrockTrail.sln -c $(CONFIG)
