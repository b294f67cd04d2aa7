// Attachments: read in the browser with a progress bar, checked against the platform's limits (the
// same constants the server applies, and a document's own file types where the regulation names
// them), hashed so the signature covers the exact bytes.
import { ALLOWED_MIME, MAX_DOCUMENT_BYTES } from '../../../src/core/application.ts';

export interface Attachment {
  requirement: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  contentBase64: string;
}

export { ALLOWED_MIME, MAX_DOCUMENT_BYTES };

/** File types by extension, for browsers that report none or another name for the same type. */
const TYPES: Array<{ ext: string[]; mime: string[]; label: string }> = [
  { ext: ['pdf'], mime: ['application/pdf'], label: 'PDF' },
  { ext: ['jpg', 'jpeg'], mime: ['image/jpeg'], label: 'JPEG' },
  { ext: ['png'], mime: ['image/png'], label: 'PNG' },
  { ext: ['xml'], mime: ['application/xml', 'text/xml'], label: 'XML' },
  { ext: ['zip'], mime: ['application/zip', 'application/x-zip-compressed'], label: 'ZIP' },
  { ext: ['xls'], mime: ['application/vnd.ms-excel'], label: 'XLS' },
  { ext: ['xlsx'], mime: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], label: 'XLSX' },
  { ext: ['csv'], mime: ['text/csv'], label: 'CSV' },
  { ext: ['docx'], mime: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], label: 'DOCX' },
];

/** The `accept` attribute for a document's types. */
export function acceptOf(accepted: readonly string[]): string {
  const exts = TYPES.filter((t) => t.mime.some((m) => accepted.includes(m))).flatMap((t) => t.ext.map((e) => `.${e}`));
  return [...exts, ...accepted].join(',');
}

/** "PDF, JPEG, PNG, XML, ZIP" */
export function typesText(accepted: readonly string[]): string {
  const labels = accepted.map((m) => TYPES.find((t) => t.mime.includes(m))?.label ?? m.split('/')[1] ?? m);
  return [...new Set(labels)].join(', ');
}

/** The type sent for a file: the browser's, or the accepted type its extension names. */
export function mimeOf(file: File, accepted: readonly string[]): string {
  if (accepted.includes(file.type)) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const known = TYPES.find((t) => t.ext.includes(ext));
  return known?.mime.find((m) => accepted.includes(m)) ?? file.type ?? '';
}

export type FileProblem = 'mime' | 'too_large' | 'empty';

export function checkFile(file: File, accepted: readonly string[]): FileProblem | null {
  if (!accepted.includes(mimeOf(file, accepted))) return 'mime';
  if (file.size > MAX_DOCUMENT_BYTES) return 'too_large';
  if (file.size === 0) return 'empty';
  return null;
}

export function readFile(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    r.onload = () => {
      onProgress(1);
      resolve(new Uint8Array(r.result as ArrayBuffer));
    };
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsArrayBuffer(file);
  });
}

export async function toAttachment(requirement: string, file: File, bytes: Uint8Array, accepted: readonly string[]): Promise<Attachment> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let b64 = '';
  for (let i = 0; i < bytes.length; i += 0x8000) b64 += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return {
    requirement,
    name: file.name.slice(0, 255),
    mime: mimeOf(file, accepted),
    size: bytes.length,
    sha256: Array.from(digest, (x) => x.toString(16).padStart(2, '0')).join(''),
    contentBase64: btoa(b64),
  };
}

/** What the signature covers of an attachment (the server hashes the bytes itself and compares). */
export const described = (a: Attachment) => ({ requirement: a.requirement, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 });
/** What is sent. */
export const sent = (a: Attachment) => ({ requirement: a.requirement, name: a.name, mime: a.mime, contentBase64: a.contentBase64 });
