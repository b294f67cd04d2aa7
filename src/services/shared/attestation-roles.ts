// Building blocks of the attestation service (seed 002 = order No. 877 of 24.08.2015, Annex 5,
// L766–L1090): the source-reference helper, the twelve posts of §7 (L896–L912) with the applicant
// and the Attestation Commission, and the term constructors every step of the procedure uses.
//
// The service is provided by two organisations (Annex 5 §1, L786–L799): the Committee of
// Communications, Informatization and Information (the provider of the catalog entry) and its
// RSE "State Technical Service" (the Enterprise), which inspects the system. The engine knows one
// provider per service, so the Enterprise's posts are roles of that provider; their ids say which
// organisation each belongs to (`committee_*`, `enterprise_*`, `attestation_*`, `contracts_*`).
import type { ServiceDefinitionInput, SourceRef } from '../../core/regulation.ts';

type RoleInput = ServiceDefinitionInput['roles'][number];
type StepInput = ServiceDefinitionInput['subcases'][number]['steps'][number];
export type AttestationStep = StepInput;
export type AttestationOutcome = StepInput['outcomes'][number];
type TermInput = StepInput['term'];

import { s002 } from './informatization-order-877.ts';

/** A fact of seed 002: `lines` are lines of shared/seeds/002_9a288a2ba218168f.txt. */
export { s002 };

// ---------------------------------------------------------------------------------------------
// Roles: §7 of the regulation (L896–L912), in its order, then the Commission and the applicant.

export const ROLE = {
  committeeHead: 'committee_head',
  committeeUnitHead: 'committee_unit_head',
  committeeExecutor: 'committee_executor',
  committeeOffice: 'committee_office',
  enterpriseHead: 'enterprise_head',
  attestationDeptHead: 'attestation_dept_head',
  attestationServiceHead: 'attestation_service_head',
  attestationServiceExecutor: 'attestation_service_executor',
  contractsDeptHead: 'contracts_dept_head',
  contractsSectionHead: 'contracts_section_head',
  contractsSectionExecutor: 'contracts_section_executor',
  enterpriseOffice: 'enterprise_office',
  commission: 'attestation_commission',
  applicant: 'applicant',
} as const;

export const attestationRoles: RoleInput[] = [
  {
    id: ROLE.committeeHead,
    kind: 'staff',
    name: { kk: 'Комитеттің басшысы және (немесе) оның орынбасары', ru: 'Руководитель Комитета и (или) его заместитель', en: 'Head of the Committee and/or deputy' },
  },
  {
    id: ROLE.committeeUnitHead,
    kind: 'staff',
    name: { kk: 'Комитеттің жауапты құрылымдық бөлімшесінің басшысы', ru: 'Руководитель ответственного структурного подразделения Комитета', en: "Head of the Committee's responsible structural unit" },
  },
  { id: ROLE.committeeExecutor, kind: 'staff', name: { kk: 'Комитеттің жауапты орындаушысы', ru: 'Ответственный исполнитель Комитета', en: 'Committee responsible executor' } },
  { id: ROLE.committeeOffice, kind: 'staff', name: { kk: 'Комитет кеңсесінің жұмыскері', ru: 'Работник канцелярии Комитета', en: 'Committee office employee' } },
  {
    id: ROLE.enterpriseHead,
    kind: 'staff',
    name: { kk: 'Кәсіпорын басшысы және (немесе) оның орынбасары', ru: 'Руководитель Предприятия и (или) его заместитель', en: 'Head of the Enterprise and/or deputy' },
  },
  {
    id: ROLE.attestationDeptHead,
    kind: 'staff',
    name: {
      kk: 'Аттестаттық тексеруді жүргізу үшін жауапты Департаменттің басшысы және (немесе) оның орынбасары',
      ru: 'Руководитель Департамента, ответственного за проведение аттестационного обследования, и (или) его заместитель',
      en: 'Head of the Department responsible for attestation inspection and/or deputy',
    },
  },
  {
    id: ROLE.attestationServiceHead,
    kind: 'staff',
    name: {
      kk: 'Аттестаттық тексеруді жүргізу үшін жауапты Қызметтің басшысы (Қызмет басшысы)',
      ru: 'Руководитель Службы, ответственной за проведение аттестационного обследования (руководитель Службы)',
      en: 'Head of the Service responsible for attestation inspection (Service head)',
    },
  },
  { id: ROLE.attestationServiceExecutor, kind: 'staff', name: { kk: 'Қызметтің жауапты орындаушысы', ru: 'Ответственный исполнитель Службы', en: 'Service responsible executor (attestation inspector)' } },
  {
    id: ROLE.contractsDeptHead,
    kind: 'staff',
    name: { kk: 'Шарттарды жасасу үшін жауапты Департаменттің басшысы', ru: 'Руководитель Департамента, ответственного за заключение договоров', en: 'Head of the Department responsible for concluding contracts' },
  },
  {
    id: ROLE.contractsSectionHead,
    kind: 'staff',
    name: {
      kk: 'Шарттарды жасасу үшін жауапты Бөлімнің басшысы (Бөлім басшысы)',
      ru: 'Руководитель Отдела, ответственного за заключение договоров (руководитель Отдела)',
      en: 'Head of the Section responsible for concluding contracts (Section head)',
    },
  },
  { id: ROLE.contractsSectionExecutor, kind: 'staff', name: { kk: 'Бөлімнің жауапты орындаушысы', ru: 'Ответственный исполнитель Отдела', en: 'Section responsible executor (contracts)' } },
  { id: ROLE.enterpriseOffice, kind: 'staff', name: { kk: 'Кәсіпорын кеңсесінің жұмыскері', ru: 'Работник канцелярии Предприятия', en: 'Enterprise office employee' } },
  { id: ROLE.commission, kind: 'staff', name: { kk: 'Аттестациялық комиссия', ru: 'Аттестационная комиссия', en: 'Attestation Commission' } },
  { id: ROLE.applicant, kind: 'applicant', name: { kk: 'Көрсетілетін қызметті алушы', ru: 'Услугополучатель', en: 'Applicant (service recipient)' } },
];

/** Where each role comes from (the Role schema has no `ref` of its own). */
export const attestationRoleRefs: Record<string, SourceRef> = {
  [ROLE.committeeHead]: s002('L898', '§7(1)'),
  [ROLE.committeeUnitHead]: s002('L899', '§7(2)'),
  [ROLE.committeeExecutor]: s002('L900', '§7(3)'),
  [ROLE.committeeOffice]: s002('L901', '§7(4)'),
  [ROLE.enterpriseHead]: s002('L902', '§7(5)'),
  [ROLE.attestationDeptHead]: s002('L903-904', '§7(6)'),
  [ROLE.attestationServiceHead]: s002('L905-906', '§7(7)'),
  [ROLE.attestationServiceExecutor]: s002('L907', '§7(8)'),
  [ROLE.contractsDeptHead]: s002('L908', '§7(9)'),
  [ROLE.contractsSectionHead]: s002('L909-910', '§7(10)'),
  [ROLE.contractsSectionExecutor]: s002('L911', '§7(11)'),
  [ROLE.enterpriseOffice]: s002('L912', '§7(12)'),
  [ROLE.commission]: s002('L843-847, L1011-1015', '§5(6)-(7), §8(27)-(28)', 'Convened by the Committee; the regulation does not give its composition, and §7 does not list it among the posts.'),
  [ROLE.applicant]: s002('L832-840, L855-857, L974-977', '§5(4), §5(9), §8(16)-(17)', 'Signs the contracts and eliminates the nonconformities: the two actions of the recipient in the procedure.'),
};

// ---------------------------------------------------------------------------------------------
// Terms. Sub-day terms count inside the provider's working hours (the engine's only sub-day
// units); day terms end at the provider's closing time.

export const minutes = (amount: number, ref: SourceRef): TermInput => ({ duration: { amount, unit: 'minutes', ref }, from: 'step_start' });
export const workingHours = (amount: number, ref: SourceRef): TermInput => ({ duration: { amount, unit: 'working_hours', ref }, from: 'step_start' });
export const workingDays = (amount: number, ref: SourceRef, from: TermInput['from'] = 'step_start'): TermInput => ({ duration: { amount, unit: 'working_days', ref }, from });
export const calendarDays = (amount: number, ref: SourceRef, from: TermInput['from'] = 'step_start'): TermInput => ({ duration: { amount, unit: 'calendar_days', ref }, from });
