// An application accepted at a desk (an office, a public service centre, the NCA operator's) on an
// applicant's behalf: the officer signs the canonical payload of what the applicant handed in, and
// the same fields and documents go to the server with the signature and the form's Idempotency-Key.
import { applicationPayload } from '../../../src/core/application.ts';
import type { Channel } from '../../../src/core/regulation.ts';
import { post } from './api.ts';
import { signPayload, type KeyStore } from './eds.ts';
import { described, sent, type Attachment } from './files.ts';
import type { CaseSummary, Service, SubCase } from './types.ts';

export interface DeskApplication {
  svc: Service;
  sc: SubCase;
  channel: Channel;
  applicant: { iin: string; bin?: string };
  fields: Record<string, unknown>;
  docs: Attachment[];
}

export async function submitAtDesk(ks: KeyStore, a: DeskApplication, opts: { idempotencyKey: string; onProgress?: (fraction: number) => void }): Promise<CaseSummary> {
  const payload = applicationPayload({ serviceId: a.svc.id, subcase: a.sc.id, channel: a.channel, applicant: a.applicant, fields: a.fields, documents: a.docs.map(described) });
  const signature = await signPayload(ks, payload);
  // The upload starts now (a progress bar shows from here, not while the key store signs).
  opts.onProgress?.(0);
  const res = await post<CaseSummary>('/api/cases', { serviceId: a.svc.id, subcase: a.sc.id, channel: a.channel, applicant: a.applicant, fields: a.fields, documents: a.docs.map(sent), signature }, opts);
  return res.body;
}
