#!/usr/bin/env node
/**
 * Completes package-lock.json after `npm install` on a registry mirror that lacks some platforms'
 * prebuilt binaries (this workplace's mirror has pagefind 1.6's and Astro's compiler bindings for
 * Linux only). npm then leaves those optional packages out of the lock, and `npm ci` refuses the
 * lock as "out of sync". This adds each missing platform package as the entry npm would have
 * written: its name, version and the os/cpu/libc it is for. On a machine of another platform npm
 * fetches it from the registry as usual; here npm skips it, since the platform does not match.
 *
 * Run it after changing dependencies: `npm install && node .ci/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = { windows: 'win32' };
const LIBC = { gnu: 'glibc', musl: 'musl' };

/** The platform a binary package is for, read from its name (`@pagefind/darwin-arm64`). */
function platformOf(name) {
  const match = name.match(
    /(?:^|[-/])(android|darwin|linux|freebsd|win32|windows|wasm32)-(x64|arm64|wasi)(?:-(gnu|musl|msvc))?$/,
  );
  if (!match) return undefined;
  const [, os, cpu, abi] = match;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  return { os: [OS[os] ?? os], cpu: [cpu], ...(LIBC[abi] ? { libc: [LIBC[abi]] } : {}) };
}

/** Where Node's resolution would find `name` from the package at `from`, if anywhere. */
function resolve(from, name) {
  for (let dir = from; ;) {
    const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[path]) return path;
    if (!dir) return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

const added = [];
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = resolve(path, name);
    if (found && packages[found].version === version) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    // A different version found higher up: nest the right one under the package that needs it.
    const target = found ? `${path ? `${path}/` : ''}node_modules/${name}` : `node_modules/${name}`;
    packages[target] = { version, optional: true, ...platform };
    added.push(`${name}@${version}`);
  }
}

const sorted = Object.keys(packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1));
lock.packages = Object.fromEntries(sorted.map((key) => [key, packages[key]]));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added to the lock: ${added.join(', ')}` : 'lock already complete');
