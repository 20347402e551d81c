import { describe, expect, test } from 'vitest';
import { v5, validate, version } from 'uuid';
import { CASEFILE_NAMESPACE, casefileId, observableId, STIX_SCO_NAMESPACE } from '../../src/lib/stix/ids.ts';

/**
 * STIX ids are name-based UUIDs hashed with node:crypto's SHA-1 rather than uuid's own: every id must
 * stay the one uuid's `v5` gives for the same name, or a platform re-importing the case would see
 * new objects. uuid itself is the reference here.
 */

const NAMES = [
  '',
  'actors/apt10',
  'people/zhang-shilong',
  '张世龙 / 张士龙',
  'Sun Lei 孙杰',
  'e\u0301 and é', // a combining accent beside the precomposed letter
  '🐼 STONE PANDA',
  'x'.repeat(10_000),
  'line one\nline two\ttab "quoted" \\ backslash',
];

describe('STIX ids', () => {
  test.each(NAMES)('an object casefile describes has the id uuid v5 gives: %j', (name) => {
    const id = casefileId('intrusion-set', name);
    expect(id).toBe(`intrusion-set--${v5(name, CASEFILE_NAMESPACE)}`);
    const uuid = id.slice('intrusion-set--'.length);
    expect(validate(uuid)).toBe(true);
    expect(version(uuid)).toBe(5);
  });

  test.each(NAMES)('an observable has the id STIX derives with uuid v5: %j', (value) => {
    expect(observableId('domain-name', { value })).toBe(
      `domain-name--${v5(`{"value":${JSON.stringify(value)}}`, STIX_SCO_NAMESPACE)}`,
    );
  });

  test('observable keys are hashed in sorted order, whatever order they are given in', () => {
    const key = { value: 'a@example.org', display_name: 'A' };
    expect(observableId('email-addr', key)).toBe(
      `email-addr--${v5('{"display_name":"A","value":"a@example.org"}', STIX_SCO_NAMESPACE)}`,
    );
  });

  test('a name gives a different id in each namespace', () => {
    expect(casefileId('x', '{"value":"same"}')).not.toBe(observableId('x', { value: 'same' }));
  });
});
