#!/usr/bin/env bash
# Makes release-schemaN.db and release-schemaN.json with the followup binary of schema
# version N (the last commit before migration N+1; scripts/make-fixtures builds them):
# the database the upgrade tests open with the current code, and that binary's own backup
# of it, which the migrated database must equal. A step the old binary does not have yet
# (drafts before schema 3, say) is skipped and said so: each version gets all it can hold.
# Usage: make-fixture.sh /path/to/that/followup N
set -euo pipefail
bin=$1
version=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/release.db
f() { "$bin" --db "$db" "$@"; }
# A step this binary may not have: skipped with a note when it fails.
may() { "$@" 2>/dev/null || echo "schema $version: skipped (not in this binary): ${*:2:3}" >&2; }

f profile set --name "Zoë Ångström" --email zoe@example.test --phone "+44 7700 900123" \
  --address "1 High St, Leeds, LS1 1AA, UK" --locale en-GB --region gb-eng --tz Europe/London >/dev/null
may f profile skill add Kubernetes --alias k8s --evidence "Led the migration of 40 services to Kubernetes" >/dev/null
may f profile skill add Rust --evidence "Wrote the billing service in Rust" >/dev/null
printf 'We need Kubernetes and Rust, and on-call.\n' > "$work/advert.txt"
app=$(f application add --company Acme --role "Platform Engineer" --job-description "$work/advert.txt" \
  --url https://acme.example/jobs/42 --applied-on 2027-02-20 --cv-text "My CV")
ghost=$(f application add --company Globex --role Developer --status ghosted)
cat > "$work/cards.vcf" <<'VCF'
BEGIN:VCARD
VERSION:3.0
UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1
FN:Priya Patel
N:Patel;Priya;;Ms;
TITLE:Head of Platform
ORG:Acme
EMAIL;TYPE=work:priya@acme.test
TEL;TYPE=work:+44 20 7946 0000
END:VCARD
VCF
f contact import "$work/cards.vcf" >/dev/null || f contact add --name "Priya Patel" --email priya@acme.test >/dev/null
priya=$(f contact list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
may f contact set "$priya" --tz Europe/London --region gb-eng >/dev/null
tom=$(f contact add --name "Tom Okafor" --email tom@acme.test --tz America/New_York --region us --channel email-only)
iv=$(f interview add --application "$app" --at 2027-03-02T10:00 --tz Europe/London \
  --interviewer "$priya" --interviewer "$tom" --format video)
may f interview note "$iv" --clarify "my Go experience" --timeline "shortlist by 12 March" \
  --decide-by 2027-03-12 --notes "Priya said the team is doubling" >/dev/null
may f interview note "$iv" --panellist "$priya" --works-on "the platform migration" \
  --part "the system-design exercise" >/dev/null
may f call log "$iv" --outcome unavailable --callback 2027-03-16T14:30 --at 2027-03-10T11:00 --note "in a meeting" >/dev/null
may f holidays add 2027-06-07 --region gb-eng --name "Company day" >/dev/null
may f config set plan.cadence cautious >/dev/null
may f config set tone.accept ASAP >/dev/null
if draft=$(f draft thank-you "$iv" --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' 2>/dev/null); then
may f approve "$draft" --yes >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
FOLLOWUP_SMTP_HOST=127.0.0.1 FOLLOWUP_SMTP_PORT=$port FOLLOWUP_SMTP_SECURITY=none FOLLOWUP_SMTP_RETRY_MS=1 \
  "$bin" --db "$db" send "$draft" >/dev/null 2>&1 || true   # nobody listens: the outbox row is `failed`
may f draft query "$iv" >/dev/null
else
  echo "schema $version: skipped (not in this binary): drafts" >&2
fi
f export json > "$here/release-schema$version.json"
sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE); VACUUM;' >/dev/null
cp "$db" "$here/release-schema$version.db"
echo "made release-schema$version.db and .json with $("$bin" --version); ghosted: $ghost"
