// src/core/canonical.ts imports createHash for sha256Hex, which the browser never calls (it hashes
// with WebCrypto); this stands in for node:crypto in the browser bundle.
export function createHash(): never {
  throw new Error('node:crypto is not available in the browser; use WebCrypto');
}
