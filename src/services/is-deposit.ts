// «Ақпараттық жүйелерді, бағдарламалық өнімдерді, бағдарламалық кодтарды және нормативтік-техникалық
// құжаттаманы сақтауға беру»: deposit of information systems, software products, program code and
// normative-technical documentation for storage with the RSE "State Technical Service".
//
// Regulation: Annex 1 of order No. 877 of 24.08.2015, seed 002 L90-236 (§1-§3 L106-120, §4
// L126-132, §5 L136-152, §6 L153-165, §7 L171-182, §8 L183-210, §9 L211-218). The standard
// (order No. 476) is not in the seeds. `lines` below are lines of seeds/002_9a288a2ba218168f.txt.
//
// The procedure is paper-only through the provider's office. The steps follow the hand-over
// sequence of §8, hop by hop (one step per role and term); the §5 summary figures are kept in
// the refs and the discrepancies in `interpretations`.
import { defineService, type ServiceDefinitionInput } from '../core/regulation.ts';
import { stateTechnicalService } from './providers/informatization.ts';
import { commonInterpretations, lawOnStateServices, order209Source, order877Source, ORDER_877_IN_FORCE, ROLE, s002, standard476Source } from './shared/informatization-order-877.ts';

type SubCaseInput = ServiceDefinitionInput['subcases'][number];
type StepInput = SubCaseInput['steps'][number];

const ANNEX_1 = 'L90-236';
const hours = (amount: number, lines: string, paragraph: string, note?: string) => ({ duration: { amount, unit: 'working_hours' as const, ref: s002(lines, paragraph, note) }, from: 'step_start' });
const workdays = (amount: number, lines: string, paragraph: string, note?: string, from = 'step_start') => ({ duration: { amount, unit: 'working_days' as const, ref: s002(lines, paragraph, note) }, from });

// ---------------------------------------------------------------------------------------------
// §8: the hand-over sequence. Routing (1 h + 1 h + 1 h + 15 min), then the responsible
// executor's five tasks inside "он тоғыз жұмыс күнін ішінде" (19 working days), then dispatch.

const steps: StepInput[] = [
  {
    id: 'register',
    role: 'office',
    action: {
      kk: 'Өтінімді тіркеу нөмірін бере отырып қабылдау және тіркеу, содан кейін көрсетілетін қызметті берушінің басшысына беру',
      ru: 'Приём и регистрация заявки с присвоением регистрационного номера и передача её руководителю услугодателя',
      en: 'Accept and register the application with a registration number, then pass it to the head of the provider',
    },
    term: { ...hours(1, 'L138-139, L185-187', '§5(1), §8(1)', 'бір сағат ішінде (§5 and §8 agree)'), from: 'received' },
    outcomes: [{ id: 'registered', label: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' }, next: 'assign_unit', mark: 'registered' }],
    ref: s002('L138-139, L185-187', '§5(1), §8(1)'),
  },
  {
    id: 'assign_unit',
    role: 'head_of_provider',
    action: {
      kk: 'Өтінімді қарау үшін жауапты құрылымдық бөлімшені айқындау (қарар)',
      ru: 'Определение структурного подразделения, ответственного за рассмотрение заявки (резолюция)',
      en: 'Determine the structural unit responsible for reviewing the application (resolution)',
    },
    term: hours(1, 'L188-189', '§8(2)', 'бір сағат ішінде; §5(2) gives 3 hours for the whole routing (see interpretations)'),
    outcomes: [{ id: 'unit_assigned', label: { kk: 'Бөлімше айқындалды', ru: 'Подразделение определено', en: 'Unit determined' }, next: 'pass_to_deputy' }],
    ref: s002('L140-141, L158, L188-189', '§5(2), §6(2), §8(2)'),
  },
  {
    id: 'pass_to_deputy',
    role: 'unit_head',
    action: {
      kk: 'Өтінімді құрылымдық бөлімше басшысының орынбасарына беру',
      ru: 'Передача заявки заместителю руководителя структурного подразделения',
      en: 'Pass the application to the deputy head of the unit',
    },
    term: hours(1, 'L190-191', '§8(3)', 'бір сағат ішінде'),
    outcomes: [{ id: 'passed', label: { kk: 'Берілді', ru: 'Передано', en: 'Passed on' }, next: 'assign_section' }],
    ref: s002('L190-191', '§8(3)'),
  },
  {
    id: 'assign_section',
    role: 'unit_deputy',
    action: {
      kk: 'Құжаттарды қарайтын бөлімді айқындау',
      ru: 'Определение отдела, рассматривающего документы',
      en: 'Determine the section that will review the documents',
    },
    term: hours(1, 'L192-193', '§8(4)', 'бір сағат ішінде'),
    outcomes: [{ id: 'section_assigned', label: { kk: 'Бөлім айқындалды', ru: 'Отдел определён', en: 'Section determined' }, next: 'assign_executor' }],
    ref: s002('L192-193', '§8(4)'),
  },
  {
    id: 'assign_executor',
    role: 'section_head',
    action: { kk: 'Жауапты орындаушыны айқындау', ru: 'Определение ответственного исполнителя', en: 'Assign the responsible executor' },
    term: { duration: { amount: 15, unit: 'minutes', ref: s002('L194-195', '§8(5)', 'он бес минут ішінде') }, from: 'step_start' },
    outcomes: [
      { id: 'executor_assigned', label: { kk: 'Орындаушы айқындалды', ru: 'Исполнитель определён', en: 'Executor assigned' }, next: 'review_application', assigns: 'executor', mark: 'in_execution' },
    ],
    ref: s002('L194-195', '§8(5)'),
  },
  {
    id: 'review_application',
    role: 'executor',
    action: { kk: 'Сақтауға беру өтінімін қарау', ru: 'Рассмотрение заявки на депонирование', en: 'Review the deposit application' },
    term: hours(2, 'L197', '§8(6)', 'екі сағат ішінде'),
    outcomes: [{ id: 'reviewed', label: { kk: 'Қаралды', ru: 'Рассмотрено', en: 'Reviewed' }, next: 'check_completeness' }],
    ref: s002('L142-143, L196-197', '§5(3), §8(6)'),
  },
  {
    id: 'check_completeness',
    role: 'executor',
    action: {
      kk: 'Сақтауға беру объектісінің толымдылығын және сақтауға беру өтінімінде көрсетілген материалдардың сәйкестігін тексеру',
      ru: 'Проверка комплектности объекта депонирования и соответствия материалов, указанных в заявке на депонирование',
      en: 'Check the completeness of the deposit object and the conformity of the materials to those listed in the deposit application',
    },
    term: workdays(7, 'L198-200', '§8(6)', 'жеті жұмыс күні ішінде'),
    outcomes: [{ id: 'complete', label: { kk: 'Толық және сәйкес', ru: 'Комплектно и соответствует', en: 'Complete and conforming' }, next: 'enter_register' }],
    ref: s002('L144-146, L159-161, L198-200', '§5(3), §6(3), §8(6)'),
  },
  {
    id: 'enter_register',
    role: 'executor',
    action: {
      kk: 'Тиісті мәліметтерді Қазақстан Республикасы бағдарламалық өнімдерінің тізіліміне енгізу',
      ru: 'Внесение соответствующих сведений в реестр программных продуктов Республики Казахстан',
      en: 'Enter the data into the Register of software products of the Republic of Kazakhstan',
    },
    term: workdays(3, 'L201', '§8(6)', 'үш жұмыс күні ішінде'),
    outcomes: [{ id: 'entered', label: { kk: 'Тізілімге енгізілді', ru: 'Внесено в реестр', en: 'Entered in the Register' }, next: 'assign_numbers' }],
    ref: s002('L147-148, L162, L201', '§5(3), §6(4), §8(6)'),
  },
  {
    id: 'assign_numbers',
    role: 'executor',
    action: {
      kk: 'Сақтауға беру объектілеріне Тізілімге сәйкес депозиттік нөмірлерді беру',
      ru: 'Присвоение объектам депонирования депозитных номеров в соответствии с реестром',
      en: 'Assign deposit numbers to the deposit objects according to the Register',
    },
    term: workdays(5, 'L202-203', '§8(6)', 'бес жұмыс күні ішінде'),
    outcomes: [{ id: 'numbers_assigned', label: { kk: 'Депозиттік нөмірлер берілді', ru: 'Депозитные номера присвоены', en: 'Deposit numbers assigned' }, next: 'prepare_reference' }],
    ref: s002('L149, L163-164, L202-203', '§5(3), §6(5), §8(6)'),
  },
  {
    id: 'prepare_reference',
    role: 'executor',
    action: {
      kk: 'Анықтаманы және ілеспе хаттың жобасын әзірлеу',
      ru: 'Подготовка справки и проекта сопроводительного письма',
      en: 'Prepare the reference-note and the draft cover letter',
    },
    // "анықтаманы және ілеспе хаттың жобасын әзірлейді, үш жұмыс күні ішінде оларды басшылықпен
    // келіседі": preparing and agreeing share one window of 3 working days after the numbers.
    term: workdays(3, 'L204-205', '§8(6)', 'үш жұмыс күні ішінде (preparing and agreeing share the window)', 'completed:assign_numbers'),
    outcomes: [{ id: 'prepared', label: { kk: 'Әзірленді', ru: 'Подготовлено', en: 'Prepared' }, next: 'agree_reference' }],
    ref: s002('L150, L204-205', '§5(3), §8(6)'),
  },
  {
    id: 'agree_reference',
    role: 'head_of_provider',
    action: {
      kk: 'Анықтаманы және ілеспе хатты басшылықтың келісуі',
      ru: 'Согласование справки и сопроводительного письма руководством',
      en: 'Management agrees the reference-note and the cover letter',
    },
    term: workdays(3, 'L204-205', '§8(6)', 'үш жұмыс күні ішінде оларды басшылықпен келіседі', 'completed:assign_numbers'),
    outcomes: [{ id: 'agreed', label: { kk: 'Келісілді', ru: 'Согласовано', en: 'Agreed' }, next: 'hand_to_office', decision: 'approve' }],
    ref: s002('L204-205', '§8(6)'),
  },
  {
    id: 'hand_to_office',
    role: 'executor',
    action: {
      kk: 'Анықтаманы және ілеспе хатты көрсетілетін қызметті алушыға жіберу үшін кеңсеге беру',
      ru: 'Передача справки и сопроводительного письма в канцелярию для направления услугополучателю',
      en: 'Hand the reference-note and the cover letter to the office for dispatch to the applicant',
    },
    term: hours(1, 'L206-207', '§8(6)', 'бір сағат ішінде'),
    outcomes: [{ id: 'handed_over', label: { kk: 'Кеңсеге берілді', ru: 'Передано в канцелярию', en: 'Handed to the office' }, next: 'dispatch' }],
    ref: s002('L206-207', '§8(6)'),
  },
  {
    id: 'dispatch',
    role: 'office',
    action: {
      kk: 'Анықтаманы және ілеспе хатты көрсетілетін қызметті алушыға жіберу',
      ru: 'Направление справки и сопроводительного письма услугополучателю',
      en: 'Send the reference-note and the cover letter to the applicant',
    },
    term: hours(1, 'L208-210', '§8(7)', 'бір сағат ішінде; §5(4) gives no term'),
    outcomes: [{ id: 'dispatched', label: { kk: 'Жіберілді', ru: 'Направлено', en: 'Dispatched' }, next: 'end' }],
    ref: s002('L151-152, L165, L208-210', '§5(4), §6(6), §8(7)'),
  },
];

const OBJECT_TYPES = [
  { value: 'information_system', label: { kk: 'Ақпараттық жүйе', ru: 'Информационная система', en: 'Information system' } },
  { value: 'software_product', label: { kk: 'Бағдарламалық өнім', ru: 'Программный продукт', en: 'Software product' } },
  { value: 'program_code', label: { kk: 'Бағдарламалық код', ru: 'Программный код', en: 'Program code' } },
  { value: 'technical_documentation', label: { kk: 'Нормативтік-техникалық құжаттама', ru: 'Нормативно-техническая документация', en: 'Normative-technical documentation' } },
];

export const isDeposit = defineService({
  id: 'is-deposit',
  version: ORDER_877_IN_FORCE,
  name: {
    kk: 'Ақпараттық жүйелерді, бағдарламалық өнімдерді, бағдарламалық кодтарды және нормативтік-техникалық құжаттаманы сақтауға беру',
    ru: 'Депонирование информационных систем, программных продуктов, программных кодов и нормативно-технической документации',
    en: 'Deposit of information systems, software products, program code and normative-technical documentation for storage',
  },
  shortName: { kk: 'АЖ сақтауға беру', ru: 'Депонирование ИС и ПО', en: 'Software deposit' },
  status: 'active',
  effective: { from: ORDER_877_IN_FORCE },
  sources: [
    order877Source(1, `L20-22, ${ANNEX_1}`),
    standard476Source('L126-132', 'Annex 1 §4'),
    lawOnStateServices,
    order209Source,
  ],
  provider: stateTechnicalService,
  // §1 (L115-116): applications are accepted and results issued by the provider's office; §2
  // (L117): paper form. No portal, no PSC, no post is named.
  channels: ['provider_office'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles: [ROLE.office, ROLE.headOfProvider, ROLE.unitHead, ROLE.unitDeputy, ROLE.sectionHead, ROLE.executor],
  // The regulation names no refusal, return or suspension (extraction §3.7): none can be cited.
  refusalGrounds: [],
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'deposit',
      name: { kk: 'Сақтауға беру (депозитке салу)', ru: 'Депонирование', en: 'Deposit' },
      term: workdays(19, 'L142, L196', '§5(3), §8(6)', 'он тоғыз жұмыс күні: the only service-level figure of the regulation, the executor\'s limit (see interpretations)', 'received'),
      fields: [
        {
          id: 'objectType',
          type: 'select',
          label: { kk: 'Сақтауға беру объектісінің түрі', ru: 'Вид объекта депонирования', en: 'Type of the deposit object' },
          options: OBJECT_TYPES,
          ref: s002('L103-104, L108-109', 'title; §1', 'The four kinds of object the service name lists.'),
        },
        {
          id: 'objectName',
          type: 'text',
          label: { kk: 'Сақтауға беру объектісінің (объектілерінің) атауы', ru: 'Наименование объекта (объектов) депонирования', en: 'Name of the deposit object(s)' },
          ref: s002('L149, L202-203', '§5(3), §8(6)', 'Deposit numbers are given to each object ("объектілеріне"): one application may cover several objects.'),
        },
        {
          id: 'materials',
          type: 'textarea',
          label: {
            kk: 'Сақтауға беру өтінімінде көрсетілген материалдар',
            ru: 'Материалы, указанные в заявке на депонирование',
            en: 'Materials listed in the deposit application',
          },
          ref: s002('L144-146, L159-161, L198-200', '§5(3), §6(3), §8(6)', 'The executor checks the materials against this list.'),
        },
      ],
      documents: [
        {
          id: 'deposit_application',
          name: { kk: 'Сақтауға беру (депозитке салу) өтінімі', ru: 'Заявка на депонирование', en: 'Deposit application' },
          ref: s002('L126-132, L143, L159-161', '§4, §5(3), §6(3)', 'Submitted under paragraph 9 of the Standard (order No. 476), whose list is not in the seed.'),
        },
        {
          id: 'deposit_object_materials',
          name: { kk: 'Сақтауға беру объектісінің материалдары', ru: 'Материалы объекта депонирования', en: 'Materials of the deposit object' },
          ref: s002('L144-146, L159-161, L198-200', '§5(3), §6(3), §8(6)', 'Their completeness and conformity to the application are checked in 7 working days.'),
        },
      ],
      fee: { kind: 'free', ref: s002('L126-132', '§4', 'No fee is mentioned in the regulation (see interpretations).') },
      firstStep: 'register',
      steps,
    },
  ],
  result: {
    document: {
      kk: 'Сақтауға беру объектісін депозитарийде тіркеу туралы анықтама',
      ru: 'Справка о регистрации объекта депонирования в депозитарии',
      en: 'Reference-note on the registration of the deposit object in the depository',
    },
    refusal: {
      kk: 'Бас тарту (регламентте көзделмеген)',
      ru: 'Отказ (регламентом не предусмотрен)',
      en: 'Refusal (not provided for by the regulation)',
    },
    registry: 'software_products_register',
    numberPrefix: 'STS-DEP',
  },
  interpretations: [
    ...commonInterpretations,
    {
      topic: 'Executor term: "19 days" (§5) or "19 working days" (§8)',
      readings: [
        '§5(3) gives the responsible executor "он тоғыз күн" (19 days) without the kind of day.',
        '§8(6) gives "он тоғыз жұмыс күнін ішінде" (19 working days) for the same tasks.',
      ],
      chosen: 'Working days, as §8 states; a day of unstated kind is read by the detailed sequence.',
      refs: [s002('L142', '§5(3)'), s002('L196', '§8(6)')],
    },
    {
      topic: 'Overall term (the regulation has none; the Standard is not in the seed)',
      readings: [
        '19 working days from receipt: the executor\'s limit is the only service-level figure; intake, routing (3 h 15 min) and dispatch (1 h) fit inside the first and last working days in the ordinary case.',
        '19 working days from the executor\'s assignment plus the hour steps: ≈ 19 working days + 5 h 15 min (extraction §3.9, derived maximum).',
        'Sum of the executor\'s sub-steps: 2 h + 7 + 3 + 5 + 3 working days + 1 h = 18 working days + 3 h, inside the 19.',
      ],
      chosen:
        'The first: 19 working days counted from receipt. Run to the limit of every step from a receipt just before closing, the hour steps (3 h 15 min of routing, 2 h of review, 1 h of hand-over, 1 h of dispatch) can spill into a 20th working day: the regulation gives 19 working days for work whose parts add up to 18 working days + 3 hours plus the routing hours, so the lint\'s term-may-exceed-overall warning on this sub-case is expected and accepted.',
      configurable: "Set the sub-case term's `from` to 'completed:assign_executor' for the second reading.",
      refs: [s002('L142, L185-210', '§5(3), §8')],
    },
    {
      topic: 'Routing: §5 (3 hours) or §8 (1 h + 1 h + 1 h + 15 min)',
      readings: [
        '§5(2): the provider\'s management determines the responsible unit and executor within 3 hours.',
        '§8(2)-(5): head of the provider 1 h, head of the unit 1 h, deputy head of the unit 1 h, head of the section 15 min, = 3 h 15 min, each by the role §7 lists.',
      ],
      chosen: 'The §8 cascade, one step per role with its own term (the operational routing; extraction §9(2)). The §5 figure is in the refs.',
      refs: [s002('L140-141', '§5(2)'), s002('L188-195', '§8(2)-(5)')],
    },
    {
      topic: 'Agreeing the reference-note with management',
      readings: [
        '§8(6): the executor "prepares the reference-note and the draft cover letter and agrees them with management within 3 working days".',
        'The agreement is an act of management (§7(2): the head of the provider and the deputy), not of the executor alone.',
      ],
      chosen:
        'Two steps sharing the 3-working-day window counted from the assignment of the deposit numbers: prepare_reference (executor) and agree_reference (head_of_provider, approval). Both are due at the same moment.',
      refs: [s002('L204-205', '§8(6)')],
    },
    {
      topic: 'No refusal, return or suspension branch',
      readings: [
        'The regulation describes only the positive path; §6(3) makes correct completion, completeness of the materials and their conformity to the application the basis for continuing, without saying what happens otherwise (extraction §3.7).',
        'A system could add a refusal on incompleteness, taken from the Standard (order No. 476), whose text is not in the seed.',
      ],
      chosen:
        'No refusal grounds (refusalGrounds: [], exhaustiveGrounds: true): no refusal can be cited, and check_completeness has the single outcome "complete". A case whose materials do not conform stays at that step and becomes overdue, which is what the regulation text supports. result.refusal is filled only because the schema requires it.',
      configurable: 'Add a ground (e.g. materials_incomplete, from §6(3)) and a refusal outcome once the Standard\'s grounds are confirmed.',
      refs: [s002('L153-165', '§6')],
    },
    {
      topic: 'Form fields and documents',
      readings: [
        'The application form and document list are in paragraph 9 of the Standard, not in the seed.',
        'The regulation names the deposit application, the materials of the deposit object listed in it, the four kinds of object, and several objects per application.',
      ],
      chosen: 'Fields objectType (the four kinds), objectName and materials; documents deposit_application and deposit_object_materials, both on paper at the office.',
      refs: [s002('L103-104, L143-150, L159-164', 'title; §5(3); §6')],
    },
    {
      topic: 'Applicant kinds',
      readings: ['The regulation says only "көрсетілетін қызметті алушы" (service recipient), without limiting who may deposit.'],
      chosen: 'Individuals, individual entrepreneurs and legal entities.',
      configurable: 'applicantKinds.',
      refs: [s002('L144-146', '§5(3)')],
    },
    {
      topic: 'Provider: the Enterprise, not the Committee',
      readings: ['§1 names the RSE "State Technical Service" of the Committee as "көрсетілетін қызметті беруші" (the provider) for this service.'],
      chosen: 'provider = stateTechnicalService (providers/informatization.ts); its staff hold every role of §7.',
      refs: [s002('L108-116', '§1')],
    },
  ],
});

export default isDeposit;
