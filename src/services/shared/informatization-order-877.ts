// Building blocks shared by the seed-002 services: order No. 877 of 24.08.2015 of the acting
// Minister for Investments and Development, "On approval of the regulations of state services in
// the field of informatization" (Kazakh text, seeds/002_9a288a2ba218168f.txt; English extraction
// regulations/seed-002.md). Its annexes are the regulations of five services; this file holds
// what they have in common: the source references, the legal acts and their history, the roles
// the regulations name, and the interpretations every one of them needs.
import type { ServiceDefinitionInput, SourceRef } from '../../core/regulation.ts';
import { informatizationRefs } from '../providers/informatization.ts';

type LegalSourceInput = ServiceDefinitionInput['sources'][number];
type RoleInput = ServiceDefinitionInput['roles'][number];
type InterpretationInput = NonNullable<ServiceDefinitionInput['interpretations']>[number];

/** A line reference into seed 002 (`lines` like 'L138-139'). */
export const s002 = (lines: string, paragraph: string, note?: string): SourceRef => ({ seed: '002', lines, paragraph, ...(note ? { note } : {}) });

/**
 * The day order No. 877 took effect. §5 (L79-80): 21 calendar days after its first official
 * publication, whose date is not in the seed. See `effectiveInterpretation`.
 */
export const ORDER_877_IN_FORCE = '2015-10-31';

/** The order's header: its number, date, registration and repeal (L5-14). */
export const ORDER_877_HEADER = s002('L5-14', 'header', 'Күшін жойған: repealed by order No. 120/НҚ of 30.05.2023 of the Minister of Digital Development, Innovations and Aerospace Industry, in force 10 calendar days after its first official publication.');

const ORDER_877_ACT = {
  kk: 'Қазақстан Республикасы Инвестициялар және даму министрінің м.а. «Ақпараттандыру саласындағы мемлекеттік көрсетілетін қызметтер регламенттерін бекіту туралы» бұйрығы',
  ru: 'Приказ и.о. Министра по инвестициям и развитию Республики Казахстан «Об утверждении регламентов государственных услуг в области информатизации»',
  en: 'Order of the acting Minister for Investments and Development "On approval of the regulations of state services in the field of informatization"',
};

const ANNEX = { 1: '1-қосымша', 2: '2-қосымша', 3: '3-қосымша', 4: '4-қосымша', 5: '5-қосымша' } as const;
const ANNEX_RU = { 1: 'приложение 1', 2: 'приложение 2', 3: 'приложение 3', 4: 'приложение 4', 5: 'приложение 5' } as const;

export const REPEALED_BY_120 =
  'Order of the Minister of Digital Development, Innovations and Aerospace Industry No. 120/НҚ of 30.05.2023 (in force 10 calendar days after its first official publication; the publication date is not in the seed)';
export const REPEALED_BY_224 =
  'Order of the Minister of Digital Development, Innovations and Aerospace Industry No. 224/НҚ of 01.06.2020 (in force 10 calendar days after its first official publication; the publication date is not in the seed)';

/** Order No. 877 as the source of one of its annexes. */
export function order877Source(annex: 1 | 2 | 3 | 4 | 5, lines: string, opts: { repealedBy?: string; note?: string } = {}): LegalSourceInput {
  return {
    act: {
      kk: `${ORDER_877_ACT.kk} (${ANNEX[annex]})`,
      ru: `${ORDER_877_ACT.ru} (${ANNEX_RU[annex]})`,
      en: `${ORDER_877_ACT.en} (Annex ${annex})`,
    },
    number: '877',
    date: '2015-08-24',
    registered: 'Ministry of Justice of the Republic of Kazakhstan, 29.09.2015, No. 12119',
    effectiveFrom: ORDER_877_IN_FORCE,
    repealedBy: opts.repealedBy ?? REPEALED_BY_120,
    ref: s002(
      `L1-14, L79-80, ${lines}`,
      `header; §5; Annex ${annex}`,
      opts.note ??
        'In force 21 calendar days after first official publication (§5, L79-80); the publication date is not in the seed, 31.10.2015 is taken from the extraction\'s external note (see interpretations). Repealed as a whole in 2023 (L5-14); the repeal date is not in the seed: no effectiveTo.',
    ),
  };
}

/** The standard every regulation of the order implements (§4 of each annex). Its text is not in the seeds. */
export function standard476Source(lines: string, paragraph: string): LegalSourceInput {
  return {
    act: {
      kk: 'Қазақстан Республикасы Инвестициялар және даму министрінің «Ақпараттандыру саласындағы мемлекеттік көрсетілетін қызметтер стандарттарын бекіту туралы» бұйрығы (мәтіні сидтерде жоқ)',
      ru: 'Приказ Министра по инвестициям и развитию Республики Казахстан «Об утверждении стандартов государственных услуг в области информатизации» (текста нет в сидах)',
      en: 'Order of the Minister for Investments and Development "On approval of the standards of state services in the field of informatization" (text not in the seeds)',
    },
    number: '476',
    date: '2015-04-21',
    registered: 'State Register of Normative Legal Acts, No. 11350',
    ref: s002(lines, paragraph, 'The regulation starts on an application "under paragraph 9 of the Standard"; documents, the overall term, fees and refusal grounds of the Standard are not in the seed.'),
  };
}

/** The Law that empowers the order (preamble, L15-16). */
export const lawOnStateServices: LegalSourceInput = {
  act: {
    kk: '«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының Заңы (10-бабының 2) тармақшасы)',
    ru: 'Закон Республики Казахстан «О государственных услугах» (подпункт 2) статьи 10)',
    en: 'Law of the Republic of Kazakhstan "On state services" (Article 10, sub-paragraph 2)',
  },
  number: '88-V',
  date: '2013-04-15',
  ref: s002('L15-16', 'preamble', 'The law number (88-V) is not in the seed; the seed names the law by its date and title only.'),
};

/** The earlier regulations order No. 877 declared void (§2(1), L46-52). */
export const order209Source: LegalSourceInput = {
  act: {
    kk: 'Қазақстан Республикасы Көлік және коммуникация министрінің «Қазақстан Республикасы Көлік және коммуникация министрлігі көрсететін ақпараттандыру саласындағы мемлекеттік көрсетілетін қызметтердің регламенттерін бекіту туралы» бұйрығы',
    ru: 'Приказ Министра транспорта и коммуникаций Республики Казахстан «Об утверждении регламентов государственных услуг в сфере информатизации, оказываемых Министерством транспорта и коммуникаций Республики Казахстан»',
    en: 'Order of the Minister of Transport and Communications "On approval of the regulations of state services in the field of informatization provided by the Ministry of Transport and Communications"',
  },
  number: '209',
  date: '2014-03-26',
  registered: 'State Register of Normative Legal Acts, No. 9361',
  repealedBy: 'Order No. 877 of 24.08.2015, §2(1), except sub-paragraph 5) of its paragraph 1',
  ref: s002('L46-52', '§2(1)', 'The predecessor regulations; which of them corresponds to this service is not stated in the seed.'),
};

// ---------------------------------------------------------------------------------------------
// Roles the regulations name (§7 of each annex). The same words recur in Annexes 1, 2 and 3.

export const ROLE = {
  office: {
    id: 'office',
    kind: 'staff',
    name: { kk: 'Көрсетілетін қызметті беруші кеңсесінің қызметкері', ru: 'Работник канцелярии услугодателя', en: "Employee of the provider's office (chancellery)" },
  },
  headOfProvider: {
    id: 'head_of_provider',
    kind: 'staff',
    name: { kk: 'Көрсетілетін қызметті берушінің басшысы немесе оның орынбасары', ru: 'Руководитель услугодателя или его заместитель', en: 'Head of the provider or the deputy head' },
  },
  unitHead: {
    id: 'unit_head',
    kind: 'staff',
    name: {
      kk: 'Өтінімді қарау үшін жауапты құрылымдық бөлімшенің басшысы',
      ru: 'Руководитель структурного подразделения, ответственного за рассмотрение заявки',
      en: 'Head of the structural unit responsible for reviewing the application',
    },
  },
  unitDeputy: {
    id: 'unit_deputy',
    kind: 'staff',
    name: {
      kk: 'Өтінімді қарау үшін жауапты құрылымдық бөлімше басшысының орынбасары',
      ru: 'Заместитель руководителя структурного подразделения, ответственного за рассмотрение заявки',
      en: 'Deputy head of the structural unit responsible for reviewing the application',
    },
  },
  sectionHead: {
    id: 'section_head',
    kind: 'staff',
    name: { kk: 'Өтінімді қарау үшін жауапты бөлімнің басшысы', ru: 'Руководитель отдела, ответственного за рассмотрение заявки', en: 'Head of the section responsible for reviewing the application' },
  },
  executor: {
    id: 'executor',
    kind: 'staff',
    name: { kk: 'Жауапты орындаушы', ru: 'Ответственный исполнитель', en: 'Responsible executor' },
  },
  portal: {
    id: 'portal',
    kind: 'system',
    name: { kk: '«Электрондық үкімет» веб-порталы (www.egov.kz)', ru: 'Веб-портал «электронного правительства» (www.egov.kz)', en: 'E-government web portal (www.egov.kz)' },
  },
} as const satisfies Record<string, RoleInput>;

// ---------------------------------------------------------------------------------------------
// Interpretations every seed-002 service carries.

export const effectiveInterpretation: InterpretationInput = {
  topic: 'effective.from and version date (order No. 877)',
  readings: [
    'Order No. 877 takes effect 21 calendar days after its first official publication (§5, L79-80); the publication date is not in the seed.',
    'Earliest possible: registration 29.09.2015, published at the earliest the same day, so in force from 21.10.2015.',
    'External (not in the seed; extraction §0): a third-party legal database says the predecessor regulations lapsed "с 31.10.2015" under this order, i.e. publication on 09.10.2015 and entry into force on 31.10.2015.',
  ],
  chosen: '2015-10-31, the date the external record gives; it lies after the earliest possible date, so the order was certainly in force from then.',
  configurable: 'Change version and effective.from once the publication date is confirmed (adilet.zan.kz V1500012119).',
  refs: [s002('L5-14, L79-80', 'header; §5')],
};

export const repealedStatusInterpretation: InterpretationInput = {
  topic: 'Status of a repealed regulation',
  readings: [
    'Order No. 877 was repealed as a whole by order No. 120/НҚ of 30.05.2023 (in force 10 calendar days after its first official publication, L5-14). So status "repealed" with an effective.to.',
    'Keep the service runnable in the catalog (demo, training, processing of historical cases) as the reference service crypto-licence does.',
  ],
  chosen:
    'status "active" with no effective.to, so that the catalog can run the regulation today; the repeal stays in `sources` (repealedBy). The publication date of order No. 120/НҚ is not in the seed, so effective.to could only be guessed (earliest 10.06.2023). Set status "repealed" and effective.to if the catalog has to reflect legal force.',
  configurable: 'status and effective.to.',
  refs: [ORDER_877_HEADER],
};

export const workingHoursInterpretation: InterpretationInput = {
  topic: 'Provider working hours (not in the seed)',
  readings: [
    'Order No. 877 states no working schedule for the Committee or the Enterprise; the standards of order No. 476 would, but their text is not in the seeds.',
    'Monday–Friday 09:00–18:30 with a lunch break 13:00–14:30: the usual schedule of central state bodies (eight working hours a day).',
  ],
  chosen:
    'The second reading for both bodies (providers/informatization.ts). Hour and minute terms of the regulations (1 hour, 15 minutes, 4 hours) count inside these hours; day terms end at 18:30 of their last day.',
  configurable: 'workingHours in providers/informatization.ts.',
  refs: [informatizationRefs.workingHours],
};

export const standardMissingInterpretation: InterpretationInput = {
  topic: 'The standard (order No. 476) is not in the seed',
  readings: [
    'Each regulation starts on an application "under paragraph 9 of the Standard" (order No. 476 of 21.04.2015, reg. No. 11350). Document lists, the overall service term, the fee and the refusal grounds are in the Standard, not in these regulations (extraction §9(1)).',
    'The business-process handbooks (бизнес-процестің анықтамалығы) attached to every regulation were graphics and are absent from the text (L211-236, L442-448, L676-742).',
  ],
  chosen:
    'Everything is encoded from the regulation text alone. Where the regulation names a document, a step or an outcome only in passing, it is encoded as named; what only the Standard could say (form fields, the fee, refusal grounds beyond those the regulation names) is either left out or chosen and recorded in its own interpretation.',
  configurable: 'Add the Standard\'s paragraph 9 documents, its fee and grounds when its text is available (adilet V1500011350).',
  refs: [s002('L126-133, L277-284, L487-494', 'Annex 1 §4; Annex 2 §4; Annex 3 §4')],
};

export const feeInterpretation: InterpretationInput = {
  topic: 'Fee',
  readings: [
    'The regulation mentions no fee, payment or payment document (extraction §9(1): "fees (none are mentioned here)").',
    'The Standard (order No. 476) may charge a fee; its text is not in the seed.',
  ],
  chosen: 'fee.kind "free": no payment is asked of the applicant and no payment document is required.',
  configurable: 'fee per sub-case once the Standard is available.',
  refs: [s002('L126-133, L277-284, L487-494', 'Annex 1 §4; Annex 2 §4; Annex 3 §4')],
};

/** The interpretations of every runnable seed-002 service. */
export const commonInterpretations: InterpretationInput[] = [
  effectiveInterpretation,
  repealedStatusInterpretation,
  workingHoursInterpretation,
  standardMissingInterpretation,
  feeInterpretation,
];
