// Shared structure of the KNB conclusions under order No. 305 of 15.09.2014 (seed 001):
// - the five-step skeleton every regulation of that order follows (register and assign on the
//   day of receipt, the executor's review, the head's signature, delivery to the personal cabinet
//   or dispatch by hand or post on the day of signing), with its roles and legal sources;
// - `importExportConclusion`, the builder of the two import/export conclusions (regulations 4
//   and 5 of order No. 305 with standards 4 and 5 of Government decree No. 50 of 29.01.2013,
//   seed 003). Those two regulations are identical except for the object (special technical means
//   vs encryption means); their standards differ in the documents (a licence for temporary import
//   vs the technical-research conclusion for import for own needs), the Regulation paragraph cited
//   and the wording of two refusal grounds. Each module passes those differences and its line refs.
//
// `seed` in every ref is the seed file number; `lines` are lines of that file.
import { defineService, type ServiceDefinition, type ServiceDefinitionInput, type SourceRef, type Text } from '../../core/regulation.ts';
import { knb } from '../providers/knb.ts';

export type SubCaseInput = ServiceDefinitionInput['subcases'][number];
export type StepInput = SubCaseInput['steps'][number];
export type FieldInput = NonNullable<SubCaseInput['fields']>[number];
export type DocumentInput = NonNullable<SubCaseInput['documents']>[number];
export type LegalSourceInput = ServiceDefinitionInput['sources'][number];
export type InterpretationInput = NonNullable<ServiceDefinitionInput['interpretations']>[number];
export type RoleInput = ServiceDefinitionInput['roles'][number];
export type GroundInput = ServiceDefinitionInput['refusalGrounds'][number];

const ref = (seed: string) => (lines: string, paragraph: string, note?: string): SourceRef => ({ seed, lines, paragraph, ...(note ? { note } : {}) });
/** Seed 000: KNB order No. 186 of 13.06.2012 (Kazakh). */
export const s000 = ref('000');
/** Seed 001: KNB order No. 305 of 15.09.2014 (Russian). */
export const s001 = ref('001');
/** Seed 003: Government decree No. 50 of 29.01.2013 (Kazakh). */
export const s003 = ref('003');

/** The date order No. 305 can apply from: registration 13.10.2014 + 10 calendar days after publication (§5, L72–73). */
export const ORDER_305_FROM = '2014-10-24';

export const PAPER = ['provider_office', 'mail'] as const;
export const onPaper = { channels: [...PAPER] };
export const onPortal = { channels: ['portal' as const] };
export const ENTITY = { applicantKinds: ['legal_entity' as const] };
/** Individuals, entrepreneurs included (an individual entrepreneur is an individual). */
export const PERSON = { applicantKinds: ['individual' as const, 'entrepreneur' as const] };
/** After the head signs: the portal delivers into the personal cabinet, paper goes out by hand or post. */
export const toApplicant = [
  { when: onPortal, step: 'deliver' },
  { when: onPaper, step: 'dispatch' },
];

// ---------------------------------------------------------------------------------------------
// Legal sources shared by the order No. 305 services.

export function order305Source(appendix: number, lines: string): LegalSourceInput {
  return {
    act: {
      kk: `ҚР Ұлттық қауіпсіздік комитеті Төрағасының «Қазақстан Республикасы Ұлттық қауіпсіздік комитеті көрсететін мемлекеттік қызметтердің регламенттерін бекіту туралы» бұйрығы (${appendix}-қосымша)`,
      ru: `Приказ Председателя КНБ РК «Об утверждении регламентов государственных услуг, оказываемых Комитетом национальной безопасности Республики Казахстан» (приложение ${appendix})`,
      en: `Order of the KNB Chairman "On approval of the regulations of state services rendered by the National Security Committee" (Appendix ${appendix})`,
    },
    number: '305',
    date: '2014-09-15',
    registered: 'Ministry of Justice of the Republic of Kazakhstan, 13.10.2014, No. 9790',
    effectiveFrom: ORDER_305_FROM,
    repealedBy: 'Order of the KNB Chairman No. 43 of 27.05.2015 (in force 21 calendar days after its first official publication)',
    ref: s001(
      `L1-15, L72-73, ${lines}`,
      `§5 of the order; Appendix ${appendix}`,
      'In force 10 calendar days after first official publication; the publication date is not in the seed, so 24.10.2014 (registration 13.10.2014 + 10 days) is the earliest possible date. The repeal date (order No. 43 + 21 days) is not in the seed: no effectiveTo.',
    ),
  };
}

export function decree600Source(lines: string): LegalSourceInput {
  return {
    act: {
      kk: 'Қазақстан Республикасы Үкіметінің мемлекеттік қызмет стандарттарын бекіту туралы қаулысы (регламент негізделген Стандарт; мәтіні сидтерде жоқ)',
      ru: 'Постановление Правительства РК об утверждении стандартов государственных услуг (Стандарт, на котором основан регламент; текста нет в сидах)',
      en: 'Government decree approving the state-service standards that the regulation implements (text not in the seeds)',
    },
    number: '600',
    date: '2014-05-31',
    ref: s001(lines, '§1', 'The regulation cites the Standard of decree No. 600 of 31.05.2014; its text is not in the seeds.'),
  };
}

export const lawOnStateServices: LegalSourceInput = {
  act: {
    kk: '«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының Заңы (10-бабының 2) тармақшасы)',
    ru: 'Закон Республики Казахстан «О государственных услугах» (подпункт 2) статьи 10)',
    en: 'Law of the Republic of Kazakhstan "On state services" (Art. 10, subparagraph 2)',
  },
  number: '—',
  date: '2013-04-15',
  ref: s001('L14-15', 'preamble', 'The legal basis of order No. 305; the law\'s number is not in the seed.'),
};

// ---------------------------------------------------------------------------------------------
// Roles of the order No. 305 regulations (§7: chancellery, head of the provider, head of the
// licensing department, executor), the applicant and the portal.

export const order305Roles: RoleInput[] = [
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

// ---------------------------------------------------------------------------------------------
// The skeleton steps of order No. 305 (§5(1), §5(2), §5(5), §8, §10 of every regulation).

const SIGNED = { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' };

export function registerStep(r: { term: SourceRef; step: SourceRef }): StepInput {
  return {
    id: 'register',
    role: 'chancellery',
    action: {
      kk: 'Өтінішті көрсетілетін қызметті берушінің кеңсесінде тіркеу (тіркеу мөрі, түскен күні және кіріс нөмірі)',
      ru: 'Регистрация заявления в канцелярии услугодателя (регистрационный штамп с датой поступления и входящим номером)',
      en: 'Register the application in the chancellery (registration stamp with the date of receipt and the incoming number)',
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: r.term }, from: 'received' },
    outcomes: [{ id: 'registered', label: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' }, next: 'assign', mark: 'registered' }],
    ref: r.step,
  };
}

export function assignStep(r: { term: SourceRef; step: SourceRef }): StepInput {
  return {
    id: 'assign',
    role: 'head_of_licensing',
    action: {
      kk: 'Лицензиялау басқармасының басшысының өтінішті қарауы және орындаушыны айқындауы',
      ru: 'Рассмотрение заявления руководителем управления лицензирования и определение исполнителя',
      en: 'Consider the application and assign the executor',
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: r.term }, from: 'received' },
    outcomes: [
      { id: 'assigned', label: { kk: 'Орындаушы айқындалды', ru: 'Исполнитель определён', en: 'Executor assigned' }, next: 'review', assigns: 'executor', mark: 'in_execution' },
    ],
    ref: r.step,
  };
}

export function deliverStep(r: { term: SourceRef; step: SourceRef }): StepInput {
  return {
    id: 'deliver',
    role: 'portal',
    automatic: true,
    action: {
      kk: 'Нәтижені алушының «жеке кабинетіне» автоматты түрде жіберу',
      ru: 'Автоматическое направление результата в «личный кабинет» услугополучателя',
      en: "Deliver the result into the applicant's personal cabinet",
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: r.term }, from: 'step_start' },
    outcomes: [{ id: 'delivered', label: { kk: 'Жеке кабинетке жеткізілді', ru: 'Доставлено в личный кабинет', en: 'Delivered to the personal cabinet' }, next: 'end', signed: false }],
    ref: r.step,
  };
}

export function dispatchStep(r: { term: SourceRef; step: SourceRef }): StepInput {
  return {
    id: 'dispatch',
    role: 'chancellery',
    action: {
      kk: 'Нәтижені қол қойылған күні алушының мекенжайына қолма-қол не пошта арқылы жіберу (ілеспе хат немесе хат-хабарды беру тізіліміндегі белгі)',
      ru: 'Направление результата услугополучателю нарочно либо через почту в день подписания (сопроводительное письмо или отметка в реестре передачи корреспонденции)',
      en: 'Send the result to the applicant by hand or by post on the day of signing (cover letter or mark in the correspondence register)',
    },
    term: { duration: { amount: 0, unit: 'same_day', ref: r.term }, from: 'step_start' },
    outcomes: [{ id: 'dispatched', label: { kk: 'Жіберілді', ru: 'Направлено', en: 'Dispatched' }, next: 'end' }],
    ref: r.step,
  };
}

/** The head of the provider signs the result (conclusion or motivated refusal) with EDS. */
export function signStep(o: { id?: string; term: StepInput['term']; ref: SourceRef; action?: Text }): StepInput {
  return {
    id: o.id ?? 'sign',
    role: 'head_of_provider',
    action: o.action ?? {
      kk: 'Көрсетілетін қызметті берушінің басшысының нәтижеге ЭЦҚ-мен қол қоюы',
      ru: 'Формирование (подписание) результата руководителем услугодателя с ЭЦП',
      en: 'Sign the result with the EDS of the head of the provider',
    },
    term: o.term,
    outcomes: [{ id: 'signed', label: SIGNED, next: toApplicant }],
    ref: o.ref,
  };
}

// ---------------------------------------------------------------------------------------------
// The import/export conclusion (regulations 4 and 5; standards 4 and 5).

/** Line refs of one conclusion: `r*` lines of seed 001 (its regulation), `s*` lines of seed 003 (its standard). */
export interface ConclusionRefs {
  rAppendix: string;
  rTitle: string;
  r1: string;
  r1Channels: string;
  r2: string;
  r3: string;
  r5_1: string;
  r5_2: string;
  r5_3: string;
  r5Samples: string;
  r5_4: string;
  r5_5: string;
  r6: string;
  r7: string;
  r8_1: string;
  r8_2: string;
  r8_3: string;
  r8Samples: string;
  r8_4: string;
  r8_5: string;
  r9: string;
  r9Windows: string;
  r10_1: string;
  r10_2: string;
  r10_3: string;
  r10Samples: string;
  r10_4: string;
  r10Deliver: string;
  sStandard: string;
  sHeading: string;
  s1: string;
  s3: string;
  s5: string;
  s5Paper: string;
  s6: string;
  s7Total: string;
  s7Norms: string;
  s7Completeness: string;
  s8: string;
  s9: string;
  s11Application: string;
  s11Identity: string;
  s11Registration: string;
  s11Contract: string;
  s11TechDoc: string;
  s11Fetched: string;
  s11Originals: string;
  s11PortalRequest: string;
  s11PortalContract: string;
  s11PortalTechDoc: string;
  s11PortalFetched: string;
  s13: string;
  s14: string;
  s15: string;
  s16_1: string;
  s16_2: string;
  s16_3: string;
  s16_4: string;
  s21: string;
  sFootnote: string;
  sAnnex1: string;
  sAnnex4: string;
  sAnnex4Basis: string;
  sAnnex4Table: string;
  sAnnex4Contract: string;
  sAnnex4TechDoc: string;
  sAnnex4Applicant: string;
  sAnnex4Preparer: string;
}

export interface ImportExportSpec {
  id: string;
  /** Appendix of order No. 305 and standard number of decree No. 50 (the same number: 4 or 5). */
  number: 4 | 5;
  name: Text;
  shortName: Text;
  refs: ConclusionRefs;
  /** The Customs Union Regulation paragraph the application states its basis under (7 or 8). */
  regulationParagraph: '7' | '8';
  /** The Customs Union Regulation (EurAsEC Interstate Council decision No. 19 of 27.11.2009), as this standard names it. */
  cuRegulation: Text;
  /** What the executor may ask the applicant for: the pause's name. */
  samples: Text;
  /** The executor's action, with the object of the regulation. */
  reviewAction: Text;
  /** Technical documentation on the object (§11(1)е / §11(1)г). */
  technicalDocumentation: Text;
  /** Heading of the Annex 4 table of items. */
  itemsTable: Text;
  /** Refusal grounds 2 and 3 of §16, worded for the object. */
  thirdCountryGround: Text;
  securityHarmGround: Text;
  /** Form fields and documents only this conclusion has. */
  extraFields: FieldInput[];
  extraDocuments: DocumentInput[];
  result: { document: Text; numberPrefix: string };
  extraInterpretations: InterpretationInput[];
}

export const SUBSTANTIVE_GROUNDS = ['third_country_restriction', 'security_harm', 'informatization_art40'] as const;
export const INCOMPLETE_GROUNDS = ['incomplete_documents', 'erroneous_copies'] as const;

/** The items table of Annex 4: five printed rows of name, model, factory No., serial No. and quantity. */
function itemFields(table: Text, lines: string): FieldInput[] {
  const columns: Array<{ key: string; type: 'text' | 'number'; label: Text }> = [
    { key: 'Name', type: 'text', label: { kk: 'бұйымның атауы', ru: 'наименование изделия', en: 'item name' } },
    { key: 'Model', type: 'text', label: { kk: 'моделі (үлгісі)', ru: 'модель', en: 'model' } },
    { key: 'FactoryNo', type: 'text', label: { kk: 'зауыт нөмірі', ru: 'заводской номер', en: 'factory No.' } },
    { key: 'SerialNo', type: 'text', label: { kk: 'сериялық нөмірі', ru: 'серийный номер', en: 'serial No.' } },
    { key: 'Quantity', type: 'number', label: { kk: 'саны', ru: 'количество', en: 'quantity' } },
  ];
  const out: FieldInput[] = [];
  for (let row = 1; row <= 5; row++) {
    for (const c of columns) {
      out.push({
        id: `item${row}${c.key}`,
        type: c.type,
        required: row === 1,
        ref: s003(lines, 'Annex 4', row === 1 ? 'Row 1 of the five printed rows: at least one item is declared.' : `Row ${row} of the five printed rows: filled when more items are declared.`),
        label: {
          kk: `${table.kk}: ${row}-жол, ${c.label.kk}`,
          ru: `${table.ru}: строка ${row}, ${c.label.ru}`,
          en: `${table.en}: row ${row}, ${c.label.en}`,
        },
      });
    }
  }
  return out;
}

export function importExportConclusion(spec: ImportExportSpec): ServiceDefinition {
  const R = spec.refs;
  const n = spec.number;
  const FORM = (lines: string, note?: string) => s003(lines, 'Annex 4', note);
  const NOTARIZED = `copy certified "Көшірмесі дұрыс" (footnote *, ${R.sFootnote}); originals shown are checked against state IS data and returned (${R.s11Originals})`;

  const refusalGrounds: GroundInput[] = [
    {
      id: 'incomplete_documents',
      text: {
        kk: 'Осы стандарттың 11-тармағына сәйкес талап етілетін барлық құжаттар ұсынылмаған (алушы кедергілерді жойған кезде өтініш жалпы негіздерде қаралады)',
        ru: 'Не представлены все документы, требуемые пунктом 11 стандарта (после устранения препятствий заявление рассматривается на общих основаниях)',
        en: 'Not all documents required by §11 of the standard were submitted (once the obstacles are removed the application is considered on general grounds)',
      },
      ref: s003(`${R.s16_1}, ${R.s7Completeness}`, '§16(1), §7', 'Checked within 2 working days of receipt; the refusal of further consideration is given in writing within that term (§7).'),
    },
    {
      id: 'erroneous_copies',
      text: {
        kk: 'Ұсынылған құжаттардың көшірмелері қате (өтінішті одан әрі қараудан бас тарту)',
        ru: 'Ошибочность копий представленных документов (отказ в дальнейшем рассмотрении заявления)',
        en: 'The copies of the submitted documents are erroneous (refusal of further consideration)',
      },
      ref: s003(R.s7Completeness, '§7'),
    },
    { id: 'third_country_restriction', text: spec.thirdCountryGround, ref: s003(R.s16_2, '§16(2)') },
    { id: 'security_harm', text: spec.securityHarmGround, ref: s003(R.s16_3, '§16(3)') },
    {
      id: 'informatization_art40',
      text: {
        kk: '«Ақпараттандыру туралы» 2007 жылғы 11 қаңтардағы Қазақстан Республикасы Заңының 40-бабымен көзделген негіздер бар',
        ru: 'Основания, предусмотренные статьёй 40 Закона Республики Казахстан от 11 января 2007 года «Об информатизации»',
        en: 'Grounds provided by Article 40 of the Law of the Republic of Kazakhstan of 11 January 2007 "On informatization"',
      },
      ref: s003(R.s16_4, '§16(4)'),
    },
  ];

  const review: StepInput = {
    id: 'review',
    role: 'executor',
    action: spec.reviewAction,
    term: { duration: { amount: 13, unit: 'calendar_days', ref: s001(`${R.r5_3}, ${R.r8_3}, ${R.r10_3}`, '§5(3), §8(3), §10(3)', 'в течение 13 календарных дней, from the moment the executor receives the package / request') }, from: 'step_start' },
    outcomes: [
      { id: 'draft_conclusion', label: { kk: 'Қорытынды жобасы', ru: 'Проект заключения', en: 'Draft conclusion' }, next: 'sign', decision: 'approve' },
      {
        id: 'draft_refusal',
        label: { kk: 'Дәлелді бас тарту жобасы', ru: 'Проект мотивированного отказа', en: 'Draft motivated refusal' },
        next: 'sign',
        decision: 'refuse',
        grounds: [...SUBSTANTIVE_GROUNDS],
      },
      {
        id: 'refuse_incomplete',
        label: {
          kk: 'Құжаттардың толық болмауы себебінен өтінішті одан әрі қараудан бас тарту',
          ru: 'Отказ в дальнейшем рассмотрении заявления ввиду неполноты документов',
          en: 'Refuse further consideration: incomplete documents or erroneous copies',
        },
        next: 'sign_refusal',
        decision: 'refuse',
        grounds: [...INCOMPLETE_GROUNDS],
        term: { duration: { amount: 2, unit: 'working_days', ref: s003(R.s7Completeness, '§7', 'екі жұмыс күні ішінде, from the moment the documents are received') }, from: 'received' },
      },
    ],
    ref: s001(`${R.r5_3}, ${R.r8_3}, ${R.r10_3}`, '§5(3), §8(3), §10(3)'),
  };

  const fields: FieldInput[] = [
    {
      id: 'direction',
      type: 'select',
      ref: FORM(R.sAnnex4Basis, '«әкелуге және/немесе әкетуге»: import and/or export.'),
      label: { kk: 'Әкелу және/немесе әкету', ru: 'Ввоз и (или) вывоз', en: 'Import and/or export' },
      options: [
        { value: 'import', label: { kk: 'Әкелу', ru: 'Ввоз', en: 'Import' } },
        { value: 'export', label: { kk: 'Әкету', ru: 'Вывоз', en: 'Export' } },
        { value: 'import_and_export', label: { kk: 'Әкелу және әкету', ru: 'Ввоз и вывоз', en: 'Import and export' } },
      ],
    },
    {
      id: 'basis',
      type: 'textarea',
      ref: FORM(R.sAnnex4Basis),
      label: {
        kk: `Ереженің ${spec.regulationParagraph}-тармағына сәйкес қорытындыны (рұқсат беретін құжатты) алу негізі`,
        ru: `Основание получения заключения (разрешительного документа) согласно пункту ${spec.regulationParagraph} Положения`,
        en: `Basis for obtaining the conclusion (permit document) under paragraph ${spec.regulationParagraph} of the Regulation`,
      },
    },
    {
      id: 'purpose',
      type: 'text',
      ref: FORM(R.sAnnex4Basis, '«_____ үшін»: for what (whom) the conclusion is requested.'),
      label: { kk: 'Не үшін (мақсаты)', ru: 'Для чего (цель)', en: 'For (purpose)' },
    },
    ...itemFields(spec.itemsTable, R.sAnnex4Table),
    {
      id: 'contractNumber',
      type: 'text',
      ref: FORM(R.sAnnex4Contract, `Portal window 1 (seed 001 ${R.r9Windows}).`),
      label: {
        kk: 'Сыртқы сауда келісімінің (келісімшарттың) немесе тараптардың ниеттерін растайтын өзге құжаттың нөмірі',
        ru: 'Номер внешнеторгового договора (контракта) или иного документа, подтверждающего намерения сторон',
        en: 'Number of the foreign-trade contract or other document confirming the parties\' intentions',
      },
    },
    {
      id: 'contractDate',
      type: 'date',
      ref: FORM(R.sAnnex4Contract),
      label: { kk: 'Сыртқы сауда келісімінің (келісімшарттың) күні', ru: 'Дата внешнеторгового договора (контракта)', en: 'Date of the foreign-trade contract' },
    },
    {
      id: 'contractSheets',
      type: 'number',
      required: false,
      when: onPaper,
      ref: FORM(R.sAnnex4Contract, 'Sheets of the paper copy.'),
      label: { kk: 'Келісімшарт көшірмесінің парақ саны', ru: 'Количество листов копии договора', en: 'Sheets of the contract copy' },
    },
    {
      id: 'technicalDocumentationSheets',
      type: 'number',
      required: false,
      when: onPaper,
      ref: FORM(R.sAnnex4TechDoc, 'Sheets of the paper documentation.'),
      label: { kk: 'Техникалық құжаттаманың парақ саны', ru: 'Количество листов технической документации', en: 'Sheets of the technical documentation' },
    },
    ...spec.extraFields,
    {
      id: 'applicantName',
      type: 'text',
      ref: FORM(R.sAnnex4Applicant, 'On the portal the applicant\'s data are filled in automatically (seed 001 §9).'),
      label: { kk: 'Өтініш беруші (атауы)', ru: 'Заявитель (наименование)', en: 'Applicant (name)' },
    },
    {
      id: 'legalForm',
      type: 'text',
      when: ENTITY,
      ref: FORM(R.sAnnex4Applicant),
      label: { kk: 'Ұйымдастырушылық-құқықтық нысаны', ru: 'Организационно-правовая форма', en: 'Legal form' },
    },
    {
      id: 'applicantAddress',
      type: 'textarea',
      ref: FORM(R.sAnnex4Applicant),
      label: { kk: 'Өтініш берушінің мекенжайы', ru: 'Адрес заявителя', en: "Applicant's address" },
    },
    {
      id: 'headFullName',
      type: 'text',
      when: ENTITY,
      ref: FORM(R.sAnnex4Applicant),
      label: { kk: 'Басшының тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество руководителя', en: "Head's full name" },
    },
    {
      id: 'preparerFullName',
      type: 'text',
      ref: FORM(R.sAnnex4Preparer),
      label: { kk: 'Өтінішті орындаған адамның тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество исполнителя заявления', en: 'Full name of the person who prepared the application' },
    },
    {
      id: 'preparerPhone',
      type: 'phone',
      ref: FORM(R.sAnnex4Preparer),
      label: { kk: 'Өтінішті орындаған адамның байланыс телефоны', ru: 'Контактный телефон исполнителя заявления', en: 'Phone of the person who prepared the application' },
    },
  ];

  const documents: DocumentInput[] = [
    {
      id: 'application',
      when: onPaper,
      name: { kk: 'Белгіленген нысандағы өтініш (4-қосымша)', ru: 'Заявление по установленной форме (приложение 4)', en: 'Application in the prescribed form (Annex 4)' },
      ref: s003(R.s11Application, '§11(1)а', `On the portal the request signed with the applicant's EDS (§11(2)а, ${R.s11PortalRequest}) is the form itself.`),
    },
    {
      id: 'identity_card',
      when: PERSON,
      obtainedByProvider: true,
      name: { kk: 'Қазақстан Республикасы азаматының жеке куәлігі', ru: 'Удостоверение личности гражданина Республики Казахстан', en: 'Identity card of a citizen of Kazakhstan' },
      ref: s003(`${R.s11Identity}, ${R.s11Fetched}, ${R.s11PortalFetched}`, '§11(1)б, §11(2)б', 'The KNB obtains the data from state IS through the portal.'),
    },
    {
      id: 'legal_entity_registration',
      when: ENTITY,
      obtainedByProvider: true,
      name: {
        kk: 'Заңды тұлға ретінде мемлекеттік тіркелгені туралы куәлік (Қазақстан Республикасында тіркелген заңды тұлғалар үшін)',
        ru: 'Свидетельство о государственной регистрации юридического лица (для юридических лиц, зарегистрированных в Республике Казахстан)',
        en: 'Certificate of state registration of the legal entity (for legal entities registered in Kazakhstan)',
      },
      ref: s003(`${R.s11Registration}, ${R.s11Fetched}, ${R.s11PortalFetched}`, '§11(1)в, §11(2)в', 'The KNB obtains the data from state IS through the portal.'),
    },
    {
      id: 'foreign_trade_contract',
      name: {
        kk: 'Сыртқы сауда келісімінің (келісімшарттың), оған қосымшаның және (немесе) толықтырудың және (немесе) тараптардың ниеттерін растайтын өзге де құжаттың көшірмесі',
        ru: 'Копия внешнеторгового договора (контракта), приложения и (или) дополнения к нему и (или) иного документа, подтверждающего намерения сторон',
        en: "Copy of the foreign-trade contract, its annex and/or addendum, and/or another document confirming the parties' intentions",
      },
      ref: s003(`${R.s11Contract}, ${R.s11PortalContract}`, '§11(1), §11(2)', `Paper: ${NOTARIZED}. Portal: a scanned copy attached to the request (window 1, seed 001 ${R.r9Windows}).`),
    },
    {
      id: 'technical_documentation',
      name: spec.technicalDocumentation,
      ref: s003(`${R.s11TechDoc}, ${R.s11PortalTechDoc}`, '§11(1), §11(2)', `Portal: a scanned copy attached to the request (window 2, seed 001 ${R.r9Windows}).`),
    },
    ...spec.extraDocuments,
  ];

  return defineService({
    id: spec.id,
    version: ORDER_305_FROM,
    name: spec.name,
    shortName: spec.shortName,
    status: 'active',
    effective: { from: ORDER_305_FROM },
    sources: [
      order305Source(n, R.rAppendix),
      {
        act: {
          kk: `Қазақстан Республикасы Үкіметінің «Қазақстан Республикасы Ұлттық қауіпсіздік комитеті көрсететін мемлекеттік қызмет стандарттарын бекіту туралы» қаулысы (${n}-стандарт)`,
          ru: `Постановление Правительства РК «Об утверждении стандартов государственных услуг, оказываемых Комитетом национальной безопасности Республики Казахстан» (стандарт ${n})`,
          en: `Government decree "On approval of standards of state services provided by the National Security Committee" (standard ${n})`,
        },
        number: '50',
        date: '2013-01-29',
        repealedBy: 'Government decree No. 600 of 31.05.2014 (in force 10 calendar days after its first official publication)',
        ref: s003(`L1-27, ${R.sStandard}`, `operative §2; standard ${n}`, 'In force 10 calendar days after first official publication (L27); neither that date nor the date decree No. 600 took effect is in the seed.'),
      },
      decree600Source(R.r1),
      lawOnStateServices,
      {
        act: spec.cuRegulation,
        number: '19',
        date: '2009-11-27',
        ref: s003(R.s3, '§3(1)', `Decision No. 19 of the EurAsEC Interstate Council (the supreme body of the Customs Union) "On unified non-tariff regulation of the Customs Union"; the application states its basis under paragraph ${spec.regulationParagraph} of the Regulation.`),
      },
      {
        act: {
          kk: '«Қазақстан Республикасының ұлттық қауіпсіздік органдары туралы» Қазақстан Республикасының Заңы',
          ru: 'Закон Республики Казахстан «Об органах национальной безопасности Республики Казахстан»',
          en: 'Law of the Republic of Kazakhstan "On national security bodies of the Republic of Kazakhstan"',
        },
        number: '—',
        date: '1995-12-21',
        ref: s003(R.s3, '§3(2)', 'The law\'s number is not in the seed.'),
      },
      {
        act: {
          kk: '«Ақпараттандыру туралы» Қазақстан Республикасының Заңы (29-бап; бас тарту негізі ретінде 40-бап)',
          ru: 'Закон Республики Казахстан «Об информатизации» (статья 29; статья 40 как основание отказа)',
          en: 'Law of the Republic of Kazakhstan "On informatization" (Art. 29; Art. 40 as a refusal ground)',
        },
        number: '—',
        date: '2007-01-11',
        ref: s003(`${R.s3}, ${R.s16_4}`, '§3(3), §16(4)', 'The law\'s number is not in the seed.'),
      },
    ],
    provider: knb,
    channels: ['portal', 'provider_office', 'mail'],
    applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
    roles: order305Roles,
    refusalGrounds,
    exhaustiveGrounds: true,
    subcases: [
      {
        id: 'issue',
        name: { kk: 'Қорытынды (рұқсат беретін құжат) беру', ru: 'Выдача заключения (разрешительного документа)', en: 'Issue of the conclusion (permit document)' },
        term: { duration: { amount: 15, unit: 'calendar_days', ref: s003(R.s7Total, '§7(1)', 'күнтізбелік он бес күннен кешіктірмей, from the day the §11 documents are submitted at the authorized body or on the portal') }, from: 'received' },
        fields,
        documents,
        fee: { kind: 'free', ref: s003(R.s8, '§8', 'Мемлекеттік қызмет тегін көрсетіледі') },
        firstStep: 'register',
        steps: [
          registerStep({ term: s001(`${R.r5_1}, ${R.r8_1}, ${R.r10_1}`, '§5(1), §8(1), §10(1)', 'в день поступления'), step: s001(R.r5_1, '§5(1)') }),
          assignStep({ term: s001(`${R.r5_2}, ${R.r8_2}, ${R.r10_2}`, '§5(2), §8(2), §10(2)', 'в день поступления'), step: s001(R.r5_2, '§5(2)') }),
          review,
          signStep({
            term: { duration: { amount: 2, unit: 'calendar_days', ref: s001(`${R.r5_4}, ${R.r8_4}, ${R.r10_4}`, '§5(4), §8(4), §10(4)', 'в течение 2 календарных дней') }, from: 'step_start' },
            ref: s001(`${R.r5_4}, ${R.r8_4}, ${R.r10_4}`, '§5(4), §6(4), §8(4), §10(4)'),
          }),
          signStep({
            id: 'sign_refusal',
            action: {
              kk: 'Өтінішті одан әрі қараудан бас тарту туралы жазбаша дәлелді жауапқа ЭЦҚ-мен қол қою',
              ru: 'Подписание письменного мотивированного отказа в дальнейшем рассмотрении заявления с ЭЦП',
              en: 'Sign the written motivated refusal of further consideration with EDS',
            },
            term: { duration: { amount: 2, unit: 'working_days', ref: s003(R.s7Completeness, '§7', 'the written refusal is given within the 2 working days of the completeness check') }, from: 'received' },
            ref: s003(`${R.s5}, ${R.s7Completeness}`, '§5, §7', 'The refusal is an e-document certified with the EDS of the authorized person (§5).'),
          }),
          deliverStep({ term: s001(`${R.r5_5}, ${R.r10Deliver}`, '§5(5), §10', 'в день подписания; автоматически направляется в «личный кабинет»'), step: s001(R.r10Deliver, '§10') }),
          dispatchStep({ term: s001(`${R.r5_5}, ${R.r8_5}`, '§5(5), §8(5)', 'в день подписания … нарочно либо через почту'), step: s001(`${R.r6}, ${R.r8_5}`, '§6(5), §8(5)') }),
        ],
        pauses: [
          {
            id: 'samples',
            name: spec.samples,
            atSteps: ['review'],
            role: 'executor',
            applicantTerm: {
              amount: 5,
              unit: 'calendar_days',
              ref: s001(
                `${R.r5Samples}, ${R.r8Samples}, ${R.r10Samples}`,
                '§5(3), §8(3), §10(3)',
                '5 календарных дней с момента получения уведомления (при обращении к услугодателю) или с момента поступления уведомления в «личный кабинет» (портал). Данный срок не входит в срок оказания государственной услуги.',
              ),
            },
            ref: s001(`${R.r5Samples}, ${R.r8Samples}, ${R.r10Samples}`, '§5(3), §8(3), §10(3)'),
          },
        ],
      },
    ],
    result: {
      document: spec.result.document,
      refusal: {
        kk: 'Қызмет көрсетуден бас тарту туралы дәлелді жауап',
        ru: 'Мотивированный отказ в оказании государственной услуги',
        en: 'Motivated refusal to render the state service',
      },
      registry: 'import_export_conclusions',
      numberPrefix: spec.result.numberPrefix,
    },
    interpretations: [
      {
        topic: 'Which acts make up this version',
        readings: [
          `Procedure: seed 001 regulation ${n} (order No. 305, 2014). It implements the Standard of Government decree No. 600 of 31.05.2014, whose text is not in the seeds.`,
          `Standard: seed 003 standard ${n} (decree No. 50, 2013) is the text we have; decree No. 600 repealed it, so the two acts were never in force together.`,
        ],
        chosen: `Combine them, as the reference module does: steps, roles and step terms from seed 001; overall term, documents, fee, refusal grounds, offices and forms from seed 003. The figures fit: 13 + 2 calendar days of the executor and the head after the same-day steps make the 15 calendar days of §7. Replace the standard data when the decree No. 600 text is available.`,
        refs: [s001(R.r1, '§1'), s003(`L1-9, ${R.sHeading}`, 'header'), s003(R.s7Total, '§7')],
      },
      {
        topic: 'effective.from and version date',
        readings: [
          'Order No. 305 takes effect 10 calendar days after its first official publication (§5, L72-73); the publication date is not in the seed.',
          'Use the registration date 13.10.2014. Rejected: the order was not yet in force on that day.',
        ],
        chosen: '2014-10-24 (registration 13.10.2014, at the earliest published the same day, plus 10 calendar days), as in the reference module.',
        configurable: 'Change version/effective.from once the publication date is confirmed.',
        refs: [s001('L5-13, L72-73', 'header; §5')],
      },
      {
        topic: 'Status of a repealed regulation',
        readings: [
          'Both acts are repealed: order No. 305 by order No. 43 of 27.05.2015 (in force 21 calendar days after publication, date not in the seed), decree No. 50 by decree No. 600. So status "repealed" with an effective.to.',
          'Keep the service runnable, as the reference module does.',
        ],
        chosen: 'status "active" with no effective.to; the repeal facts are kept in `sources` (repealedBy). Set effective.to once the publication date of order No. 43 is known.',
        refs: [s001('L5-13', 'header'), s003('L5-9', 'header')],
      },
      {
        topic: 'Calendar days: overall 15, executor 13, head 2',
        readings: [
          `Standard §7(1): not later than 15 calendar days from the day the §11 documents are submitted (${R.s7Total}).`,
          'Regulation §5(3)/(4): executor 13 calendar days from receiving the package or request, head 2 calendar days; registration and assignment on the day of receipt.',
          'A calendar-day term ending on a day off: ends on that day, or on the next working day.',
        ],
        chosen: 'Overall 15 calendar_days from received; review 13 calendar_days and sign 2 calendar_days from the step start; register and assign same_day. Following the engine (Civil Code art. 193), a calendar-day term that ends on a day off ends at 19:00 of the next working day.',
        refs: [s003(R.s7Total, '§7(1)'), s001(`${R.r5_3}, ${R.r5_4}`, '§5(3), §5(4)')],
      },
      {
        topic: 'Samples of the object: a pause the law does not count',
        readings: [
          'The executor forms a notice requesting samples "if necessary"; the applicant has 5 calendar days from receiving the notice (paper) or from its arrival in the personal cabinet (portal), and "this term is not included in the term of the service".',
          'The regulation gives no deadline for the notice beyond the executor\'s 13 days, and says nothing of what happens when no sample arrives. The standard\'s §16 has no ground "samples not provided"; ground 3 (harm to the security of the Customs Union states) is determined by research of the object and/or its documentation.',
        ],
        chosen:
          'Pause `samples` at `review`, opened by the executor, applicantTerm 5 calendar days, no onExpiry (the law names no consequence). While it is open the review term and the overall term stop: both move later by the calendar days of the pause. When no sample arrives the executor decides on the documentation (draft_conclusion or draft_refusal on §16 grounds).',
        configurable: 'An onExpiry ground can be added if the decree No. 600 standard names one.',
        refs: [s001(`${R.r5Samples}, ${R.r10Samples}`, '§5(3), §10(3)'), s003(R.s16_3, '§16(3)')],
      },
      {
        topic: 'Sample period on paper counts from the applicant\'s receipt of the notice',
        readings: [
          'Portal: 5 calendar days from the notice\'s arrival in the personal cabinet, i.e. from the moment the pause is opened.',
          'Paper: 5 calendar days from the moment the applicant receives the notice (by hand or post), which the engine does not know.',
        ],
        chosen: 'The engine counts applicantTerm from the opening of the pause on every channel; for paper applications the shown due is the earliest possible. The clock stop itself (not counted in the service term) is exact on every channel, since it lasts until the applicant answers.',
        refs: [s001(`${R.r5Samples}, ${R.r8Samples}`, '§5(3), §8(3)')],
      },
      {
        topic: 'Incomplete documents and erroneous copies: a refusal within 2 working days of receipt',
        readings: [
          `Standard §7 (${R.s7Completeness}): completeness is checked within 2 working days from the moment the documents are received; incomplete documents and/or erroneous copies lead to a written motivated refusal of further consideration within that term. §16(1) lists missing documents as a refusal ground; once the obstacles are removed the application is considered on general grounds (a new application).`,
          'The regulation has no separate step or term for it (seed 001 §5 only names "a motivated refusal" as a possible result, §3).',
        ],
        chosen:
          'The executor\'s outcome refuse_incomplete (grounds incomplete_documents, erroneous_copies) has its own term, 2 working days from received, and leads to sign_refusal, where the head signs within the same 2 working days from received (the refusal must be given within that term). Refusals on §16(2)–(4) go through draft_refusal → sign within the head\'s 2 calendar days.',
        refs: [s003(`${R.s7Completeness}, ${R.s16_1}`, '§7, §16(1)'), s001(R.r3, '§3')],
      },
      {
        topic: 'Refusal grounds: closed list',
        readings: ['§16 lists four cases in which the service "is refused"; it has no sentence forbidding other grounds.', '§7 adds the refusal of further consideration for incomplete documents or erroneous copies.'],
        chosen: 'exhaustiveGrounds: true with the four §16 grounds and the §7 erroneous-copies ground (incomplete documents is §16(1) and §7 at once).',
        refs: [s003(`${R.s7Completeness}, ${R.s16_1}, ${R.s16_2}, ${R.s16_3}, ${R.s16_4}`, '§7, §16')],
      },
      {
        topic: 'Applicant kinds',
        readings: [`§6 (${R.s6}): individuals and legal entities. An individual entrepreneur is an individual; the platform identifies one with a BIN as "entrepreneur".`],
        chosen: 'individual, entrepreneur and legal_entity. Entrepreneurs give the individual\'s documents (identity card); the legal-entity registration applies to legal entities only.',
        refs: [s003(R.s6, '§6'), s003(`${R.s11Identity}, ${R.s11Registration}`, '§11(1)б, в')],
      },
      {
        topic: 'Names in Kazakh and Russian differ in wording',
        readings: [
          `Kazakh: the heading of standard ${n} (seed 003 ${R.sHeading}), the 2013 wording.`,
          `Russian: the title of regulation ${n} (seed 001 ${R.rTitle}), the 2014 wording, which names the customs territory of the Customs Union.`,
        ],
        chosen: 'Each language keeps its seed\'s own wording; English translates the Russian (the regulation in force for this version).',
        refs: [s003(R.sHeading, 'heading'), s001(R.rTitle, 'title')],
      },
      {
        topic: 'Channels and where paper is received',
        readings: [
          'Regulation §1: applications are received and results issued by the KNB Special Information Service, also through www.e.gov.kz or www.elicense.kz.',
          `Standard §9, §13, Annex 1: by mail or at the 16 KNB subdivisions; the portal around the clock (${R.s9}, ${R.s13}).`,
        ],
        chosen: 'Channels portal, provider_office (the 16 Annex 1 offices of the KNB provider) and mail. A paper result is printed, sealed and signed by the head of the authorized body (§5) and sent by hand or post (`dispatch`); the portal delivers into the personal cabinet (`deliver`).',
        refs: [s001(R.r1Channels, '§1'), s003(`${R.s9}, ${R.s13}, ${R.s15}`, '§9, §13, §15'), s003(R.s5Paper, '§5')],
      },
      {
        topic: 'Annex 4 items table',
        readings: ['Annex 4 prints a table of five rows (No., item name, model, factory No., serial No., quantity).', 'The schema has no repeating group of fields.'],
        chosen: 'Five rows of five fields (item1Name … item5Quantity): row 1 required, rows 2–5 optional. More than five items would need a repeating-group field type.',
        refs: [s003(R.sAnnex4Table, 'Annex 4')],
      },
      {
        topic: 'Rules not expressible in the schema',
        readings: [
          `§7(2)–(3) (${R.s7Norms}): at most 20 minutes of service on the day of application and at most 20 minutes of waiting.`,
          `§14 (${R.s14}): a talon (Annex 2) on paper and a notification-report in the personal cabinet with the date and time the result can be received.`,
          'Complaints (§20–§26) and the quality indicators (Annex 3).',
        ],
        chosen: 'Not encoded as steps: the case number and the overall due shown in the cabinet stand for the talon and the notification-report; the 20-minute norms and complaints are outside the case.',
        refs: [s003(`${R.s7Norms}, ${R.s14}`, '§7, §14')],
      },
      {
        topic: 'KNB staff working hours',
        readings: ['Annex 1: applicants are received Mon–Fri 10:00–12:00 (a reception window).', `§21 (${R.s21}): KNB working days 9:00–19:00, lunch 13:00–15:00.`],
        chosen: 'The shared KNB provider: workingHours 09:00–19:00 with a 13:00–15:00 break; the offices carry the 10:00–12:00 reception. Day terms end at 19:00.',
        refs: [s003(R.s21, '§21'), s003(R.sAnnex1, 'Annex 1')],
      },
      ...spec.extraInterpretations,
    ],
  });
}
