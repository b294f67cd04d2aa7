/**
 * Every failure the PKI library raises on purpose carries a stable `code`, so callers
 * (HTTP handlers, the case engine) can map it to a response without parsing messages.
 */
export type PkiErrorCode =
  | 'bad_input'
  | 'bad_key'
  | 'bad_csr'
  | 'bad_csr_signature'
  | 'bad_certificate'
  | 'bad_password'
  | 'bad_pkcs12'
  | 'unsupported_algorithm';

export class PkiError extends Error {
  readonly code: string;

  constructor(code: PkiErrorCode | string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PkiError';
    this.code = code;
  }
}
