import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

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
          for (const file of kept()) {
            const target = path.join(out, file);
            mkdirSync(path.dirname(target), { recursive: true });
            renameSync(path.join(aside, file), target);
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
