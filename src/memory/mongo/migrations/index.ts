import type { mongo } from 'mongoose';
import * as m001 from './001_initial.js';
import * as m002 from './002_audition_organizer_id.js';
import * as m003 from './003_audition_address.js';

export interface MongoMigration {
  version: number;
  name: string;
  up(db: mongo.Db): Promise<void>;
}

/** Numbered migrations, applied in order, each once. Append; never edit an applied one. */
export const migrations: MongoMigration[] = [
  { version: 1, name: m001.name, up: m001.up },
  { version: 2, name: m002.name, up: m002.up },
  { version: 3, name: m003.name, up: m003.up },
];
