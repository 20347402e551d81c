import { hasHanzi } from '../hanzi.ts';
import { ENTITY_TYPES } from '../schema/entity-types.ts';
import { IDENTITY_KINDS, type IdentityKind } from '../schema/identities.ts';
import { dayOf, text, texts, type ImportedObject } from './bundle.ts';
import type { ImportDraft } from './draft.ts';
import { externalIds } from './sources.ts';

/**
 * Mapping per STIX type: which casefile entity each STIX object becomes (intrusion sets and threat
 * actors → actors, identities → people or companies, locations, malware/tool/vulnerability → tools,
 * observables, accounts, infrastructure and simple indicators → online identities), and why the
 * rest is left out.
 */

/** Names and aliases as the export writes them: a native-script name first among the aliases. */
function namesOf(object: ImportedObject): Record<string, unknown> {
  const aliases = texts(object, 'aliases').filter((alias) => alias !== text(object, 'name'));
  const native = aliases[0] !== undefined && hasHanzi(aliases[0]) ? aliases[0] : undefined;
  const rest = native ? aliases.slice(1) : aliases;
  return { ...(native ? { native } : {}), ...(rest.length > 0 ? { aliases: rest } : {}) };
}

/** Catalogue ids and first sighting, as actors and tools write them. */
function idsAndFirstSeen(object: ImportedObject): Record<string, unknown> {
  const ids = externalIds(object);
  const firstSeen = dayOf(object['first_seen']);
  return { ...(ids.length > 0 ? { external_ids: ids } : {}), ...(firstSeen ? { first_seen: firstSeen } : {}) };
}

/** The observable kind of a STIX cyber-observable type. */
function observableKind(stixType: string): 'domain' | 'url' | 'email' {
  return stixType === 'domain-name' ? 'domain' : stixType === 'url' ? 'url' : 'email';
}

/** The point of a location, when the bundle gives one with its precision; `{}` when it gives none. */
function pointOf(object: ImportedObject, bundleName: string): Record<string, unknown> | undefined {
  const lat = object['latitude'];
  const lon = object['longitude'];
  const precision = object['precision'];
  if (typeof lat !== 'number' || typeof lon !== 'number') return {};
  if (typeof precision !== 'number' || precision <= 0) return undefined;
  return {
    lat,
    lon,
    precision_m: precision,
    geocode_note: `position and precision as given in the STIX bundle ${bundleName}`,
  };
}

/** The tool kind of a malware, tool or vulnerability. */
function toolKind(object: ImportedObject): string {
  if (object.type === 'vulnerability') return 'vulnerability';
  if (object.type === 'malware')
    return texts(object, 'malware_types').includes('remote-access-trojan') ? 'rat' : 'malware';
  return texts(object, 'tool_types').includes('exploitation') ? 'exploit' : 'other';
}

/**
 * Adds the entity one object becomes. Returns false when the object lacks the name or value its
 * entity needs (the caller notes that); an object left out for another reason is noted here.
 */
function importObject(draft: ImportDraft, object: ImportedObject, bundleAuthors: ReadonlySet<string>): boolean {
  const { unmapped, approximated } = draft;
  const name = text(object, 'name');
  switch (object.type) {
    case 'intrusion-set':
    case 'threat-actor': {
      if (!name) return false;
      draft.add(
        object,
        'actors',
        name,
        { ...namesOf(object), ...idsAndFirstSeen(object) },
        'A threat actor named in the STIX bundle.',
      );
      if (object.type === 'threat-actor')
        approximated.push({
          id: object.id,
          reason: 'a threat-actor becomes an actor, which exports as an intrusion-set',
        });
      return true;
    }
    case 'identity': {
      if (!name) return false;
      if (bundleAuthors.has(object.id)) {
        unmapped.push({
          id: object.id,
          reason: `the bundle's author ("${name}"): named as the reports' author, not made a dossier`,
        });
        return true;
      }
      if (text(object, 'identity_class') === 'individual') {
        const roles = texts(object, 'roles');
        draft.add(object, 'people', name, roles.length > 0 ? { roles } : {}, 'A person named in the STIX bundle.');
      } else {
        draft.add(object, 'companies', name, { kind: 'other' }, 'An organisation named in the STIX bundle.');
        approximated.push({ id: object.id, reason: 'STIX gives no kind of organisation: written as kind "other"' });
      }
      return true;
    }
    case 'location': {
      const label =
        name ??
        [text(object, 'street_address'), text(object, 'city'), text(object, 'country')].filter(Boolean).join(', ');
      if (!label) return false;
      const point = pointOf(object, draft.options.bundleName);
      if (point === undefined)
        approximated.push({
          id: object.id,
          reason:
            'latitude and longitude left out: the bundle gives no precision, and casefile never plots a point without its circle',
        });
      draft.add(
        object,
        'locations',
        label,
        {
          address: text(object, 'street_address') ?? label,
          ...(text(object, 'city') ? { city: text(object, 'city') } : {}),
          ...(text(object, 'country') ? { country: text(object, 'country') } : {}),
          ...(point ?? {}),
        },
        'A place named in the STIX bundle.',
      );
      return true;
    }
    case 'malware':
    case 'tool':
    case 'vulnerability': {
      if (!name) return false;
      draft.add(
        object,
        'tools',
        name,
        {
          ...(object.type === 'malware' ? namesOf(object) : {}),
          kind: toolKind(object),
          ...idsAndFirstSeen(object),
        },
        `A ${object.type} named in the STIX bundle.`,
      );
      return true;
    }
    case 'domain-name':
    case 'url':
    case 'email-addr': {
      const value = text(object, 'value');
      if (!value) return false;
      draft.identity(object, observableKind(object.type), value, value);
      return true;
    }
    case 'user-account': {
      const value = text(object, 'account_login') ?? text(object, 'user_id');
      if (!value) return false;
      const accountType = text(object, 'account_type') ?? 'other';
      const kind = IDENTITY_KINDS.find((known): known is IdentityKind => known === accountType) ?? 'other';
      const renamed = kind === 'other' && accountType !== 'other';
      if (renamed)
        approximated.push({
          id: object.id,
          reason: `account type "${accountType}" is not one of casefile's kinds: written as kind "other", platform "${accountType}"`,
        });
      draft.identity(
        object,
        kind,
        value,
        text(object, 'display_name') ?? value,
        renamed ? { platform: accountType } : {},
      );
      return true;
    }
    case 'infrastructure': {
      if (!name) return false;
      draft.identity(object, 'other', name, name, { platform: 'infrastructure' });
      approximated.push({
        id: object.id,
        reason: 'casefile has no infrastructure type: written as an online identity of kind "other"',
      });
      return true;
    }
    case 'indicator': {
      const match = /^\[(domain-name|url|email-addr):value\s*=\s*'((?:[^'\\]|\\.)*)'\]$/.exec(
        text(object, 'pattern') ?? '',
      );
      if (!match?.[1] || !match[2]) {
        unmapped.push({
          id: object.id,
          reason:
            'only an indicator whose pattern is one domain, URL or email address is imported (as that observable)',
        });
        return true;
      }
      const kind = observableKind(match[1]);
      draft.identity(object, kind, match[2].replace(/\\(.)/g, '$1'), match[2]);
      approximated.push({ id: object.id, reason: `an indicator becomes the ${kind} its pattern names` });
      return true;
    }
    case 'relationship':
    case 'report':
    case 'bundle':
      return true;
    case 'marking-definition':
      unmapped.push({
        id: object.id,
        reason:
          "markings are not carried over and every casefile page is public: check the bundle's TLP before publishing",
      });
      return true;
    default:
      unmapped.push({
        id: object.id,
        reason: `casefile has no ${object.type}: its types are ${ENTITY_TYPES.join(', ')}, reports and sources`,
      });
      return true;
  }
}

/** Adds every object's entity to the draft, in bundle order: links and reports need to know what their ends became. */
export function importEntities(draft: ImportDraft): void {
  // Identities that only ever appear as an object's creator are the bundle's author, not a party to the case.
  const creators = new Set(draft.objects.map((object) => text(object, 'created_by_ref')).filter((id) => id));
  const referenced = new Set<string>();
  for (const object of draft.objects) {
    if (object.type === 'relationship') {
      referenced.add(text(object, 'source_ref') ?? '');
      referenced.add(text(object, 'target_ref') ?? '');
    }
    for (const ref of texts(object, 'object_refs')) referenced.add(ref);
  }
  const bundleAuthors = new Set([...creators].filter((id): id is string => id !== undefined && !referenced.has(id)));
  for (const object of draft.objects) {
    if (!importObject(draft, object, bundleAuthors))
      draft.unmapped.push({ id: object.id, reason: `a ${object.type} without the name or value casefile needs` });
  }
}
