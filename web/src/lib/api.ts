// The HTTP API, and nothing else: JSON in and out, RFC 9457 problems turned into ApiError, the
// session's bearer token, and the Idempotency-Key of a command.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly rule: string,
    readonly detail: string,
    readonly field?: string,
    readonly errors?: Array<{ field: string; rule: string; detail: string }>,
    /** An ID card's PIN tries left, with card_wrong_pin and card_blocked. */
    readonly triesLeft?: number,
  ) {
    super(detail);
  }
}

let token: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setToken(t: string | null): void {
  token = t;
}
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
  /** Upload progress 0..1 (the request is then sent with XMLHttpRequest, which reports it). */
  onProgress?: (fraction: number) => void;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  replayed: boolean;
}

function headers(opts: RequestOptions): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (token) h.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) h['content-type'] = 'application/json';
  if (opts.idempotencyKey) h['idempotency-key'] = opts.idempotencyKey;
  return h;
}

function problemOf(status: number, text: string): ApiError {
  try {
    const p = JSON.parse(text) as { rule?: string; detail?: string; field?: string; errors?: ApiError['errors']; triesLeft?: unknown };
    return new ApiError(status, p.rule ?? `http_${status}`, p.detail ?? text, p.field, p.errors, typeof p.triesLeft === 'number' ? p.triesLeft : undefined);
  } catch {
    return new ApiError(status, `http_${status}`, text || `HTTP ${status}`);
  }
}

function settle<T>(status: number, text: string, replayed: boolean): ApiResponse<T> {
  if (status >= 200 && status < 300) return { status, body: (text ? JSON.parse(text) : undefined) as T, replayed };
  const err = problemOf(status, text);
  if (status === 401 && (err.rule === 'bad_token' || err.rule === 'session_expired' || err.rule === 'not_signed_in')) onUnauthorized?.();
  throw err;
}

export async function request<T>(method: 'GET' | 'POST', path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  if (opts.onProgress && body !== undefined) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path);
      for (const [k, v] of Object.entries(headers(opts))) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => e.lengthComputable && opts.onProgress!(e.loaded / e.total);
      xhr.onload = () => {
        try {
          resolve(settle<T>(xhr.status, xhr.responseText, xhr.getResponseHeader('idempotent-replayed') === 'true'));
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
      xhr.send(body);
    });
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers: headers(opts), ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  return settle<T>(res.status, await res.text(), res.headers.get('idempotent-replayed') === 'true');
}

export const get = async <T,>(path: string): Promise<T> => (await request<T>('GET', path)).body;

/** A file the API serves (an attachment): its bytes, type and the name the server gives it. */
export async function download(path: string): Promise<{ bytes: Uint8Array; mime: string; name: string | null }> {
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  if (!res.ok) settle<never>(res.status, await res.text(), false);
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  let name: string | null = /filename="([^"]*)"/i.exec(cd)?.[1] ?? null;
  if (star) {
    try {
      name = decodeURIComponent(star);
    } catch {
      // keep the ASCII name
    }
  }
  return { bytes: new Uint8Array(await res.arrayBuffer()), mime: res.headers.get('content-type') ?? 'application/octet-stream', name };
}

/** A body that is not JSON (a PEM chain, …) as text, with the session's token; a problem still becomes an ApiError. */
export async function getText(path: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  const text = await res.text();
  if (!res.ok) settle(res.status, text, false);
  return text;
}
export const post = <T,>(path: string, body: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body });

/** A fresh Idempotency-Key: one per form, kept with the form, so a repeat can never act twice. */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Rules of src/app/signing.ts and the CMS verifier: the signature or its certificate was refused. */
const SIGNATURE_RULES = new Set(['signature_required', 'signature_too_large', 'signature_not_base64', 'signer_mismatch', 'malformed', 'bad_signature', 'content_mismatch', 'untrusted_chain', 'expired', 'not_yet_valid', 'wrong_purpose', 'revoked', 'status_unavailable']);
export const isSignatureProblem = (e: ApiError): boolean => SIGNATURE_RULES.has(e.rule);

/**
 * After a signed request fails: a refusal of the request itself is the page's to show (`onPage`,
 * which also closes the sign dialog); a refused signature, or a failure that is no API answer, is
 * thrown back to the sign dialog, which shows it beside the key store for another try.
 */
export function refusedOnPage(e: unknown, onPage: (refusal: ApiError) => void): void {
  if (e instanceof ApiError && !isSignatureProblem(e)) return onPage(e);
  throw e;
}
