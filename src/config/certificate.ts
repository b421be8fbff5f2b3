/**
 * Certificate credentials for the Teams bot (MICROSOFT_APP_CERTIFICATE_*). The PEM files are read
 * once, while the configuration is validated: a missing, unreadable or malformed file, or a set of
 * variables that cannot work together, stops start-up with a message naming the variable.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A PEM file read at start-up. Serialises as its path only, so its contents never reach a log. */
export class PemFile {
  constructor(
    readonly path: string,
    readonly pem: string,
  ) {}
  toJSON(): { path: string } {
    return { path: this.path };
  }
}

/** A path to a PEM file, read and checked now: an unencrypted RSA private key, or an X.509 certificate. */
export function pemFile(kind: 'private key' | 'certificate') {
  return z.string().transform((path, ctx) => {
    let pem: string;
    try {
      pem = readFileSync(path, 'utf8');
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        message: `cannot read the ${kind} file ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      });
      return z.NEVER;
    }
    const problem = kind === 'private key' ? privateKeyProblem(pem) : certificateProblem(pem);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${path} ${problem}` });
      return z.NEVER;
    }
    return new PemFile(path, pem);
  });
}

/** A SHA-1 thumbprint as the Azure portal shows it (hex; colons and spaces, as openssl prints them, are dropped). */
export const thumbprint = z
  .string()
  .transform((s) => s.replace(/[\s:]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[0-9A-F]{40}$/, "must be the certificate's SHA-1 thumbprint: 40 hex digits"));

/** The SHA-1 thumbprint (upper-case hex) of the first certificate in a PEM text. */
export function sha1Thumbprint(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint.replace(/:/g, '');
}

function privateKeyProblem(pem: string): string | undefined {
  try {
    const key = createPrivateKey(pem);
    // MSAL signs the client assertion with RS256; Entra ID takes RSA certificates.
    return key.asymmetricKeyType === 'rsa'
      ? undefined
      : `holds a ${key.asymmetricKeyType ?? 'non-RSA'} key: an RSA private key is required`;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_MISSING_PASSPHRASE') return 'holds an encrypted private key: give it unencrypted (PEM, "BEGIN PRIVATE KEY")';
    return 'is not a PEM private key ("BEGIN PRIVATE KEY" or "BEGIN RSA PRIVATE KEY")';
  }
}

function certificateProblem(pem: string): string | undefined {
  try {
    new X509Certificate(pem);
    return undefined;
  } catch {
    return 'is not a PEM certificate ("BEGIN CERTIFICATE")';
  }
}

const THUMBPRINT = 'MICROSOFT_APP_CERTIFICATE_THUMBPRINT';
const KEY = 'MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE';
const X5C = 'MICROSOFT_APP_CERTIFICATE_X5C_FILE';

interface CertificateSettings {
  MICROSOFT_APP_ID?: string | undefined;
  MICROSOFT_APP_PASSWORD?: string | undefined;
  MICROSOFT_APP_TYPE: string;
  MICROSOFT_APP_CERTIFICATE_THUMBPRINT?: string | undefined;
  MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE?: PemFile | undefined;
  MICROSOFT_APP_CERTIFICATE_X5C_FILE?: PemFile | undefined;
}

/**
 * What makes a set of certificate variables unusable: a key needs a thumbprint (or the certificate
 * itself) and the reverse; a password and a certificate are one too many; the thumbprint and the
 * key must be those of the certificate when it is given.
 */
export function certificateProblems(cfg: CertificateSettings): string[] {
  const key = cfg.MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE;
  const print = cfg.MICROSOFT_APP_CERTIFICATE_THUMBPRINT;
  const x5c = cfg.MICROSOFT_APP_CERTIFICATE_X5C_FILE;
  if (!key && !print && !x5c) return [];
  const problems: string[] = [];
  if (!key) problems.push(`${KEY}: required with ${print ? THUMBPRINT : X5C} (the certificate's private key, PEM)`);
  if (key && !print && !x5c) problems.push(`${THUMBPRINT}: required with ${KEY} (or give the certificate itself in ${X5C})`);
  if (cfg.MICROSOFT_APP_PASSWORD)
    problems.push(`MICROSOFT_APP_PASSWORD and ${THUMBPRINT}/${KEY}: set a password or a certificate, not both`);
  if (!cfg.MICROSOFT_APP_ID) problems.push('MICROSOFT_APP_ID: required with MICROSOFT_APP_CERTIFICATE_*');
  if (cfg.MICROSOFT_APP_TYPE === 'UserAssignedMSI')
    problems.push('MICROSOFT_APP_CERTIFICATE_*: not used with MICROSOFT_APP_TYPE=UserAssignedMSI (a managed identity has no certificate)');
  if (x5c) {
    const cert = new X509Certificate(x5c.pem);
    const actual = cert.fingerprint.replace(/:/g, '');
    if (print && print !== actual) problems.push(`${THUMBPRINT}: does not match the certificate in ${X5C}, whose thumbprint is ${actual}`);
    if (key && !cert.checkPrivateKey(createPrivateKey(key.pem)))
      problems.push(`${KEY}: is not the private key of the certificate in ${X5C}`);
  }
  return problems;
}
