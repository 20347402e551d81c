import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori from 'satori';
import { renderAsync } from '@resvg/resvg-js';
import { ogTree, type OgCard } from '../lib/og-card.ts';
import { OG_SIZE } from '../lib/page-meta.ts';
import { caseFont } from './fonts.ts';

/**
 * Draws sharing images at build time: satori lays the card out and turns its text into outlines
 * (Inter from @fontsource/inter for Latin, the case's own CJK subset for hanzi), resvg rasterises
 * the SVG to PNG. No system font is involved, so the same case draws the same bytes everywhere a
 * build runs. Images are cached by their content under node_modules/.astro, so a rebuild only draws
 * the cards whose words changed.
 */

// Raise when the layout or the fonts change, so cached images are drawn again.
const TEMPLATE = 'og-2';
// Under Astro's cache folder, so whatever clears it for a cold build (the benchmark does) clears this too.
const CACHE = path.resolve('node_modules/.astro/casefile/og');
const require = createRequire(import.meta.url);

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: Promise<{ list: Font[]; key: string }> | undefined;

/** The fonts satori draws with, loaded once. */
function loadFonts(): Promise<{ list: Font[]; key: string }> {
  fonts ??= (async () => {
    const inter = (subset: string, weight: 400 | 700): Font => ({
      name: 'Inter',
      data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal',
    });
    const list = [inter('latin', 400), inter('latin', 700), inter('latin-ext', 400), inter('latin-ext', 700)];
    const cjk = await caseFont();
    if (cjk) list.push({ name: 'Case Hanzi', data: cjk.truetype, weight: 400, style: 'normal' });
    return { list, key: cjk?.file ?? 'no-cjk' };
  })();
  return fonts;
}

/** The PNG of a card. */
export async function ogImage(card: OgCard): Promise<Buffer> {
  const { list, key } = await loadFonts();
  const digest = createHash('sha256')
    .update(`${TEMPLATE}\n${key}\n${JSON.stringify(card)}`)
    .digest('hex');
  const cached = path.join(CACHE, `${digest.slice(0, 24)}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const svg = await satori(ogTree(card, OG_SIZE.width, OG_SIZE.height), {
    width: OG_SIZE.width,
    height: OG_SIZE.height,
    fonts: list,
  });
  // Rasterised off the main thread, so the other pages keep rendering meanwhile.
  const png = (await renderAsync(svg, { fitTo: { mode: 'original' } })).asPng();
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, png);
  return png;
}
