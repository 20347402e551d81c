import type { APIRoute } from 'astro';
import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';

/** The entity type colours as CSS custom properties, generated from the one list of types. */
export const GET: APIRoute = () => {
  const light = ENTITY_TYPES.map((type) => `  --type-${type}: ${ENTITY_TYPE_INFO[type].colour};`).join('\n');
  const dark = ENTITY_TYPES.map((type) => `    --type-${type}: ${ENTITY_TYPE_INFO[type].colourDark};`).join('\n');
  const classes = ENTITY_TYPES.map((type) => `.type-${type} { --type: var(--type-${type}); }`).join('\n');
  const css = `:root {\n${light}\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n${dark}\n  }\n}\n${classes}\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
