/** `pnpm bench`: the benchmark harness of issue 5 (tooling/bench). */
export const benchMessages = {
  "bench.usage": {
    sv: `Användning: pnpm bench [flaggor]
  --sizes 100000,1000000     antal ärenden per mätning
  --targets postgres,pglite  databaser (postgres kräver DATABASE_URL)
  --runs 20                  tidtagna körningar per fråga
  --baseline-runs 20         tidtagna körningar per baslinjefråga (som --runs om utelämnad)
  --warmup 3                 uppvärmningskörningar per fråga
  --seed 1                   demolänets frö
  --pglite-max 100000        PGlite bara upp till så här många ärenden
  --fresh                    ladda om databaserna även om de redan har datan
  --no-doc                   skriv inte docs/performance.md`,
    en: `Usage: pnpm bench [options]
  --sizes 100000,1000000     cases per measurement
  --targets postgres,pglite  databases (postgres needs DATABASE_URL)
  --runs 20                  timed runs per query
  --baseline-runs 20         timed runs per baseline query (as --runs if left out)
  --warmup 3                 warm-up runs per query
  --seed 1                   the demo county's seed
  --pglite-max 100000        PGlite only up to this many cases
  --fresh                    reload the databases even when they already hold the data
  --no-doc                   do not write docs/performance.md`,
  },
  "bench.bad_list": {
    sv: "--{option} ska vara en kommaseparerad lista.",
    en: "--{option} must be a comma-separated list.",
  },
  "bench.unknown_target": {
    sv: "Okänd databas: {target} (postgres eller pglite).",
    en: "Unknown database: {target} (postgres or pglite).",
  },
  "bench.not_a_number": {
    sv: "--{option} ska vara ett heltal, minst {min}.",
    en: "--{option} must be a whole number, at least {min}.",
  },
  "bench.load_demo_extras": {
    sv: "Lägger till demolänets överenskommelser, forum och utvärderingar…",
    en: "Adding the demo county's agreements, forums and evaluations…",
  },
  "bench.load_warmup": {
    sv: "Värmer upp i {seconds} s…",
    en: "Warming up for {seconds} s…",
  },
  "bench.load_running": {
    sv: "Belastar samsyn serve i {seconds} s med {connections} anslutningar…",
    en: "Loading samsyn serve for {seconds} s with {connections} connections…",
  },
  "bench.no_database_url": {
    sv: "DATABASE_URL är inte satt: PostgreSQL mäts inte.",
    en: "DATABASE_URL is not set: PostgreSQL is not measured.",
  },
  "bench.dataset_reused": {
    sv: "Återanvänder demolänet i {dir} ({events} händelser).",
    en: "Reusing the demo county in {dir} ({events} events).",
  },
  "bench.dataset_generating": {
    sv: "Skapar demolänet ({cases} ärenden) i {dir}…",
    en: "Generating the demo county ({cases} cases) in {dir}…",
  },
  "bench.database_reused": {
    sv: "Återanvänder {target}-databasen {name}: den har redan exakt denna data.",
    en: "Reusing the {target} database {name}: it already holds exactly this data.",
  },
  "bench.loading": {
    sv: "Laddar {target}-databasen {name}…",
    en: "Loading the {target} database {name}…",
  },
  "bench.import_failed": {
    sv: "Importen av demolänet avbröts med {count} fel.",
    en: "The import of the demo county was aborted with {count} errors.",
  },
  "bench.measuring": {
    sv: "Mäter {endpoint}…",
    en: "Measuring {endpoint}…",
  },
  "bench.endpoint_missing": {
    sv: "  /metrics/{endpoint} finns inte än (404): hoppar över API-mätningen.",
    en: "  /metrics/{endpoint} does not exist yet (404): skipping the API measurement.",
  },
  "bench.endpoint_failed": {
    sv: "  /metrics/{endpoint} svarade {status}: hoppar över API-mätningen.",
    en: "  /metrics/{endpoint} answered {status}: skipping the API measurement.",
  },
  "bench.doc_written": {
    sv: "Tabellerna är skrivna till {path}.",
    en: "The tables are written to {path}.",
  },
  "bench.doc_not_formatted": {
    sv: "Kunde inte formatera docs/performance.md med Biome: kör `pnpm format`.",
    en: "Could not format docs/performance.md with Biome: run `pnpm format`.",
  },
  "bench.section_heading": {
    sv: "{target} · {cases} ärenden ({events} händelser)",
    en: "{target} · {cases} cases ({events} events)",
  },
  "bench.facts": {
    sv: "Mätt {date} UTC på {commit}. Maskin: {cpu}, {cores} kärnor, {memory} minne, {os}, Node {node}, belastning (1 min) {load} vid slutet. Databas: {database}. Inställningar: {warmup} uppvärmningar och {runs} tidtagna körningar per fråga ({baselineRuns} för baslinjen), en i taget; API:t över HTTP på 127.0.0.1 med en admin-token; baslinjen är handskriven SQL direkt över case_events och cases, utan röjandekontroll; from {from}, to {to}, asOf {asOf}.",
    en: "Measured {date} UTC at {commit}. Machine: {cpu}, {cores} cores, {memory} memory, {os}, Node {node}, load average (1 min) {load} at the end. Database: {database}. Settings: {warmup} warm-up and {runs} timed runs per query ({baselineRuns} for the baseline), one at a time; the API over HTTP on 127.0.0.1 with an admin token; the baseline is hand-written SQL straight over case_events and cases, without disclosure control; from {from}, to {to}, asOf {asOf}.",
  },
  "bench.col_endpoint": { sv: "endpoint", en: "endpoint" },
  "bench.col_query": { sv: "fråga", en: "query" },
  "bench.col_p50": { sv: "p50", en: "p50" },
  "bench.col_p95": { sv: "p95", en: "p95" },
  "bench.col_baseline_p50": { sv: "baslinje p50", en: "baseline p50" },
  "bench.col_baseline_p95": { sv: "baslinje p95", en: "baseline p95" },
  "bench.col_ratio": { sv: "API/baslinje (p50)", en: "API/baseline (p50)" },
  "bench.col_target": { sv: "mål (p95)", en: "target (p95)" },
  "bench.col_met": { sv: "uppfyllt", en: "met" },
  "bench.col_cells": { sv: "celler API / rader baslinje", en: "cells API / rows baseline" },
  "bench.col_agrees": { sv: "API = baslinje", en: "API = baseline" },
  "bench.agrees": { sv: "✓ {compared} tal", en: "✓ {compared} figures" },
  "bench.disagrees": { sv: "✗ {differing} av {compared}", en: "✗ {differing} of {compared}" },
  "bench.missing": { sv: "saknas", en: "missing" },
  "bench.failed": { sv: "HTTP {status}", en: "HTTP {status}" },
  "bench.import_line": {
    sv: "Import: {events} händelser på {seconds} s = {rate} händelser/s; RSS {startRss} före, högst {peakRss} under importen. Databasens storlek: {size}.",
    en: "Import: {events} events in {seconds} s = {rate} events/s; RSS {startRss} before, at most {peakRss} during the import. Database size: {size}.",
  },
  "bench.import_line_reused": {
    sv: "Import (databasen återanvänd, laddad {loadedAt}): {events} händelser på {seconds} s = {rate} händelser/s; RSS {startRss} före, högst {peakRss} under importen. Databasens storlek: {size}.",
    en: "Import (database reused, loaded {loadedAt}): {events} events in {seconds} s = {rate} events/s; RSS {startRss} before, at most {peakRss} during the import. Database size: {size}.",
  },
} as const;
