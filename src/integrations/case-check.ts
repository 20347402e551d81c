import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { checkCaseFolder } from './case-files.ts';
import { CaseError, formatProblems } from '../lib/problems.ts';
import type { CaseLinkIndex } from './case-index.ts';
import type { CaseModel } from '../lib/case.ts';
import { timedStageSync } from '../stage-timings.ts';

/**
 * Checks the whole case before Astro reads a single entry. A production build with any problem stops
 * here with one list of them all, so no half-built site is ever written. Under `astro dev` problems
 * are printed (and re-checked on every change) while the server keeps running, drafts included.
 */
export function caseCheck(options: {
  contentRoot: string;
  index: CaseLinkIndex;
  /** Receives the checked case, so later build steps (the search index) need not read it again. */
  onModel?: (model: CaseModel) => void;
}): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  const run = (includeDrafts: boolean) => {
    const result = timedStageSync('case-check', () => checkCaseFolder(root, { includeDrafts }));
    options.index.update(result.inputs);
    options.onModel?.(result.model);
    return result;
  };
  return {
    name: 'casefile:case-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // `astro preview` serves what was built. Every other command may render entries, and Astro keeps
        // those renders in its content store for the next build: `astro check` and `astro sync` must fill
        // the wikilink index too, or a later build reuses pages in which every wikilink is broken.
        if (command === 'preview') return;
        if (command !== 'build' && command !== 'dev') {
          run(true);
          return;
        }
        const dev = command === 'dev';
        const { problems, model } = run(dev);
        if (problems.length > 0) {
          if (dev) logger.warn(`\n${formatProblems(problems)}`);
          else throw new CaseError(problems);
        } else {
          logger.info(
            `case checked: ${model.entities.length} entities, ${model.relations.length} relationships, ${model.reports.length} reports, ${model.sources.length} sources`,
          );
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(root);
        const recheck = (file: string) => {
          if (!file.startsWith(root)) return;
          const { problems } = run(true);
          if (problems.length > 0) logger.warn(`\n${formatProblems(problems)}`);
          else logger.info('case checked: no problems');
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}
