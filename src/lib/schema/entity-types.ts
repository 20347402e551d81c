/**
 * The one list of entity types: the content folder each lives in, its URL prefix, its labels and
 * the colour and shape that mark it on badges, graph nodes and map markers.
 */

/** Keys of the six entity collections, in the order they are listed across the site. */
export const ENTITY_TYPES = ['actors', 'people', 'companies', 'locations', 'identities', 'tools'] as const;

/** An entity collection key, e.g. `people`. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Collections that are not entities but are linked and cited: narratives and the documents they rest on. */
export const DOCUMENT_TYPES = ['reports', 'sources'] as const;

/** A document collection key. */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Every content collection: entities first, then documents. */
export const COLLECTIONS = [...ENTITY_TYPES, ...DOCUMENT_TYPES] as const;

/** Any content collection key. */
export type CollectionKey = (typeof COLLECTIONS)[number];

/** Marker shapes drawn on the graph and the map; each type has its own so colour is never the only cue. */
export type NodeShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon' | 'star';

/** How one entity type presents itself. */
export interface EntityTypeInfo {
  /** Collection key, also the folder under content/ and the URL prefix. */
  key: EntityType;
  /** Singular label, e.g. "Person". */
  label: string;
  /** Plural label for indexes and filters, e.g. "People". */
  plural: string;
  /** One line for the type index page. */
  blurb: string;
  /** Colour for light backgrounds (AA contrast against white for text). */
  colour: string;
  /** Colour for dark backgrounds (AA contrast against the dark page colour). */
  colourDark: string;
  /** Marker shape on the graph and map. */
  shape: NodeShape;
}

/** The presentation of every entity type, keyed by collection. */
export const ENTITY_TYPE_INFO: Readonly<Record<EntityType, EntityTypeInfo>> = {
  actors: {
    key: 'actors',
    label: 'Threat actor',
    plural: 'Threat actors',
    blurb: 'Intrusion groups as the security industry tracks them, with their aliases and identifiers.',
    colour: '#b3261e',
    colourDark: '#ff8a80',
    shape: 'star',
  },
  people: {
    key: 'people',
    label: 'Person',
    plural: 'People',
    blurb: 'Individuals the sources name: suspects, officials, researchers and the people they quote.',
    colour: '#1f5fa8',
    colourDark: '#8ab4f8',
    shape: 'circle',
  },
  companies: {
    key: 'companies',
    label: 'Organisation',
    plural: 'Companies and organisations',
    blurb: 'Firms, front companies, state bodies, universities and publishers that act in the case.',
    colour: '#7a4d00',
    colourDark: '#f0b45a',
    shape: 'square',
  },
  locations: {
    key: 'locations',
    label: 'Location',
    plural: 'Locations',
    blurb: 'Addresses in both scripts, with coordinates and how precisely each point is known.',
    colour: '#1b6b3a',
    colourDark: '#7fd99a',
    shape: 'triangle',
  },
  identities: {
    key: 'identities',
    label: 'Online identity',
    plural: 'Online identities',
    blurb: 'Handles, accounts, numbers, nicknames and domains, and whether they still exist.',
    colour: '#6a3d9a',
    colourDark: '#c9a4f2',
    shape: 'diamond',
  },
  tools: {
    key: 'tools',
    label: 'Tool',
    plural: 'Tools and vulnerabilities',
    blurb: 'Malware, utilities and vulnerabilities connected to the actors and accounts.',
    colour: '#5c5c5c',
    colourDark: '#c4c4c4',
    shape: 'hexagon',
  },
};

/** True when a string names an entity collection. */
export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

/** True when a string names any content collection. */
export function isCollectionKey(value: string): value is CollectionKey {
  return (COLLECTIONS as readonly string[]).includes(value);
}
