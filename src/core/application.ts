// What an application must contain under its regulation, checked without I/O so the portal, the
// server and the tests share one rule set. Also the canonical payloads that signatures cover:
// the client and the server build them with the same function, so a signature made in the
// browser or the CLI verifies on the server only over exactly what was submitted.
import { validateBin, validateIin } from './identifiers.ts';
import { matches, type Channel, type MatchContext, type SubCase } from './regulation.ts';

export interface FieldProblem {
  field: string;
  rule: string;
  detail: string;
}

export interface SubmittedDocument {
  requirement: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

export const ALLOWED_MIME = ['application/pdf', 'image/jpeg', 'image/png', 'application/xml', 'text/xml', 'application/zip'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 30;

export function validateFields(sc: SubCase, fields: Record<string, unknown>, ctx: MatchContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Map(sc.fields.map((f) => [f.id, f]));
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) problems.push({ field: `fields.${key}`, rule: 'unknown_field', detail: `"${key}" is not a field of this application; expected: ${[...known.keys()].join(', ') || 'none'}` });
  }
  const withFields = { ...ctx, fields };
  for (const f of sc.fields) {
    const path = `fields.${f.id}`;
    const applies = matches(f.when, withFields);
    const v = fields[f.id];
    const empty = v === undefined || v === null || v === '';
    if (!applies) {
      if (!empty) problems.push({ field: path, rule: 'not_applicable', detail: `"${f.id}" does not apply to this applicant kind or channel` });
      continue;
    }
    if (empty) {
      if (f.required) problems.push({ field: path, rule: 'required', detail: `${f.label.en} is required` });
      continue;
    }
    switch (f.type) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) problems.push({ field: path, rule: 'type', detail: `${f.label.en} must be a number` });
        break;
      case 'boolean':
        if (typeof v !== 'boolean') problems.push({ field: path, rule: 'type', detail: `${f.label.en} must be true or false` });
        break;
      case 'date':
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
          problems.push({ field: path, rule: 'date', detail: `${f.label.en} must be a calendar date YYYY-MM-DD` });
        }
        break;
      case 'iin': {
        const r = typeof v === 'string' ? validateIin(v) : null;
        if (!r || !r.ok) problems.push({ field: path, rule: r && !r.ok ? r.error.rule : 'type', detail: r && !r.ok ? r.error.message : 'an IIN is a string of 12 digits' });
        break;
      }
      case 'bin': {
        const r = typeof v === 'string' ? validateBin(v) : null;
        if (!r || !r.ok) problems.push({ field: path, rule: r && !r.ok ? r.error.rule : 'type', detail: r && !r.ok ? r.error.message : 'a BIN is a string of 12 digits' });
        break;
      }
      case 'select': {
        const values = (f.options ?? []).map((o) => o.value);
        if (typeof v !== 'string' || !values.includes(v)) problems.push({ field: path, rule: 'option', detail: `${f.label.en} must be one of: ${values.join(', ')}` });
        break;
      }
      case 'email':
        if (typeof v !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) problems.push({ field: path, rule: 'email', detail: `${f.label.en} must be an e-mail address` });
        break;
      case 'phone':
        if (typeof v !== 'string' || !/^\+?[0-9 ()-]{7,20}$/.test(v)) problems.push({ field: path, rule: 'phone', detail: `${f.label.en} must be a phone number` });
        break;
      default:
        if (typeof v !== 'string') problems.push({ field: path, rule: 'type', detail: `${f.label.en} must be text` });
        else if (f.maxLength && v.length > f.maxLength) problems.push({ field: path, rule: 'max_length', detail: `${f.label.en} is longer than ${f.maxLength} characters` });
    }
  }
  return problems;
}

/** Requirements the applicant must bring (the provider fetches the rest from state systems). */
export function requiredDocuments(sc: SubCase, ctx: MatchContext) {
  return sc.documents.filter((d) => d.required && !d.obtainedByProvider && matches(d.when, ctx));
}

export function checkDocuments(sc: SubCase, docs: SubmittedDocument[], ctx: MatchContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const acceptable = new Set<string>();
  const mimeOf = new Map<string, readonly string[]>(sc.documents.filter((d) => d.mime).map((d) => [d.id, d.mime!]));
  for (const d of sc.documents) {
    acceptable.add(d.id);
    for (const alt of d.satisfiedBy ?? []) acceptable.add(alt);
  }
  if (docs.length > MAX_DOCUMENTS) problems.push({ field: 'documents', rule: 'too_many', detail: `at most ${MAX_DOCUMENTS} documents per application` });
  for (const [i, d] of docs.entries()) {
    if (!acceptable.has(d.requirement)) problems.push({ field: `documents.${i}.requirement`, rule: 'unknown_document', detail: `"${d.requirement}" is not a document this application takes` });
    const accepted = mimeOf.get(d.requirement) ?? ALLOWED_MIME;
    if (!accepted.includes(d.mime)) problems.push({ field: `documents.${i}.mime`, rule: 'mime', detail: `${d.mime} is not accepted for ${d.requirement}; send one of ${accepted.join(', ')}` });
    if (d.size > MAX_DOCUMENT_BYTES) problems.push({ field: `documents.${i}.size`, rule: 'too_large', detail: `a document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB` });
    if (d.size === 0) problems.push({ field: `documents.${i}.size`, rule: 'empty', detail: 'the document is empty' });
  }
  const given = new Set(docs.map((d) => d.requirement));
  for (const req of requiredDocuments(sc, ctx)) {
    const ok = given.has(req.id) || (req.satisfiedBy ?? []).some((alt) => given.has(alt));
    if (!ok) {
      const alts = req.satisfiedBy?.length ? ` (any of: ${req.satisfiedBy.join(', ')})` : '';
      problems.push({ field: `documents.${req.id}`, rule: 'missing_document', detail: `${req.name.en} is required${alts}` });
    }
  }
  return problems;
}

export interface ApplicationPayload {
  serviceId: string;
  subcase: string;
  channel: Channel;
  applicant: { iin: string; bin?: string };
  fields: Record<string, unknown>;
  documents: SubmittedDocument[];
}

/** The exact object an application signature covers (serialised with canonicalJson). */
export function applicationPayload(p: ApplicationPayload): ApplicationPayload {
  return {
    serviceId: p.serviceId,
    subcase: p.subcase,
    channel: p.channel,
    applicant: p.applicant.bin ? { iin: p.applicant.iin, bin: p.applicant.bin } : { iin: p.applicant.iin },
    fields: p.fields,
    documents: p.documents.map((d) => ({ requirement: d.requirement, name: d.name, mime: d.mime, size: d.size, sha256: d.sha256 })),
  };
}

export interface DecisionPayload {
  caseId: string;
  stepId: string;
  outcomeId: string;
  assignee?: string;
  grounds?: string[];
  comment?: string;
}

/** The exact object a staff decision signature covers. */
export function decisionPayload(p: DecisionPayload): DecisionPayload & { kind: 'decision' } {
  return {
    kind: 'decision',
    caseId: p.caseId,
    stepId: p.stepId,
    outcomeId: p.outcomeId,
    ...(p.assignee ? { assignee: p.assignee } : {}),
    ...(p.grounds && p.grounds.length ? { grounds: p.grounds } : {}),
    ...(p.comment ? { comment: p.comment } : {}),
  };
}

export function pausePayload(p: { caseId: string; pauseId: string; request?: string; response?: string; documents?: SubmittedDocument[] }) {
  return { kind: p.request !== undefined ? 'pause' : 'resume', ...p };
}
