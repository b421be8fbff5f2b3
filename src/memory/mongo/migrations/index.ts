import type { mongo } from 'mongoose';
import * as m001 from './001_initial.js';

export interface MongoMigration { version: number; name: string; up(db: mongo.Db): Promise<void> }

/** Numbered migrations, applied in order, each once. Append; never edit an applied one. */
export const migrations: MongoMigration[] = [
  { version: 1, name: m001.name, up: m001.up },
];
