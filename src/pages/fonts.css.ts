import type { APIRoute } from 'astro';
import { caseFont } from '../site/fonts.ts';

/** The @font-face of the site's own CJK subset (src/site/fonts.ts); empty when there is none. */
export const GET: APIRoute = async () => {
  const font = await caseFont();
  const css = font
    ? `@font-face {\n  font-family: 'Case Hanzi';\n  src: url('fonts/${font.file}') format('woff2');\n  font-display: swap;\n  unicode-range: ${font.range};\n}\n`
    : '/* No CJK subset: the case has no hanzi, or the build found no CJK font. */\n';
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
