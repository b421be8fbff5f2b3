/** The sample roster parsed once per test file, with its search view. */
import { parseRoster } from '../../../src/casting/talent/import/parse-roster.js';
import { buildRoster, type TalentRoster } from '../../../src/casting/talent/roster-cache.js';
import type { TalentProfile } from '../../../src/memory/records.js';
import { sampleBytes } from './helpers.js';

const sample = (await parseRoster(sampleBytes(), 'sample-roster.csv')).profiles;

export function sampleProfiles(): TalentProfile[] {
  return sample;
}

export function sampleRoster(tenant = 'local:studio', model?: string): TalentRoster {
  return buildRoster(tenant, sampleProfiles(), model);
}
