// Removes the template database the global setup made (the variable's name lives in template-env.ts).
import { rm } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  const { TEMPLATE_ENV } = await tsImport('./template-env.ts', import.meta.url);
  const dir = process.env[TEMPLATE_ENV];
  if (dir) await rm(dir, { recursive: true, force: true });
}
