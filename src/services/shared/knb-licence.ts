// The three KNB licences of the seeds — special technical means (regulation 1 / standard S1),
// cryptographic information protection means (regulation 2 / S2) and detection of technical
// leakage channels (regulation 3 / S3) — are one template: the same procedure, terms, roles,
// refusal grounds, fee, application form and general document lists, at different lines of the
// seeds. What differs is passed in: names, line references, the activity field, the
// qualification documents and whether the licence-annex sub-case is offered.
//
// Ids are stable (other code and tests depend on them): steps register / assign / review / sign /
// sign_refusal / deliver / dispatch; sub-cases issue / reissue / duplicate (/ annex); the grounds,
// documents and fields below.
import { defineService, type ServiceDefinition, type SourceRef, type Text } from '../../core/regulation.ts';
import { knb } from '../providers/knb.ts';
import {
  assignStep,
  decree50,
  decree600,
  deliverStep,
  deskInterpretation,
  dispatchStep,
  knbRoles,
  lawOnApplications,
  lawOnStateServices,
  onPaper,
  onPortal,
  order305,
  recordKeeping,
  registerStep,
  s001,
  s003,
  toApplicant,
  versionInterpretations,
  workingHoursInterpretation,
  type DocumentInput,
  type FieldInput,
  type InterpretationInput,
  type LegalSourceInput,
  type RegulationLines,
  type StepInput,
  type SubCaseInput,
} from './knb-procedure.ts';

/** The licence regulations' own figures (seed 001 lines), on top of what every KNB regulation has. */
export interface LicenceRegulationLines extends RegulationLines {
  /** Executor's term: §5(3), §8(3), §10(3) — each entry lists the three places. */
  review: { issue: string; incomplete: string; reissue: string; duplicate: string };
  /** Head of the provider's term: §5(4), §8(4), §10(4). */
  sign: { issue: string; incomplete: string; reissue: string; duplicate: string };
  /** §9 portal windows: (1) fee through the payment gateway or a scanned receipt; (2) qualification form. */
  portalFee: string;
  portalQualificationForm: string;
}

/** Where the standard (seed 003) says each thing, for one of S1–S3. */
export interface LicenceStandardLines {
  number: number;
  lines: string;
  heading: string;
  /** §1: provider, portals, head office. */
  p1: string;
  /** §3: legal basis; the qualification decree is its item 4. */
  basis: string;
  qualificationDecree: string;
  /** §5: result; the paper copy on request. */
  result: string;
  paperCopy: string;
  recipients: string;
  /** §7: overall terms, desk times, completeness check. */
  terms: string;
  termIssue: string;
  termReissue: string;
  termDuplicate: string;
  desk: string;
  completeness: string;
  /** §8: fee. */
  fee: string;
  feeCodes: string;
  feeGateway: string;
  feeAnnexFree: string;
  /** §4 information (knb.kz, the portal, call centre 1414); §9 schedule; §10 premises; §11 intro (representative). */
  info: string;
  schedule: string;
  premises: string;
  documents: string;
  /** §11(1), new licence at the authorized body. */
  office: { application: string; charter: string; identityCard: string; entrepreneur: string; tax: string; fee: string; fetched: string; originals: string };
  /** §11(1), licence annex at the authorized body. */
  annexOffice: { intro: string; application: string; licence: string; fetched: string };
  /** §11(1), duplicate (lost or damaged). */
  duplicate: { intro: string; application: string; fee: string };
  /** §11(1), re-issue (name of type/subtype changed; within 30 calendar days). */
  reissue: { intro: string; application: string; licence: string; fee: string; fetched: string };
  /** §11(2), portal lists; absent where the seed lost them (S2). */
  portalIssue?: { request: string; charter: string; legalEntity: string; identityCard: string; entrepreneur: string; tax: string; gateway: string; fetched: string };
  portalAnnex?: { request: string; licence: string; fetched: string };
  portalReissue: { request: string; licence: string; gateway: string; fetched: string };
  /** §12 (where the form is published) and §13 (documents by mail or by hand; the portal request), §14–§16, §21, §25 and the annexes. */
  forms: string;
  acceptance: string;
  delivery: string;
  grounds: readonly [string, string, string, string, string];
  handover: string;
  workingHours: string;
  complaints: string;
  annex1: string;
  formEntity: string;
  formIndividual: string;
  formBank: string;
  talon: string;
}

export interface KnbLicenceSpec {
  id: string;
  name: Text;
  shortName: Text;
  result: { document: Text; numberPrefix: string };
  regulation: LicenceRegulationLines;
  standard: LicenceStandardLines;
  /** §3(4) of the standard: the Government decree on qualification requirements. */
  qualificationDecree: { number: string; date: string; act: Text };
  /** The type and/or subtype of activity (Annex 2: "specify the type and/or subtype"). */
  activity: FieldInput;
  /** Qualification documents of §11 for a new licence (office and portal). */
  qualification: DocumentInput[];
  /** The licence-annex sub-case with its qualification documents; absent where it is not offered (with the reason). */
  annex: { qualification: DocumentInput[] } | { withheld: string };
  interpretations: InterpretationInput[];
}

/** Copies on paper: notarized unless the originals are shown for verification (§11*). */
export const NOTARIZED = 'copy; notarized unless the original is presented for verification (the original is checked against state IS data and returned)';

export const ENTITY = { applicantKinds: ['legal_entity' as const] };
export const PERSON = { applicantKinds: ['individual' as const, 'entrepreneur' as const] };

/**
 * §16, second part: the licence (and/or annex) is handed over no later than 5 working days after
 * the term of issue ends; otherwise it is deemed obtained and the inventory copy proves the
 * lawfulness of the activity. The schema cannot say this (see the interpretation); a case-level
 * rule in the engine would read it from here.
 */
export const deemedIssuance = {
  after: { amount: 5, unit: 'working_days' as const },
  from: 'overall_due' as const,
  subcases: ['issue', 'annex'] as const,
};

// ---------------------------------------------------------------------------------------------
// Refusal grounds: standard §16 (five) and the §7 incomplete-documents refusal.

export const SUBSTANTIVE_GROUNDS = [
  'activity_prohibited_for_category',
  'licence_fee_not_paid',
  'qualification_requirements_not_met',
  'court_ban_on_activity',
  'informatization_law_art40',
] as const;
export const INCOMPLETE = 'incomplete_documents';

function refusalGrounds(std: LicenceStandardLines) {
  const [g1, g2, g3, g4, g5] = std.grounds;
  return [
    {
      id: 'activity_prohibited_for_category',
      text: {
        kk: 'Қазақстан Республикасының заңдарымен субъектілердің осы санаты үшін қызмет түрімен айналысуға тыйым салынған',
        ru: 'Законами Республики Казахстан запрещено занятие видом деятельности для данной категории субъектов',
        en: 'The laws of the Republic of Kazakhstan prohibit this category of subjects from engaging in the activity',
      },
      ref: s003(g1, '§16(1)'),
    },
    {
      id: 'licence_fee_not_paid',
      text: {
        kk: 'Қызмет түріне лицензия беруге өтініш берілген жағдайда қызметтің жекелеген түрлерімен айналысу құқығы үшін лицензиялық алым енгізілмеген',
        ru: 'Не внесён лицензионный сбор за право занятия отдельными видами деятельности при обращении за получением лицензии',
        en: 'The licence fee for the right to engage in the activity was not paid when applying for the licence',
      },
      ref: s003(g2, '§16(2)'),
    },
    {
      id: 'qualification_requirements_not_met',
      text: {
        kk: 'Мемлекеттік қызметті алушы біліктілік талаптарына сәйкес келмейді',
        ru: 'Получатель государственной услуги не соответствует квалификационным требованиям',
        en: 'The applicant does not meet the qualification requirements',
      },
      ref: s003(g3, '§16(3)', `Qualification requirements: Government decree (${std.qualificationDecree}).`),
    },
    {
      id: 'court_ban_on_activity',
      text: {
        kk: 'Мемлекеттік қызметті алушыға қатысты оған қызметтің жекелеген түрімен айналысуға тыйым салатын заңды күшіне енген сот үкімі бар',
        ru: 'В отношении получателя государственной услуги имеется вступивший в законную силу приговор суда, запрещающий ему заниматься отдельным видом деятельности',
        en: 'A court sentence in force prohibits the applicant from engaging in this type of activity',
      },
      ref: s003(g4, '§16(4)'),
    },
    {
      id: 'informatization_law_art40',
      text: {
        kk: '«Ақпараттандыру туралы» 2007 жылғы 11 қаңтардағы Қазақстан Республикасы Заңының 40-бабымен көзделген негіздер бар',
        ru: 'Основания, предусмотренные статьёй 40 Закона Республики Казахстан от 11 января 2007 года «Об информатизации»',
        en: 'Grounds provided by Article 40 of the Law of the Republic of Kazakhstan of 11 January 2007 "On informatization"',
      },
      ref: s003(g5, '§16(5)'),
    },
    {
      id: INCOMPLETE,
      text: {
        kk: 'Ұсынылған құжаттардың толық болмауы және (немесе) құжаттардың көшірмелері қате болуы (өтінішті одан әрі қараудан бас тарту)',
        ru: 'Неполнота представленных документов и (или) ошибочность копий документов (отказ в дальнейшем рассмотрении заявления)',
        en: 'The submitted documents are incomplete and/or the copies are erroneous (refusal of further consideration)',
      },
      ref: s003(std.completeness, '§7', 'Also the regulation §5(3): "в случае установления факта неполноты представленных документов … мотивированный отказ".'),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The procedure (§5, §8, §10 of the regulation): the same steps in every sub-case; only the
// executor's and the head's terms differ.

interface Terms {
  /** Executor's term in working days, counted from the moment the executor receives the package (§8(3), §10(3)). */
  review: { amount: number; ref: SourceRef };
  /** Head of the provider's term for signing the result (licence or motivated refusal). */
  sign: { amount: number; ref: SourceRef };
  /** The incomplete-documents refusal: its own term counted from registration, where one applies. */
  incompleteTerm?: SourceRef;
  /** Same-day signing of the incomplete-documents refusal. */
  signRefusalRef: SourceRef;
  /** The §16 grounds the executor may cite in this sub-case. */
  grounds: readonly string[];
}

function procedure(reg: LicenceRegulationLines, t: Terms): StepInput[] {
  const all = `${reg.p5}, ${reg.p8}, ${reg.p10}`;
  return [
    registerStep(reg),
    assignStep(reg),
    {
      id: 'review',
      role: 'executor',
      action: {
        kk: 'Өтінішті қарау, біліктілік талаптарына сәйкестігін тексеру және мемлекеттік қызмет көрсету нәтижесінің жобасын дайындау',
        ru: 'Рассмотрение заявления, проверка соответствия квалификационным требованиям и создание проекта результата оказания государственной услуги',
        en: 'Review the application, check compliance with the qualification requirements and draft the result',
      },
      term: { duration: { amount: t.review.amount, unit: 'working_days', ref: t.review.ref }, from: 'step_start' },
      outcomes: [
        {
          id: 'draft_approval',
          label: { kk: 'Оң нәтиженің жобасы', ru: 'Проект положительного результата', en: 'Draft approval' },
          next: 'sign',
          decision: 'approve',
        },
        {
          // A motivated refusal on the §16 grounds is "the result" the head signs within the
          // ordinary term (§5(4) gives same-day signing only for the incompleteness refusal).
          id: 'draft_refusal',
          label: { kk: 'Дәлелді бас тарту жобасы', ru: 'Проект мотивированного отказа', en: 'Draft motivated refusal' },
          next: 'sign',
          decision: 'refuse',
          grounds: [...t.grounds],
        },
        {
          id: 'draft_refusal_incomplete',
          label: {
            kk: 'Құжаттардың толық болмауы себебінен дәлелді бас тарту жобасы',
            ru: 'Проект мотивированного отказа в связи с неполнотой документов',
            en: 'Draft motivated refusal: incomplete documents',
          },
          next: 'sign_refusal',
          decision: 'refuse',
          grounds: [INCOMPLETE],
          ...(t.incompleteTerm ? { term: { duration: { amount: 2, unit: 'working_days' as const, ref: t.incompleteTerm }, from: 'completed:register' } } : {}),
        },
      ],
      ref: s001(all, '§5(3), §8(3), §10(3)'),
    },
    {
      id: 'sign',
      role: 'head_of_provider',
      action: {
        kk: 'Көрсетілетін қызметті берушінің басшысының нәтижеге ЭЦҚ-мен қол қоюы',
        ru: 'Формирование (подписание) результата руководителем услугодателя с ЭЦП',
        en: 'Sign the result with the EDS of the head of the provider',
      },
      term: { duration: { amount: t.sign.amount, unit: 'working_days', ref: t.sign.ref }, from: 'step_start' },
      outcomes: [{ id: 'signed', label: { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' }, next: toApplicant }],
      ref: s001(all, '§5(4), §6(4), §8(4), §10(4)'),
    },
    {
      id: 'sign_refusal',
      role: 'head_of_provider',
      action: {
        kk: 'Құжаттардың толық болмауы себебінен дәлелді бас тартуға ол қалыптастырылған күні ЭЦҚ-мен қол қою',
        ru: 'Подписание мотивированного отказа по неполноте документов в день формирования результата',
        en: 'Sign the incomplete-documents refusal on the day it is formed',
      },
      term: { duration: { amount: 0, unit: 'same_day', ref: t.signRefusalRef }, from: 'step_start' },
      outcomes: [{ id: 'signed', label: { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' }, next: toApplicant }],
      ref: t.signRefusalRef,
    },
    deliverStep(reg),
    dispatchStep(reg),
  ];
}

// ---------------------------------------------------------------------------------------------
// Form fields: Annex 2 of the standard (legal-entity form, individual form).

function applicationFields(std: LicenceStandardLines, activity: FieldInput): FieldInput[] {
  const FORM_LE = s003(std.formEntity, 'Annex 2 (legal entity)');
  const FORM_IND = s003(std.formIndividual, 'Annex 2 (individual)');
  return [
    { id: 'legalEntityName', type: 'text', when: ENTITY, prefill: 'legalEntityName', ref: FORM_LE, label: { kk: 'Заңды тұлғаның толық атауы', ru: 'Полное наименование юридического лица', en: 'Full name of the legal entity' } },
    { id: 'bin', type: 'bin', when: ENTITY, prefill: 'bin', ref: FORM_LE, label: { kk: 'БСН', ru: 'БИН', en: 'BIN' } },
    { id: 'fullName', type: 'text', when: PERSON, prefill: 'fullName', ref: FORM_IND, label: { kk: 'Жеке тұлғаның тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество физического лица', en: 'Full name of the individual' } },
    { id: 'iin', type: 'iin', when: PERSON, prefill: 'iin', ref: FORM_IND, label: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' } },
    activity,
    // Address of a legal entity: "index, city, district, region, street, house no., phone, fax, e-mail".
    { id: 'postalCode', type: 'text', maxLength: 6, when: ENTITY, ref: FORM_LE, label: { kk: 'Пошта индексі', ru: 'Почтовый индекс', en: 'Postal code' } },
    { id: 'region', type: 'text', required: false, when: ENTITY, ref: FORM_LE, label: { kk: 'Облыс', ru: 'Область', en: 'Region' } },
    { id: 'city', type: 'text', when: ENTITY, ref: FORM_LE, label: { kk: 'Қала', ru: 'Город', en: 'City' } },
    { id: 'district', type: 'text', required: false, when: ENTITY, ref: FORM_LE, label: { kk: 'Аудан', ru: 'Район', en: 'District' } },
    { id: 'street', type: 'text', when: ENTITY, ref: FORM_LE, label: { kk: 'Көше', ru: 'Улица', en: 'Street' } },
    { id: 'building', type: 'text', when: ENTITY, ref: FORM_LE, label: { kk: 'Үй нөмірі', ru: 'Номер дома', en: 'Building number' } },
    { id: 'phone', type: 'phone', when: ENTITY, ref: FORM_LE, label: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' } },
    { id: 'fax', type: 'phone', required: false, when: ENTITY, ref: FORM_LE, label: { kk: 'Факс', ru: 'Факс', en: 'Fax' } },
    { id: 'email', type: 'email', required: false, when: ENTITY, ref: FORM_LE, label: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' } },
    // Individual: place of residence and identity document.
    { id: 'residence', type: 'textarea', when: PERSON, prefill: 'address', ref: FORM_IND, label: { kk: 'Тұрғылықты жері', ru: 'Место жительства', en: 'Place of residence' } },
    { id: 'idDocumentType', type: 'text', when: PERSON, ref: FORM_IND, label: { kk: 'Жеке басын куәландыратын құжаттың түрі', ru: 'Вид документа, удостоверяющего личность', en: 'Identity document: type' } },
    { id: 'idDocumentSeries', type: 'text', required: false, when: PERSON, ref: FORM_IND, label: { kk: 'Құжаттың сериясы', ru: 'Серия документа', en: 'Identity document: series' } },
    { id: 'idDocumentNumber', type: 'text', when: PERSON, ref: FORM_IND, label: { kk: 'Құжаттың нөмірі', ru: 'Номер документа', en: 'Identity document: number' } },
    { id: 'idDocumentIssuer', type: 'text', when: PERSON, ref: FORM_IND, label: { kk: 'Құжатты берген орган', ru: 'Кем выдан документ', en: 'Identity document: issued by' } },
    { id: 'idDocumentIssueDate', type: 'date', when: PERSON, ref: FORM_IND, label: { kk: 'Құжаттың берілген күні', ru: 'Дата выдачи документа', en: 'Identity document: date of issue' } },
    {
      id: 'bankAccount',
      type: 'text',
      required: false,
      ref: s003(std.formBank, 'Annex 2', 'Account number, bank name and location. The individual form says "if any"; the legal-entity form has no qualifier — one optional field, since `required` cannot vary by applicant kind.'),
      label: { kk: 'Банк шоты (шот нөмірі, банктің атауы және орналасқан жері)', ru: 'Банковский счёт (номер счёта, наименование и местонахождение банка)', en: 'Bank account (number, bank name and location)' },
    },
    {
      id: 'branches',
      type: 'textarea',
      required: false,
      when: ENTITY,
      ref: FORM_LE,
      label: {
        kk: 'Филиалдары (өкілдіктері, объектілері, пункттері, учаскелері): орналасқан жері және деректемелері',
        ru: 'Филиалы (представительства, объекты, пункты, участки): местонахождение и реквизиты',
        en: 'Branches (representative offices, facilities, points, sites): location and details',
      },
    },
    { id: 'headFullName', type: 'text', when: ENTITY, prefill: 'headFullName', ref: FORM_LE, label: { kk: 'Басшының тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество руководителя', en: "Head's full name" } },
  ];
}

function previousLicenceField(lines: string): FieldInput {
  return {
    id: 'previousLicence',
    type: 'reference',
    ref: s003(lines, '§11', 'Licence details on www.elicense.kz.'),
    label: { kk: 'Лицензияның нөмірі мен берілген күні', ru: 'Номер и дата выдачи лицензии', en: 'Licence number and date of issue' },
  };
}

// ---------------------------------------------------------------------------------------------
// Documents of §11 common to the three licences (the qualification documents come from the module).

function commonDocuments(std: LicenceStandardLines, reg: LicenceRegulationLines) {
  const o = std.office;
  const p = std.portalIssue;
  const portal = (lines: string | undefined, what = 'attached as an e-document') => (lines ? `Portal: ${what} (${lines}).` : `Portal: ${what} (reconstructed, see interpretations).`);
  return {
    application: (lines: string): DocumentInput => ({
      id: 'application',
      when: onPaper,
      name: { kk: 'Белгіленген нысандағы өтініш (2-қосымша)', ru: 'Заявление по установленной форме (приложение 2)', en: 'Application in the prescribed form (Annex 2)' },
      ref: s003(lines, '§11(1)', `On the portal the form fields, signed with the applicant's EDS, are the e-request (seed 001 ${reg.p9}).`),
    }),
    charter: {
      id: 'charter',
      when: ENTITY,
      name: { kk: 'Заңды тұлғаның жарғысы', ru: 'Устав юридического лица', en: 'Charter of the legal entity' },
      ref: s003(o.charter, '§11(1)', `${NOTARIZED}. ${portal(p?.charter)}`),
    },
    legalEntityRegistration: {
      id: 'legal_entity_registration',
      when: ENTITY,
      obtainedByProvider: true,
      name: {
        kk: 'Заңды тұлға ретінде мемлекеттік тіркелгені туралы куәлік',
        ru: 'Свидетельство о государственной регистрации юридического лица',
        en: 'Certificate of state registration of the legal entity',
      },
      ref: s003(`${o.charter}, ${o.fetched}`, '§11(1)', `Listed as a copy, but the KNB obtains the data from state IS (${o.fetched}${p ? `; portal ${p.legalEntity}, ${p.fetched}` : ''}).`),
    },
    identityCard: {
      id: 'identity_card',
      when: PERSON,
      obtainedByProvider: true,
      name: { kk: 'Қазақстан Республикасы азаматының жеке куәлігі', ru: 'Удостоверение личности гражданина Республики Казахстан', en: 'Identity card of a citizen of Kazakhstan' },
      ref: s003(
        `${o.identityCard}, ${o.fetched}`,
        '§11(1)',
        `Listed as a copy for an individual, but the KNB obtains the data from state IS (${o.fetched}${p ? `; portal ${p.identityCard}, ${p.fetched}` : ''}). Applied to entrepreneurs too (an IE is an individual).`,
      ),
    },
    entrepreneurRegistration: {
      id: 'entrepreneur_registration',
      when: { applicantKinds: ['entrepreneur' as const] },
      name: {
        kk: 'Дара кәсіпкер ретінде мемлекеттік тіркелгені туралы куәлік',
        ru: 'Свидетельство о государственной регистрации индивидуального предпринимателя',
        en: 'Certificate of state registration as an individual entrepreneur',
      },
      ref: s003(o.entrepreneur, '§11(1)', `${NOTARIZED}. ${portal(p?.entrepreneur, 'information attached as an e-document')}`),
    },
    taxRegistration: {
      id: 'tax_registration',
      name: { kk: 'Салық органының есебінде тұрғаны туралы куәлік', ru: 'Свидетельство о постановке на налоговый учёт', en: 'Certificate of tax registration' },
      ref: s003(o.tax, '§11(1)', `${NOTARIZED}. ${portal(p?.tax)}`),
    },
    feeReceiptCopy: (lines: string, what: string): DocumentInput => ({
      id: 'fee_receipt_copy',
      when: onPaper,
      name: {
        kk: 'Бюджетке лицензиялық алым төленгенін растайтын құжаттың көшірмесі',
        ru: 'Копия документа, подтверждающего уплату в бюджет лицензионного сбора',
        en: 'Copy of the document confirming payment of the licence fee',
      },
      ref: s003(lines, '§11(1)', `${what}; ${NOTARIZED}`),
    }),
    feePayment: (ref: SourceRef): DocumentInput => ({
      id: 'fee_payment',
      when: onPortal,
      satisfiedBy: ['payment_gateway', 'fee_receipt_scan'],
      name: {
        kk: 'ЭҮТШ арқылы бюджетке лицензиялық алымның төленгені туралы ақпарат (қағаз түбіртек болса, оның сканерленген көшірмесі)',
        ru: 'Сведения об оплате лицензионного сбора через ПШЭП (при наличии квитанции на бумажном носителе — её сканированная копия)',
        en: 'Licence fee paid through the e-government payment gateway (or a scanned copy of a paper receipt)',
      },
      ref,
    }),
    qualificationForm: {
      id: 'qualification_form',
      when: onPortal,
      name: {
        kk: 'Біліктілік талаптарына сәйкестігі туралы мәліметтер нысаны',
        ru: 'Форма сведений в соответствии с квалификационными требованиями',
        en: 'Qualification-requirements information form',
      },
      ref: s001(reg.portalQualificationForm, '§9(2)'),
    },
    powerOfAttorney: {
      id: 'power_of_attorney',
      when: onPaper,
      required: false,
      obtainedByProvider: true,
      name: { kk: 'Өкілге сенімхат', ru: 'Доверенность представителя', en: "Representative's power of attorney" },
      ref: s003(`${std.documents}, ${o.fetched}`, '§11', 'Only when a representative applies; the KNB obtains the data from state IS.'),
    },
    previousLicence: (lines: string): DocumentInput => ({
      id: 'previous_licence',
      obtainedByProvider: true,
      name: {
        kk: 'Лицензияның және лицензияға қосымшаның мәліметтері (www.elicense.kz)',
        ru: 'Сведения о лицензии и приложении к лицензии (www.elicense.kz)',
        en: 'Details of the licence and its annex (www.elicense.kz)',
      },
      ref: s003(lines, '§11', 'The KNB obtains licence details from state IS.'),
    }),
    licenceCopy: (lines: string): DocumentInput => ({
      id: 'licence_copy',
      required: false,
      name: { kk: 'Лицензияның және лицензияға қосымшаның көшірмелері', ru: 'Копии лицензии и приложения к лицензии', en: 'Copies of the licence and its annex' },
      ref: s003(lines, '§11', 'Only where the licence is not on www.elicense.kz ("болған жағдайда"). Portal: attached as e-documents.'),
    }),
  } satisfies Record<string, DocumentInput | ((...a: never[]) => DocumentInput)>;
}

// ---------------------------------------------------------------------------------------------

export function knbLicence(spec: KnbLicenceSpec): ServiceDefinition {
  const reg = spec.regulation;
  const std = spec.standard;
  const doc = commonDocuments(std, reg);
  const fee = { kind: 'licence_fee' as const, budgetCode: '105402', paymentPurposeCode: '911', ref: s003(std.fee, '§8', `Amount set by the Tax Code; no figure in the seed. Codes ${std.feeCodes}; portal payment through the gateway ${std.feeGateway}.`) };
  const portalFeeRef = s001(reg.portalFee, '§9(1)', `Gateway payment or the scanned paper receipt; the KNB obtains gateway payment data from state IS${std.portalIssue ? ` (seed 003 ${std.portalIssue.fetched})` : ''}.`);
  const fields = applicationFields(std, spec.activity);
  const reissueLines = `${std.reissue.licence}, ${std.portalReissue.licence}`;

  const issue: SubCaseInput = {
    id: 'issue',
    name: { kk: 'Лицензия беру', ru: 'Выдача лицензии', en: 'Issue of a licence' },
    term: { duration: { amount: 15, unit: 'working_days', ref: s003(std.termIssue, '§7', 'он бес жұмыс күні, from the day the documents of §11 are submitted') }, from: 'received' },
    fields,
    documents: [
      doc.application(std.office.application),
      doc.charter,
      doc.legalEntityRegistration,
      doc.identityCard,
      doc.entrepreneurRegistration,
      doc.taxRegistration,
      doc.feeReceiptCopy(std.office.fee, 'for the right to engage in the licensed activity'),
      doc.feePayment(std.portalIssue ? { ...portalFeeRef, note: `${portalFeeRef.note} Standard: seed 003 ${std.portalIssue.gateway}.` } : portalFeeRef),
      doc.qualificationForm,
      ...spec.qualification,
      doc.powerOfAttorney,
    ],
    fee,
    firstStep: 'register',
    steps: procedure(reg, {
      review: { amount: 12, ref: s001(reg.review.issue, '§5(3), §8(3), §10(3)', 'при выдаче лицензии - в течение 12 рабочих дней') },
      sign: { amount: 2, ref: s001(reg.sign.issue, '§5(4), §8(4), §10(4)', 'при выдаче лицензии - в течение 2 рабочих дней') },
      incompleteTerm: s001(reg.review.incomplete, '§5(3), §8(3), §10(3)', 'мотивированный отказ … формируется в течение 2 рабочих дней с момента регистрации заявления'),
      signRefusalRef: s001(reg.sign.incomplete, '§5(4), §8(4), §10(4)', 'в случае установления факта неполноты представленных документов - в день формирования результата'),
      grounds: SUBSTANTIVE_GROUNDS,
    }),
  };

  const reissue: SubCaseInput = {
    id: 'reissue',
    name: { kk: 'Лицензияны қайта ресімдеу', ru: 'Переоформление лицензии', en: 'Re-issue (re-registration) of a licence' },
    term: { duration: { amount: 10, unit: 'working_days', ref: s003(std.termReissue, '§7', 'он жұмыс күні') }, from: 'received' },
    actsOnPrevious: true,
    fields: [
      ...fields,
      previousLicenceField(`${std.reissue.licence}, ${std.portalReissue.licence}`),
      {
        id: 'reissueReason',
        type: 'select',
        ref: s003(`${std.reissue.intro}, ${std.portalReissue.request}`, '§11', 'The only re-issue ground the standard names; to be filed within 30 calendar days of the change.'),
        label: { kk: 'Қайта ресімдеу негізі', ru: 'Основание переоформления', en: 'Reason for re-issue' },
        options: [
          {
            value: 'activity_name_changed',
            label: {
              kk: 'Қызмет түрінің және (немесе) қызметтің кіші түрінің атауы өзгерді',
              ru: 'Изменение наименования вида и (или) подвида деятельности',
              en: 'The name of the type and/or subtype of activity changed',
            },
          },
        ],
      },
    ],
    documents: [
      doc.application(std.reissue.application),
      doc.previousLicence(`${reissueLines}, ${std.reissue.fetched}, ${std.portalReissue.fetched}`),
      doc.licenceCopy(reissueLines),
      doc.feeReceiptCopy(std.reissue.fee, 'for the licensed activity'),
      doc.feePayment(s003(`${std.portalReissue.gateway}, ${std.portalReissue.fetched}`, '§11 (portal re-issue)', `Information on fee payment through the gateway; a scanned paper receipt is accepted per seed 001 ${reg.portalFee}.`)),
      doc.powerOfAttorney,
    ],
    fee,
    firstStep: 'register',
    steps: procedure(reg, {
      review: { amount: 8, ref: s001(reg.review.reissue, '§5(3), §8(3), §10(3)', 'при переоформлении лицензии - в течение 8 рабочих дней') },
      sign: { amount: 2, ref: s001(reg.sign.reissue, '§5(4), §8(4), §10(4)', 'при переоформлении лицензии - в течение 2 рабочих дней') },
      incompleteTerm: s003(std.completeness, '§7', "Completeness of the applicant's (licensee's) documents is checked within 2 working days; the regulation states this term for issue only (see interpretations)."),
      signRefusalRef: s001(reg.sign.incomplete, '§5(4)', 'Same-day signing of the incompleteness refusal, stated for issue, applied to re-issue (see interpretations).'),
      grounds: SUBSTANTIVE_GROUNDS,
    }),
  };

  const duplicate: SubCaseInput = {
    id: 'duplicate',
    name: { kk: 'Лицензияның телнұсқасын беру', ru: 'Выдача дубликата лицензии', en: 'Issue of a duplicate licence' },
    term: { duration: { amount: 2, unit: 'working_days', ref: s003(std.termDuplicate, '§7', 'екі жұмыс күні') }, from: 'received' },
    actsOnPrevious: true,
    fields: [
      ...fields,
      previousLicenceField(std.duplicate.intro),
      {
        id: 'duplicateReason',
        type: 'select',
        ref: s003(std.duplicate.intro, '§11', 'жоғалған, бүлінген'),
        label: { kk: 'Телнұсқа алу себебі', ru: 'Причина выдачи дубликата', en: 'Reason for the duplicate' },
        options: [
          { value: 'lost', label: { kk: 'Лицензия жоғалды', ru: 'Лицензия утеряна', en: 'Licence lost' } },
          { value: 'damaged', label: { kk: 'Лицензия бүлінді', ru: 'Лицензия испорчена', en: 'Licence damaged' } },
        ],
      },
      {
        id: 'duplicateOf',
        type: 'select',
        ref: s003(`${std.duplicate.intro}, ${std.feeAnnexFree}`, '§11, §8', 'The licensee may obtain duplicates of the licence and/or of the licence annex; duplicates of annexes carry no fee (§8).'),
        label: { kk: 'Телнұсқасы сұралатын құжат', ru: 'Документ, дубликат которого запрашивается', en: 'Document to be duplicated' },
        options: [
          { value: 'licence', label: { kk: 'Лицензия', ru: 'Лицензия', en: 'Licence' } },
          { value: 'annex', label: { kk: 'Лицензияға қосымша', ru: 'Приложение к лицензии', en: 'Licence annex' } },
          { value: 'licence_and_annex', label: { kk: 'Лицензия және лицензияға қосымша', ru: 'Лицензия и приложение к лицензии', en: 'Licence and licence annex' } },
        ],
      },
    ],
    documents: [
      doc.application(std.duplicate.application),
      doc.feeReceiptCopy(std.duplicate.fee, 'for the duplicate'),
      doc.feePayment(s001(reg.portalFee, '§9(1)', "No portal list for duplicates in the standard; reconstructed from the regulation's portal procedure (see interpretations).")),
      doc.powerOfAttorney,
    ],
    fee,
    firstStep: 'register',
    steps: procedure(reg, {
      review: { amount: 1, ref: s001(reg.review.duplicate, '§5(3), §8(3), §10(3)', 'при выдачи дубликата лицензии - в течение 1 рабочего дня') },
      sign: { amount: 1, ref: s001(reg.sign.duplicate, '§5(4), §8(4), §10(4)', 'при выдачи дубликата лицензии - в течение 1 рабочего дня') },
      signRefusalRef: s001(reg.sign.incomplete, '§5(4)', 'Same-day signing of the incompleteness refusal, stated for issue, applied to duplicates (see interpretations).'),
      grounds: SUBSTANTIVE_GROUNDS,
    }),
  };

  const subcases: SubCaseInput[] = [issue, reissue, duplicate];
  if ('qualification' in spec.annex) {
    const a = std.annexOffice;
    const pa = std.portalAnnex;
    const annexLines = `${a.licence}${pa ? `, ${pa.licence}` : ''}`;
    subcases.push({
      id: 'annex',
      name: { kk: 'Лицензияға қосымша беру', ru: 'Выдача приложения к лицензии', en: 'Issue of a licence annex' },
      term: {
        duration: { amount: 15, unit: 'working_days', ref: s003(`${std.termIssue}, ${std.handover}`, '§7, §16', 'The term of licence issue; §7 names no separate term for an annex, while Annex 2 and §16 treat "a licence and/or an annex" alike (see interpretations).') },
        from: 'received',
      },
      actsOnPrevious: true,
      fields: [...fields, previousLicenceField(annexLines)],
      documents: [
        doc.application(a.application),
        doc.previousLicence(`${annexLines}, ${a.fetched}${pa ? `, ${pa.fetched}` : ''}`),
        { ...doc.licenceCopy(annexLines), name: { kk: 'Лицензияның көшірмесі', ru: 'Копия лицензии', en: 'Copy of the licence' } },
        doc.qualificationForm,
        ...spec.annex.qualification,
        doc.powerOfAttorney,
      ],
      fee: { kind: 'free', ref: s003(std.feeAnnexFree, '§8', 'Лицензияның қосымшаларын (лицензия қосымшаларының телнұсқаларын) беру кезінде лицензиялық алым өндірілмейді.') },
      firstStep: 'register',
      steps: procedure(reg, {
        review: { amount: 12, ref: s001(reg.review.issue, '§5(3), §8(3), §10(3)', 'The executor term of licence issue, applied to an annex (see interpretations).') },
        sign: { amount: 2, ref: s001(reg.sign.issue, '§5(4), §8(4), §10(4)', 'The head term of licence issue, applied to an annex (see interpretations).') },
        incompleteTerm: s001(reg.review.incomplete, '§5(3), §8(3), §10(3)', 'The incompleteness refusal of licence issue, applied to an annex; also standard §7.'),
        signRefusalRef: s001(reg.sign.incomplete, '§5(4), §8(4), §10(4)', 'Same-day signing of the incompleteness refusal, applied to an annex.'),
        // No fee is due for an annex, so non-payment cannot be cited.
        grounds: SUBSTANTIVE_GROUNDS.filter((g) => g !== 'licence_fee_not_paid'),
      }),
    });
  }

  const sources: LegalSourceInput[] = [
    order305(reg),
    decree50(std.number, std.lines),
    decree600(reg),
    {
      act: spec.qualificationDecree.act,
      number: spec.qualificationDecree.number,
      date: spec.qualificationDecree.date,
      ref: s003(std.qualificationDecree, '§3(4)', 'Qualification requirements for the type of activity.'),
    },
    {
      act: {
        kk: '«Қазақстан Республикасының ұлттық қауіпсіздік органдары туралы» Қазақстан Республикасының Заңы',
        ru: 'Закон Республики Казахстан «Об органах национальной безопасности Республики Казахстан»',
        en: 'Law of the Republic of Kazakhstan "On the national security bodies of the Republic of Kazakhstan"',
      },
      number: '—',
      date: '1995-12-21',
      ref: s003(std.basis, '§3(1)', 'The law number is not in the seed.'),
    },
    {
      act: { kk: '«Лицензиялау туралы» Қазақстан Республикасының Заңы (18-бап)', ru: 'Закон Республики Казахстан «О лицензировании» (статья 18)', en: 'Law of the Republic of Kazakhstan "On licensing" (article 18)' },
      number: '—',
      date: '2007-01-11',
      ref: s003(std.basis, '§3(2)', 'The law number is not in the seed.'),
    },
    {
      act: {
        kk: '«Ақпараттандыру туралы» Қазақстан Республикасының Заңы (29-бап; бас тарту негіздері – 40-бап)',
        ru: 'Закон Республики Казахстан «Об информатизации» (статья 29; основания отказа – статья 40)',
        en: 'Law of the Republic of Kazakhstan "On informatization" (article 29; refusal grounds: article 40)',
      },
      number: '—',
      date: '2007-01-11',
      ref: s003(`${std.basis}, ${std.grounds[4]}`, '§3(3), §16(5)', 'The law number is not in the seed.'),
    },
    lawOnStateServices,
    ...recordKeeping(std.p1),
    lawOnApplications(std.complaints),
  ];

  return defineService({
    id: spec.id,
    version: '2014-10-24',
    name: spec.name,
    shortName: spec.shortName,
    status: 'active',
    effective: { from: '2014-10-24' },
    sources,
    provider: knb,
    channels: ['portal', 'provider_office', 'mail'],
    applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
    roles: knbRoles(),
    refusalGrounds: refusalGrounds(std),
    exhaustiveGrounds: true,
    subcases,
    result: {
      document: spec.result.document,
      refusal: {
        kk: 'Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап',
        ru: 'Мотивированный отказ в оказании государственной услуги',
        en: 'Motivated refusal to render the state service',
      },
      registry: 'licences',
      numberPrefix: spec.result.numberPrefix,
    },
    interpretations: [...licenceInterpretations(reg, std, 'withheld' in spec.annex ? spec.annex.withheld : undefined), ...spec.interpretations],
  });
}

// ---------------------------------------------------------------------------------------------
// Interpretations shared by the three licences.

function licenceInterpretations(reg: LicenceRegulationLines, std: LicenceStandardLines, annexWithheld: string | undefined): InterpretationInput[] {
  return [
    ...versionInterpretations(reg, { number: std.number, lines: std.lines, terms: std.terms }).map((i) =>
      i.topic === 'Which acts make up this version'
        ? { ...i, chosen: `${i.chosen} The figures fit each other: the step terms add up to 12+2 / 8+2 / 1+1 working days after the same-day steps, within the 15 / 10 / 2 days of §7.` }
        : i,
    ),
    {
      topic: 'Incomplete-documents refusal: its own outcome and its term in each sub-case',
      readings: [
        'Regulation §5(3)/§8(3)/§10(3): only under "issue" is the incompleteness refusal formed within 2 working days from registration, and the head signs it the same day. Nothing is said for re-issue or duplicate.',
        "Standard §7: the completeness of the applicant's (licensee's, «лицензиаттың») documents is checked within 2 working days of receipt for every application. The licensee is the one who asks for re-issue or a duplicate.",
        'A single draft_refusal outcome with the 2-day term. Rejected: a refusal on qualification grounds after a 12-day review would then be overdue from day 3.',
      ],
      chosen:
        'review has three outcomes: draft_approval → sign; draft_refusal (the §16 grounds, within the step term 12/8/1 WD) → sign; draft_refusal_incomplete (ground incomplete_documents) → sign_refusal (same day). The 2-working-day term from completed:register applies to issue (regulation), re-issue (standard §7) and annex. Duplicate keeps its 1-working-day step term, which is already shorter. The incomplete_documents ground can be cited in every sub-case.',
      configurable: "Drop the `term` on reissue's draft_refusal_incomplete to follow the regulation's letter only.",
      refs: [s001(`${reg.review.incomplete}, ${reg.sign.incomplete}`, '§5(3), §5(4)'), s003(std.completeness, '§7')],
    },
    {
      topic: 'Term for signing a refusal',
      readings: [
        'sign_refusal is same day for every refusal.',
        '§5(4): for issue the head forms "the result" (a licence or a motivated refusal, §3) within 2 working days; only the incompleteness refusal is signed the same day.',
      ],
      chosen: "Refusals on §16 grounds go to `sign`, with the head's 2/2/1 working days. Only the incompleteness refusal goes to `sign_refusal`, same day.",
      refs: [s001(`${reg.p3}, ${reg.sign.issue}`, '§3, §5(4)')],
    },
    {
      topic: 'Duplicate on the portal (standard §8, §11 against regulation §10)',
      readings: [
        'Standard: there is no portal list for a duplicate, and §8 names gateway payment only for issue and re-issue. So duplicates are paper-only.',
        'Regulation §10 gives the portal procedure, including the duplicate term, and §9 asks for fee payment through the gateway or a scanned receipt for the whole service.',
      ],
      chosen:
        'Duplicates may be requested on the portal, following the regulation (the procedure we encode). Portal documents: the e-request and fee_payment (gateway or scanned receipt).',
      configurable: "`channels: ['provider_office', 'mail']` on the duplicate sub-case makes it paper-only (the schema has per-sub-case channels).",
      refs: [s003(`${std.feeGateway}, ${std.duplicate.intro}`, '§8, §11'), s001(`${reg.portalFee}, ${reg.review.duplicate}`, '§9, §10')],
    },
    {
      topic: 'Registration certificate and ID card: submitted or fetched',
      readings: [
        '§11 lists copies of the legal-entity registration certificate and of the ID card.',
        'The next sentence says the KNB obtains the ID card, legal-entity registration and power-of-attorney data from state IS itself.',
      ],
      chosen:
        'obtainedByProvider: true on every channel: they are listed, never asked for. The IE certificate, the charter and the tax certificate are not said to be fetched, so the applicant supplies them.',
      refs: [s003(`${std.office.charter}, ${std.office.identityCard}, ${std.office.fetched}`, '§11')],
    },
    workingHoursInterpretation(std),
    deskInterpretation(std),
    {
      topic: 'Fee amount',
      readings: [`§8 charges the licence fee "in the manner set by the Tax Code" and gives only budget code 105402 and payment purpose 911 (${std.feeCodes}). No MCI figure appears in either seed.`],
      chosen: 'No mci in the definition: the amount is configuration, taken from the Tax Code in force. The fee applies to issue, re-issue and duplicate (§8 names all three); the annex is free (§8).',
      configurable: 'The MCI amount per sub-case, and the tenge value of the MCI per year.',
      refs: [s003(std.fee, '§8')],
    },
    {
      topic: 'Duplicate of an annex only: fee (§8 against §11)',
      readings: [
        '§8: no licence fee is charged for licence annexes or for duplicates of licence annexes.',
        '§11 (duplicate): the application and "a copy of the document confirming payment of the licence fee for the duplicate", without distinguishing licence from annex.',
      ],
      chosen:
        'The duplicate sub-case keeps the fee document of §11 and carries a `duplicateOf` field (licence, annex, licence and annex). The schema has one fee per sub-case and the catalog-wide sample applications build documents without form values, so the fee document is not made conditional on duplicateOf; the executor does not cite licence_fee_not_paid for an annex-only duplicate.',
      configurable: 'A fee per field value in the schema (or `when: { fields: { duplicateOf: [...] } }` on the fee documents once every caller passes form values to sampleDocuments).',
      refs: [s003(`${std.feeAnnexFree}, ${std.duplicate.intro}, ${std.duplicate.fee}`, '§8, §11')],
    },
    {
      topic: 'Refusal grounds: closed list and use by sub-case',
      readings: [
        '§16 lists the cases in which the service "is refused". Unlike S6, it has no sentence forbidding other grounds.',
        'Ground 2 names non-payment when applying for a licence. The standard does not tie grounds to sub-cases.',
      ],
      chosen:
        'exhaustiveGrounds: true. Every refusal must cite one of the five §16 grounds or the §7 incompleteness refusal. All five §16 grounds can be cited in issue, re-issue and duplicate, as the standard does not restrict them; in the annex sub-case the fee ground cannot be cited, since no fee is due.',
      refs: [s003(`${std.completeness}, ${std.grounds[0]}-${std.grounds[4]}`, '§7, §16')],
    },
    {
      topic: 'Re-issue grounds',
      readings: ['The standard names only a change of the name of the type and/or subtype of activity (filing within 30 calendar days). Other grounds of the Law "On licensing" (name or address of the licensee) are not in the text.'],
      chosen: "reissueReason has the single option activity_name_changed. The 30-calendar-day filing window is the applicant's obligation, not a provider term, and is not encoded.",
      refs: [s003(`${std.reissue.intro}, ${std.portalReissue.request}`, '§11')],
    },
    {
      topic: 'Executor term start and overall term anchor',
      readings: [
        "§5 gives the executor's terms without a start. §8(3) and §10(3) count them \"from the moment the package / request is received\" by the executor.",
        'Standard §7 counts the overall term from the day the §11 documents are submitted.',
      ],
      chosen: 'Step terms run from step_start (the executor gets the case on assignment). Overall terms run from received.',
      refs: [s001(`${reg.p8}, ${reg.p10}`, '§8(3), §10(3)'), s003(std.terms, '§7')],
    },
    {
      topic: 'Hand-over within 5 working days after the term; deemed issuance',
      readings: [
        '§16, second part: the KNB must hand the licence and/or annex over no later than 5 working days after the term of issue ends; if it does not, the licence is deemed obtained, and the inventory copy (acceptance date, registration number, accepting officer, §14) proves the lawfulness of the activity until the licence itself is received.',
        'Regulation §5(5)/§8(5)/§10: the result is sent (or delivered into the cabinet) on the day of signing.',
        'The rule speaks of the term "of issuing the licence and/or annex"; re-issue and duplicate are named separately elsewhere in the standard.',
      ],
      chosen:
        'Step terms follow the regulation (deliver and dispatch: same day as signing). The §16 rule is a case-level rule the schema cannot state: it is exported as `deemedIssuance` from src/services/shared/knb-licence.ts (5 working days after the overall due, for issue and annex) and checked in the tests against hand-computed dates. Engine need: a sub-case field such as `deemedApproval: { after: Duration, from: "overall_due", evidence }`, from which the clock plans the deemed date, and the engine records a "deemed issued" result (with the inventory copy as evidence) when no licence has been handed over by then.',
      configurable: 'The sub-cases the rule applies to (deemedIssuance.subcases).',
      refs: [s003(`${std.handover}, ${std.acceptance}`, '§14, §16'), s001(`${reg.dispatch}, ${reg.deliver}`, '§5(5), §8(5), §10')],
    },
    annexWithheld
      ? {
          topic: 'Licence annex',
          readings: [
            '§11 gives the annex its own document lists (application, licence details, qualification documents) and §8 makes it free: a sub-case of its own.',
            'The service name, §5 (result) and §7 (terms) name only issue, re-issue and duplicate; the regulation has no procedure for an annex.',
          ],
          chosen: annexWithheld,
          configurable: 'Pass `annex: { qualification: [...] }` to knbLicence to offer the sub-case.',
          refs: [s003(`${std.annexOffice.intro}, ${std.feeAnnexFree}`, '§8, §11')],
        }
      : {
          topic: 'Licence annex',
          readings: [
            '§11 gives the annex its own document lists (application, licence details, qualification documents) and §8 makes it free: a sub-case of its own.',
            'The service name, §5 (result) and §7 (terms) name only issue, re-issue and duplicate; the regulation has no procedure for an annex, so it could be left out.',
          ],
          chosen:
            'Sub-case `annex` (acts on an existing licence): the §11 annex documents, fee free, the procedure and terms of licence issue (12 + 2 working days, incompleteness refusal within 2 working days of registration; overall 15 working days), since Annex 2 requests "a licence and/or a licence annex" on one form and §14/§16 treat them alike. The fee ground cannot be cited.',
          configurable: 'The annex terms (they borrow the issue terms).',
          refs: [s003(`${std.annexOffice.intro}, ${std.feeAnnexFree}, ${std.termIssue}, ${std.handover}`, '§7, §8, §11, §16'), s003(std.formEntity, 'Annex 2')],
        },
    {
      topic: 'Paper copy of the licence on request',
      readings: ['§5: where the applicant or licensee asks for the licence and/or annex on paper, the EDS e-document is printed and certified with the seal and the signature of the head of the authorized body.'],
      chosen: 'Paper applicants get the result through `dispatch` (by hand or post). The schema has no "paper copy requested" branch for portal applicants; the printed copy is an output of dispatch, not a separate step.',
      refs: [s003(std.paperCopy, '§5'), s001(reg.p6_5, '§6(5)')],
    },
    {
      topic: 'Where paper applications are received',
      readings: ['Regulation §1: applications are received by the KNB Special Information Service.', 'Standard §9 and §13, Annex 1: at the 16 KNB subdivisions, or by mail.'],
      chosen: 'Channels provider_office (the 16 Annex 1 offices) and mail. Both are registered by the chancellery, and the result goes back by hand or post (`dispatch`).',
      refs: [s001(reg.reception, '§1'), s003(`${std.schedule}, ${std.forms}`, '§9, §12–§13')],
    },
  ];
}
