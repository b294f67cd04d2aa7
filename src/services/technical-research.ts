// «Проведение технического исследования на предмет отнесения товаров к средствам криптографической
// защиты информации и специальным техническим средствам, предназначенным для проведения
// оперативно-розыскных мероприятий»: the KNB technical research that attributes goods to
// cryptographic information protection means (CIPM) and/or special technical means (STS).
//
// Two versions of one service id (the default export is the array, by effective date):
// - 2012-07-28: KNB order No. 186 of 13.06.2012 (seed 000, Kazakh), two regulations, one per kind
//   of goods: Annex 1, STS (L46–L335), and Annex 2, CIPM (L337–L624). They become the sub-cases
//   `special_technical_means` and `cryptographic_means` of this version.
// - 2014-10-24: regulation 6 of KNB order No. 305 of 15.09.2014 (seed 001 L1145–L1347), which
//   repealed order No. 186 (§2 of order No. 305, L53–L61) and merged the two services into one
//   sub-case `research`.
// The standards both regulations rely on (Presidential decree No. 116 of 05.07.2011; Government
// decree No. 600 of 31.05.2014) are not in the seeds: see the interpretations.
import { defineService, type ServiceDefinition, type SourceRef, type Text } from '../core/regulation.ts';
import { knb } from './providers/knb.ts';
import {
  ORDER_305_FROM,
  assignStep,
  decree600Source,
  deliverStep,
  dispatchStep,
  lawOnStateServices,
  onPaper,
  order305Roles,
  order305Source,
  registerStep,
  s000,
  s001,
  toApplicant,
  type DocumentInput,
  type InterpretationInput,
  type StepInput,
  type SubCaseInput,
} from './shared/knb-conclusion.ts';

const VERSION_2012 = '2012-07-28';
const ID = 'technical-research';

const RESULT_REGISTRY = 'technical_research_conclusions';
const RESULT_PREFIX = 'KNB-TR';

// =============================================================================================
// The 2012 version: order No. 186, two regulations with the same procedure.

const roles2012 = [
  { id: 'applicant', kind: 'applicant' as const, name: { kk: 'Мемлекеттік қызмет көрсетуді тұтынушы', ru: 'Потребитель государственной услуги', en: 'Consumer (applicant)' } },
  {
    id: 'reception',
    kind: 'staff' as const,
    name: {
      kk: 'Құжаттарды қабылдауды, тіркеуді және беруді жүзеге асыратын ЛО қызметкері',
      ru: 'Сотрудник ЛО, осуществляющий приём, регистрацию и выдачу документов',
      en: 'Licensing-body officer who accepts, registers and issues documents',
    },
  },
  {
    id: 'researcher',
    kind: 'staff' as const,
    name: { kk: 'Техникалық зерттеуді жүргізетін ЛО қызметкері', ru: 'Сотрудник ЛО, проводящий техническое исследование', en: 'Licensing-body officer conducting the technical research' },
  },
  {
    id: 'head_of_subdivision',
    kind: 'staff' as const,
    name: {
      kk: 'Қорытындыға қол қоятын ЛО бөлімшесінің бастығы (бастықтың орынбасары)',
      ru: 'Начальник подразделения ЛО (заместитель начальника), подписывающий заключение',
      en: 'Head (or deputy head) of the licensing-body subdivision who signs the conclusion',
    },
  },
];

const grounds2012 = [
  {
    id: 'incomplete_documents',
    text: {
      kk: 'Стандарттың 11-тармағында көрсетілген құжаттарды толық көлемде ұсынбау',
      ru: 'Непредставление в полном объёме документов, указанных в пункте 11 Стандарта',
      en: 'The documents listed in point 11 of the Standard were not submitted in full',
    },
    ref: s000('L188-191, L484-487', 'Annex 1 p.15; Annex 2 p.15'),
  },
  {
    id: 'sample_not_provided',
    text: {
      kk: 'Лицензиялау органы немесе оның аумақтық бөлімшесі қызметкерінің талабы бойынша тауардың үлгісін ұсынбау',
      ru: 'Непредставление образца товара по требованию сотрудника лицензирующего органа или его территориального подразделения',
      en: 'The sample of the goods requested by an officer of the licensing body or its territorial subdivision was not submitted',
    },
    ref: s000('L189-191, L485-487', 'Annex 1 p.15; Annex 2 p.15'),
  },
];

/** What differs between the two 2012 regulations: the kind of goods, the research term, the minutes of actions 3 and 4, and their lines. */
interface Research2012 {
  id: string;
  name: Text;
  /** The kind of goods in the Kazakh abbreviation of the regulation (АТҚ / АКҚҚ) and its translations. */
  goods: Text;
  researchDays: number;
  signMinutes: number;
  handOverMinutes: number;
  lines: {
    annex: string;
    p7: string;
    p9: string;
    p10: string;
    p11: string;
    p12: string;
    p13: string;
    p15: string;
    sample: string;
    p16: string;
    p17: string;
    p18: string;
    table: string;
    actions: string;
    termAccept: string;
    termResearch: string;
    termSign: string;
    termHandOver: string;
  };
}

function research2012(r: Research2012): SubCaseInput {
  const L = r.lines;
  const table = (lines: string, note?: string): SourceRef => s000(lines, 'Annex 1 table (ҚФБ іс-қимылы сипаттамасының кестесі)', note);
  /** Actions 3 and 4 follow the drafting: their minutes come on top of the days of action 2. */
  const actions34 = [
    { amount: r.signMinutes, unit: 'minutes' as const, ref: table(L.termSign, 'action 3') },
    { amount: r.handOverMinutes, unit: 'minutes' as const, ref: table(L.termHandOver, 'action 4') },
  ];
  const drafted = { id: 'conclusion_drafted', label: { kk: 'Қорытынды рәсімделді', ru: 'Заключение оформлено', en: 'Conclusion drawn up' }, next: 'sign', decision: 'approve' as const, extendsTerm: actions34 };
  const steps: StepInput[] = [
    {
      id: 'accept',
      role: 'reception',
      action: {
        kk: 'Тұтынушы ұсынған құжаттар пакетін қабылдау және тексеру, өтінішті өтініштер мен қорытындыларды тіркеу журналында тіркеу, тұтынушыға талон беру',
        ru: 'Приём и проверка пакета документов потребителя, регистрация заявления в журнале регистрации заявлений и заключений, выдача талона потребителю',
        en: 'Accept and check the package of documents, register the application in the register of applications and conclusions, give the consumer the talon',
      },
      term: { duration: { amount: 15, unit: 'minutes', ref: table(L.termAccept, 'action 1: 15 минут') }, from: 'received' },
      outcomes: [
        { id: 'accepted', label: { kk: 'Өтініш тіркелді, талон берілді', ru: 'Заявление зарегистрировано, талон выдан', en: 'Registered, talon issued' }, next: 'research', mark: 'registered' },
        {
          id: 'refuse_acceptance',
          label: { kk: 'Өтінішті қабылдаудан бас тарту', ru: 'Отказ в приёме заявления', en: 'Refuse to accept the application' },
          next: 'end',
          decision: 'refuse',
          grounds: ['incomplete_documents'],
        },
      ],
      ref: s000(`${L.p15}, ${L.p13}`, 'p.15(1)–(3), p.13'),
    },
    {
      id: 'research',
      role: 'researcher',
      action: {
        kk: `Тұтынушының өтінішін қарау, мәлімделген тауардың техникалық сипаттамасын ${r.goods.kk}-ға жатқызу тұрғысынан зерттеу, қорытынды дайындау және оны техникалық өңдеу (құжаттың бірнеше парақтарын біріктіру)`,
        ru: `Рассмотрение заявления, исследование технических характеристик заявленного товара на предмет отнесения к ${r.goods.ru}, подготовка заключения и его техническая обработка (сшивание нескольких листов)`,
        en: `Consider the application, research the declared goods' technical characteristics for attribution to ${r.goods.en}, prepare the conclusion and bind its sheets`,
      },
      term: { duration: { amount: r.researchDays, unit: 'working_days', ref: table(L.termResearch, `action 2: ${r.researchDays} жұмыс күнге дейін`) }, from: 'step_start' },
      outcomes: [
        drafted,
        {
          id: 'sample_required',
          label: { kk: 'Тауар үлгісі талап етіледі', ru: 'Требуется образец товара', en: 'A sample of the goods is required' },
          next: 'sample_research',
          extendsTerm: [{ amount: 28, unit: 'calendar_days', ref: table(L.termResearch, 'action 2 with research of a sample: 28 күнтізбелік күнге дейін (see interpretations)') }],
        },
      ],
      ref: s000(`${L.p15}, ${L.actions}`, 'p.15(4)–(6), (8); Annex 1 action 2'),
    },
    {
      id: 'sample_research',
      role: 'researcher',
      action: {
        kk: `Ұсынылған тауар үлгісіне ${r.goods.kk}-ға жатқызу тұрғысынан қосымша техникалық зерттеу жүргізу және қорытынды дайындау`,
        ru: `Дополнительное техническое исследование представленного образца товара на предмет отнесения к ${r.goods.ru} и подготовка заключения`,
        en: `Additional technical research of the submitted sample for attribution to ${r.goods.en}, and the conclusion`,
      },
      term: {
        duration: { amount: 28, unit: 'calendar_days', ref: table(L.termResearch, 'action 2 with research of a sample: 28 күнтізбелік күнге дейін; counted from the start of action 2 (see interpretations)') },
        from: 'completed:accept',
      },
      outcomes: [
        drafted,
        {
          id: 'refuse_sample_not_provided',
          label: { kk: 'Тауар үлгісі ұсынылмады: дәлелді бас тарту', ru: 'Образец товара не представлен: мотивированный отказ', en: 'Sample not submitted: motivated refusal' },
          next: 'sign',
          decision: 'refuse',
          grounds: ['sample_not_provided'],
          extendsTerm: actions34,
        },
      ],
      ref: s000(`${L.sample}, ${L.termResearch}`, 'p.15 (sample), Annex 1 action 2'),
    },
    {
      id: 'sign',
      role: 'head_of_subdivision',
      action: {
        kk: 'Дайындалған қорытындының сапасын тексеру және қол қою',
        ru: 'Проверка качества подготовленного заключения и подписание',
        en: 'Check the quality of the prepared conclusion and sign it',
      },
      term: { duration: { amount: r.signMinutes, unit: 'minutes', ref: table(L.termSign, `action 3: ${r.signMinutes} минут (reading order of the extracted table; see interpretations)`) }, from: 'step_start' },
      outcomes: [{ id: 'signed', label: { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' }, next: 'hand_over' }],
      ref: s000(`${L.p15}, ${L.actions}`, 'p.15(7), (9); Annex 1 action 3'),
    },
    {
      id: 'hand_over',
      role: 'reception',
      action: {
        kk: 'Мөр басу, қорытындыны журналда тіркеу және тұтынушыға (оның уәкілетті өкіліне) қолын қойдыртып беру',
        ru: 'Проставление печати, регистрация заключения в журнале и выдача потребителю (его уполномоченному представителю) под роспись',
        en: 'Affix the seal, register the conclusion in the register and hand it to the consumer (or an authorized representative) against signature',
      },
      term: { duration: { amount: r.handOverMinutes, unit: 'minutes', ref: table(L.termHandOver, `action 4: ${r.handOverMinutes} минут (reading order of the extracted table; see interpretations)`) }, from: 'step_start' },
      outcomes: [{ id: 'handed_over', label: { kk: 'Қолын қойдыртып берілді', ru: 'Выдано под роспись', en: 'Handed over against signature' }, next: 'end' }],
      ref: s000(`${L.p15}, ${L.p17}, ${L.actions}`, 'p.15(9)–(11), p.17; Annex 1 action 4'),
    },
  ];
  const documents: DocumentInput[] = [
    {
      id: 'application',
      name: { kk: 'Өтініш (үлгісі www.knb.kz «Маңызды сілтеме» бөлімінде)', ru: 'Заявление (образец на www.knb.kz, раздел «Важные ссылки»)', en: 'Application (sample on www.knb.kz, "Important links")' },
      ref: s000(L.p16, 'p.16', 'Blank forms are given at the KNB reception room or by the duty services of the territorial bodies; the form\'s fields are not in the seed.'),
    },
    {
      id: 'standard_documents',
      name: {
        kk: 'Стандарттың 11-тармағында көрсетілген құжаттар',
        ru: 'Документы, указанные в пункте 11 Стандарта',
        en: 'Documents listed in point 11 of the Standard',
      },
      ref: s000(L.p12, 'p.12', 'The Standard (Presidential decree No. 116 of 05.07.2011) is not in the seeds: its list cannot be itemized.'),
    },
  ];
  return {
    id: r.id,
    name: r.name,
    term: {
      duration: {
        amount: r.researchDays,
        unit: 'working_days',
        ref: table(L.termResearch, `Derived from the table: action 1 (15 minutes, on the day of receipt) and action 2 (up to ${r.researchDays} working days); actions 3–4 and a sample extend it through the outcomes. Point 7 of the Standard is not in the seed (see interpretations).`),
      },
      from: 'received',
    },
    fields: [],
    documents,
    fee: { kind: 'free', ref: s000(L.p10, 'p.10', 'Қызмет көрсету тегін жүргізіледі') },
    channels: ['provider_office'],
    firstStep: 'accept',
    steps,
    pauses: [
      {
        id: 'sample',
        name: { kk: 'Тауар үлгісін ұсыну', ru: 'Предоставление образца товара', en: 'Submit a sample of the goods' },
        atSteps: ['sample_research'],
        role: 'researcher',
        applicantTerm: { amount: 5, unit: 'calendar_days', ref: s001('L1211-1214', 'Appendix 6 §5(3)', 'Order No. 186 sets no term for the sample; the 5 calendar days of its successor, order No. 305, are applied (see interpretations).') },
        onExpiry: { refuseWith: 'sample_not_provided' },
        ref: s000(L.sample, 'p.15', 'Қорытынды шығару кезінде қиыншылық болған жағдайда … тұтынушы тауар үлгісін ұсынады'),
      },
    ],
  };
}

const STM_2012: Research2012 = {
  id: 'special_technical_means',
  name: {
    kk: 'Жедел іздестіру іс-шараларын жүргізу үшін тауарларды арнайы техникалық құралдарға жатқызу тұрғысынан техникалық зерттеу жүргізу',
    ru: 'Проведение технического исследования на предмет отнесения товаров к специальным техническим средствам для проведения оперативно-розыскных мероприятий',
    en: 'Technical research on attributing goods to special technical means for operational-search activities',
  },
  goods: { kk: 'АТҚ', ru: 'специальным техническим средствам', en: 'special technical means' },
  researchDays: 4,
  signMinutes: 20,
  handOverMinutes: 10,
  lines: {
    annex: 'L46-335',
    p7: 'L126-128',
    p9: 'L137-138',
    p10: 'L139',
    p11: 'L140-144',
    p12: 'L145-147',
    p13: 'L148-159',
    p15: 'L169-182',
    sample: 'L183-187',
    p16: 'L199-203',
    p17: 'L204-208',
    p18: 'L209-214',
    table: 'L215-324',
    actions: 'L246-283',
    termAccept: 'L310',
    termResearch: 'L312-322',
    termSign: 'L316',
    termHandOver: 'L324',
  },
};

const CIPM_2012: Research2012 = {
  id: 'cryptographic_means',
  name: {
    kk: 'Тауарларды ақпаратты криптографиялық қорғау құралдарына жатқызу тұрғысынан техникалық зерттеу жүргізу',
    ru: 'Проведение технического исследования на предмет отнесения товаров к средствам криптографической защиты информации',
    en: 'Technical research on attributing goods to cryptographic information protection means',
  },
  goods: { kk: 'АКҚҚ', ru: 'средствам криптографической защиты информации', en: 'cryptographic information protection means' },
  researchDays: 8,
  signMinutes: 10,
  handOverMinutes: 20,
  lines: {
    annex: 'L337-624',
    p7: 'L416-418',
    p9: 'L430-431',
    p10: 'L432',
    p11: 'L433-437',
    p12: 'L438-440',
    p13: 'L441-452',
    p15: 'L461-478',
    sample: 'L479-483',
    p16: 'L495-499',
    p17: 'L500-501',
    p18: 'L502-507',
    table: 'L508-615',
    actions: 'L542-579',
    termAccept: 'L606',
    termResearch: 'L608-613',
    termSign: 'L615',
    termHandOver: 'L615',
  },
};

const interpretations2012: InterpretationInput[] = [
  {
    topic: 'The Standard of the 2012 regulations is not in the seeds',
    readings: [
      'Order No. 186 refers to the Standard (Presidential decree No. 116 of 05.07.2011) for the terms (point 7), the place and schedule (point 9), the documents (point 11), the blank forms (point 13), the subdivisions (Annex 1) and the talon (Annex 2).',
      'Only the regulation is in seed 000.',
    ],
    chosen:
      'Steps, roles, step terms, refusal grounds, fee and result from the regulation. The overall term is derived (next entry); the document list is one requirement "documents listed in point 11 of the Standard" beside the application; the provider is the shared KNB provider (its 16 subdivisions and its 9:00–19:00 staff hours come from decree No. 50 of 2013, seed 003). Replace them when the decree No. 116 Standard is available.',
    refs: [s000('L95-106, L126-162', 'p.3, p.7–14'), s000('L389-398, L416-456', 'p.3, p.7–14 (Annex 2)')],
  },
  {
    topic: 'Overall term (2012)',
    readings: [
      'Point 7 of the Standard sets it; not in the seed.',
      'The Annex 1 table: 15 minutes + up to 4 (STS) / 8 (CIPM) working days + 20 + 10 minutes (10 + 20 for CIPM); with research of a sample, action 2 takes up to 28 calendar days.',
      'One figure for the sub-case: 28 calendar days (the longest path) would tell every applicant a date four weeks out; 4 / 8 working days would be exceeded whenever a sample is researched.',
    ],
    chosen:
      'The sum of the table along the path taken: 4 (STS) / 8 (CIPM) working days from received; the outcomes that lead to the head\'s signature extend it by the minutes of actions 3 and 4; sample_required extends it by 28 calendar days (extendsTerm), and the sample wait is not counted. Without a sample this is exact. With a sample it is an upper bound: the research step itself ends 28 calendar days after action 2 began (plus the wait), while the overall term adds the 28 days to the 4 / 8 working days.',
    configurable: 'The extensions on sample_required and on the drafting outcomes.',
    refs: [s000('L310-324', 'Annex 1 table'), s000('L606-615', 'Annex 2 table'), s000('L137-138, L430-431', 'p.9')],
  },
  {
    topic: 'Sample of the goods (2012): term for the applicant, clock, consequence',
    readings: [
      'p.15: "if there is difficulty in issuing the conclusion", at the request of an officer the consumer provides a sample, on which additional research is done; failing to provide a requested sample is a refusal ground. No term is set for the applicant.',
      'Action 2 takes up to 28 calendar days "in the case of research on a sample"; the text does not say whether this counts from the start of action 2 or from the sample, nor whether the wait counts.',
    ],
    chosen:
      'research → outcome sample_required → step sample_research, whose term is 28 calendar days from the completion of accept (the start of action 2). Pause `sample` at sample_research, opened by the researcher: applicantTerm 5 calendar days (the term of the successor regulation, order No. 305 §5(3)), the wait not counted (the step and overall terms move by its calendar days), onExpiry refuses on sample_not_provided. The researcher can also refuse on that ground after the applicant answers that no sample will be given.',
    configurable: 'The 5-day applicant term (not in order No. 186).',
    refs: [s000('L183-191, L312-322', 'p.15; Annex 1 action 2'), s001('L1211-1214', 'Appendix 6 §5(3)')],
  },
  {
    topic: 'Minutes of actions 3 and 4',
    readings: [
      'Annex 1 (STS): the extraction prints "20 минут" (L316) inside action 2\'s cell and "10 минут" (L324) after it: action 3 = 20, action 4 = 10.',
      'Annex 2 (CIPM): "10 минут 20 минут" on one line (L615): action 3 = 10, action 4 = 20 — the opposite order, so the two tables are inconsistent; the layout cannot confirm either.',
    ],
    chosen: 'Reading order: STS sign 20 minutes, hand_over 10 minutes; CIPM sign 10 minutes, hand_over 20 minutes. The sum (30 minutes) is the same either way.',
    configurable: 'Swap the two figures of a sub-case if the original layout shows otherwise.',
    refs: [s000('L310-324', 'Annex 1 table'), s000('L606-615', 'Annex 2 table')],
  },
  {
    topic: 'Stages versus the four actions',
    readings: [
      'p.15 lists 11 stages: 7) quality check before 8) technical processing (binding) and 9) signature and seal.',
      'The Annex 1 table has four actions: binding belongs to action 2 (researcher), the quality check and signature to action 3 (head), the seal, registration and hand-over to action 4 (reception).',
    ],
    chosen: 'The four actions of the table, with their terms, as the steps accept, research (or sample_research), sign and hand_over. The talon (stage 3) and the journal entries are records of the accept and hand_over steps.',
    refs: [s000('L169-182, L246-283', 'p.15; Annex 1')],
  },
  {
    topic: 'Refusal to accept the application',
    readings: [
      'Action 1 ends with "the application registered and the talon given, or refusal to accept the application"; ground 1 (documents of point 11 not submitted in full).',
      'Only the head of the subdivision signs conclusions (p.18).',
    ],
    chosen: 'accept has the outcome refuse_acceptance (ground incomplete_documents) that ends the case with the motivated refusal given by the reception officer; the sample refusal goes through the head\'s signature and the hand-over.',
    refs: [s000('L188-192, L292-295', 'p.15; Annex 1 action 1'), s000('L209-214', 'p.18')],
  },
  {
    topic: 'Provider, channel and result form (2012)',
    readings: [
      'The licensing body (the authorized KNB subdivision) and its territorial subdivisions of Annex 1 of the Standard provide the service; the form is non-automated; documents are accepted in person; no portal is mentioned.',
      'The conclusion is issued on paper to the consumer or an authorized representative against signature in the register.',
    ],
    chosen: 'Provider: the shared KNB provider. Sub-case channels: provider_office only. The result is handed over in the hand_over step.',
    refs: [s000('L95-107, L119-120, L140-144, L204-208', 'p.3, p.4, p.6, p.11, p.17')],
  },
  {
    topic: 'One result per version',
    readings: ['Each 2012 regulation issues its own conclusion ("on attributing goods to STS" / "… to CIPM").', 'The schema has one result per version.'],
    chosen: 'One result "conclusion of the technical research" for the version; the sub-case tells the kind of goods.',
    refs: [s000('L140-144, L433-437', 'p.11')],
  },
];

const version2012: ServiceDefinition = defineService({
  id: ID,
  version: VERSION_2012,
  name: {
    kk: '«Жедел іздестіру іс-шараларын жүргізу үшін тауарларды арнайы техникалық құралдарға жатқызу тұрғысынан техникалық зерттеу жүргізу» және «Тауарларды ақпаратты криптографиялық қорғау құралдарына жатқызу тұрғысынан техникалық зерттеу жүргізу»',
    ru: '«Проведение технического исследования на предмет отнесения товаров к специальным техническим средствам для проведения оперативно-розыскных мероприятий» и «Проведение технического исследования на предмет отнесения товаров к средствам криптографической защиты информации»',
    en: '"Technical research on attributing goods to special technical means for operational-search activities" and "Technical research on attributing goods to cryptographic information protection means"',
  },
  shortName: { kk: 'Тауарларды техникалық зерттеу', ru: 'Техническое исследование товаров', en: 'Technical research of goods' },
  status: 'active',
  effective: { from: VERSION_2012, to: ORDER_305_FROM },
  sources: [
    {
      act: {
        kk: 'ҚР Ұлттық қауіпсіздік комитеті Төрағасының «"Жедел іздестіру іс-шараларын жүргізу үшін тауарларды арнайы техникалық құралдарға жатқызу тұрғысынан техникалық зерттеу жүргізу" және "Тауарларды ақпаратты криптографиялық қорғау құралдарына жатқызу тұрғысынан техникалық зерттеу жүргізу" бойынша мемлекеттік қызмет көрсетулер регламенттерін бекіту туралы» бұйрығы',
        ru: 'Приказ Председателя КНБ РК «Об утверждении регламентов государственных услуг "Проведение технического исследования на предмет отнесения товаров к специальным техническим средствам для проведения оперативно-розыскных мероприятий" и "Проведение технического исследования на предмет отнесения товаров к средствам криптографической защиты информации"»',
        en: 'Order of the KNB Chairman "On approval of the regulations of the state services on technical research on attributing goods to special technical means for operational-search activities and to cryptographic information protection means"',
      },
      number: '186',
      date: '2012-06-13',
      registered: 'Ministry of Justice of the Republic of Kazakhstan, 17.07.2012, No. 7795',
      effectiveFrom: VERSION_2012,
      effectiveTo: ORDER_305_FROM,
      repealedBy: 'Order of the KNB Chairman No. 305 of 15.09.2014, §2 (in force 10 calendar days after its first official publication)',
      ref: s000(
        'L1-45',
        'header; p.4 of the order',
        'In force 10 calendar days after first official publication (L43-44); the publication date is not in the seed, so 28.07.2012 (registration 17.07.2012 + 10 days) is the earliest possible date. Repealed by order No. 305 (L11-16; seed 001 L53-61), which applies from 24.10.2014. Legal basis: Budget Code art. 34 and the Law "On administrative procedures" of 27.11.2000 art. 9-1 (L17-20).',
      ),
    },
    {
      act: {
        kk: 'Қазақстан Республикасы Президентінің «"Жедел іздестіру іс-шараларын жүргізу үшін тауарларды арнайы техникалық құралдарға жатқызу тұрғысынан техникалық зерттеу жүргізу" және "Тауарларды ақпаратты криптографиялық қорғау құралдарына жатқызу тұрғысынан техникалық зерттеу жүргізу" мемлекеттік қызмет көрсетулер стандарттарын бекіту туралы» Жарлығы',
        ru: 'Указ Президента Республики Казахстан об утверждении стандартов государственных услуг по проведению технического исследования товаров (текста нет в сидах)',
        en: 'Decree of the President approving the standards of the two technical-research services (text not in the seeds)',
      },
      number: '116',
      date: '2011-07-05',
      ref: s000('L95-103, L389-397', 'p.3', 'The Standard: terms (point 7), place and schedule (point 9), documents (point 11), subdivisions (Annex 1), talon (Annex 2).'),
    },
    {
      act: {
        kk: 'Қазақстан Республикасы Үкіметінің «Жеке және заңды тұлғаларға көрсетілетін мемлекеттік қызметтердің тізілімін бекіту туралы» қаулысы',
        ru: 'Постановление Правительства Республики Казахстан «Об утверждении реестра государственных услуг, оказываемых физическим и юридическим лицам»',
        en: 'Government decree "On approval of the register of state services provided to individuals and legal entities"',
      },
      number: '745',
      date: '2010-07-20',
      ref: s000('L115-118, L407-410', 'p.5'),
    },
    {
      act: {
        kk: '«Қазақстан Республикасының Ұлттық қауіпсіздік органдары туралы» Қазақстан Республикасының Заңы',
        ru: 'Закон Республики Казахстан «Об органах национальной безопасности Республики Казахстан»',
        en: 'Law of the Republic of Kazakhstan "On national security bodies of the Republic of Kazakhstan"',
      },
      number: '—',
      date: '1995-12-21',
      ref: s000('L108-110, L400-402', 'p.5', 'The law\'s number is not in the seed.'),
    },
    {
      act: {
        kk: '«Әкімшілік рәсімдер туралы» Қазақстан Республикасының Заңы (9-1-бабы)',
        ru: 'Закон Республики Казахстан «Об административных процедурах» (статья 9-1)',
        en: 'Law of the Republic of Kazakhstan "On administrative procedures" (Art. 9-1)',
      },
      number: '—',
      date: '2000-11-27',
      ref: s000('L17-20, L58-62, L351-356', 'preamble; p.1', 'The law\'s number is not in the seed.'),
    },
  ],
  provider: knb,
  channels: ['provider_office'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles: roles2012,
  refusalGrounds: grounds2012,
  exhaustiveGrounds: true,
  subcases: [research2012(STM_2012), research2012(CIPM_2012)],
  result: {
    document: {
      kk: 'Тауарларды арнайы техникалық құралдарға (ақпаратты криптографиялық қорғау құралдарына) жатқызу тұрғысынан техникалық зерттеудің қорытындысы (қағаз түрінде)',
      ru: 'Заключение по техническому исследованию на предмет отнесения товаров к специальным техническим средствам (средствам криптографической защиты информации), на бумажном носителе',
      en: 'Conclusion of the technical research on attributing goods to special technical means (cryptographic information protection means), on paper',
    },
    refusal: {
      kk: 'Қызмет көрсетуден бас тартудың дәлелді жауабы',
      ru: 'Мотивированный ответ об отказе в оказании услуги',
      en: 'Reasoned response refusing the service',
    },
    registry: RESULT_REGISTRY,
    numberPrefix: RESULT_PREFIX,
  },
  interpretations: [
    {
      topic: 'Version dates (2012)',
      readings: [
        'Order No. 186 takes effect 10 calendar days after its first official publication (p.4, L43-44); the publication date is not in the seed.',
        'Order No. 305 repealed it (§2) from its own entry into force, 24.10.2014 at the earliest.',
      ],
      chosen: 'version and effective.from 2012-07-28 (registration 17.07.2012, at the earliest published the same day, plus 10 calendar days); effective.to 2014-10-24 (exclusive), the from of the 2014 version. status "active" so that cases started in the period remain runnable on it; the repeal is in the sources.',
      refs: [s000('L8-16, L43-44', 'header; p.4'), s001('L53-61, L72-73', '§2, §5')],
    },
    {
      topic: 'Sub-cases across versions',
      readings: [
        '2012: two services, one per kind of goods (Annex 1 STS, Annex 2 CIPM), with different research terms (4 / 8 working days) and minutes.',
        '2014: one service "on attributing goods to CIPM and STS" with one procedure and no distinction by kind of goods.',
      ],
      chosen: '2012 sub-cases special_technical_means and cryptographic_means; both map to the 2014 sub-case research. A case started on 2012 keeps its sub-case and version to the end.',
      refs: [s000('L21-30', 'p.1'), s001('L53-61, L1151-1155', '§2; Appendix 6 title')],
    },
    ...interpretations2012,
  ],
});

// =============================================================================================
// The 2014 version: regulation 6 of order No. 305.

const R14 = {
  appendix: 'L1145-1347',
  title: 'L1151-1155',
  p1: 'L1159-1172',
  p1Channels: 'L1173-1176',
  p2: 'L1177-1178',
  p3: 'L1179-1184',
  p4: 'L1190-1194',
  p5_1: 'L1197',
  p5_2: 'L1198-1199',
  p5_3: 'L1200-1203',
  p5NoSample: 'L1207-1208',
  p5Sample: 'L1209-1210',
  p5SampleTerm: 'L1211-1214',
  p5_4: 'L1215-1217',
  p5_5: 'L1218-1219',
  p6: 'L1220-1232',
  p7: 'L1238-1243',
  p8_1: 'L1249-1252',
  p8_2: 'L1253-1254',
  p8_3: 'L1255-1261',
  p8SampleTerm: 'L1262-1265',
  p8_4: 'L1266-1268',
  p8_5: 'L1269-1271',
  p9: 'L1277-1302',
  p9Windows: 'L1295-1297',
  p10_1: 'L1305-1307',
  p10_2: 'L1308-1310',
  p10_3: 'L1311-1318',
  p10SampleTerm: 'L1319-1320',
  p10_4: 'L1321-1323',
  p10Deliver: 'L1324-1325',
};

const draftConclusion = { id: 'draft_conclusion', label: { kk: 'Қорытынды жобасы', ru: 'Проект заключения', en: 'Draft conclusion' }, next: 'sign', decision: 'approve' as const };

const steps2014: StepInput[] = [
  registerStep({ term: s001(`${R14.p5_1}, ${R14.p8_1}, ${R14.p10_1}`, '§5(1), §8(1), §10(1)', 'в день поступления'), step: s001(R14.p5_1, '§5(1)') }),
  assignStep({ term: s001(`${R14.p5_2}, ${R14.p8_2}, ${R14.p10_2}`, '§5(2), §8(2), §10(2)', 'в день поступления'), step: s001(R14.p5_2, '§5(2)') }),
  {
    id: 'review',
    role: 'executor',
    action: {
      kk: 'Өтінішті қарау, тауар үлгісін ұсыну туралы хабарламаны (қажет болған жағдайда) және мемлекеттік қызмет көрсету нәтижесінің жобасын қалыптастыру',
      ru: 'Рассмотрение заявления, формирование уведомления о предоставлении образца товара (в случае необходимости) и проекта результата оказания государственной услуги',
      en: 'Review the application, form the notice requesting a sample of the goods (if necessary) and draft the result',
    },
    term: {
      duration: { amount: 5, unit: 'working_days', ref: s001(`${R14.p5NoSample}, ${R14.p8_3}, ${R14.p10_3}`, '§5(3), §8(3), §10(3)', 'в течение 5 рабочих дней (в случае отсутствия необходимости предоставления образца товара)') },
      from: 'step_start',
    },
    outcomes: [
      draftConclusion,
      {
        id: 'sample_required',
        label: { kk: 'Тауар үлгісін ұсыну туралы хабарлама қалыптастырылды', ru: 'Сформировано уведомление о предоставлении образца товара', en: 'Notice requesting a sample of the goods formed' },
        next: 'sample_research',
        extendsTerm: [{ amount: 30, unit: 'calendar_days', ref: s001(`${R14.p5Sample}, ${R14.p8_3}, ${R14.p10_3}`, '§5(3), §8(3), §10(3)', 'в течение 30 календарных дней со дня предоставления образца товара') }],
      },
    ],
    ref: s001(`${R14.p5_3}, ${R14.p8_3}, ${R14.p10_3}`, '§5(3), §8(3), §10(3)'),
  },
  {
    id: 'sample_research',
    role: 'executor',
    action: {
      kk: 'Ұсынылған тауар үлгісін зерттеу және мемлекеттік қызмет көрсету нәтижесінің жобасын қалыптастыру',
      ru: 'Исследование представленного образца товара и формирование проекта результата оказания государственной услуги',
      en: 'Research the submitted sample of the goods and draft the result',
    },
    term: {
      duration: {
        amount: 30,
        unit: 'calendar_days',
        ref: s001(`${R14.p5Sample}, ${R14.p8_3}, ${R14.p10_3}`, '§5(3), §8(3), §10(3)', 'в течение 30 календарных дней со дня предоставления образца товара: counted from the notice, the wait for the sample not counted (pause `sample`)'),
      },
      from: 'step_start',
    },
    outcomes: [draftConclusion],
    ref: s001(`${R14.p5Sample}, ${R14.p8_3}, ${R14.p10_3}`, '§5(3), §8(3), §10(3)'),
  },
  {
    id: 'sign',
    role: 'head_of_provider',
    action: {
      kk: 'Көрсетілетін қызметті берушінің басшысының нәтижеге ол қалыптастырылған күні ЭЦҚ-мен қол қоюы',
      ru: 'Формирование (подписание) результата руководителем услугодателя с ЭЦП в день формирования проекта результата',
      en: 'Sign the result with the EDS of the head of the provider on the day the draft is formed',
    },
    term: {
      duration: { amount: 0, unit: 'same_day', ref: s001(`${R14.p5_4}, ${R14.p8_4}, ${R14.p10_4}`, '§5(4), §8(4), §10(4)', 'в день формирования проекта результата оказания государственной услуги') },
      from: 'step_start',
    },
    outcomes: [{ id: 'signed', label: { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' }, next: toApplicant }],
    ref: s001(`${R14.p5_4}, ${R14.p6}, ${R14.p8_4}, ${R14.p10_4}`, '§5(4), §6(4), §8(4), §10(4)'),
  },
  deliverStep({ term: s001(`${R14.p5_5}, ${R14.p10Deliver}`, '§5(5), §10', 'в день подписания; автоматически направляется в «личный кабинет»'), step: s001(R14.p10Deliver, '§10') }),
  dispatchStep({ term: s001(`${R14.p5_5}, ${R14.p8_5}`, '§5(5), §8(5)', 'в день подписания … нарочно либо через почту'), step: s001(`${R14.p6}, ${R14.p8_5}`, '§6(5), §8(5)') }),
];

const version2014: ServiceDefinition = defineService({
  id: ID,
  version: ORDER_305_FROM,
  name: {
    kk: 'Тауарларды ақпаратты криптографиялық қорғау құралдарына және жедел-іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдарға жатқызу тұрғысынан техникалық зерттеу жүргізу',
    ru: 'Проведение технического исследования на предмет отнесения товаров к средствам криптографической защиты информации и специальным техническим средствам, предназначенным для проведения оперативно-розыскных мероприятий',
    en: 'Technical research on attributing goods to cryptographic information protection means and to special technical means intended for operational-search activities',
  },
  shortName: { kk: 'Тауарларды техникалық зерттеу', ru: 'Техническое исследование товаров', en: 'Technical research of goods' },
  status: 'active',
  effective: { from: ORDER_305_FROM },
  sources: [order305Source(6, R14.appendix), decree600Source(R14.p1), lawOnStateServices],
  provider: knb,
  channels: ['portal', 'provider_office'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles: order305Roles,
  refusalGrounds: [],
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'research',
      name: { kk: 'Техникалық зерттеу жүргізу', ru: 'Проведение технического исследования', en: 'Technical research' },
      term: {
        duration: {
          amount: 5,
          unit: 'working_days',
          ref: s001(`${R14.p5NoSample}, ${R14.p5_1}, ${R14.p5_2}, ${R14.p5_4}`, '§5', 'Derived: registration and assignment on the day of receipt, the executor\'s 5 working days, the signature on the day of the draft; a sample extends it by 30 calendar days (see interpretations).'),
        },
        from: 'received',
      },
      fields: [],
      documents: [
        {
          id: 'application',
          when: onPaper,
          name: { kk: 'Өтініш', ru: 'Заявление', en: 'Application' },
          ref: s001(R14.p4, '§4', 'The application and other documents of §9 of the Standard (decree No. 600, not in the seeds). On the portal the signed request is the form itself (§9).'),
        },
        {
          id: 'supply_contracts',
          required: false,
          name: {
            kk: 'Тауарды жеткізуге арналған келісімшарттар (шарттар) туралы ақпарат (болған жағдайда)',
            ru: 'Информация о контрактах (договорах) на поставку товара (при наличии)',
            en: 'Information on contracts (agreements) for the supply of the goods (if any)',
          },
          ref: s001(R14.p9Windows, '§9 window 1', 'при наличии'),
        },
        {
          id: 'technical_documentation',
          name: { kk: 'Тауарға техникалық құжаттама', ru: 'Техническая документация на товар', en: 'Technical documentation on the goods' },
          ref: s001(R14.p9Windows, '§9 window 2'),
        },
      ],
      fee: { kind: 'free', ref: s001(R14.p9, '§9', 'No payment window on the portal (the licences of Appendices 1–3 have one); the predecessor was free (seed 000 L139, L432). The Standard is not in the seeds.') },
      firstStep: 'register',
      steps: steps2014,
      pauses: [
        {
          id: 'sample',
          name: { kk: 'Тауар үлгісін ұсыну', ru: 'Предоставление образца товара', en: 'Provide a sample of the goods' },
          atSteps: ['sample_research'],
          role: 'executor',
          applicantTerm: {
            amount: 5,
            unit: 'calendar_days',
            ref: s001(`${R14.p5SampleTerm}, ${R14.p8SampleTerm}, ${R14.p10SampleTerm}`, '§5(3), §8(3), §10(3)', '5 календарных дней с момента получения уведомления (при обращении к услугодателю) или с момента поступления уведомления в «личный кабинет» (портал)'),
          },
          ref: s001(`${R14.p5SampleTerm}, ${R14.p8SampleTerm}, ${R14.p10SampleTerm}`, '§5(3), §8(3), §10(3)'),
        },
      ],
    },
  ],
  result: {
    document: {
      kk: 'Тауарларды ақпаратты криптографиялық қорғау құралдарына және жедел-іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдарға жатқызу тұрғысынан техникалық зерттеу бойынша қорытынды',
      ru: 'Заключение по техническому исследованию на предмет отнесения товаров к средствам криптографической защиты информации и специальным техническим средствам, предназначенным для проведения оперативно-розыскных мероприятий',
      en: 'Conclusion of the technical research on attributing goods to cryptographic information protection means and special technical means intended for operational-search activities',
    },
    refusal: {
      kk: 'Қызмет көрсетуден бас тарту туралы дәлелді жауап (регламентте көзделмеген)',
      ru: 'Мотивированный отказ (регламентом не предусмотрен)',
      en: 'Motivated refusal (not provided for by the regulation)',
    },
    registry: RESULT_REGISTRY,
    numberPrefix: RESULT_PREFIX,
  },
  interpretations: [
    {
      topic: 'Which acts make up this version (2014)',
      readings: [
        'Procedure: seed 001 regulation 6 (order No. 305). It implements the Standard of Government decree No. 600 of 31.05.2014, not in the seeds.',
        'No standard text for this service is in any seed (seed 003 has no technical-research standard).',
      ],
      chosen: 'Everything from the regulation. Where the Standard would speak (overall term, documents, fee, refusal grounds), the entries below say what was chosen.',
      refs: [s001(`${R14.p1}, ${R14.p4}`, '§1, §4')],
    },
    {
      topic: 'Version dates and status (2014)',
      readings: [
        'Order No. 305 applies 10 calendar days after its first publication (date not in the seed); its §2 repealed order No. 186.',
        'Order No. 305 was itself repealed by order No. 43 of 27.05.2015 (in force 21 calendar days after publication, date not in the seed).',
      ],
      chosen: 'version and effective.from 2014-10-24 (as every order No. 305 service), no effective.to, status "active" as in the reference module. The 2012 version ends the day before.',
      refs: [s001('L5-13, L53-61, L72-73', 'header; §2; §5')],
    },
    {
      topic: 'Sub-cases across versions',
      readings: [
        '2012: two services, one per kind of goods (STS, CIPM).',
        '2014: one service covering both kinds, one procedure (§5), one portal request (§9).',
      ],
      chosen: 'One sub-case research; the 2012 sub-cases special_technical_means and cryptographic_means both map to it. No field for the kind of goods: the regulation asks for none, and its conclusion covers both attributions.',
      refs: [s001(`${R14.title}, ${R14.p9Windows}`, 'title; §9'), s001('L53-61', '§2')],
    },
    {
      topic: 'Executor terms with and without a sample',
      readings: [
        '§5(3): the executor reviews, forms the notice requesting a sample "if necessary" and drafts the result within 5 working days without a sample; within 30 calendar days from the day the sample is provided when one is needed.',
        'No deadline is given for the notice itself.',
      ],
      chosen:
        'review (5 working days from the step start) with outcomes draft_conclusion → sign and sample_required → sample_research; the notice is therefore formed within the 5 working days. sample_research runs 30 calendar days from its start, and the pause `sample` (opened there when the notice is sent) moves it by the calendar days of the wait, so it ends 30 calendar days after the day the sample is provided.',
      refs: [s001(`${R14.p5NoSample}, ${R14.p5Sample}`, '§5(3)')],
    },
    {
      topic: 'Sample of the goods (2014): counted or not, consequence',
      readings: [
        'Unlike regulations 4 and 5, §5(3) has no sentence "this term is not included in the term of the service"; but the 30 days count from the day the sample is provided, so the wait lies outside them.',
        'The applicant has 5 calendar days from receiving the notice (paper) or from its arrival in the personal cabinet (portal). Nothing is said of what happens if no sample arrives.',
      ],
      chosen: 'Pause `sample` at sample_research, opened by the executor, applicantTerm 5 calendar days, no onExpiry (the regulation names no consequence and no refusal). The engine counts the applicant term from the opening of the pause on every channel (exact for the portal).',
      refs: [s001(`${R14.p5SampleTerm}, ${R14.p10SampleTerm}`, '§5(3), §10(3)')],
    },
    {
      topic: 'Overall term (2014)',
      readings: [
        'The Standard (decree No. 600) sets it; not in the seeds.',
        'The regulation: without a sample 5 working days (registration, assignment, signature and dispatch on the same days); with a sample 30 calendar days from the day it is provided.',
        'One figure for the sub-case cannot cover both paths: 30 calendar days would tell every applicant a date a month out; 5 working days would be exceeded whenever a sample is needed.',
      ],
      chosen:
        '5 working days from received; the outcome sample_required extends it by 30 calendar days (extendsTerm), and the sample wait is not counted. Without a sample this is exact. With a sample it is an upper bound: sample_research itself ends 30 calendar days after the day the sample is provided, the overall term 30 calendar days after the end of the (paused) 5 working days.',
      configurable: 'The extension on sample_required.',
      refs: [s001(`${R14.p5NoSample}, ${R14.p5Sample}, ${R14.p5_4}`, '§5(3), §5(4)')],
    },
    {
      topic: 'No refusal',
      readings: [
        '§3: the result is the conclusion of the technical research; unlike regulations 1–5 no motivated refusal is named. The personal-cabinet marks (§9) still mention "refusal of consideration".',
        'The Standard (not in the seeds) may list refusal grounds.',
      ],
      chosen: 'refusalGrounds empty with exhaustiveGrounds: the conclusion itself states whether the goods are attributed to CIPM or STS. A refusal needs the Standard\'s grounds.',
      refs: [s001(`${R14.p3}, ${R14.p9}`, '§3, §9')],
    },
    {
      topic: 'Channels and the form of the result (2014)',
      readings: [
        '§1: applications are received and results issued by the KNB Special Information Service, also through the portal. §2: electronic (partially automated) and/or paper; the result electronic and/or paper.',
        'Mail is not named for receiving applications (the paper result goes by hand or post, §8(5)).',
      ],
      chosen: 'Channels portal and provider_office. The portal result goes into the personal cabinet (deliver), the paper result by hand or post (dispatch).',
      refs: [s001(`${R14.p1Channels}, ${R14.p2}, ${R14.p3}, ${R14.p8_5}, ${R14.p10Deliver}`, '§1, §2, §3, §8(5), §10')],
    },
    {
      topic: 'Documents and form fields (2014)',
      readings: [
        '§4: the application and other documents of §9 of the Standard (not in the seeds).',
        '§9: on the portal the applicant fills two windows: information on contracts for the supply of the goods (if any) and the technical documentation on the goods; the portal fills in the applicant\'s data.',
      ],
      chosen: 'Documents: the application (paper), supply_contracts (optional) and technical_documentation; no form fields beyond the applicant\'s data, which the platform knows.',
      refs: [s001(`${R14.p4}, ${R14.p9Windows}`, '§4, §9')],
    },
    {
      topic: 'Fee (2014)',
      readings: ['The regulation says nothing of a fee; the portal request has no payment window (the licences of regulations 1–3 have one).', 'Order No. 186 provided the service free of charge.'],
      chosen: 'free.',
      refs: [s001(R14.p9, '§9'), s000('L139, L432', 'p.10')],
    },
    {
      topic: 'Applicant kinds (2014)',
      readings: ['The regulation does not name the recipients; order No. 186 served individuals and legal entities.'],
      chosen: 'individual, entrepreneur and legal_entity.',
      refs: [s000('L92-94, L386-388', 'p.2')],
    },
    {
      topic: 'Kazakh name (2014)',
      readings: ['The 2014 regulation is in Russian only; the seeds hold the Kazakh names of the two 2012 services.'],
      chosen: 'The Kazakh name is translated from the Russian title with the 2012 regulations\' vocabulary.',
      refs: [s001(R14.title, 'title'), s000('L51-53, L344-346', 'titles')],
    },
  ],
});

/** The versions of the service, by effective date: order No. 186 (2012), then order No. 305 (2014). */
export const technicalResearch: ServiceDefinition[] = [version2012, version2014];
export { version2012 as technicalResearch2012, version2014 as technicalResearch2014 };

export default technicalResearch;
