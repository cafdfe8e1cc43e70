/**
 * TLS certificate failures, told apart from network trouble: a certificate that is self-signed,
 * expired, issued for another host or by an unknown authority fails the same way on every
 * attempt, so it is never retried, and the message says what is wrong with the certificate.
 */

/** What is wrong, by the code Node (OpenSSL) gives the failure. */
const CERTIFICATE_PROBLEMS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed and not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed root that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate was issued by an unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT: 'the server certificate was issued by an unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server certificate was issued by an unknown certificate authority',
  CERT_UNTRUSTED: 'the server certificate is not trusted',
  CERT_REJECTED: 'the server certificate was rejected',
  INVALID_CA: 'a certificate authority in the chain is not valid as one',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
  CERT_REVOKED: 'the server certificate was revoked',
  CERT_SIGNATURE_FAILURE: 'the server certificate has an invalid signature',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'the server certificate has an invalid signature',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'the server certificate\'s issuer key cannot be read',
  INVALID_PURPOSE: 'the server certificate is not meant for TLS servers',
  PATH_LENGTH_EXCEEDED: 'the certificate chain is longer than its authority allows',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate is for another host name',
  HOSTNAME_MISMATCH: 'the server certificate is for another host name',
};

export interface CertificateFailure {
  /** Node's code, e.g. CERT_HAS_EXPIRED. */
  code: string;
  /** What is wrong, in words. */
  problem: string;
  /** Node's own text (for a wrong host it names the names the certificate holds). */
  detail: string;
  /** Which of the three usual fixes applies. */
  fix: 'trust' | 'renew' | 'host';
}

function fixFor(code: string): CertificateFailure['fix'] {
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' || code === 'CERT_REVOKED') return 'renew';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'host';
  return 'trust';
}

/** The certificate failure in `error` or its causes (fetch wraps it once), else undefined. */
export function certificateFailure(error: unknown): CertificateFailure | undefined {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message, cert } = current as { code?: unknown; message?: unknown; cert?: { subjectaltname?: unknown } };
    if (typeof code !== 'string') continue;
    const problem = CERTIFICATE_PROBLEMS[code];
    if (!problem) continue;
    // A wrong host: Node's text leaves out DNS names, the certificate's own list says which host it is for.
    const names = typeof cert?.subjectaltname === 'string' ? `; the certificate names ${cert.subjectaltname}` : '';
    return { code, problem, detail: `${typeof message === 'string' ? message : code}${names}`, fix: fixFor(code) };
  }
  return undefined;
}

/** `problem (CODE: Node's text)`, for messages. */
export function describeCertificateFailure(failure: CertificateFailure): string {
  return `${failure.problem} (${failure.code}${failure.detail && failure.detail !== failure.code ? `: ${failure.detail}` : ''})`;
}
