import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * Moves everything in the output folder into the set-aside folder (same relative paths) except the
 * kept files (relative paths), the folders that hold them, and a `.git` folder at the top. Only
 * what is not kept moves: a rebuild of a 5,000-entity case keeps ten thousand files and renders a
 * few dozen, and moving the whole output aside and the kept files back (a rename and a folder
 * for each) cost it seconds of system calls. A folder holding no kept file moves in one rename;
 * one holding some is looked into, so that nothing else in it (a stale file) stays in the output.
 * A kept folder (`keptFolders`, relative) stays whole, for the step that writes it to tidy.
 */
export function setAsideAllBut(
  out: string,
  aside: string,
  kept: readonly string[],
  keptFolders: readonly string[] = [],
): void {
  const wholeFolders = new Set(keptFolders.map((folder) => path.normalize(folder)));
  const keptFiles = new Set(kept.map((file) => path.normalize(file)));
  const holding = new Set<string>();
  for (const place of [...keptFiles, ...wholeFolders]) {
    for (let folder = path.dirname(place); folder !== '.' && !holding.has(folder); folder = path.dirname(folder)) {
      holding.add(folder);
    }
  }
  const made = new Set<string>();
  const moveAside = (relative: string) => {
    const parent = path.dirname(relative);
    if (!made.has(parent)) {
      mkdirSync(path.join(aside, parent), { recursive: true });
      made.add(parent);
    }
    renameSync(path.join(out, relative), path.join(aside, relative));
  };
  const sweep = (folder: string) => {
    for (const entry of readdirSync(path.join(out, folder), { withFileTypes: true })) {
      if (folder === '' && entry.name === '.git') continue;
      const relative = folder === '' ? entry.name : path.join(folder, entry.name);
      if (entry.isDirectory() && wholeFolders.has(relative)) continue;
      if (entry.isDirectory() && holding.has(relative)) sweep(relative);
      else if (!(entry.isFile() && keptFiles.has(relative))) moveAside(relative);
    }
  };
  sweep('');
}

/**
 * The output folder is emptied at the start of every build, as Astro does, but without making the
 * build wait: Astro removes the previous output file by file on its main thread before it starts
 * (seconds for the thousands of files of a large case, an author's rebuild paying them in full).
 * Here the previous output is renamed aside at once and removed in the background while the build
 * runs; the build's end waits for the removal. It needs `vite.build.emptyOutDir: false`, which
 * turns Astro's own emptying off. A `.git` folder in the output is kept, as Astro keeps it, and so
 * are the files an incremental build carries over (`kept`, relative to the output folder, asked
 * once the build has started): they stay where they are, untouched, and only the rest is set aside.
 * So do the `keptFolders` (relative), whole, when they are folders: the step that writes one makes
 * it hold exactly what this build makes (the search index, src/integrations/folder-sync.ts).
 */
export function outputFolderEmptied(
  kept: () => readonly string[] = () => [],
  keptFolders: readonly string[] = [],
): AstroIntegration {
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
          const keptFiles = kept();
          if (keptFiles.length > 0 || keptFolders.length > 0) {
            mkdirSync(aside, { recursive: true });
            setAsideAllBut(out, aside, keptFiles, keptFolders);
          } else {
            renameSync(out, aside);
            mkdirSync(out, { recursive: true });
            const git = path.join(aside, '.git');
            if (existsSync(git)) renameSync(git, path.join(out, '.git'));
          }
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
