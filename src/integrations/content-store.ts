import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * The output depends only on the content. Astro keeps every rendered entry in its content store
 * (`data-store.json` in its cache folder, node_modules/.astro/) and reuses an entry whose file has
 * the same digest, with the file path and image paths it had: a build of folder B after folder A,
 * with the same Markdown and a different photo beside it, published A's photo. So the store
 * belongs to one content folder: when a build reads another folder than the store was filled from,
 * the store is emptied first, and Astro renders every entry anew.
 */

/** The file, in Astro's cache folder, that names the content folder the store was filled from. */
const STAMP = 'casefile-content-folder.txt';

/** Empties Astro's content store if it was filled from another content folder than `contentRoot`. */
export function keyContentStore(cacheDir: string, contentRoot: string): boolean {
  const folder = path.resolve(contentRoot);
  const stamp = path.join(cacheDir, STAMP);
  const previous = existsSync(stamp) ? readFileSync(stamp, 'utf8') : undefined;
  if (previous === folder) return false;
  rmSync(path.join(cacheDir, 'data-store.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stamp, folder);
  return previous !== undefined;
}

/** The integration; it must run before Astro syncs the content (its config:setup runs first). */
export function contentStoreKeyed(contentRoot: string): AstroIntegration {
  return {
    name: 'casefile:content-store',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        if (keyContentStore(fileURLToPath(config.cacheDir), contentRoot)) {
          logger.info(`content folder changed to ${contentRoot}: Astro's content store was emptied`);
        }
      },
    },
  };
}
