/**
 * Throwaway RSA keys and self-signed certificates, made by the openssl CLI (node:crypto can make a
 * key but not a certificate); written to a temp directory so configuration can name the files.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  /** PEM private key (PKCS#8, unencrypted) and its file. */
  key: string;
  keyFile: string;
  /** PEM certificate and its file. */
  cert: string;
  certFile: string;
  x509: X509Certificate;
  /** SHA-1 thumbprint, upper-case hex, as the Azure portal shows it. */
  thumbprint: string;
}

export interface CertificateDir {
  /** A 2048-bit RSA key and a one-day self-signed certificate for `commonName` (and `dnsName` as its SAN). */
  make(name: string, opts?: { commonName?: string; dnsName?: string }): TestCertificate;
  dir: string;
  remove(): void;
}

export function certificateDir(): CertificateDir {
  const dir = mkdtempSync(path.join(tmpdir(), 'castmatch-certs-'));
  return {
    dir,
    make: (name, opts = {}) => {
      const keyFile = path.join(dir, `${name}.key.pem`);
      const certFile = path.join(dir, `${name}.cert.pem`);
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-keyout',
          keyFile,
          '-out',
          certFile,
          '-subj',
          `/CN=${opts.commonName ?? name}`,
          ...(opts.dnsName ? ['-addext', `subjectAltName=DNS:${opts.dnsName}`] : []),
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const cert = readFileSync(certFile, 'utf8');
      const x509 = new X509Certificate(cert);
      return { key: readFileSync(keyFile, 'utf8'), keyFile, cert, certFile, x509, thumbprint: x509.fingerprint.replace(/:/g, '') };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
