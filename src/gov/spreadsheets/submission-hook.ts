// Checks spreadsheets at submission: a document answering a requirement whose declared MIME types
// are spreadsheet types is read with readNotificationSheet, and an invalid one refuses the
// submission (422 spreadsheet_invalid, errors by sheet/row/column) before anything is written.
// It names no service: the requirement's `mime` is the trigger.
import type { SubmissionHook } from '../../app/context.ts';
import { unprocessable } from '../../app/errors.ts';
import { isSpreadsheetMime, readNotificationSheet, sampleNotificationWorkbook, SheetError } from './notification-sheet.ts';
import { registerSampleContent } from '../../core/sample.ts';

// Demo data, benchmarks and catalog tests fill a spreadsheet requirement with a workbook this
// module accepts, not with a placeholder it would rightly refuse.
registerSampleContent(isSpreadsheetMime, (mime) => sampleNotificationWorkbook(mime === 'application/vnd.ms-excel' ? 'biff8' : 'xlsx'));

export function spreadsheetSubmissionHook(): SubmissionHook {
  return {
    name: 'spreadsheets',
    async prepare({ sc, input }) {
      const raw = input.documents;
      if (!Array.isArray(raw)) return null;
      const tabular = new Set(sc.documents.filter((d) => d.mime?.some(isSpreadsheetMime)).map((d) => d.id));
      if (tabular.size === 0) return null;
      for (const [i, d] of raw.entries()) {
        const x = d as { requirement?: unknown; contentBase64?: unknown };
        if (typeof x?.requirement !== 'string' || !tabular.has(x.requirement) || typeof x.contentBase64 !== 'string') continue;
        const bytes = Buffer.from(x.contentBase64, 'base64');
        try {
          readNotificationSheet(bytes);
        } catch (e) {
          if (!(e instanceof SheetError)) throw e;
          const errors = e.problems.length ? e.problems : [{ rule: e.rule, detail: e.message }];
          throw unprocessable('spreadsheet_invalid', `documents[${i}] (${x.requirement}): ${e.message}`, `documents.${i}`, { reason: e.rule, errors });
        }
      }
      return { satisfies: [] };
    },
  };
}
