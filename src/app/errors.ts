// Errors users can act on: every failure of a command becomes an RFC 9457 problem document that
// names what was wrong (the field and the rule), and the HTTP layer only translates it.

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** JSON pointer-ish path of the offending input field, when one is to blame. */
  field?: string;
  /** Machine-readable rule that failed (e.g. `checksum`, `wrong_role`, `bad_signature`). */
  rule?: string;
  errors?: Array<{ field: string; rule: string; detail: string }>;
  [extra: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly rule: string,
    message: string,
    readonly field?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toProblem(): ProblemDetails {
    return {
      type: `https://qyzmet.kz/problems/${this.rule.replace(/_/g, '-')}`,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(this.field ? { field: this.field } : {}),
      rule: this.rule,
      ...this.extra,
    };
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  503: 'Service unavailable',
  500: 'Internal error',
  504: 'Upstream timeout',
};

export const badRequest = (rule: string, message: string, field?: string, extra?: Record<string, unknown>) => new AppError(400, rule, message, field, extra);
export const unauthorized = (rule: string, message: string) => new AppError(401, rule, message);
export const forbidden = (rule: string, message: string) => new AppError(403, rule, message);
export const notFound = (rule: string, message: string, field?: string) => new AppError(404, rule, message, field);
export const conflict = (rule: string, message: string, field?: string) => new AppError(409, rule, message, field);
export const unprocessable = (rule: string, message: string, field?: string, extra?: Record<string, unknown>) => new AppError(422, rule, message, field, extra);
