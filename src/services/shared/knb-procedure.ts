// What every KNB service of order No. 305 (seed 001) shares: the four staff roles of §7, the portal,
// the registration and assignment steps of §5(1)–(2) / §8(1)–(2) / §10(1)–(2), the hand-over of
// the result (§5(5), §8(5) on paper; §10 "automatically into the personal cabinet" on the
// portal), and the acts every one of them rests on. Each regulation of the order is the same
// template at different lines of the seed, so the builders take the line references of the
// regulation and of its standard (decree No. 50, seed 003) and nothing else.
import type { ServiceDefinitionInput, SourceRef } from '../../core/regulation.ts';

export type SubCaseInput = ServiceDefinitionInput['subcases'][number];
export type StepInput = SubCaseInput['steps'][number];
export type OutcomeInput = StepInput['outcomes'][number];
export type FieldInput = NonNullable<SubCaseInput['fields']>[number];
export type DocumentInput = NonNullable<SubCaseInput['documents']>[number];
export type PauseInput = NonNullable<SubCaseInput['pauses']>[number];
export type LegalSourceInput = ServiceDefinitionInput['sources'][number];
export type InterpretationInput = NonNullable<ServiceDefinitionInput['interpretations']>[number];
export type RoleInput = ServiceDefinitionInput['roles'][number];
export type RefusalGroundInput = ServiceDefinitionInput['refusalGrounds'][number];

/** `seed` is the seed file number; `lines` are lines of that file. */
export const s001 = (lines: string, paragraph: string, note?: string): SourceRef => ({ seed: '001', lines, paragraph, ...(note ? { note } : {}) });
export const s003 = (lines: string, paragraph: string, note?: string): SourceRef => ({ seed: '003', lines, paragraph, ...(note ? { note } : {}) });

export const PAPER = ['provider_office', 'mail'] as const;
export const PORTAL = ['portal'] as const;
export const onPaper = { channels: [...PAPER] };
export const onPortal = { channels: [...PORTAL] };
/** After signing: the portal delivers into the personal cabinet, paper goes out by hand or post. */
export const toApplicant = [
  { when: onPortal, step: 'deliver' },
  { when: onPaper, step: 'dispatch' },
];

/** Where a regulation of order No. 305 says what every KNB procedure says (seed 001 lines). */
export interface RegulationLines {
  /** Appendix number of the regulation in order No. 305. */
  appendix: number;
  /** The whole appendix. */
  lines: string;
  /** §1: the service, its standard (decree No. 600) and who receives applications. */
  p1: string;
  /** §1, second sentence: the KNB Special Information Service and the portals. */
  reception: string;
  /** §2: form of the service. */
  p2: string;
  /** §3: the result. */
  p3: string;
  /** §5, §8, §10 as wholes. */
  p5: string;
  p8: string;
  p10: string;
  /** §6 (results of each procedure) and §6(5) (cover letter / register mark). */
  p6: string;
  p6_5: string;
  /** §7: the roles. */
  p7: string;
  /** §9: the applicant on the portal (windows, EDS, personal cabinet marks). */
  p9: string;
  /** Registration on the day of receipt: §5(1), §8(1), §10(1). */
  register: string;
  /** Assignment of the executor on the day of receipt: §5(2), §8(2), §10(2). */
  assign: string;
  /** Paper: sent by hand or post on the day of signing: §5(5), §8(5). */
  dispatch: string;
  /** Portal: automatically into the personal cabinet: §5(5), §10. */
  deliver: string;
}

// ---------------------------------------------------------------------------------------------
// Roles: §7 of every regulation, plus the applicant and the portal.

export function knbRoles(): RoleInput[] {
  return [
    { id: 'applicant', kind: 'applicant', name: { kk: 'Көрсетілетін қызметті алушы', ru: 'Услугополучатель', en: 'Applicant (service recipient)' } },
    { id: 'chancellery', kind: 'staff', name: { kk: 'Көрсетілетін қызметті берушінің кеңсе қызметкері', ru: 'Сотрудник канцелярии услугодателя', en: 'Chancellery officer' } },
    { id: 'head_of_licensing', kind: 'staff', name: { kk: 'Лицензиялау басқармасының басшысы', ru: 'Руководитель управления лицензирования', en: 'Head of the licensing department' } },
    {
      id: 'executor',
      kind: 'staff',
      name: { kk: 'Орындаушы (лицензиялау басқармасының қызметкері)', ru: 'Исполнитель (сотрудник управления лицензирования)', en: 'Executor (licensing department officer)' },
    },
    { id: 'head_of_provider', kind: 'staff', name: { kk: 'Көрсетілетін қызметті берушінің басшысы', ru: 'Руководитель услугодателя', en: 'Head of the service provider' } },
    { id: 'portal', kind: 'system', name: { kk: '«Электрондық үкімет» веб-порталы', ru: 'Веб-портал «электронного правительства»', en: 'E-government web portal' } },
  ];
}

// ---------------------------------------------------------------------------------------------
// The steps every KNB procedure of order No. 305 shares.

export function registerStep(reg: RegulationLines): StepInput {
  return {
    id: 'register',
    role: 'chancellery',
    action: {
      kk: 'Өтінішті көрсетілетін қызметті берушінің кеңсесінде тіркеу (тіркеу мөрі, түскен күні және кіріс нөмірі)',
      ru: 'Регистрация заявления в канцелярии услугодателя (регистрационный штамп с датой поступления и входящим номером)',
      en: 'Register the application in the chancellery (registration stamp with the date of receipt and the incoming number)',
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: s001(reg.register, '§5(1), §8(1), §10(1)', 'в день поступления') }, from: 'received' },
    outcomes: [{ id: 'registered', label: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' }, next: 'assign', mark: 'registered' }],
    ref: s001(reg.p5, '§5(1)'),
  };
}

export function assignStep(reg: RegulationLines): StepInput {
  return {
    id: 'assign',
    role: 'head_of_licensing',
    action: {
      kk: 'Лицензиялау басқармасының басшысының өтінішті қарауы және орындаушыны айқындауы',
      ru: 'Рассмотрение заявления руководителем управления лицензирования и определение исполнителя',
      en: 'Consider the application and assign the executor',
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: s001(reg.assign, '§5(2), §8(2), §10(2)', 'в день поступления') }, from: 'received' },
    outcomes: [
      {
        id: 'assigned',
        label: { kk: 'Орындаушы айқындалды', ru: 'Исполнитель определён', en: 'Executor assigned' },
        next: 'review',
        assigns: 'executor',
        mark: 'in_execution',
      },
    ],
    ref: s001(reg.p5, '§5(2)'),
  };
}

export function deliverStep(reg: RegulationLines): StepInput {
  return {
    id: 'deliver',
    role: 'portal',
    automatic: true,
    action: {
      kk: 'Нәтижені алушының «жеке кабинетіне» автоматты түрде жіберу',
      ru: 'Автоматическое направление результата в «личный кабинет» услугополучателя',
      en: "Deliver the result into the applicant's personal cabinet",
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: s001(reg.deliver, '§5(5), §10', 'в день подписания; автоматически направляется в «личный кабинет»') }, from: 'step_start' },
    outcomes: [
      { id: 'delivered', label: { kk: 'Жеке кабинетке жеткізілді', ru: 'Доставлено в личный кабинет', en: 'Delivered to the personal cabinet' }, next: 'end', signed: false },
    ],
    ref: s001(reg.deliver, '§10'),
  };
}

export function dispatchStep(reg: RegulationLines): StepInput {
  return {
    id: 'dispatch',
    role: 'chancellery',
    action: {
      kk: 'Нәтижені қол қойылған күні алушының мекенжайына қолма-қол не пошта арқылы жіберу (ілеспе хат немесе хат-хабарды беру тізіліміндегі белгі)',
      ru: 'Направление результата услугополучателю нарочно либо через почту в день подписания (сопроводительное письмо или отметка в реестре передачи корреспонденции)',
      en: 'Send the result to the applicant by hand or by post on the day of signing (cover letter or mark in the correspondence register)',
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: s001(reg.dispatch, '§5(5), §8(5)', 'в день подписания … нарочно либо через почту') }, from: 'step_start' },
    outcomes: [{ id: 'dispatched', label: { kk: 'Жіберілді', ru: 'Направлено', en: 'Dispatched' }, next: 'end' }],
    ref: s001(`${reg.p6_5}, ${reg.dispatch}`, '§6(5), §8(5)'),
  };
}

// ---------------------------------------------------------------------------------------------
// Legal sources every KNB service of the seeds rests on.

/** Order No. 305 of the KNB Chairman (seed 001): the regulation of the service is appendix `reg.appendix`. */
export function order305(reg: RegulationLines): LegalSourceInput {
  return {
    act: {
      kk: `ҚР Ұлттық қауіпсіздік комитеті Төрағасының «Қазақстан Республикасы Ұлттық қауіпсіздік комитеті көрсететін мемлекеттік қызметтердің регламенттерін бекіту туралы» бұйрығы (${reg.appendix}-қосымша)`,
      ru: `Приказ Председателя КНБ РК «Об утверждении регламентов государственных услуг, оказываемых Комитетом национальной безопасности Республики Казахстан» (приложение ${reg.appendix})`,
      en: `Order of the KNB Chairman "On approval of the regulations of state services rendered by the National Security Committee" (Appendix ${reg.appendix})`,
    },
    number: '305',
    date: '2014-09-15',
    registered: 'Ministry of Justice of the Republic of Kazakhstan, 13.10.2014, No. 9790',
    effectiveFrom: '2014-10-24',
    repealedBy: 'Order of the KNB Chairman No. 43 of 27.05.2015 (in force 21 calendar days after its first official publication)',
    ref: s001(
      `L1-15, L72-73, ${reg.lines}`,
      `§5 of the order; Appendix ${reg.appendix}`,
      'In force 10 calendar days after first official publication; the publication date is not in the seed, so 24.10.2014 (registration 13.10.2014 + 10 days) is the earliest possible date. The repeal date (order No. 43 + 21 days) is not in the seed either: no effectiveTo.',
    ),
  };
}

/** Government decree No. 50 of 29.01.2013 (seed 003): the standard of the service is standard `n`. */
export function decree50(n: number, lines: string): LegalSourceInput {
  return {
    act: {
      kk: `Қазақстан Республикасы Үкіметінің «Қазақстан Республикасы Ұлттық қауіпсіздік комитеті көрсететін мемлекеттік қызмет стандарттарын бекіту туралы» қаулысы (${n}-стандарт)`,
      ru: `Постановление Правительства РК «Об утверждении стандартов государственных услуг, оказываемых Комитетом национальной безопасности Республики Казахстан» (стандарт ${n})`,
      en: `Government decree "On approval of standards of state services provided by the National Security Committee" (standard ${n})`,
    },
    number: '50',
    date: '2013-01-29',
    repealedBy: 'Government decree No. 600 of 31.05.2014 (in force 10 calendar days after its first official publication)',
    ref: s003(
      `L1-27, ${lines}`,
      `operative §2; standard ${n}`,
      'In force 10 calendar days after first official publication (L27); neither that date nor the date decree No. 600 took effect is in the seed: no effectiveFrom/effectiveTo. Legal basis of the decree (L11): Budget Code art. 34; Law "On administrative procedures" of 27.11.2000, arts. 9-1 and 15-2.',
    ),
  };
}

/** Government decree No. 600 of 31.05.2014: the standard the regulation cites; its text is not in the seeds. */
export function decree600(reg: RegulationLines): LegalSourceInput {
  return {
    act: {
      kk: 'Қазақстан Республикасы Үкіметінің мемлекеттік қызмет стандарттарын бекіту туралы қаулысы (регламенттің негізі; мәтіні сидтерде жоқ)',
      ru: 'Постановление Правительства РК об утверждении стандартов государственных услуг (Стандарт, на котором основан регламент; текста нет в сидах)',
      en: 'Government decree approving the state-service standards that the regulation implements (text not in the seeds)',
    },
    number: '600',
    date: '2014-05-31',
    ref: s001(reg.p1, '§1', 'The regulation cites the Standard of decree No. 600; the standard text we encode is its predecessor, decree No. 50 (seed 003).'),
  };
}

/** The Law "On state services" of 15.04.2013, art. 10(2): the basis of order No. 305. */
export const lawOnStateServices: LegalSourceInput = {
  act: {
    kk: '«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының Заңы (10-баптың 2) тармақшасы)',
    ru: 'Закон Республики Казахстан «О государственных услугах» (подпункт 2) статьи 10)',
    en: 'Law of the Republic of Kazakhstan "On state services" (article 10, subparagraph 2)',
  },
  number: '—',
  date: '2013-04-15',
  ref: s001('L14-15', 'preamble of order No. 305', 'The law number is not in the seed. PDF extraction displaced the words: "подпунктом 2) [статьи 10] Закона … от 15 апреля 2013 года".'),
};

/** Record keeping the standards require (§1 of every standard): decrees No. 1570 and No. 430. */
export function recordKeeping(lines: string): LegalSourceInput[] {
  return [
    {
      act: {
        kk: 'Қазақстан Республикасы Үкіметінің Мемлекеттік және мемлекеттік емес ұйымдарда құжаттаудың және құжаттамаларды басқарудың үлгілі ережелерін бекіту туралы қаулысы',
        ru: 'Постановление Правительства РК об утверждении Типовых правил документирования и управления документацией в государственных и негосударственных организациях',
        en: 'Government decree approving the model rules of documentation and document management in state and non-state organisations',
      },
      number: '1570',
      date: '2011-12-21',
      ref: s003(lines, 'standard §1', 'Compliance is ensured when rendering the service.'),
    },
    {
      act: {
        kk: 'Қазақстан Республикасы Үкіметінің Электрондық құжат айналымы ережелерін бекіту туралы қаулысы',
        ru: 'Постановление Правительства РК об утверждении Правил электронного документооборота',
        en: 'Government decree approving the rules of electronic document flow',
      },
      number: '430',
      date: '2004-04-17',
      ref: s003(lines, 'standard §1', 'Compliance is ensured when rendering the service.'),
    },
  ];
}

/** The Law of 12.01.2007 on the consideration of applications: the term for complaints (standard §25). */
export function lawOnApplications(lines: string): LegalSourceInput {
  return {
    act: {
      kk: '«Жеке және заңды тұлғалардың өтініштерін қарау тәртібі туралы» Қазақстан Республикасының Заңы',
      ru: 'Закон Республики Казахстан «О порядке рассмотрения обращений физических и юридических лиц»',
      en: 'Law of the Republic of Kazakhstan "On the procedure for consideration of applications of individuals and legal entities"',
    },
    number: '—',
    date: '2007-01-12',
    ref: s003(lines, 'standard §25', 'Complaints are considered within the term this law sets; the standard states no number of days, and the law number is not in the seed.'),
  };
}

// ---------------------------------------------------------------------------------------------
// Interpretations every KNB service of these seeds needs.

/** Combined version, its date and its legal status: the same reasoning for every service of order No. 305. */
export function versionInterpretations(reg: RegulationLines, std: { number: number; lines: string; terms: string }): InterpretationInput[] {
  return [
    {
      topic: 'Which acts make up this version',
      readings: [
        `Procedure: seed 001 regulation ${reg.appendix} (order No. 305, 2014). It implements the Standard of Government decree No. 600 of 31.05.2014, whose text is not in the seeds.`,
        `Standard: seed 003 standard ${std.number} (decree No. 50, 2013) is the text we have; decree No. 600 repealed it, so the two acts were never in force together.`,
      ],
      chosen:
        'Combine them: steps, roles and step terms from seed 001; overall terms, documents, fee, refusal grounds, offices and forms from seed 003. Replace the standard data when the decree No. 600 text is available.',
      refs: [s001(reg.p1, '§1'), s003('L1-9', 'header'), s003(std.terms, '§7')],
    },
    {
      topic: 'effective.from and version date',
      readings: [
        'Order No. 305 takes effect 10 calendar days after its first official publication (§5, L72-73). The publication date is not in the seed.',
        'Use the registration date 13.10.2014. Rejected: the order was not yet in force on that day.',
      ],
      chosen: '2014-10-24: registration 13.10.2014, at the earliest published the same day, plus 10 calendar days. This is the earliest date the combined version can apply from.',
      configurable: 'Change version/effective.from once the publication date is confirmed (adilet.zan.kz).',
      refs: [s001('L5-13, L72-73', 'header; §5')],
    },
    {
      topic: 'Status of a repealed regulation',
      readings: [
        'Both acts are repealed: order No. 305 by order No. 43 of 27.05.2015, decree No. 50 by decree No. 600. So status "repealed" with an effective.to.',
        'Keep the service runnable, like the reference service crypto-licence.',
      ],
      chosen:
        'status "active" with no effective.to: the repeal dates themselves are not in the seeds (order No. 43 takes effect 21 days after a publication the seed does not date), and the catalog keeps these historical regulations runnable. The repeal facts stay in `sources` (repealedBy). Set status "repealed" and effective.to if the catalog ever has to reflect legal force.',
      refs: [s001('L5-13', 'header'), s003('L5-9', 'header')],
    },
  ];
}

export function workingHoursInterpretation(std: { annex1: string; workingHours: string }): InterpretationInput {
  return {
    topic: 'KNB staff working hours',
    readings: [
      'Annex 1: applicants are received Mon–Fri 10:00–12:00. This is a reception window, not staff hours.',
      '§21: KNB working days 9:00–19:00, lunch 13:00–15:00, weekends and holidays off. This is the only KNB staff schedule in the seeds.',
      '9:00–18:30: appears in neither seed 001 nor seed 003.',
    ],
    chosen:
      'Provider workingHours 09:00–19:00 with a 13:00–15:00 break, Mon–Fri (the frame for working-hour terms and portal receipt). Offices carry the 10:00–12:00 reception.',
    refs: [s003(std.workingHours, '§21'), s003(std.annex1, 'Annex 1')],
  };
}

/** What the standards set at the desk and around the case that is not a step of it. */
export function deskInterpretation(std: { desk: string; acceptance: string; complaints: string; talon: string; info: string; premises: string }): InterpretationInput {
  return {
    topic: 'Desk times, acceptance evidence and complaints (outside the schema)',
    readings: [
      '§7: at most 20 minutes of service at the desk on the day of application, and at most 20 minutes of waiting.',
      '§14: paper documents are accepted against a talon (acceptance date, date the service will be rendered, registration number, accepting officer); for licences also against an inventory. On the portal a notification-report in the personal cabinet gives the date and time of the result.',
      '§20–§26: complaints go to the Director of the Service of the authorized body and are considered within the term of the Law of 12.01.2007 (no number of days in the seed).',
      '§4: information on knb.kz («Маңызды сілтемелер») and elsewhere; §10: the KNB building (entrance No. 1, round-the-clock guard post, fire alarm, ramps, information stands with document samples).',
    ],
    chosen:
      'Not encoded as steps or terms: the desk times concern the queue, not the case; the case number, the received time and the overall due shown on submission stand for the talon and the notification-report; complaints, information and premises are outside the case (the complaints law is listed in sources).',
    configurable: 'A desk-time metric per office if the quality indicators of the standard are reported.',
    refs: [s003(std.desk, '§7'), s003(`${std.acceptance}, ${std.talon}`, '§14, talon annex'), s003(std.complaints, '§25'), s003(`${std.info}, ${std.premises}`, '§4, §10')],
  };
}
