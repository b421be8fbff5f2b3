import * as m001 from './001_initial.js';

/** Numbered migrations, applied in order, each once. Append; never edit an applied one. */
export const migrations: { version: number; name: string; up: string }[] = [
  { version: 1, name: 'initial', up: m001.up },
];
