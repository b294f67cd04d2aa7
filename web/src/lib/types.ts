// Types of the API's JSON, taken from the server's own modules (type-only imports: no server code
// reaches the browser bundle).
export type { Channel, DocumentRequirement, Field, ServiceDefinition as Service, SubCase, WeekdayHours, ApplicantKind, Step } from '../../../src/core/regulation.ts';
export type { CaseView, CaseSummary } from '../../../src/app/cases.ts';
export type { Prefill } from '../../../src/app/prefill.ts';
export type { AvailableAction } from '../../../src/core/case.ts';
export type { PaymentView } from '../../../src/app/payments.ts';
export type { NoticeView } from '../../../src/app/notices.ts';
