import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { StixBundle } from '../../src/lib/stix.ts';

/**
 * A bundle checked against the OASIS STIX 2.1 JSON schemas vendored in tests/fixtures (as
 * stix-schema.test.ts checks the exports): the bundle without its locations against bundle.json
 * (which cannot take one at this commit), and every object against the schema of its type.
 */

const schemaRoot = path.resolve(import.meta.dirname, '../fixtures/stix2.1-schemas/schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
for (const [name, format] of Object.entries(fullFormats)) ajv.addFormat(name, format);
for (const folder of readdirSync(schemaRoot)) {
  for (const file of readdirSync(path.join(schemaRoot, folder))) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(schemaRoot, folder, file), 'utf8')) as object);
  }
}

/** Where each STIX type's schema is. */
const SCHEMA_OF: Record<string, string> = {
  identity: 'sdos/identity.json',
  'intrusion-set': 'sdos/intrusion-set.json',
  location: 'sdos/location.json',
  malware: 'sdos/malware.json',
  tool: 'sdos/tool.json',
  vulnerability: 'sdos/vulnerability.json',
  report: 'sdos/report.json',
  relationship: 'sros/relationship.json',
  'domain-name': 'observables/domain-name.json',
  url: 'observables/url.json',
  'email-addr': 'observables/email-addr.json',
  'user-account': 'observables/user-account.json',
};

/** The validator of one schema file. */
function schema(file: string): ValidateFunction {
  const validate = ajv.getSchema(`${BASE}${file}`);
  if (!validate) throw new Error(`no schema ${file}`);
  return validate;
}

/** Ajv's errors for a value, readable in a failed test. */
function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** Every way a bundle breaks the STIX 2.1 schemas; empty when it is valid. */
export function stixErrors(bundle: StixBundle): string[] {
  const withoutLocations = { ...bundle, objects: bundle.objects.filter((object) => object.type !== 'location') };
  return [
    ...errorsOf(schema('common/bundle.json'), withoutLocations).map((error) => `bundle: ${error}`),
    ...bundle.objects.flatMap((object) => {
      const file = SCHEMA_OF[object.type];
      if (!file) return [`${object.id}: no schema listed for ${object.type}`];
      return errorsOf(schema(file), object).map((error) => `${object.id}: ${error}`);
    }),
  ];
}
