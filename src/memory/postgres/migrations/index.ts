import * as m001 from './001_initial.js';
import * as m002 from './002_audition_organizer_id.js';
import * as m003 from './003_audition_address.js';

/** Numbered migrations, applied in order, each once. Append; never edit an applied one. */
export const migrations: { version: number; name: string; up: string }[] = [
  { version: 1, name: 'initial', up: m001.up },
  { version: 2, name: 'audition organizer id', up: m002.up },
  { version: 3, name: 'audition address', up: m003.up },
];
