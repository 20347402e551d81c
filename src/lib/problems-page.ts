import { createHash } from 'node:crypto';
import { escapeHtml } from './search-document.ts';
import { jsonLdText } from './page-meta.ts';
import { sortProblems, type CaseProblem } from './problems.ts';

/**
 * The page `npm run dev` serves in place of any page while the case has problems: the same list the
 * build prints (file and line, field, what is wrong, the fix), where the author is looking. It loads
 * the dev server's client, which reloads it when a change leaves the case without problems. A reload
 * the server sends while the page is still loading, before its client listens, reaches no one: a save
 * that an editor makes in two writes (the file emptied, then written) showed the empty file's
 * problem, and the fix that followed 100 ms later was never shown. So the page also asks the server,
 * every second, for the token of the problems it would show now (`problemsToken`), and reloads when
 * it is not the one it shows.
 */

/** A short token of a list of problems, the same for the same list in any order; '' for none. */
export function problemsToken(problems: readonly CaseProblem[]): string {
  if (problems.length === 0) return '';
  return createHash('sha256')
    .update(JSON.stringify(sortProblems(problems)))
    .digest('hex')
    .slice(0, 16);
}

/**
 * The problems page's HTML; `viteClient` is the address of the dev server's client script, `tokenUrl`
 * the address that answers with the token of the problems as they are now.
 */
export function problemsPage(problems: readonly CaseProblem[], viteClient: string, tokenUrl: string): string {
  const sorted = sortProblems(problems);
  const files = new Set(sorted.map((problem) => problem.file)).size;
  const heading = `${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  const items = sorted
    .map((problem) => {
      const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
      const fix = problem.fix === undefined ? '' : `<p class="fix">fix: ${escapeHtml(problem.fix)}</p>`;
      return (
        `<li><p class="where"><code>${escapeHtml(where)}</code></p>` +
        `<p><code>${escapeHtml(problem.field)}</code>: ${escapeHtml(problem.message)}</p>${fix}</li>`
      );
    })
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>casefile: ${escapeHtml(heading)}</title>`,
    '<style>',
    'body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}',
    'h1{font-size:1.4rem;color:#9b1c1c}ol{padding-left:1.2rem}li{margin:0 0 1rem}p{margin:.1rem 0}',
    '.where code{font-weight:600}.fix{color:#1b5e20}',
    '@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}h1{color:#ff8a80}.fix{color:#8fd19e}}',
    '</style>',
    `<script type="module" src="${escapeHtml(viteClient)}"></script>`,
    `<script type="module">${reloadWhenStale(tokenUrl, problemsToken(problems))}</script>`,
    '</head><body><main>',
    `<h1>The case has ${escapeHtml(heading)}</h1>`,
    '<p>The build would stop on these. Fix them and save: this page reloads by itself.</p>',
    `<ol>\n${items}\n</ol>`,
    '</main></body></html>',
  ].join('\n');
}

/** The page's own script: it reloads the page once the server's token is not the page's. */
function reloadWhenStale(tokenUrl: string, shown: string): string {
  return [
    `const shown = ${jsonLdText(shown)};`,
    'const look = async () => {',
    '  try {',
    `    const now = await (await fetch(${jsonLdText(tokenUrl)}, { cache: 'no-store' })).text();`,
    '    if (now !== shown) location.reload();',
    '  } catch {',
    '    // The server is restarting: its client reloads the page when it is back.',
    '  }',
    '};',
    'setInterval(look, 1000);',
  ].join('\n');
}
