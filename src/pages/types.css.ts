import type { APIRoute } from 'astro';
import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '../lib/schema/entity-types.ts';
import { shapePath } from '../lib/shapes.ts';

/** A type's marker shape as an SVG data URL, for the mask of TypeMarker.astro's span and an entity link's ::before. */
function shapeUrl(type: (typeof ENTITY_TYPES)[number]): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='-7 -7 14 14'><path d='${shapePath(ENTITY_TYPE_INFO[type].shape, 5.5)}'/></svg>`;
  return `url("data:image/svg+xml,${svg.replace(/</g, '%3C').replace(/>/g, '%3E')}")`;
}

/**
 * The entity type colours as CSS custom properties, and each type's marker shape, generated from the
 * one list of types.
 */
export const GET: APIRoute = () => {
  const light = ENTITY_TYPES.map((type) => `  --type-${type}: ${ENTITY_TYPE_INFO[type].colour};`).join('\n');
  const dark = ENTITY_TYPES.map((type) => `    --type-${type}: ${ENTITY_TYPE_INFO[type].colourDark};`).join('\n');
  const classes = ENTITY_TYPES.map((type) => `.type-${type} { --type: var(--type-${type}); }`).join('\n');
  // A link to an entity draws its marker as ::before (markers.css), so a page of links carries no
  // empty span per link; the pseudo-element exists only for the types that have a marker.
  const shapes = ENTITY_TYPES.map(
    (type) => `.type-marker.type-${type}, .entity-link.type-${type}::before { --shape: ${shapeUrl(type)}; }`,
  ).join('\n');
  const marked = `.entity-link:is(${ENTITY_TYPES.map((type) => `.type-${type}`).join(', ')})::before { content: ''; }`;
  const css = `:root {\n${light}\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n${dark}\n  }\n}\n${classes}\n${shapes}\n${marked}\n`;
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
