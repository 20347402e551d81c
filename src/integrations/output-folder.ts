import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * Moves the kept files (relative paths) from the set-aside folder back into the output. A folder
 * that holds nothing but kept files (a dossier's `people/x/` holds only its `index.html`) moves in
 * one rename; one file at a time, with a folder made for each, cost the rebuild of a 5,000-entity
 * case seconds of system calls. A folder holding anything else has only its kept files moved: what
 * is not kept must never reach the new output.
 */
export function carryOver(aside: string, out: string, kept: readonly string[]): void {
  const byFolder = new Map<string, string[]>();
  for (const file of kept) {
    const folder = path.dirname(file);
    const names = byFolder.get(folder);
    if (names) names.push(path.basename(file));
    else byFolder.set(folder, [path.basename(file)]);
  }
  const made = new Set<string>();
  const folderFor = (folder: string) => {
    if (made.has(folder)) return;
    mkdirSync(path.join(out, folder), { recursive: true });
    made.add(folder);
  };
  for (const [folder, names] of byFolder) {
    const from = path.join(aside, folder);
    const wanted = new Set(names);
    const present = folder === '.' ? [] : readdirSync(from);
    const whole = present.length === wanted.size && present.every((name) => wanted.has(name));
    if (whole && !existsSync(path.join(out, folder))) {
      folderFor(path.dirname(folder));
      renameSync(from, path.join(out, folder));
      continue;
    }
    folderFor(folder);
    for (const name of names) renameSync(path.join(from, name), path.join(out, folder, name));
  }
}

/**
 * The output folder is emptied at the start of every build, as Astro does, but without making the
 * build wait: Astro removes the previous output file by file on its main thread before it starts
 * (seconds for the thousands of files of a large case, an author's rebuild paying them in full).
 * Here the previous output is renamed aside at once and removed in the background while the build
 * runs; the build's end waits for the removal. It needs `vite.build.emptyOutDir: false`, which
 * turns Astro's own emptying off. A `.git` folder in the output is kept, as Astro keeps it, and so
 * are the files an incremental build carries over (`kept`, relative to the output folder, asked
 * once the build has started): they are moved back from the set-aside folder, untouched.
 */
export function outputFolderEmptied(kept: () => readonly string[] = () => []): AstroIntegration {
  let removal: Promise<void> | undefined;
  let outDir: URL | undefined;
  return {
    name: 'casefile:output-folder',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
      },
      // Astro runs this hook before its build empties or writes the output folder.
      'astro:build:start': () => {
        if (!outDir) return;
        const out = fileURLToPath(outDir);
        const parent = path.dirname(out);
        const prefix = `.${path.basename(out)}-previous-`;
        // Left by a build that stopped before it had removed the output it set aside.
        const leftovers = existsSync(parent) ? readdirSync(parent).filter((name) => name.startsWith(prefix)) : [];
        if (existsSync(out)) {
          const aside = path.join(parent, `${prefix}${process.pid}`);
          rmSync(aside, { recursive: true, force: true });
          renameSync(out, aside);
          mkdirSync(out, { recursive: true });
          const git = path.join(aside, '.git');
          if (existsSync(git)) renameSync(git, path.join(out, '.git'));
          carryOver(aside, out, kept());
          leftovers.push(path.basename(aside));
        }
        removal = Promise.all(
          [...new Set(leftovers)].map((name) => rm(path.join(parent, name), { recursive: true, force: true })),
        ).then(() => undefined);
      },
      'astro:build:done': async () => {
        await removal;
      },
    },
  };
}
