// Seed 004 (MTC order No. 839 of 29.11.2012, regulation of the e-service «Қазақстан Республикасы
// Ұлттық куәландырушы орталығының тіркеу куәліктерін беру және кері қайтарып алу», Kazakh text):
// the source reference helper and the execution terms of Annex 3 as printed, with their encoding.
//
// Annex 3 prints terms in seconds, minutes and days («15 сек», «30 сек – 1 мин», «1,5 мин»,
// «10 мин», «1 күн», «30 күннiң iшiнде»). The regulation model counts sub-day terms in whole
// minutes of the provider's working time, so a printed term is encoded as the whole number of
// minutes that covers its upper bound (15 s → 1 min, 1.5 min → 2 min, 30 s–1 min → 1 min);
// «күн» (day) is a calendar day. Both choices are interpretations of the service module.
import type { SourceRef } from '../../core/regulation.ts';

/** A reference into seed 004; `lines` as `L123` or `L123-130`. */
export function s004(lines: string, paragraph: string, note?: string): SourceRef {
  return { seed: '004', lines, paragraph, ...(note ? { note } : {}) };
}

/** A term of Annex 3: the cell as printed, where it is, and what it measures. */
export interface PrintedTerm {
  /** The "Орындалу мерзімі" cell exactly as printed (or `null` for a missing column). */
  printed: string | null;
  lines: string;
  /** Table and row, e.g. `Annex 3 Table 1 row 2`. */
  where: string;
  /** Upper bound of a sub-day term in seconds. */
  seconds?: number;
  /** A term in days («күн»). */
  days?: number;
  /** For a missing column: the row whose term is borrowed, and why. */
  analogy?: string;
}

/** The schema duration of a printed term (see the header for the rounding). */
export function durationOf(t: PrintedTerm): { amount: number; unit: 'minutes' | 'calendar_days' | 'same_day'; ref: SourceRef } {
  const quoted = t.printed === null ? 'column missing in the extracted table' : `«${t.printed}»`;
  if (t.days !== undefined) {
    return { amount: t.days, unit: 'calendar_days', ref: s004(t.lines, t.where, `${quoted}: ${t.days} calendar day(s)${t.analogy ? `; ${t.analogy}` : ''}`) };
  }
  if (t.seconds !== undefined) {
    const minutes = Math.ceil(t.seconds / 60);
    return { amount: minutes, unit: 'minutes', ref: s004(t.lines, t.where, `${quoted}: up to ${t.seconds} s, encoded as ${minutes} working minute(s)${t.analogy ? `; ${t.analogy}` : ''}`) };
  }
  return { amount: 0, unit: 'same_day', ref: s004(t.lines, t.where, `${quoted}: same day${t.analogy ? `; ${t.analogy}` : ''}`) };
}

/**
 * Every term cell of Annex 3 (seed 004 L477–L1117), by table and row. Rows the extraction lost
 * (Table 1 rows 6 and 11, Table 4 rows 5 and 12) are not here: the module borrows a term for
 * them and says which.
 */
export const ANNEX3 = {
  // Table 1: issue through the EGP or the internet resource (L483–L617).
  t1r1: { printed: '30 сек – 1 мин', lines: 'L559', where: 'Annex 3 Table 1 row 1', seconds: 60 },
  t1r2: { printed: '1,5 мин', lines: 'L559', where: 'Annex 3 Table 1 row 2', seconds: 90 },
  t1r3: { printed: '10-15 сек', lines: 'L559', where: 'Annex 3 Table 1 row 3', seconds: 15 },
  t1r4: { printed: '30 сек', lines: 'L559', where: 'Annex 3 Table 1 row 4', seconds: 30 },
  t1r5: { printed: '30 күннiң iшiнде', lines: 'L560-561', where: 'Annex 3 Table 1 row 5', days: 30 },
  t1r7: { printed: '15 сек', lines: 'L606', where: 'Annex 3 Table 1 row 7', seconds: 15 },
  t1r8: { printed: '10 мин', lines: 'L606', where: 'Annex 3 Table 1 row 8', seconds: 600 },
  t1r9: { printed: '15 сек', lines: 'L606', where: 'Annex 3 Table 1 row 9', seconds: 15 },
  t1r10: { printed: '15 сек', lines: 'L606', where: 'Annex 3 Table 1 row 10', seconds: 15 },
  // Table 2: re-issue through the EGP or the internet resource (L619–L754).
  t2r1: { printed: '30 сек – 1 мин', lines: 'L707', where: 'Annex 3 Table 2 row 1', seconds: 60 },
  t2r2: { printed: '1,5 мин', lines: 'L707', where: 'Annex 3 Table 2 row 2', seconds: 90 },
  t2r3: { printed: '10-15 сек', lines: 'L707', where: 'Annex 3 Table 2 row 3', seconds: 15 },
  t2r4: { printed: '30 сек', lines: 'L707', where: 'Annex 3 Table 2 row 4', seconds: 30 },
  t2r5: { printed: '10 мин', lines: 'L707', where: 'Annex 3 Table 2 row 5', seconds: 600 },
  t2r6: { printed: '15 сек', lines: 'L748', where: 'Annex 3 Table 2 row 6', seconds: 15 },
  t2r7: { printed: '15 сек', lines: 'L748', where: 'Annex 3 Table 2 row 7', seconds: 15 },
  t2r8: { printed: '1 күн', lines: 'L748', where: 'Annex 3 Table 2 row 8', days: 1 },
  // Table 3: revocation through the EGP or the internet resource (L756–L837).
  t3r1: { printed: '30 сек – 1 минута', lines: 'L823', where: 'Annex 3 Table 3 row 1', seconds: 60 },
  t3r2: { printed: '15 сек', lines: 'L823', where: 'Annex 3 Table 3 row 2', seconds: 15 },
  t3r3: { printed: '15 сек', lines: 'L823', where: 'Annex 3 Table 3 row 3', seconds: 15 },
  t3r4: { printed: '1 күн', lines: 'L823', where: 'Annex 3 Table 3 row 4', days: 1 },
  // Table 4: issue at a PSC or the provider (onto the ID card with a chip) (L839–L965).
  t4r2: { printed: '15 мин', lines: 'L888', where: 'Annex 3 Table 4 row 2', seconds: 900 },
  t4r3: { printed: '15 сек', lines: 'L888', where: 'Annex 3 Table 4 row 3', seconds: 15 },
  t4r4: { printed: '30 сек – 1 мин', lines: 'L888', where: 'Annex 3 Table 4 row 4', seconds: 60 },
  t4r6: { printed: '10-15 сек', lines: 'L954', where: 'Annex 3 Table 4 row 6', seconds: 15 },
  t4r7: { printed: '10-15 сек', lines: 'L954', where: 'Annex 3 Table 4 row 7', seconds: 15 },
  t4r8: { printed: '30 сек', lines: 'L954', where: 'Annex 3 Table 4 row 8', seconds: 30 },
  t4r9: { printed: '15 сек', lines: 'L954', where: 'Annex 3 Table 4 row 9', seconds: 15 },
  t4r10: { printed: '15 сек', lines: 'L954', where: 'Annex 3 Table 4 row 10', seconds: 15 },
  t4r11: { printed: '15 сек', lines: 'L954', where: 'Annex 3 Table 4 row 11', seconds: 15 },
  // Table 5: revocation at a PSC or the provider (L967–L1117).
  t5r2: { printed: '15 мин', lines: 'L1069', where: 'Annex 3 Table 5 row 2', seconds: 900 },
  t5r3: { printed: '15 сек', lines: 'L1069', where: 'Annex 3 Table 5 row 3', seconds: 15 },
  t5r4: { printed: '15 сек', lines: 'L1069', where: 'Annex 3 Table 5 row 4', seconds: 15 },
  t5r5: { printed: '15 сек', lines: 'L1069', where: 'Annex 3 Table 5 row 5', seconds: 15 },
  t5r6: { printed: '30 сек – 1 мин', lines: 'L1069', where: 'Annex 3 Table 5 row 6', seconds: 60 },
  t5r7: { printed: '15 сек', lines: 'L1111', where: 'Annex 3 Table 5 row 7', seconds: 15 },
  t5r8: { printed: '15 сек', lines: 'L1111', where: 'Annex 3 Table 5 row 8', seconds: 15 },
  t5r9: { printed: '2 күн', lines: 'L1111', where: 'Annex 3 Table 5 row 9', days: 2 },
} as const satisfies Record<string, PrintedTerm>;
