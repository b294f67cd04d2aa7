// A plausible application for any sub-case, built from the definition alone: the demo, the
// benchmarks and the catalog-wide tests use it to drive every service without knowing any.
import { matches, type MatchContext, type SubCase } from './regulation.ts';
import { requiredDocuments } from './application.ts';

export interface SampleDocument {
  requirement: string;
  name: string;
  mime: string;
  contentBase64: string;
}

export function sampleFields(sc: SubCase, ctx: MatchContext, who: { iin: string; bin?: string; today: string }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of sc.fields) {
    if (!matches(f.when, ctx) || !f.required) continue;
    switch (f.type) {
      case 'number': out[f.id] = 1; break;
      case 'boolean': out[f.id] = true; break;
      case 'date': out[f.id] = who.today; break;
      case 'iin': out[f.id] = who.iin; break;
      case 'bin': out[f.id] = who.bin ?? who.iin; break;
      case 'select': out[f.id] = f.options?.[0]?.value ?? ''; break;
      case 'email': out[f.id] = 'applicant@example.kz'; break;
      case 'phone': out[f.id] = '+77010000000'; break;
      default: out[f.id] = `${f.label.en}: sample`.slice(0, f.maxLength ?? 200);
    }
  }
  return out;
}

/**
 * Sample contents for file types whose content is checked on submission (a spreadsheet is read
 * row by row): the module that checks a type registers a valid sample for it, so the core needs
 * no knowledge of any format beyond PDF.
 */
const sampleProducers: Array<{ accepts: (mime: string) => boolean; produce: (mime: string) => Uint8Array }> = [];

export function registerSampleContent(accepts: (mime: string) => boolean, produce: (mime: string) => Uint8Array): void {
  sampleProducers.push({ accepts, produce });
}

/** One small PDF per required document; alternatives are answered with a document where one exists. */
export function sampleDocuments(sc: SubCase, ctx: MatchContext): SampleDocument[] {
  const declared = new Map(sc.documents.map((d) => [d.id, d]));
  return requiredDocuments(sc, ctx).map((req) => {
    const alts = req.satisfiedBy ?? [];
    const requirement = alts.find((a) => declared.has(a)) ?? alts[alts.length - 1] ?? req.id;
    const mime = declared.get(requirement)?.mime?.[0] ?? 'application/pdf';
    const body = mime === 'application/pdf' ? `%PDF-1.4\n% ${req.name.en}\n%%EOF\n` : `sample ${req.name.en}\n`;
    const ext = mime === 'application/pdf' ? 'pdf' : mime.includes('spreadsheet') ? 'xlsx' : mime.includes('excel') ? 'xls' : 'bin';
    const producer = sampleProducers.find((p) => p.accepts(mime));
    const content = producer ? Buffer.from(producer.produce(mime)) : Buffer.from(body);
    return { requirement, name: `${requirement}.${ext}`, mime, contentBase64: content.toString('base64') };
  });
}
