import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { caseAfterChange, changedSinceRead, checkedCase, currentCase } from '../reader/session.ts';
import { CaseError, formatProblems } from '../lib/problems.ts';
import { problemsPage, problemsToken } from '../lib/problems-page.ts';

/**
 * Checks the whole case before Astro reads a single entry. A production build with any problem stops
 * here with one list of them all, so no half-built site is ever written. Under `astro dev` problems
 * are printed (and re-checked on every change) while the server keeps running, drafts included,
 * and every page the browser asks for is the list of them until they are fixed: the open page
 * reloads after every change to the case, so it shows the list, or the edit.
 */
export function caseCheck(options: { contentRoot: string }): AstroIntegration {
  const root = path.resolve(options.contentRoot);
  return {
    name: 'casefile:case-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        // `astro preview` serves what was built; `astro check` and `astro sync` load the content
        // (drafts included) without refusing it.
        if (command === 'preview') return;
        const dev = command === 'dev';
        // What pages and scripts test to show drafts and the search's notice (src/env.d.ts): the
        // command itself, never NODE_ENV or MODE, which a build inherits from its environment.
        updateConfig({ vite: { define: { 'import.meta.env.CASEFILE_DEV_SERVER': JSON.stringify(dev) } } });
        if (dev) {
          const ignored = notSources(
            path.resolve(fileURLToPath(config.root)),
            path.resolve(fileURLToPath(config.outDir)),
            root,
          );
          updateConfig({ vite: { server: { watch: { ignored } } } });
        }
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
        const base = server.config.base.replace(/\/?$/, '/');
        const viteClient = `${base}@vite/client`;
        // What the problems page asks, to learn that the problems it shows are no longer the case's.
        const tokenUrl = `${base}@casefile/problems-token`;
        server.middlewares.use((request, response, next) => {
          const { problems } = currentCase(root);
          if ((request.url ?? '').split('?')[0] === tokenUrl) {
            response.setHeader('content-type', 'text/plain; charset=utf-8');
            response.setHeader('cache-control', 'no-store');
            response.end(problemsToken(problems));
            return;
          }
          if (problems.length === 0 || !asksForPage(request)) {
            next();
            return;
          }
          response.statusCode = 500;
          response.setHeader('content-type', 'text/html; charset=utf-8');
          response.setHeader('cache-control', 'no-store');
          response.end(problemsPage(problems, viteClient, tokenUrl));
        });
        const recheck = (file: string) => {
          if (!file.startsWith(root)) return;
          const { problems } = caseAfterChange(root, file);
          if (problems.length > 0) logger.warn(`\n${formatProblems(problems)}`);
          else logger.info('case checked: no problems');
          // The open page shows the new list, its own content again once the list is empty, or the
          // edit: a body is rendered when the page asks (src/reader/live-body.ts), so Astro's own
          // reload, after it writes its store, does not come for an edit to a body alone.
          server.hot.send({ type: 'full-reload', path: '*' });
          // The watcher reports one change of a file in 50 ms: a second save that soon after the
          // first (or the end of a write the first event caught midway) is heard of only here.
          setTimeout(() => {
            if (changedSinceRead(root, file)) {
              server.watcher.emit('change', file);
              server.watcher.emit('all', 'change', file);
            }
          }, 100).unref();
        };
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}

/**
 * Paths the dev server's watcher leaves alone: Vite watches the whole project, and the build's
 * output, the tests and the benchmark's cases (tens of thousands of files, each a stat at start-up)
 * are none of the site's sources. The content folder, and the folders on the way to it, are watched
 * wherever it lies.
 */
function notSources(project: string, outDir: string, content: string): (file: string) => boolean {
  const inside = (file: string, folder: string) => file === folder || file.startsWith(`${folder}${path.sep}`);
  const skipped = /^(dist(-.*)?|tests|coverage|playwright-report|\..*-previous-.*)$/;
  return (file) => {
    if (inside(file, content) || inside(content, file)) return false;
    if (inside(file, outDir)) return true;
    if (!inside(file, project) || file === project) return false;
    const top = path.relative(project, file).split(path.sep)[0] ?? '';
    return skipped.test(top);
  };
}

/** Whether a request is a browser asking for a page (not a script, style, image or the dev server's own files). */
function asksForPage(request: IncomingMessage): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = (request.url ?? '/').split('?')[0] ?? '/';
  if (/\/@|\/_astro\/|\/node_modules\//.test(pathname)) return false;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (last.includes('.') && !last.endsWith('.html')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
