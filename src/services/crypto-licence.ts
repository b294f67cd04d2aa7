// «Выдача лицензии, переоформление, выдача дубликатов лицензии на разработку и реализацию (в том
// числе иную передачу) средств криптографической защиты информации»: issue, re-issue and duplicate
// of the KNB licence for cryptographic information protection means (CIPM).
//
// Procedure (steps, roles, step terms): regulation 2 of KNB order No. 305 of 15.09.2014,
// seed 001 L302–L521 (§5 L350–L377, §8 L405–L437, §9–§10 L443–L502).
// Standard (overall terms, documents, fee, refusal grounds, offices, forms): standard 2 of
// Government decree No. 50 of 29.01.2013, seed 003 L499–L934 (§7 L565–L575, §8 L577–L585,
// §11 L609–L678, §16 L708–L720, Annex 1 L776–L806, Annex 2 L808–L883, Annex 3 L885–L910).
// `seed` below is the seed file number; `lines` are lines of that file.
import { defineService, type ServiceDefinitionInput, type SourceRef } from '../core/regulation.ts';
import { knb } from './providers/knb.ts';

type SubCaseInput = ServiceDefinitionInput['subcases'][number];
type StepInput = SubCaseInput['steps'][number];
type FieldInput = NonNullable<SubCaseInput['fields']>[number];
type DocumentInput = NonNullable<SubCaseInput['documents']>[number];

const s001 = (lines: string, paragraph: string, note?: string): SourceRef => ({ seed: '001', lines, paragraph, ...(note ? { note } : {}) });
const s003 = (lines: string, paragraph: string, note?: string): SourceRef => ({ seed: '003', lines, paragraph, ...(note ? { note } : {}) });

const PAPER = ['provider_office', 'mail'] as const;
const PORTAL = ['portal'] as const;
const onPaper = { channels: [...PAPER] };
const onPortal = { channels: [...PORTAL] };
/** Sign-off and hand-over by channel: the portal delivers into the personal cabinet, paper goes out by hand or post. */
const toApplicant = [
  { when: onPortal, step: 'deliver' },
  { when: onPaper, step: 'dispatch' },
];
/** Copies on paper: notarized unless the originals are shown for verification (§11*, L615 ff.). */
const NOTARIZED = 'copy; notarized unless the original is presented for verification (the original is checked against state IS data and returned, L633)';

// ---------------------------------------------------------------------------------------------
// Refusal grounds: standard §16 (exhaustive list of five) and the §7 incomplete-documents refusal.

const SUBSTANTIVE_GROUNDS = [
  'activity_prohibited_for_category',
  'licence_fee_not_paid',
  'qualification_requirements_not_met',
  'court_ban_on_activity',
  'informatization_law_art40',
];
const INCOMPLETE = 'incomplete_documents';

const refusalGrounds = [
  {
    id: 'activity_prohibited_for_category',
    text: {
      kk: 'Қазақстан Республикасының заңдарымен субъектілердің осы санаты үшін қызмет түрімен айналысуға тыйым салынған',
      ru: 'Законами Республики Казахстан запрещено занятие видом деятельности для данной категории субъектов',
      en: 'The laws of the Republic of Kazakhstan prohibit this category of subjects from engaging in the activity',
    },
    ref: s003('L710', '§16(1)'),
  },
  {
    id: 'licence_fee_not_paid',
    text: {
      kk: 'Қызмет түріне лицензия беруге өтініш берілген жағдайда қызметтің жекелеген түрлерімен айналысу құқығы үшін лицензиялық алым енгізілмеген',
      ru: 'Не внесён лицензионный сбор за право занятия отдельными видами деятельности при обращении за получением лицензии',
      en: 'The licence fee for the right to engage in the activity was not paid when applying for the licence',
    },
    ref: s003('L712', '§16(2)'),
  },
  {
    id: 'qualification_requirements_not_met',
    text: {
      kk: 'Мемлекеттік қызметті алушы біліктілік талаптарына сәйкес келмейді',
      ru: 'Получатель государственной услуги не соответствует квалификационным требованиям',
      en: 'The applicant does not meet the qualification requirements',
    },
    ref: s003('L714', '§16(3)', 'Qualification requirements: Government decree No. 440 of 10.04.2012 (L547).'),
  },
  {
    id: 'court_ban_on_activity',
    text: {
      kk: 'Мемлекеттік қызметті алушыға қатысты оған қызметтің жекелеген түрімен айналысуға тыйым салатын заңды күшіне енген сот үкімі бар',
      ru: 'В отношении получателя государственной услуги имеется вступивший в законную силу приговор суда, запрещающий ему заниматься отдельным видом деятельности',
      en: 'A court sentence in force prohibits the applicant from engaging in this type of activity',
    },
    ref: s003('L716', '§16(4)'),
  },
  {
    id: 'informatization_law_art40',
    text: {
      kk: '«Ақпараттандыру туралы» 2007 жылғы 11 қаңтардағы Қазақстан Республикасы Заңының 40-бабымен көзделген негіздер бар',
      ru: 'Основания, предусмотренные статьёй 40 Закона Республики Казахстан от 11 января 2007 года «Об информатизации»',
      en: 'Grounds provided by Article 40 of the Law of the Republic of Kazakhstan of 11 January 2007 "On informatization"',
    },
    ref: s003('L718', '§16(5)'),
  },
  {
    id: INCOMPLETE,
    text: {
      kk: 'Ұсынылған құжаттардың толық болмауы және (немесе) құжаттардың көшірмелері қате болуы (өтінішті одан әрі қараудан бас тарту)',
      ru: 'Неполнота представленных документов и (или) ошибочность копий документов (отказ в дальнейшем рассмотрении заявления)',
      en: 'The submitted documents are incomplete and/or the copies are erroneous (refusal of further consideration)',
    },
    ref: s003('L575', '§7', 'Also seed 001 L359-363 (§5(3)): "в случае установления факта неполноты представленных документов … мотивированный отказ".'),
  },
];

// ---------------------------------------------------------------------------------------------
// Roles: §7 of the regulation (seed 001 L399–L404) plus the applicant and the portal.

const roles = [
  { id: 'applicant', kind: 'applicant' as const, name: { kk: 'Көрсетілетін қызметті алушы', ru: 'Услугополучатель', en: 'Applicant (service recipient)' } },
  { id: 'chancellery', kind: 'staff' as const, name: { kk: 'Көрсетілетін қызметті берушінің кеңсе қызметкері', ru: 'Сотрудник канцелярии услугодателя', en: 'Chancellery officer' } },
  { id: 'head_of_licensing', kind: 'staff' as const, name: { kk: 'Лицензиялау басқармасының басшысы', ru: 'Руководитель управления лицензирования', en: 'Head of the licensing department' } },
  {
    id: 'executor',
    kind: 'staff' as const,
    name: { kk: 'Орындаушы (лицензиялау басқармасының қызметкері)', ru: 'Исполнитель (сотрудник управления лицензирования)', en: 'Executor (licensing department officer)' },
  },
  { id: 'head_of_provider', kind: 'staff' as const, name: { kk: 'Көрсетілетін қызметті берушінің басшысы', ru: 'Руководитель услугодателя', en: 'Head of the service provider' } },
  { id: 'portal', kind: 'system' as const, name: { kk: '«Электрондық үкімет» веб-порталы', ru: 'Веб-портал «электронного правительства»', en: 'E-government web portal' } },
];

// ---------------------------------------------------------------------------------------------
// The procedure (§5, §8, §10 of the regulation). The five steps are the same in every sub-case;
// only the executor's and the head's terms differ.

const REG_5 = 'L350-377';
const REG_8 = 'L405-437';
const REG_10 = 'L472-502';

interface Terms {
  /** Executor's term in working days, counted from the moment the executor receives the package (§8(3), §10(3)). */
  review: { amount: number; ref: SourceRef };
  /** Head of the provider's term for signing the result (licence or motivated refusal). */
  sign: { amount: number; ref: SourceRef };
  /** The incomplete-documents refusal: its own term counted from registration, where one applies. */
  incompleteTerm?: SourceRef;
  /** Same-day signing of the incomplete-documents refusal. */
  signRefusalRef: SourceRef;
}

function procedure(t: Terms): StepInput[] {
  const refusalIncomplete = {
    id: 'draft_refusal_incomplete',
    label: {
      kk: 'Құжаттардың толық болмауы себебінен дәлелді бас тарту жобасы',
      ru: 'Проект мотивированного отказа в связи с неполнотой документов',
      en: 'Draft motivated refusal: incomplete documents',
    },
    next: 'sign_refusal',
    decision: 'refuse' as const,
    grounds: [INCOMPLETE],
    ...(t.incompleteTerm
      ? { term: { duration: { amount: 2, unit: 'working_days' as const, ref: t.incompleteTerm }, from: 'completed:register' } }
      : {}),
  };
  return [
    {
      id: 'register',
      role: 'chancellery',
      action: {
        kk: 'Өтінішті көрсетілетін қызметті берушінің кеңсесінде тіркеу (тіркеу мөрі, түскен күні және кіріс нөмірі)',
        ru: 'Регистрация заявления в канцелярии услугодателя (регистрационный штамп с датой поступления и входящим номером)',
        en: 'Register the application in the chancellery (registration stamp with the date of receipt and the incoming number)',
      },
      term: { duration: { amount: 0, unit: 'same_day', ref: s001('L352, L410-413, L474-476', '§5(1), §8(1), §10(1)', 'в день поступления') }, from: 'received' },
      outcomes: [{ id: 'registered', label: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' }, next: 'assign', mark: 'registered' }],
      ref: s001(REG_5, '§5(1)'),
    },
    {
      id: 'assign',
      role: 'head_of_licensing',
      action: {
        kk: 'Лицензиялау басқармасының басшысының өтінішті қарауы және орындаушыны айқындауы',
        ru: 'Рассмотрение заявления руководителем управления лицензирования и определение исполнителя',
        en: 'Consider the application and assign the executor',
      },
      term: { duration: { amount: 0, unit: 'same_day', ref: s001('L353-354, L414-415, L477-479', '§5(2), §8(2), §10(2)', 'в день поступления') }, from: 'received' },
      outcomes: [
        {
          id: 'assigned',
          label: { kk: 'Орындаушы айқындалды', ru: 'Исполнитель определён', en: 'Executor assigned' },
          next: 'review',
          assigns: 'executor',
          mark: 'in_execution',
        },
      ],
      ref: s001(REG_5, '§5(2)'),
    },
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
          grounds: [...SUBSTANTIVE_GROUNDS],
        },
        refusalIncomplete,
      ],
      ref: s001(`${REG_5}, ${REG_8}, ${REG_10}`, '§5(3), §8(3), §10(3)'),
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
      ref: s001(`${REG_5}, ${REG_8}, ${REG_10}`, '§5(4), §6(4), §8(4), §10(4)'),
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
    {
      id: 'deliver',
      role: 'portal',
      automatic: true,
      action: {
        kk: 'Нәтижені алушының «жеке кабинетіне» автоматты түрде жіберу',
        ru: 'Автоматическое направление результата в «личный кабинет» услугополучателя',
        en: "Deliver the result into the applicant's personal cabinet",
      },
      term: { duration: { amount: 0, unit: 'same_day', ref: s001('L376-377, L501-502', '§5(5), §10', 'в день подписания; автоматически направляется в «личный кабинет»') }, from: 'step_start' },
      outcomes: [
        { id: 'delivered', label: { kk: 'Жеке кабинетке жеткізілді', ru: 'Доставлено в личный кабинет', en: 'Delivered to the personal cabinet' }, next: 'end', signed: false },
      ],
      ref: s001('L501-502', '§10'),
    },
    {
      id: 'dispatch',
      role: 'chancellery',
      action: {
        kk: 'Нәтижені қол қойылған күні алушының мекенжайына қолма-қол не пошта арқылы жіберу (ілеспе хат немесе хат-хабарды беру тізіліміндегі белгі)',
        ru: 'Направление результата услугополучателю нарочно либо через почту в день подписания (сопроводительное письмо или отметка в реестре передачи корреспонденции)',
        en: 'Send the result to the applicant by hand or by post on the day of signing (cover letter or mark in the correspondence register)',
      },
      term: { duration: { amount: 0, unit: 'same_day', ref: s001('L376-377, L435-437', '§5(5), §8(5)', 'в день подписания … нарочно либо через почту') }, from: 'step_start' },
      outcomes: [{ id: 'dispatched', label: { kk: 'Жіберілді', ru: 'Направлено', en: 'Dispatched' }, next: 'end' }],
      ref: s001('L390-393, L435-437', '§6(5), §8(5)'),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Form fields: Annex 2 of the standard (legal-entity form L815–L848, individual form L850–L883).

const ENTITY = { applicantKinds: ['legal_entity' as const] };
const PERSON = { applicantKinds: ['individual' as const, 'entrepreneur' as const] };
const FORM_LE = s003('L815-848', 'Annex 2 (legal entity)');
const FORM_IND = s003('L850-883', 'Annex 2 (individual)');

const applicationFields: FieldInput[] = [
  { id: 'legalEntityName', type: 'text', when: ENTITY, ref: FORM_LE, label: { kk: 'Заңды тұлғаның толық атауы', ru: 'Полное наименование юридического лица', en: 'Full name of the legal entity' } },
  { id: 'bin', type: 'bin', when: ENTITY, ref: FORM_LE, label: { kk: 'БСН', ru: 'БИН', en: 'BIN' } },
  { id: 'fullName', type: 'text', when: PERSON, ref: FORM_IND, label: { kk: 'Жеке тұлғаның тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество физического лица', en: 'Full name of the individual' } },
  { id: 'iin', type: 'iin', when: PERSON, ref: FORM_IND, label: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' } },
  {
    id: 'activity',
    type: 'select',
    ref: s003('L823-826, L858-861', 'Annex 2', 'Type and/or subtype of activity; the qualification test applies to development only (§11, L627).'),
    label: { kk: 'Қызметтің кіші түрі', ru: 'Подвид деятельности', en: 'Subtype of activity' },
    options: [
      { value: 'development', label: { kk: 'АКҚҚ әзірлеу', ru: 'Разработка СКЗИ', en: 'Development of CIPM' } },
      { value: 'sale', label: { kk: 'АКҚҚ өткізу (оның ішінде өзге де беру)', ru: 'Реализация (в том числе иная передача) СКЗИ', en: 'Sale (including other transfer) of CIPM' } },
      {
        value: 'development_and_sale',
        label: { kk: 'АКҚҚ әзірлеу және өткізу (оның ішінде өзге де беру)', ru: 'Разработка и реализация (в том числе иная передача) СКЗИ', en: 'Development and sale (including other transfer) of CIPM' },
      },
    ],
  },
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
  { id: 'residence', type: 'textarea', when: PERSON, ref: FORM_IND, label: { kk: 'Тұрғылықты жері', ru: 'Место жительства', en: 'Place of residence' } },
  { id: 'idDocumentType', type: 'text', when: PERSON, ref: FORM_IND, label: { kk: 'Жеке басын куәландыратын құжаттың түрі', ru: 'Вид документа, удостоверяющего личность', en: 'Identity document: type' } },
  { id: 'idDocumentSeries', type: 'text', required: false, when: PERSON, ref: FORM_IND, label: { kk: 'Құжаттың сериясы', ru: 'Серия документа', en: 'Identity document: series' } },
  { id: 'idDocumentNumber', type: 'text', when: PERSON, ref: FORM_IND, label: { kk: 'Құжаттың нөмірі', ru: 'Номер документа', en: 'Identity document: number' } },
  { id: 'idDocumentIssuer', type: 'text', when: PERSON, ref: FORM_IND, label: { kk: 'Құжатты берген орган', ru: 'Кем выдан документ', en: 'Identity document: issued by' } },
  { id: 'idDocumentIssueDate', type: 'date', when: PERSON, ref: FORM_IND, label: { kk: 'Құжаттың берілген күні', ru: 'Дата выдачи документа', en: 'Identity document: date of issue' } },
  {
    id: 'bankAccount',
    type: 'text',
    required: false,
    ref: s003('L832-833, L871-873', 'Annex 2', 'Account number, bank name and location. The individual form says "if any"; the legal-entity form has no qualifier — one optional field, since `required` cannot vary by applicant kind.'),
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
  { id: 'headFullName', type: 'text', when: ENTITY, ref: FORM_LE, label: { kk: 'Басшының тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество руководителя', en: "Head's full name" } },
];

const previousLicenceField: FieldInput = {
  id: 'previousLicence',
  type: 'reference',
  ref: s003('L652, L662, L674', '§11', 'Licence details on www.elicense.kz.'),
  label: { kk: 'Лицензияның нөмірі мен берілген күні', ru: 'Номер и дата выдачи лицензии', en: 'Licence number and date of issue' },
};

// ---------------------------------------------------------------------------------------------
// Documents: standard §11 (office and mail L611–L668; portal L670–L678, issue list missing).

const doc = {
  application: {
    id: 'application',
    when: onPaper,
    name: { kk: 'Белгіленген нысандағы өтініш (2-қосымша)', ru: 'Заявление по установленной форме (приложение 2)', en: 'Application in the prescribed form (Annex 2)' },
    ref: s003('L613', '§11(1)', 'On the portal the form fields, signed with the applicant\'s EDS, are the e-request (seed 001 L467).'),
  },
  charter: {
    id: 'charter',
    when: ENTITY,
    name: { kk: 'Заңды тұлғаның жарғысы', ru: 'Устав юридического лица', en: 'Charter of the legal entity' },
    ref: s003('L615', '§11(1)', `${NOTARIZED}. Portal: attached as an e-document (reconstructed, see interpretations).`),
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
    ref: s003('L615, L631', '§11(1)', 'Listed as a copy, but the KNB obtains the data from state IS (L631).'),
  },
  identityCard: {
    id: 'identity_card',
    when: PERSON,
    obtainedByProvider: true,
    name: { kk: 'Қазақстан Республикасы азаматының жеке куәлігі', ru: 'Удостоверение личности гражданина Республики Казахстан', en: 'Identity card of a citizen of Kazakhstan' },
    ref: s003('L617, L631', '§11(1)', 'Listed as a copy for an individual, but the KNB obtains the data from state IS (L631). Applied to entrepreneurs too (an IE is an individual).'),
  },
  entrepreneurRegistration: {
    id: 'entrepreneur_registration',
    when: { applicantKinds: ['entrepreneur' as const] },
    name: {
      kk: 'Дара кәсіпкер ретінде мемлекеттік тіркелгені туралы куәлік',
      ru: 'Свидетельство о государственной регистрации индивидуального предпринимателя',
      en: 'Certificate of state registration as an individual entrepreneur',
    },
    ref: s003('L619', '§11(1)', NOTARIZED),
  },
  taxRegistration: {
    id: 'tax_registration',
    name: { kk: 'Салық органының есебінде тұрғаны туралы куәлік', ru: 'Свидетельство о постановке на налоговый учёт', en: 'Certificate of tax registration' },
    ref: s003('L621', '§11(1)', NOTARIZED),
  },
  feeReceiptCopy: (lines: string, what: string) => ({
    id: 'fee_receipt_copy',
    when: onPaper,
    name: {
      kk: 'Бюджетке лицензиялық алым төленгенін растайтын құжаттың көшірмесі',
      ru: 'Копия документа, подтверждающего уплату в бюджет лицензионного сбора',
      en: 'Copy of the document confirming payment of the licence fee',
    },
    ref: s003(lines, '§11(1)', `${what}; ${NOTARIZED}`),
  }),
  feePayment: (ref: SourceRef) => ({
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
    ref: s001('L466', '§9(2)'),
  },
  specialistDiploma: {
    id: 'specialist_diploma',
    name: {
      kk: 'Мәлімделген маманның жоғары техникалық білімі туралы дипломы',
      ru: 'Диплом заявленного специалиста о высшем техническом образовании',
      en: 'Diploma of higher technical education of the declared specialist',
    },
    ref: s003('L625-627', '§11(1)', `${NOTARIZED}. Portal: attached as an e-document.`),
  },
  qualificationTest: {
    id: 'qualification_test',
    required: false,
    obtainedByProvider: true,
    name: {
      kk: 'Мәлімделген маманның лицензиарға біліктілік сынағын тапсыруы (тек әзірлеу үшін)',
      ru: 'Сдача заявленным специалистом квалификационного испытания у лицензиара (только для разработки)',
      en: 'Qualification test of the declared specialist at the licensor (development only)',
    },
    ref: s003('L627', '§11(1)', 'Required when `activity` is development or development_and_sale; the licensor sets the questions and holds the result. Not expressible as a `when` condition, hence required: false.'),
  },
  premisesTitle: {
    id: 'premises_title',
    name: {
      kk: 'Жеке меншік құқығында немесе өзге заңды негіздегі үй-жайдың болуын растайтын құқық беретін құжат',
      ru: 'Правоустанавливающий документ, подтверждающий наличие помещения на праве собственности или ином законном основании',
      en: 'Title document for premises held in ownership or on another lawful basis',
    },
    ref: s003('L629', '§11(1)', `Per Government decree No. 440 of 10.04.2012. ${NOTARIZED}. Portal: attached as an e-document.`),
  },
  powerOfAttorney: {
    id: 'power_of_attorney',
    when: onPaper,
    required: false,
    obtainedByProvider: true,
    name: { kk: 'Өкілге сенімхат', ru: 'Доверенность представителя', en: "Representative's power of attorney" },
    ref: s003('L609, L631', '§11', 'Only when a representative applies; the KNB obtains the data from state IS.'),
  },
  previousLicence: (lines: string) => ({
    id: 'previous_licence',
    obtainedByProvider: true,
    name: {
      kk: 'Лицензияның және лицензияға қосымшаның мәліметтері (www.elicense.kz)',
      ru: 'Сведения о лицензии и приложении к лицензии (www.elicense.kz)',
      en: 'Details of the licence and its annex (www.elicense.kz)',
    },
    ref: s003(lines, '§11', 'The KNB obtains licence details from state IS.'),
  }),
  licenceCopy: (lines: string) => ({
    id: 'licence_copy',
    required: false,
    name: { kk: 'Лицензияның және лицензияға қосымшаның көшірмелері', ru: 'Копии лицензии и приложения к лицензии', en: 'Copies of the licence and its annex' },
    ref: s003(lines, '§11', 'Only where the licence is not on www.elicense.kz ("болған жағдайда"). Portal: attached as e-documents.'),
  }),
} satisfies Record<string, DocumentInput | ((...a: never[]) => DocumentInput)>;

const PORTAL_FEE_REF = s001('L462-465', '§9(1)', 'Gateway payment or the scanned paper receipt; the KNB obtains gateway payment data from state IS (seed 003 L678).');

// ---------------------------------------------------------------------------------------------

const fee = { kind: 'licence_fee' as const, budgetCode: '105402', paymentPurposeCode: '911', ref: s003('L577-585', '§8', 'Amount set by the Tax Code; no figure in the seed.') };

export const cryptoLicence = defineService({
  id: 'crypto-licence',
  version: '2014-10-24',
  name: {
    kk: 'Ақпаратты криптографиялық қорғау құралдарын әзірлеуге және өткізуге (оның ішінде өзге де беруге) лицензия беру, оны қайта ресімдеу, лицензияның телнұсқаларын беру',
    ru: 'Выдача лицензии, переоформление, выдача дубликатов лицензии на разработку и реализацию (в том числе иную передачу) средств криптографической защиты информации',
    en: 'Issue, re-issue and duplicates of a licence for the development and sale (including other transfer) of cryptographic information protection means',
  },
  shortName: { kk: 'АКҚҚ лицензиясы', ru: 'Лицензия на СКЗИ', en: 'Cryptography (CIPM) licence' },
  status: 'active',
  effective: { from: '2014-10-24' },
  sources: [
    {
      act: {
        kk: 'ҚР Ұлттық қауіпсіздік комитеті Төрағасының «Қазақстан Республикасы Ұлттық қауіпсіздік комитеті көрсететін мемлекеттік қызметтердің регламенттерін бекіту туралы» бұйрығы (2-қосымша)',
        ru: 'Приказ Председателя КНБ РК «Об утверждении регламентов государственных услуг, оказываемых Комитетом национальной безопасности Республики Казахстан» (приложение 2)',
        en: 'Order of the KNB Chairman "On approval of the regulations of state services rendered by the National Security Committee" (Appendix 2)',
      },
      number: '305',
      date: '2014-09-15',
      registered: 'Ministry of Justice of the Republic of Kazakhstan, 13.10.2014, No. 9790',
      effectiveFrom: '2014-10-24',
      repealedBy: 'Order of the KNB Chairman No. 43 of 27.05.2015 (in force 21 calendar days after its first official publication)',
      ref: s001(
        'L1-15, L72-73, L302-521',
        '§5 of the order; Appendix 2',
        'In force 10 calendar days after first official publication; the publication date is not in the seed, so 24.10.2014 (registration 13.10.2014 + 10 days) is the earliest possible date. The repeal date (order No. 43 + 21 days) is not in the seed either: no effectiveTo.',
      ),
    },
    {
      act: {
        kk: 'Қазақстан Республикасы Үкіметінің «Қазақстан Республикасы Ұлттық қауіпсіздік комитеті көрсететін мемлекеттік қызмет стандарттарын бекіту туралы» қаулысы (2-стандарт)',
        ru: 'Постановление Правительства РК «Об утверждении стандартов государственных услуг, оказываемых Комитетом национальной безопасности Республики Казахстан» (стандарт 2)',
        en: 'Government decree "On approval of standards of state services provided by the National Security Committee" (standard 2)',
      },
      number: '50',
      date: '2013-01-29',
      repealedBy: 'Government decree No. 600 of 31.05.2014 (in force 10 calendar days after its first official publication)',
      ref: s003(
        'L1-27, L499-934',
        'operative §2; standard 2',
        'In force 10 calendar days after first official publication (L27); neither that date nor the date decree No. 600 took effect is in the seed: no effectiveFrom/effectiveTo.',
      ),
    },
    {
      act: {
        kk: 'Қазақстан Республикасы Үкіметінің мемлекеттік қызмет стандарттарын бекіту туралы қаулысы (тәртіптің негізі; мәтіні сидтерде жоқ)',
        ru: 'Постановление Правительства РК об утверждении стандартов государственных услуг (Стандарт, на котором основан регламент; текста нет в сидах)',
        en: 'Government decree approving the state-service standards that the regulation implements (text not in the seeds)',
      },
      number: '600',
      date: '2014-05-31',
      ref: s001('L315-327', '§1', 'The regulation cites the Standard of decree No. 600; the standard text we encode is its predecessor, decree No. 50 (seed 003).'),
    },
  ],
  provider: knb,
  channels: ['portal', 'provider_office', 'mail'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles,
  refusalGrounds,
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'issue',
      name: { kk: 'Лицензия беру', ru: 'Выдача лицензии', en: 'Issue of a licence' },
      term: { duration: { amount: 15, unit: 'working_days', ref: s003('L565', '§7', 'он бес жұмыс күні, from the day the documents of §11 are submitted') }, from: 'received' },
      fields: applicationFields,
      documents: [
        doc.application,
        doc.charter,
        doc.legalEntityRegistration,
        doc.identityCard,
        doc.entrepreneurRegistration,
        doc.taxRegistration,
        doc.feeReceiptCopy('L623', 'for the right to engage in the licensed activity'),
        doc.feePayment(PORTAL_FEE_REF),
        doc.qualificationForm,
        doc.specialistDiploma,
        doc.qualificationTest,
        doc.premisesTitle,
        doc.powerOfAttorney,
      ],
      fee,
      firstStep: 'register',
      steps: procedure({
        review: { amount: 12, ref: s001('L359, L421, L484', '§5(3), §8(3), §10(3)', 'при выдаче лицензии - в течение 12 рабочих дней') },
        sign: { amount: 2, ref: s001('L371, L430, L496', '§5(4), §8(4), §10(4)', 'при выдаче лицензии - в течение 2 рабочих дней') },
        incompleteTerm: s001('L359-363, L421-425, L484-488', '§5(3), §8(3), §10(3)', 'мотивированный отказ … формируется в течение 2 рабочих дней с момента регистрации заявления'),
        signRefusalRef: s001('L371-373, L430-432, L496-498', '§5(4), §8(4), §10(4)', 'в случае установления факта неполноты представленных документов - в день формирования результата'),
      }),
    },
    {
      id: 'reissue',
      name: { kk: 'Лицензияны қайта ресімдеу', ru: 'Переоформление лицензии', en: 'Re-issue (re-registration) of a licence' },
      term: { duration: { amount: 10, unit: 'working_days', ref: s003('L567', '§7', 'он жұмыс күні') }, from: 'received' },
      actsOnPrevious: true,
      fields: [
        ...applicationFields,
        previousLicenceField,
        {
          id: 'reissueReason',
          type: 'select',
          ref: s003('L658, L672', '§11', 'The only re-issue ground the standard names; to be filed within 30 calendar days of the change.'),
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
        doc.application,
        doc.previousLicence('L662, L666, L674, L678'),
        doc.licenceCopy('L662, L674'),
        doc.feeReceiptCopy('L664', 'for the licensed activity'),
        doc.feePayment(s003('L676-678', '§11 (portal re-issue)', 'Information on fee payment through the gateway; a scanned paper receipt is accepted per seed 001 L462-465.')),
        doc.powerOfAttorney,
      ],
      fee,
      firstStep: 'register',
      steps: procedure({
        review: { amount: 8, ref: s001('L367, L426, L489', '§5(3), §8(3), §10(3)', 'при переоформлении лицензии - в течение 8 рабочих дней') },
        sign: { amount: 2, ref: s001('L374, L433, L499', '§5(4), §8(4), §10(4)', 'при переоформлении лицензии - в течение 2 рабочих дней') },
        incompleteTerm: s003('L575', '§7', 'Completeness of the applicant\'s (licensee\'s) documents is checked within 2 working days; the regulation states this term for issue only (see interpretations).'),
        signRefusalRef: s001('L371-373', '§5(4)', 'Same-day signing of the incompleteness refusal, stated for issue, applied to re-issue (see interpretations).'),
      }),
    },
    {
      id: 'duplicate',
      name: { kk: 'Лицензияның телнұсқасын беру', ru: 'Выдача дубликата лицензии', en: 'Issue of a duplicate licence' },
      term: { duration: { amount: 2, unit: 'working_days', ref: s003('L569', '§7', 'екі жұмыс күні') }, from: 'received' },
      actsOnPrevious: true,
      fields: [
        ...applicationFields,
        previousLicenceField,
        {
          id: 'duplicateReason',
          type: 'select',
          ref: s003('L652', '§11', 'жоғалған, бүлінген'),
          label: { kk: 'Телнұсқа алу себебі', ru: 'Причина выдачи дубликата', en: 'Reason for the duplicate' },
          options: [
            { value: 'lost', label: { kk: 'Лицензия жоғалды', ru: 'Лицензия утеряна', en: 'Licence lost' } },
            { value: 'damaged', label: { kk: 'Лицензия бүлінді', ru: 'Лицензия испорчена', en: 'Licence damaged' } },
          ],
        },
      ],
      documents: [
        doc.application,
        doc.feeReceiptCopy('L656', 'for the duplicate'),
        doc.feePayment(s001('L462-465', '§9(1)', 'No portal list for duplicates in the standard; reconstructed from the regulation\'s portal procedure (see interpretations).')),
        doc.powerOfAttorney,
      ],
      fee,
      firstStep: 'register',
      steps: procedure({
        review: { amount: 1, ref: s001('L368, L427, L493', '§5(3), §8(3), §10(3)', 'при выдачи дубликата лицензии - в течение 1 рабочего дня') },
        sign: { amount: 1, ref: s001('L375, L434, L500', '§5(4), §8(4), §10(4)', 'при выдачи дубликата лицензии - в течение 1 рабочего дня') },
        signRefusalRef: s001('L371-373', '§5(4)', 'Same-day signing of the incompleteness refusal, stated for issue, applied to duplicates (see interpretations).'),
      }),
    },
  ],
  result: {
    document: {
      kk: 'Ақпаратты криптографиялық қорғау құралдарын әзірлеуге және өткізуге (оның ішінде өзге де беруге) лицензия',
      ru: 'Лицензия на разработку и реализацию (в том числе иную передачу) средств криптографической защиты информации',
      en: 'Licence for the development and sale (including other transfer) of cryptographic information protection means',
    },
    refusal: {
      kk: 'Мемлекеттік қызмет көрсетуден бас тарту туралы дәлелді жауап',
      ru: 'Мотивированный отказ в оказании государственной услуги',
      en: 'Motivated refusal to render the state service',
    },
    registry: 'licences',
    numberPrefix: 'KNB-CIPM',
  },
  interpretations: [
    {
      topic: 'Which acts make up this version',
      readings: [
        'Procedure: seed 001 regulation 2 (order No. 305, 2014). It implements the Standard of Government decree No. 600 of 31.05.2014, whose text is not in the seeds.',
        'Standard: seed 003 standard 2 (decree No. 50, 2013) is the text we have; decree No. 600 repealed it, so the two acts were never in force together.',
      ],
      chosen:
        'Combine them: steps, roles and step terms from seed 001; overall terms, documents, fee, refusal grounds, offices and forms from seed 003. The figures fit each other: the step terms add up to 12+2 / 8+2 / 1+1 working days after the same-day steps, within the 15 / 10 / 2 days of §7. Replace the standard data when the decree No. 600 text is available.',
      refs: [s001('L315-327', '§1'), s003('L1-9', 'header'), s003('L565-575', '§7')],
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
        'Keep the service runnable as the platform\'s reference service.',
      ],
      chosen:
        'status "active" with no effective.to. The catalog keeps this historical regulation runnable as the platform\'s reference service for the demo. The repeal facts stay in `sources` (repealedBy). Set status "repealed" and effective.to if the catalog ever has to reflect legal force.',
      refs: [s001('L5-13', 'header'), s003('L5-9', 'header')],
    },
    {
      topic: 'Incomplete-documents refusal: its own outcome and its term in each sub-case',
      readings: [
        'Regulation §5(3)/§8(3)/§10(3): only under "issue" is the incompleteness refusal formed within 2 working days from registration, and the head signs it the same day. Nothing is said for re-issue or duplicate.',
        'Standard §7 (L575): the completeness of the applicant\'s (licensee\'s, «лицензиаттың») documents is checked within 2 working days of receipt for every application. The licensee is the one who asks for re-issue or a duplicate.',
        'A single draft_refusal outcome with the 2-day term. Rejected: a refusal on qualification grounds after a 12-day review would then be overdue from day 3.',
      ],
      chosen:
        'review has three outcomes: draft_approval → sign; draft_refusal (the five §16 grounds, within the step term 12/8/1 WD) → sign; draft_refusal_incomplete (ground incomplete_documents) → sign_refusal (same day). The 2-working-day term from completed:register applies to issue (regulation) and re-issue (standard §7). Duplicate keeps its 1-working-day step term, which is already shorter. The incomplete_documents ground can be cited in every sub-case.',
      configurable: 'Drop the `term` on reissue\'s draft_refusal_incomplete to follow the regulation\'s letter only.',
      refs: [s001('L359-363, L371-373', '§5(3), §5(4)'), s003('L575', '§7')],
    },
    {
      topic: 'Term for signing a refusal',
      readings: [
        'sign_refusal is same day for every refusal.',
        '§5(4): for issue the head forms "the result" (a licence or a motivated refusal, §3) within 2 working days; only the incompleteness refusal is signed the same day.',
      ],
      chosen: 'Refusals on §16 grounds go to `sign`, with the head\'s 2/2/1 working days. Only the incompleteness refusal goes to `sign_refusal`, same day.',
      refs: [s001('L334-337, L369-375', '§3, §5(4)')],
    },
    {
      topic: 'Portal document lists for issue missing (SOURCE DEFECT)',
      readings: [
        'Seed 003 S2 §11 has no "2) порталда:" heading and no portal lists for a new licence or a licence annex. An orphan fragment at L670 is the tail of the missing block.',
        'S1\'s portal list (seed 003 L193-234) with S2\'s qualification set substituted: diploma, premises title, test for development; no clearance, no equipment list.',
      ],
      chosen:
        'Reconstructed as the second reading. Portal issue: charter (legal entity), IE registration (entrepreneur) and tax registration as attached e-documents; legal-entity registration and ID obtained by the KNB; fee_payment (gateway or scanned receipt); diploma and premises title as e-documents; qualification test. Seed 001 §9(2) adds the qualification-requirements information form (qualification_form). Confirm against an authoritative copy of decree No. 50 (adilet P1300000050).',
      refs: [s003('L668-672', '§11'), s003('L193-234', 'S1 §11 portal'), s001('L461-466', '§9')],
    },
    {
      topic: 'Duplicate on the portal',
      readings: [
        'Standard: there is no portal list for a duplicate, and §8 names gateway payment only for issue and re-issue (L581). So duplicates are paper-only.',
        'Regulation §10 gives the portal procedure, including the duplicate term (L493, L500), and §9 asks for fee payment through the gateway or a scanned receipt for the whole service.',
      ],
      chosen:
        'Duplicates may be requested on the portal, following the regulation (the procedure we encode). Portal documents: the e-request and fee_payment (gateway or scanned receipt). The schema has channels per service, not per sub-case, so a paper-only duplicate would need a schema change.',
      refs: [s003('L581-583, L652-656', '§8, §11'), s001('L462-465, L493, L500', '§9, §10')],
    },
    {
      topic: 'Registration certificate and ID card: submitted or fetched',
      readings: [
        '§11 lists copies of the legal-entity registration certificate and of the ID card.',
        'The next sentence (L631) says the KNB obtains the ID card, legal-entity registration and power-of-attorney data from state IS itself.',
      ],
      chosen: 'obtainedByProvider: true on every channel: they are listed, never asked for. The IE certificate, the charter and the tax certificate are not said to be fetched, so the applicant supplies them.',
      refs: [s003('L615-621, L631', '§11')],
    },
    {
      topic: 'Qualification test only for development',
      readings: ['§11 requires the qualification test only for a licence for development of CIPM. The diploma and premises title apply to every subtype.'],
      chosen:
        'qualification_test is a document with required: false and obtainedByProvider: true (the licensor runs the test and holds the result). Conditions cannot refer to field values (activity = development | development_and_sale), so the executor checks it.',
      configurable: 'A field-value condition in the schema would make it required exactly when it applies.',
      refs: [s003('L627', '§11')],
    },
    {
      topic: 'KNB staff working hours',
      readings: [
        'Annex 1: applicants are received Mon–Fri 10:00–12:00. This is a reception window, not staff hours.',
        '§21: KNB working days 9:00–19:00, lunch 13:00–15:00, weekends and holidays off. This is the only KNB staff schedule in the seeds.',
        '9:00–18:30: appears in neither seed 001 nor seed 003.',
      ],
      chosen:
        'Provider workingHours 09:00–19:00 with a 13:00–15:00 break, Mon–Fri (the frame for working-hour terms and portal receipt). Offices carry the 10:00–12:00 reception.',
      refs: [s003('L750', '§21'), s003('L776-806', 'Annex 1')],
    },
    {
      topic: 'Fee amount',
      readings: ['§8 charges the licence fee "in the manner set by the Tax Code" and gives only budget code 105402 and payment purpose 911. No MCI figure appears in either seed.'],
      chosen:
        'No mci in the definition: the amount is configuration, taken from the Tax Code in force. The fee applies to issue, re-issue and duplicate (§8 names all three). §8 says licence annexes are free, but annexes are not a sub-case here.',
      configurable: 'The MCI amount per sub-case, and the tenge value of the MCI per year.',
      refs: [s003('L577-585', '§8')],
    },
    {
      topic: 'Refusal grounds: closed list and use by sub-case',
      readings: [
        '§16 lists the cases in which the service "is refused". Unlike S6, it has no sentence forbidding other grounds.',
        'Ground 2 names non-payment when applying for a licence. The standard does not tie grounds to sub-cases.',
      ],
      chosen:
        'exhaustiveGrounds: true. Every refusal must cite one of the five §16 grounds or the §7 incompleteness refusal. All five §16 grounds can be cited in every sub-case, as the standard does not restrict them.',
      refs: [s003('L575, L708-718', '§7, §16')],
    },
    {
      topic: 'Re-issue grounds',
      readings: ['The standard names only a change of the name of the type and/or subtype of activity (filing within 30 calendar days). Other grounds of the Law "On licensing" (name or address of the licensee) are not in the text.'],
      chosen:
        'reissueReason has the single option activity_name_changed. The 30-calendar-day filing window is the applicant\'s obligation, not a provider term, and is not encoded.',
      refs: [s003('L658, L672', '§11')],
    },
    {
      topic: 'Executor term start and overall term anchor',
      readings: [
        '§5 gives the executor\'s terms without a start. §8(3) and §10(3) count them "from the moment the package / request is received" by the executor.',
        'Standard §7 counts the overall term from the day the §11 documents are submitted.',
      ],
      chosen: 'Step terms run from step_start (the executor gets the case on assignment). Overall terms run from received.',
      refs: [s001('L416-421, L480-484', '§8(3), §10(3)'), s003('L565-569', '§7')],
    },
    {
      topic: 'Rules not expressible in the schema',
      readings: [
        '§16 second part: the licence must be handed over within 5 working days after the term ends, otherwise it is deemed obtained and the inventory copy proves lawful activity.',
        '§5: a paper copy of the licence is printed and certified on request.',
        'Licence annex («лицензияға қосымша»): a separate document set in §11, no fee, and no procedure in the regulation.',
      ],
      chosen:
        'None of these is encoded. The legal clock or the engine should add the deemed-issuance rule. Paper applicants get the result through `dispatch`. An `annex` sub-case can be added when needed.',
      refs: [s003('L559-561, L635-650, L720', '§5, §11, §16')],
    },
    {
      topic: 'Where paper applications are received',
      readings: [
        'Regulation §1: applications are received by the KNB Special Information Service.',
        'Standard §9 and §13, Annex 1: at the 16 KNB subdivisions, or by mail.',
      ],
      chosen:
        'Channels provider_office (the 16 Annex 1 offices) and mail. Both are registered by the chancellery, and the result goes back by hand or post (`dispatch`).',
      refs: [s001('L328-331', '§1'), s003('L589, L686', '§9, §13')],
    },
  ],
});

export default cryptoLicence;
