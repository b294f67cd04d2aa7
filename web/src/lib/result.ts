import type { Text } from './i18n.tsx';

/** The result document as the server issues it (src/app/cases.ts, runToRest). */
export interface ResultDocument {
  number: string;
  kind: Text;
  serviceId: string;
  serviceName: Text;
  subcase: string;
  caseId: string;
  applicant: { name: string; iin: string; bin?: string; organization?: string };
  decision: 'approve' | 'refuse';
  grounds?: Array<{ id: string; text?: Text }>;
  issuedAt: string;
  provider: Text;
  signedBy?: { userId: string; iin?: string; certSerial?: string; decisionHash: string };
}

/** sessionStorage key under which the result page hands a result file to the verification page. */
export const VERIFY_KEY = 'qyzmet.verify';
