import { stringify } from 'yaml';
import type { ImportedFile } from './bundle.ts';

/** Writing the import's files: YAML frontmatter, then the Markdown body. */

/** A Markdown file with YAML frontmatter. */
export function markdownFile(filePath: string, data: Record<string, unknown>, body: string): ImportedFile {
  const yaml = stringify(data, { lineWidth: 0, defaultKeyType: 'PLAIN' });
  return { path: filePath, text: `---\n${yaml}---\n${body}${body ? '\n' : ''}` };
}
