/**
 * The case as STIX 2.1, the format threat-intelligence tools (OpenCTI, MISP) exchange: each entity
 * as its type's definition says (schema/<type>.ts, its `stix`: actors become intrusion sets, people
 * and organisations identities, places locations, tools malware, tools or vulnerabilities, online
 * identities cyber observables), and every typed relationship a `relationship` with its confidence
 * (0–100) and its sources as external references.
 *
 * Ids are name-based UUIDs from what an object is (an entity's id; a relationship's
 * `from>rel>to`), never from its position in a file, so an object keeps its STIX id across builds
 * and edits. Timestamps come from the content, never from the build clock: `created` is the start
 * of the day the entry is dated (its `updated`, else the newest date in the case), and `modified`
 * a moment within that day derived from a hash of the object's content, so it changes whenever the
 * object does, and a build of the same content writes the same bytes. A platform keeps the version
 * with the latest `modified`: an author who bumps `updated` when editing makes the new version
 * later than every earlier one. Observables carry their plain values: tools need them; pages show
 * them defanged.
 *
 * The rooms, in stix/: objects.ts (the shapes, and the values types share), ids.ts (ids and
 * versions), writer.ts (entities, relationships, reports), bundles.ts (the bundles a build writes).
 */
export { caseBundle, entityBundle } from './stix/bundles.ts';
export { versionStamp } from './stix/ids.ts';
export { countryCode } from './stix/objects.ts';
export type { ExternalReference, StixBundle, StixObject, StixOptions } from './stix/objects.ts';
