// The documents attached to a case (with the application, or with an answer to a request), read
// back for the people who may see the case: its applicant, and the staff of its provider. Anyone
// else gets the same "not found" as for a case that does not exist, as GET /api/cases/:id does.
import { createHash } from 'node:crypto';
import type { SessionUser } from './auth.ts';
import type { App } from './context.ts';
import { AppError, notFound } from './errors.ts';

export interface CaseDocument {
  id: string;
  caseId: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/** One attachment of a case, checked against the hash recorded when it was attached. */
export async function getCaseDocument(app: App, user: SessionUser, caseId: string, docId: string): Promise<CaseDocument> {
  const db = app.store.db;
  const c = await db.selectFrom('cases').select(['id', 'applicant_user_id', 'provider_id']).where('id', '=', caseId).executeTakeFirst();
  // The same rule as the case itself (src/app/cases.ts): staff see their provider's cases, applicants their own.
  const visible = c && (user.kind === 'staff' ? user.providerId === c.provider_id : c.applicant_user_id === user.id);
  if (!visible) throw notFound('case_not_found', `no case ${caseId} is visible to you`);
  const a = await db.selectFrom('attachments').selectAll().where('id', '=', docId).where('case_id', '=', caseId).executeTakeFirst();
  if (!a) throw notFound('document_not_found', `case ${caseId} has no document ${docId}`, 'docId');
  const content = Buffer.from(a.content, 'base64');
  const sha256 = createHash('sha256').update(content).digest('hex');
  // The case's log records each document's hash; bytes that no longer match are not handed out as the document.
  if (sha256 !== a.sha256) throw new AppError(500, 'document_corrupted', `the stored bytes of document ${docId} no longer match the SHA-256 recorded when it was attached`);
  return { id: a.id, caseId, name: a.name, mime: a.mime, size: content.length, sha256, content };
}

/** Content-Disposition for a download (RFC 6266): an ASCII fallback and the UTF-8 name (RFC 8187). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'document';
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
