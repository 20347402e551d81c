import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { caseAfterChange, checkedCase } from '../reader/session.ts';
import { CaseError, formatProblems } from '../lib/problems.ts';

/**
 * Checks the whole case before Astro reads a single entry. A production build with any problem stops
 * here with one list of them all, so no half-built site is ever written. Under `astro dev` problems
 * are printed (and re-checked on every change) while the server keeps running, drafts included.
 */
export function caseCheck(options: { contentRoot: string }): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  return {
    name: 'casefile:case-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // `astro preview` serves what was built; `astro check` and `astro sync` load the content
        // (drafts included) without refusing it.
        if (command === 'preview') return;
        const dev = command === 'dev';
        const { problems, model } = checkedCase(root, command !== 'build');
        if (command !== 'build' && command !== 'dev') return;
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
          const { problems } = caseAfterChange(root, file);
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
