// Before any test file runs: the migrated template database, and the compiled CLI that the command
// line tests spawn as users run it (`bin/castmatch` runs `dist/`), built fresh so it is never stale.
// Jest loads global setup outside its module mapping, so the TypeScript part comes through tsx.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const ROOT = new URL('../../', import.meta.url);

async function buildCli() {
  await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT }).catch(
    (err) => {
      throw new Error(`npm run build failed:\n${err.stdout}${err.stderr}`);
    },
  );
}

export default async function globalSetup() {
  const { makeTemplateDatabase } = await tsImport('./template-database.ts', import.meta.url);
  const { TEMPLATE_ENV } = await tsImport('./template-env.ts', import.meta.url);
  const [template] = await Promise.all([makeTemplateDatabase(), buildCli()]);
  // Workers inherit this process's environment.
  process.env[TEMPLATE_ENV] = template;
}
