#!/usr/bin/env node
// Benchmarks: `node bin/bench.mjs [name...]` runs bench/<name>.bench.ts (all of them without a
// name) through tsx's loader, like bin/charter.mjs does for the CLI.
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();

const benchDir = new URL('../bench/', import.meta.url);
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}. Available: ${available.join(', ') || '(none)'}.`,
  );
  process.exit(2);
}

let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  try {
    const bench = await import(new URL(`${name}.bench.ts`, benchDir).href);
    const ok = await bench.run();
    if (ok === false) failed = true;
  } catch (error) {
    console.error(`bench ${name} failed:`, error);
    failed = true;
  }
}
// Exit explicitly: a stray handle (a pool, a timer) must not keep a finished benchmark alive.
process.exit(failed ? 1 : 0);
