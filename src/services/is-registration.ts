// «Электрондық ақпараттық ресурстар мен ақпараттық жүйелерді электрондық ақпараттық ресурстар мен
// ақпараттық жүйелердің мемлекеттік тіркелімінде тіркеу»: registration of electronic information
// resources and information systems in the State Register of EIR and IS.
//
// Regulation: Annex 2 of order No. 877 of 24.08.2015, seed 002 L238-448 (§1-§3 L253-271, §4
// L277-284, §5 L285-334, §6 L335-351, §7 L357-371, §8 L372-441, §9 L442-448). The standard
// (order No. 476) is not in the seeds. `lines` below are lines of seeds/002_9a288a2ba218168f.txt.
//
// The Committee is the provider; the RSE "State Technical Service" (the Enterprise) enters the
// data in the State Register and drafts the certificate. The steps follow the hand-over sequence
// of §8, hop by hop. §5 and §8 give different terms for the same work: about 40 working days in
// §5 against about 22 working days (plus 62 hours) in §8 — see SECTION_5_VS_8 and the first
// interpretation: steps follow §8, the overall term takes §5's 40 working days.
import { defineService, type ServiceDefinitionInput, type SourceRef } from '../core/regulation.ts';
import { informatization } from './providers/informatization.ts';
import { commonInterpretations, lawOnStateServices, order209Source, order877Source, ORDER_877_IN_FORCE, ROLE, s002, standard476Source } from './shared/informatization-order-877.ts';

type SubCaseInput = ServiceDefinitionInput['subcases'][number];
type StepInput = SubCaseInput['steps'][number];
type Unit = 'working_hours' | 'working_days' | 'minutes';

const ANNEX_2 = 'L238-448';
const SECTION_5: SourceRef = s002('L285-334', '§5');
const SECTION_8: SourceRef = s002('L372-441', '§8');

/**
 * The contradiction between the summary (§5) and the hand-over sequence (§8), kept as data so that
 * it is visible in the module and testable: the sums are the extraction's (§4.9), recomputed here.
 */
export const SECTION_5_VS_8 = {
  section5: {
    ref: SECTION_5,
    workingDays: [2, 15, 5, 5, 3, 5, 3, 2],
    hours: [1, 1, 1, 1, 1, 2, 1],
    /** 40 working days + 8 hours. */
    total: '40 working days + 8 hours',
  },
  section8: {
    ref: SECTION_8,
    workingDays: [14, 5, 3],
    /** §8(1)-(3) 1+4+4; §8(4) letter 4+4+4; §8(5) 1; §8(6)-(9) 1+4+2+2 (and §8(10) 15 min); §8(11) 4+4+4; §8(12)-(13) 1+1; §8(14) 4+4+4+4; §8(15) 1. */
    hours: [1, 4, 4, 4, 4, 4, 1, 1, 4, 2, 2, 4, 4, 4, 1, 1, 4, 4, 4, 4, 1],
    minutes: [15],
    /** 22 working days + 62 hours 15 minutes. */
    total: '22 working days + 62 hours 15 minutes',
  },
  chosen: { steps: '§8', overall: '§5: 40 working days' },
} as const;

const term = (amount: number, unit: Unit, lines: string, paragraph: string, note?: string, from = 'step_start') => ({ duration: { amount, unit, ref: s002(lines, paragraph, note) }, from });

const ROLES = [
  ROLE.office,
  ROLE.headOfProvider,
  ROLE.unitHead,
  ROLE.executor,
  {
    id: 'enterprise_office',
    kind: 'staff' as const,
    name: { kk: 'Кәсіпорын кеңсесінің қызметкері', ru: 'Работник канцелярии Предприятия', en: "Employee of the Enterprise's office" },
  },
  {
    id: 'enterprise_head',
    kind: 'staff' as const,
    name: { kk: 'Кәсіпорын басшысы немесе оның орынбасары', ru: 'Руководитель Предприятия или его заместитель', en: 'Head of the Enterprise or the deputy head' },
  },
  {
    id: 'enterprise_unit_head',
    kind: 'staff' as const,
    name: {
      kk: 'Кәсіпорынның өтінімді қарау үшін жауапты құрылымдық бөлімшесінің басшысы',
      ru: 'Руководитель структурного подразделения Предприятия, ответственного за рассмотрение заявки',
      en: "Head of the Enterprise's structural unit responsible for the application",
    },
  },
  {
    id: 'enterprise_unit_deputy',
    kind: 'staff' as const,
    name: {
      kk: 'Кәсіпорынның өтінімді қарау үшін жауапты құрылымдық бөлімшесі басшысының орынбасары',
      ru: 'Заместитель руководителя структурного подразделения Предприятия, ответственного за рассмотрение заявки',
      en: "Deputy head of the Enterprise's structural unit responsible for the application",
    },
  },
  {
    id: 'enterprise_section_head',
    kind: 'staff' as const,
    name: { kk: 'Өтінімді қарау үшін жауапты бөлімнің басшысы (Кәсіпорын)', ru: 'Руководитель отдела, ответственного за рассмотрение заявки (Предприятие)', en: "Head of the Enterprise's section responsible for the application" },
  },
  {
    id: 'enterprise_executor',
    kind: 'staff' as const,
    name: { kk: 'Кәсіпорынның жауапты орындаушысы', ru: 'Ответственный исполнитель Предприятия', en: "The Enterprise's responsible executor" },
  },
];

const done = (id: string, kk: string, ru: string, en: string, next: string, extra: Record<string, unknown> = {}) => ({ id, label: { kk, ru, en }, next, ...extra });

// ---------------------------------------------------------------------------------------------
// §8, steps 1)-15), with the §5 figure for the same work in each ref's note.

const steps: StepInput[] = [
  // --- The Committee: intake, routing, check, registration number (§8(1)-(4)).
  {
    id: 'register',
    role: 'office',
    action: {
      kk: 'Өтінімді қабылдау және тіркеу нөмірін бере отырып тіркеу, содан кейін көрсетілетін қызметті берушінің басшысына немесе оның орынбасарына беру',
      ru: 'Приём и регистрация заявки с присвоением регистрационного номера и передача руководителю услугодателя или его заместителю',
      en: 'Accept and register the application with a registration number and pass it to the head of the provider or the deputy',
    },
    term: term(1, 'working_hours', 'L287-288, L375-377', '§5(1), §8(1)', 'бір сағат ішінде (§5 and §8 agree)', 'received'),
    outcomes: [done('registered', 'Тіркелді', 'Зарегистрировано', 'Registered', 'assign_unit', { mark: 'registered' })],
    ref: s002('L287-288, L337-338, L375-377', '§5(1), §6(1), §8(1)'),
  },
  {
    id: 'assign_unit',
    role: 'head_of_provider',
    action: {
      kk: 'Өтінімді қарау үшін жауапты құрылымдық бөлімшені белгілеу (қарар)',
      ru: 'Определение структурного подразделения, ответственного за рассмотрение заявки (резолюция)',
      en: 'Designate the structural unit responsible for reviewing the application (resolution)',
    },
    term: term(4, 'working_hours', 'L378-379', '§8(2)', 'төрт сағаттың ішінде; §5(2): 2 working days for unit and executor together'),
    outcomes: [done('unit_assigned', 'Бөлімше белгіленді', 'Подразделение определено', 'Unit designated', 'assign_executor')],
    ref: s002('L289-291, L339, L378-379', '§5(2), §6(2), §8(2)'),
  },
  {
    id: 'assign_executor',
    role: 'unit_head',
    action: { kk: 'Жауапты орындаушыны айқындау', ru: 'Определение ответственного исполнителя', en: 'Assign the responsible executor' },
    term: term(4, 'working_hours', 'L380-381', '§8(3)', 'төрт сағат ішінде; §5(2): within the 2 working days'),
    outcomes: [done('executor_assigned', 'Орындаушы айқындалды', 'Исполнитель определён', 'Executor assigned', 'check_application', { assigns: 'executor', mark: 'in_execution' })],
    ref: s002('L289-291, L380-381', '§5(2), §8(3)'),
  },
  {
    id: 'check_application',
    role: 'executor',
    action: {
      kk: 'Өтінімнің дұрыс және толық толтырылуын тексеру (қажет болған кезде көрсетілетін қызметті алушыдан қосымша ақпаратты сұрату) және тіркеу туралы шешімнің жобасын әзірлеу',
      ru: 'Проверка правильности и полноты заполнения заявки (при необходимости — запрос дополнительной информации у услугополучателя) и подготовка проекта решения о регистрации',
      en: 'Check that the application is filled in correctly and completely (requesting additional information from the applicant when necessary) and draft the decision on registration',
    },
    term: term(14, 'working_days', 'L383-384', '§8(4)', 'он төрт жұмыс күні ішінде; §5(3): он бес (15) working days'),
    outcomes: [done('checked', 'Тексерілді, шешімнің жобасы әзірленді', 'Проверено, проект решения подготовлен', 'Checked; draft decision prepared', 'agree_decision')],
    ref: s002('L292-299, L340, L382-386', '§5(3), §6(3), §8(4)'),
  },
  {
    id: 'agree_decision',
    role: 'unit_head',
    action: {
      kk: 'Ақпараттық ресурстарды және/немесе ақпараттық жүйелерді тіркеу туралы шешімді келісу',
      ru: 'Согласование решения о регистрации информационных ресурсов и (или) информационных систем',
      en: 'Agree the decision on registration of the information resources and/or information systems',
    },
    term: term(4, 'working_hours', 'L390-392, L436-437', '§8(4), §8(14)', 'No term in §5(3) or §8(4); 4 hours by analogy with the agreement of a document with the head of the unit in §8(14) (see interpretations)'),
    outcomes: [done('decision_agreed', 'Шешім келісілді', 'Решение согласовано', 'Decision agreed', 'register_resource', { decision: 'approve' })],
    ref: s002('L297-299, L390-392', '§5(3), §8(4)'),
  },
  {
    id: 'register_resource',
    role: 'executor',
    action: {
      kk: 'Ақпараттық ресурстарды және/немесе ақпараттық жүйелерді тіркеу және тіркеу нөмірін беру',
      ru: 'Регистрация информационных ресурсов и (или) информационных систем и присвоение регистрационного номера',
      en: 'Register the information resources and/or information systems and assign the registration number',
    },
    term: term(5, 'working_days', 'L300-301, L393-394', '§5(3), §8(4)', 'бес жұмыс күні ішінде (§5 and §8 agree)'),
    outcomes: [done('registered_with_number', 'Тіркеу нөмірі берілді', 'Регистрационный номер присвоен', 'Registration number assigned', 'prepare_letter')],
    ref: s002('L300-301, L341-342, L393-394', '§5(3), §6(4), §8(4)'),
  },
  {
    id: 'prepare_letter',
    role: 'executor',
    action: {
      kk: 'Өтінімнің көшірмесін қоса бере отырып Кәсіпорынға ілеспе хат дайындау',
      ru: 'Подготовка сопроводительного письма Предприятию с приложением копии заявки',
      en: 'Prepare the cover letter to the Enterprise attaching a copy of the application',
    },
    term: term(4, 'working_hours', 'L395-396', '§8(4)', 'төрт сағат ішінде; §5(3): the sending takes 5 working days in all'),
    outcomes: [done('letter_prepared', 'Хат дайындалды', 'Письмо подготовлено', 'Letter prepared', 'agree_letter')],
    ref: s002('L305-308, L395-396', '§5(3), §8(4)'),
  },
  {
    id: 'agree_letter',
    role: 'head_of_provider',
    action: {
      kk: 'Өтінімнің көшірмесі қоса берілген ілеспе хатты көрсетілетін қызметті берушінің басшылығымен келісу',
      ru: 'Согласование сопроводительного письма с копией заявки с руководством услугодателя',
      en: 'Management of the provider agrees the cover letter with the copy of the application',
    },
    term: term(4, 'working_hours', 'L397-398', '§8(4)', 'төрт сағат ішінде'),
    outcomes: [done('letter_agreed', 'Келісілді', 'Согласовано', 'Agreed', 'sign_letter')],
    ref: s002('L397-398', '§8(4)'),
  },
  {
    id: 'sign_letter',
    role: 'head_of_provider',
    action: {
      kk: 'Ілеспе хатқа көрсетілетін қызметті беруші басшысының қол қоюы және Кәсіпорынға жіберу',
      ru: 'Подписание сопроводительного письма руководителем услугодателя и направление Предприятию',
      en: 'The head of the provider signs the cover letter for sending to the Enterprise',
    },
    term: term(4, 'working_hours', 'L399-400', '§8(4)', 'төрт сағат ішінде'),
    outcomes: [done('letter_signed', 'Қол қойылды', 'Подписано', 'Signed', 'send_to_enterprise')],
    ref: s002('L399-400', '§8(4)'),
  },
  {
    id: 'send_to_enterprise',
    role: 'office',
    action: {
      kk: 'Өтінімнің көшірмесін ілеспе хатпен Кәсіпорынға жіберу',
      ru: 'Направление копии заявки с сопроводительным письмом Предприятию',
      en: 'Send the copy of the application with the cover letter to the Enterprise',
    },
    term: term(1, 'working_hours', 'L309-310, L401-402', '§5(4), §8(5)', 'бір сағат ішінде (§5 and §8 agree)'),
    outcomes: [done('sent', 'Жіберілді', 'Направлено', 'Sent', 'enterprise_register')],
    ref: s002('L309-310, L343, L401-402', '§5(4), §6(5), §8(5)'),
  },
  // --- The Enterprise: intake, routing, State Register, certificate (§8(6)-(12)).
  {
    id: 'enterprise_register',
    role: 'enterprise_office',
    action: {
      kk: 'Өтінімнің көшірмесін тіркеу нөмірін және күнін көрсете отырып қабылдау',
      ru: 'Приём копии заявки с указанием регистрационного номера и даты',
      en: 'Accept the copy of the application, stating the registration number and date',
    },
    term: term(1, 'working_hours', 'L311-312, L403-404', '§5(5), §8(6)', 'бір сағат ішінде (§5 and §8 agree)'),
    outcomes: [done('registered', 'Тіркелді', 'Зарегистрировано', 'Registered', 'enterprise_assign_unit')],
    ref: s002('L311-312, L347-348, L403-404', '§5(5), §6(6), §8(6)'),
  },
  {
    id: 'enterprise_assign_unit',
    role: 'enterprise_head',
    action: {
      kk: 'Өтінімнің көшірмесін қарау үшін жауапты құрылымдық бөлімшені айқындау',
      ru: 'Определение структурного подразделения, ответственного за рассмотрение копии заявки',
      en: 'Determine the structural unit responsible for reviewing the copy',
    },
    term: term(4, 'working_hours', 'L405-406', '§8(7)', 'төрт сағат ішінде; §5(6): 3 working days for the Enterprise\'s routing'),
    outcomes: [done('unit_assigned', 'Бөлімше айқындалды', 'Подразделение определено', 'Unit determined', 'enterprise_unit_review')],
    ref: s002('L313-314, L405-406', '§5(6), §8(7)'),
  },
  {
    id: 'enterprise_unit_review',
    role: 'enterprise_unit_head',
    action: {
      kk: 'Өтінімнің көшірмесін қарау және құрылымдық бөлімше басшысының орынбасарына беру',
      ru: 'Рассмотрение копии заявки и передача заместителю руководителя структурного подразделения',
      en: 'Review the copy and pass it to the deputy head of the unit',
    },
    term: term(2, 'working_hours', 'L407-409', '§8(8)', 'екі сағат ішінде'),
    outcomes: [done('passed', 'Берілді', 'Передано', 'Passed on', 'enterprise_assign_section')],
    ref: s002('L407-409', '§8(8)'),
  },
  {
    id: 'enterprise_assign_section',
    role: 'enterprise_unit_deputy',
    action: {
      kk: 'Өтінімнің көшірмесін қарау және оны қарау үшін жауапты бөлімді айқындау',
      ru: 'Рассмотрение копии заявки и определение отдела, ответственного за её рассмотрение',
      en: 'Review the copy and determine the responsible section',
    },
    term: term(2, 'working_hours', 'L410-412', '§8(9)', 'екі сағат ішінде'),
    outcomes: [done('section_assigned', 'Бөлім айқындалды', 'Отдел определён', 'Section determined', 'enterprise_assign_executor')],
    ref: s002('L410-412', '§8(9)'),
  },
  {
    id: 'enterprise_assign_executor',
    role: 'enterprise_section_head',
    action: { kk: 'Жауапты орындаушыны айқындау', ru: 'Определение ответственного исполнителя', en: 'Assign the responsible executor' },
    term: term(15, 'minutes', 'L413-414', '§8(10)', 'он бес минут ішінде'),
    outcomes: [done('executor_assigned', 'Орындаушы айқындалды', 'Исполнитель определён', 'Executor assigned', 'enter_state_register', { assigns: 'enterprise_executor' })],
    ref: s002('L413-414', '§8(10)'),
  },
  {
    id: 'enter_state_register',
    role: 'enterprise_executor',
    action: {
      kk: 'Электрондық ақпараттық ресурстар және/немесе ақпараттық жүйелер туралы мәліметтерді Мемлекеттік тіркелімге енгізу',
      ru: 'Внесение сведений об электронных информационных ресурсах и (или) информационных системах в Государственный регистр',
      en: 'Enter the data on the electronic information resources and/or information systems in the State Register',
    },
    term: term(3, 'working_days', 'L416-417', '§8(11)', 'үш жұмыс күні ішінде; §5(7): бес (5) working days'),
    outcomes: [done('entered', 'Мемлекеттік тіркелімге енгізілді', 'Внесено в Государственный регистр', 'Entered in the State Register', 'draft_certificate')],
    ref: s002('L315-319, L349, L415-417', '§5(7), §6(7), §8(11)'),
  },
  {
    id: 'draft_certificate',
    role: 'enterprise_executor',
    action: { kk: 'Ілеспе хаттың жобасын және куәлікті әзірлеу', ru: 'Подготовка проекта сопроводительного письма и свидетельства', en: 'Draft the cover letter and the certificate' },
    term: term(4, 'working_hours', 'L418', '§8(11)', 'төрт сағат ішінде; §5(7): 3 working days for drafting and agreement'),
    outcomes: [done('drafted', 'Әзірленді', 'Подготовлено', 'Drafted', 'agree_certificate')],
    ref: s002('L320-321, L350, L418', '§5(7), §6(8), §8(11)'),
  },
  {
    id: 'agree_certificate',
    role: 'enterprise_head',
    action: {
      kk: 'Ілеспе хаттың жобасын және куәлікті құрылымдық бөлімшемен және Кәсіпорын басшылығымен келісу',
      ru: 'Согласование проекта сопроводительного письма и свидетельства со структурным подразделением и руководством Предприятия',
      en: 'The unit and the management of the Enterprise agree the draft cover letter and the certificate',
    },
    term: term(4, 'working_hours', 'L419-420', '§8(11)', 'төрт сағат ішінде'),
    outcomes: [done('agreed', 'Келісілді', 'Согласовано', 'Agreed', 'sign_enterprise_letter')],
    ref: s002('L320-321, L419-420', '§5(7), §8(11)'),
  },
  {
    id: 'sign_enterprise_letter',
    role: 'enterprise_head',
    action: { kk: 'Ілеспе хатқа Кәсіпорын басшысының қол қоюы', ru: 'Подписание сопроводительного письма руководителем Предприятия', en: 'The head of the Enterprise signs the cover letter' },
    term: term(4, 'working_hours', 'L421', '§8(11)', 'төрт сағат ішінде'),
    outcomes: [done('signed', 'Қол қойылды', 'Подписано', 'Signed', 'enterprise_dispatch')],
    ref: s002('L421', '§8(11)'),
  },
  {
    id: 'enterprise_dispatch',
    role: 'enterprise_office',
    action: {
      kk: 'Куәлікті қол қою және көрсетілетін қызметті алушыға жіберу үшін көрсетілетін қызметті берушіге жіберу',
      ru: 'Направление свидетельства услугодателю для подписания и направления услугополучателю',
      en: 'Send the certificate to the provider for signature and dispatch to the applicant',
    },
    term: term(1, 'working_hours', 'L322-323, L422-424', '§5(8), §8(12)', 'бір сағат ішінде (§5 and §8 agree)'),
    outcomes: [done('sent', 'Жіберілді', 'Направлено', 'Sent', 'receive_certificate')],
    ref: s002('L322-323, L422-424', '§5(8), §8(12)'),
  },
  // --- The Committee: signature and dispatch (§8(13)-(15)).
  {
    id: 'receive_certificate',
    role: 'office',
    action: {
      kk: 'Куәлік қоса берілген ілеспе хатты тіркеу және жауапты орындаушыға беру',
      ru: 'Регистрация сопроводительного письма с приложенным свидетельством и передача ответственному исполнителю',
      en: 'Register the cover letter with the certificate and pass it to the responsible executor',
    },
    term: term(1, 'working_hours', 'L324-326, L425-427', '§5(9), §8(13)', 'бір сағат ішінде (§5 and §8 agree)'),
    outcomes: [done('registered', 'Тіркелді', 'Зарегистрировано', 'Registered', 'check_certificate')],
    ref: s002('L324-326, L425-427', '§5(9), §8(13)'),
  },
  {
    id: 'check_certificate',
    role: 'executor',
    action: { kk: 'Куәліктің дұрыс толтырылуын тексеру', ru: 'Проверка правильности заполнения свидетельства', en: 'Check that the certificate is filled in correctly' },
    term: term(4, 'working_hours', 'L432-433', '§8(14)', 'төрт сағат ішінде; §5(10): екі (2) hours for the check and the signature'),
    outcomes: [done('checked', 'Тексерілді', 'Проверено', 'Checked', 'sign_certificate')],
    ref: s002('L327-329, L432-433', '§5(10), §8(14)'),
  },
  {
    id: 'sign_certificate',
    role: 'head_of_provider',
    action: { kk: 'Куәлікке көрсетілетін қызметті беруші басшылығының қол қоюы', ru: 'Подписание свидетельства руководством услугодателя', en: 'Management of the provider signs the certificate' },
    // "төрт сағат ішінде куәліктің дұрыс толтырылуын тексереді және оған ... қол қоюын қамтамасыз
    // етеді": the check and the signature share the 4 hours from the certificate's registration.
    term: term(4, 'working_hours', 'L432-433', '§8(14)', 'төрт сағат ішінде: check and signature share the window from registration', 'completed:receive_certificate'),
    outcomes: [done('signed', 'Қол қойылды', 'Подписано', 'Signed', 'prepare_cover_letter')],
    ref: s002('L327-329, L432-433', '§5(10), §8(14)'),
  },
  {
    id: 'prepare_cover_letter',
    role: 'executor',
    action: {
      kk: 'Куәлікті көрсетілетін қызметті алушының мекенжайына жіберу үшін ілеспе хатты әзірлеу',
      ru: 'Подготовка сопроводительного письма для направления свидетельства по адресу услугополучателя',
      en: "Prepare the cover letter for sending the certificate to the applicant's address",
    },
    term: term(4, 'working_hours', 'L434-435', '§8(14)', 'төрт сағат ішінде; §5(10): екі (2) working days for the letter and its agreement'),
    outcomes: [done('prepared', 'Әзірленді', 'Подготовлено', 'Prepared', 'agree_cover_letter')],
    ref: s002('L330-332, L434-435', '§5(10), §8(14)'),
  },
  {
    id: 'agree_cover_letter',
    role: 'unit_head',
    action: {
      kk: 'Ілеспе хатты көрсетілетін қызметті беруші құрылымдық бөлімшесінің басшысымен келісу',
      ru: 'Согласование сопроводительного письма с руководителем структурного подразделения услугодателя',
      en: 'The head of the unit agrees the cover letter',
    },
    term: term(4, 'working_hours', 'L436-437', '§8(14)', 'төрт сағаттың ішінде'),
    outcomes: [done('agreed', 'Келісілді', 'Согласовано', 'Agreed', 'sign_cover_letter')],
    ref: s002('L436-437', '§8(14)'),
  },
  {
    id: 'sign_cover_letter',
    role: 'head_of_provider',
    action: { kk: 'Ілеспе хатқа көрсетілетін қызметті беруші басшысының қол қоюы', ru: 'Подписание сопроводительного письма руководителем услугодателя', en: 'The head of the provider signs the cover letter' },
    term: term(4, 'working_hours', 'L438-439', '§8(14)', 'төрт сағат ішінде'),
    outcomes: [done('signed', 'Қол қойылды', 'Подписано', 'Signed', 'dispatch')],
    ref: s002('L330-332, L438-439', '§5(10), §8(14)'),
  },
  {
    id: 'dispatch',
    role: 'office',
    action: {
      kk: 'Куәлікті ілеспе хатпен көрсетілетін қызметті алушыға жіберу',
      ru: 'Направление свидетельства с сопроводительным письмом услугополучателю',
      en: 'Send the certificate with the cover letter to the applicant',
    },
    term: term(1, 'working_hours', 'L333-334, L440-441', '§5(11), §8(15)', 'бір сағат ішінде (§5 and §8 agree)'),
    outcomes: [done('dispatched', 'Жіберілді', 'Направлено', 'Dispatched', 'end')],
    ref: s002('L333-334, L351, L440-441', '§5(11), §6(9), §8(15)'),
  },
];

const RESOURCE_KINDS = [
  { value: 'information_resource', label: { kk: 'Электрондық ақпараттық ресурс', ru: 'Электронный информационный ресурс', en: 'Electronic information resource' } },
  { value: 'information_system', label: { kk: 'Ақпараттық жүйе', ru: 'Информационная система', en: 'Information system' } },
  { value: 'both', label: { kk: 'Ақпараттық ресурс және ақпараттық жүйе', ru: 'Информационный ресурс и информационная система', en: 'Information resource and information system' } },
];

export const isRegistration = defineService({
  id: 'is-registration',
  version: ORDER_877_IN_FORCE,
  name: {
    kk: 'Электрондық ақпараттық ресурстар мен ақпараттық жүйелерді электрондық ақпараттық ресурстар мен ақпараттық жүйелердің мемлекеттік тіркелімінде тіркеу',
    ru: 'Регистрация электронных информационных ресурсов и информационных систем в государственном регистре электронных информационных ресурсов и информационных систем',
    en: 'Registration of electronic information resources and information systems in the State Register of electronic information resources and information systems',
  },
  shortName: { kk: 'ЭАР мен АЖ тіркеу', ru: 'Регистрация ЭИР и ИС', en: 'EIR and IS registration' },
  status: 'active',
  effective: { from: ORDER_877_IN_FORCE },
  sources: [order877Source(2, `L23-26, ${ANNEX_2}`), standard476Source('L277-284', 'Annex 2 §4'), lawOnStateServices, order209Source],
  provider: informatization,
  // §1 (L264-265): applications are accepted and results issued by the provider's office; §2
  // (L266): paper form.
  channels: ['provider_office'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles: ROLES,
  // The regulation names no refusal (extraction §4.7).
  refusalGrounds: [],
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'registration',
      name: { kk: 'Мемлекеттік тіркелімде тіркеу', ru: 'Регистрация в Государственном регистре', en: 'Registration in the State Register' },
      term: term(40, 'working_days', 'L285-334', '§5', 'Sum of the working-day terms of §5 (2+15+5+5+3+5+3+2); §8 sums to 22 working days + 62 h 15 min. CONTRADICTION: see interpretations', 'received'),
      fields: [
        {
          id: 'resourceKind',
          type: 'select',
          label: { kk: 'Тіркелетін объект', ru: 'Регистрируемый объект', en: 'What is registered' },
          options: RESOURCE_KINDS,
          ref: s002('L267-270, L283-284', '§3, §4', 'ақпараттық ресурстарды және/немесе ақпараттық жүйелерді'),
        },
        {
          id: 'resourceName',
          type: 'text',
          label: { kk: 'Ақпараттық ресурстың және/немесе ақпараттық жүйенің атауы', ru: 'Наименование информационного ресурса и (или) информационной системы', en: 'Name of the information resource and/or information system' },
          ref: s002('L316-319', '§5(7)', 'The Enterprise enters the data on the resource in the State Register.'),
        },
      ],
      documents: [
        {
          id: 'registration_application',
          name: {
            kk: 'Ақпараттық ресурстарды және/немесе ақпараттық жүйелерді тіркеу туралы өтінім',
            ru: 'Заявка на регистрацию информационных ресурсов и (или) информационных систем',
            en: 'Application for registration of the information resources and/or information systems',
          },
          ref: s002('L277-284', '§4', 'Under paragraph 9 of the Standard (order No. 476), whose list is not in the seed. A copy goes to the Enterprise (L309-310).'),
        },
      ],
      fee: { kind: 'free', ref: s002('L277-284', '§4', 'No fee is mentioned in the regulation (see interpretations).') },
      firstStep: 'register',
      steps,
      pauses: [
        {
          id: 'additional_information',
          name: {
            kk: 'Көрсетілетін қызметті алушыдан қосымша ақпаратты сұрату',
            ru: 'Запрос дополнительной информации у услугополучателя',
            en: 'Request for additional information from the applicant',
          },
          atSteps: ['check_application'],
          role: 'executor',
          applicantTerm: { amount: 14, unit: 'working_days', ref: s002('L383-386', '§8(4)', 'Not in the seed: the applicant is given as long as the check itself (14 working days); see interpretations.') },
          ref: s002('L295-296, L385-386', '§5(3), §8(4)', 'қажет болған кезде жауапты орындаушы көрсетілетін қызметті алушыдан қосымша ақпаратты сұратады'),
        },
      ],
    },
  ],
  result: {
    document: {
      kk: 'Ақпараттық ресурстарды және ақпараттық жүйелерді Электрондық ақпараттық ресурстар мен ақпараттық жүйелердің мемлекеттік тіркелімінде тіркеу туралы куәлік',
      ru: 'Свидетельство о регистрации информационных ресурсов и информационных систем в Государственном регистре электронных информационных ресурсов и информационных систем',
      en: 'Certificate of registration of information resources and information systems in the State Register of electronic information resources and information systems',
    },
    refusal: { kk: 'Бас тарту (регламентте көзделмеген)', ru: 'Отказ (регламентом не предусмотрен)', en: 'Refusal (not provided for by the regulation)' },
    registry: 'state_register_eir_is',
    numberPrefix: 'KSII-EIR',
  },
  interpretations: [
    {
      topic: 'CONTRADICTION: overall duration about 40 working days (§5) or about 22 working days (§8)',
      readings: [
        `§5 (summary of procedures) gives 2 + 15 + 5 + 5 + 3 + 5 + 3 + 2 working days and 1+1+1+1+1+2+1 hours: ${SECTION_5_VS_8.section5.total}.`,
        `§8 (hand-over sequence) gives 14 + 5 + 3 working days and hour terms for every other hop: ${SECTION_5_VS_8.section8.total}. Item by item: routing 2 wd (§5) vs 4 h + 4 h (§8); check 15 wd vs 14 wd; sending to the Enterprise 5 wd vs 4 h + 4 h + 4 h; Enterprise routing 3 wd vs 4 h + 2 h + 2 h + 15 min; State Register entry 5 wd vs 3 wd; certificate 3 wd vs 4 h × 3; provider check and signature 2 h vs 4 h; final cover letter 2 wd vs 4 h × 3.`,
        'The regulation itself states no overall term; the Standard would, and is not in the seed.',
      ],
      chosen:
        'Steps follow §8 (every hop of §7\'s ten roles with its own term; §8 is the operational routing, extraction §9(2)); each step\'s ref note gives the §5 figure for the same work. The overall term is 40 working days from receipt (§5\'s working-day sum). The 22-working-day reading cannot be the overall term: the §8 steps themselves need 22 working days plus 62 h 15 min (about 8 more working days of 8 hours), so a case following §8 to the letter would be overdue. 40 working days contains both readings.',
      configurable: 'The sub-case term (40 working days) and each step term; SECTION_5_VS_8 in this module keeps both readings as data.',
      refs: [SECTION_5, SECTION_8, s002('L289-291, L378-381', '§5(2) vs §8(2)-(3)'), s002('L294, L383-384', '§5(3) vs §8(4)'), s002('L316-319, L416-417', '§5(7) vs §8(11)')],
    },
    ...commonInterpretations,
    {
      topic: 'Request for additional information: a pause, and its term for the applicant',
      readings: [
        '§5(3) and §8(4): "when necessary the executor requests additional information from the recipient"; no term for the applicant, no clock suspension and no consequence of silence are stated.',
        'The clock runs on while the applicant is asked (nothing in the text suspends it).',
      ],
      chosen:
        'A pause at check_application opened by the executor: the clock stops until the applicant answers (the executor cannot finish the check without the information). The applicant is given 14 working days, the length of the check itself — the only figure the regulation ties to this step. No onExpiry: the regulation has no refusal to apply.',
      configurable: 'applicantTerm, and onExpiry once the Standard gives a ground.',
      refs: [s002('L295-296', '§5(3)'), s002('L383-386', '§8(4)')],
    },
    {
      topic: 'Agreement of the decision on registration: its term',
      readings: [
        '§5(3) and §8(4): the executor drafts the decision on registration and agrees it with the head of the structural unit; neither section gives a term.',
        '§8(14): the same head of the unit agrees a cover letter "within 4 hours".',
      ],
      chosen: 'agree_decision by unit_head within 4 working hours, by analogy with §8(14). The draft itself closes check_application.',
      configurable: 'The term of agree_decision.',
      refs: [s002('L297-299, L390-392', '§5(3), §8(4)'), s002('L436-437', '§8(14)')],
    },
    {
      topic: '"Ensures agreement / signature" steps',
      readings: [
        '§8(4), §8(11), §8(14) give the executor terms to "ensure" agreement or a signature by management (қамтамасыз етеді, қолын қойғызады).',
        'The agreeing or signing person acts within that term.',
      ],
      chosen:
        'Each agreement and signature is a step of the person who agrees or signs, with the term §8 gives (4 hours). §8(14)\'s check of the certificate and its signature share one 4-hour window from the certificate\'s registration (check_certificate, sign_certificate from completed:receive_certificate).',
      refs: [s002('L397-400, L419-421, L432-439', '§8(4), §8(11), §8(14)')],
    },
    {
      topic: 'The Enterprise inside a Committee case',
      readings: [
        'The Enterprise (RSE "State Technical Service") is a separate organisation with its own office, head, units and executor (§7(5)-(10)); copies pass between the two offices with cover letters.',
        'The engine gives a case one provider, whose staff take every step.',
      ],
      chosen:
        'The Committee is the provider; the Enterprise\'s staff appear as roles enterprise_office, enterprise_head, enterprise_unit_head, enterprise_unit_deputy, enterprise_section_head and enterprise_executor of the Committee\'s case. ENGINE GAP: no co-executing organisation; staff of the Enterprise must be registered under the Committee\'s provider id.',
      refs: [s002('L357-371', '§7'), s002('L305-308', '§5(3)')],
    },
    {
      topic: 'No refusal branch',
      readings: [
        'The regulation drafts a "decision on registration" but describes no negative decision and no refusal grounds (extraction §4.7).',
        'The Standard (not in the seed) may list grounds.',
      ],
      chosen: 'refusalGrounds: [], exhaustiveGrounds: true: no refusal can be cited. result.refusal is filled only because the schema requires it.',
      configurable: 'Add grounds and a refusal outcome at check_application once the Standard is available.',
      refs: [s002('L292-301, L382-394', '§5(3), §8(4)')],
    },
    {
      topic: 'Registration number and result number',
      readings: ['The Committee\'s executor assigns the registration number of the resource (§5(3), §8(4)); the Enterprise enters the data in the State Register (§8(11)).'],
      chosen: 'The result (the certificate) is numbered by the platform with prefix KSII-EIR in registry state_register_eir_is; the resource\'s own registration number is assigned at register_resource.',
      refs: [s002('L300-301, L393-394, L416-417', '§5(3), §8(4), §8(11)')],
    },
    {
      topic: 'Applicant kinds and form fields',
      readings: ['The regulation says only "көрсетілетін қызметті алушы"; the application form is in paragraph 9 of the Standard, not in the seed.'],
      chosen: 'Individuals, individual entrepreneurs and legal entities; fields resourceKind (resource, system or both, as §3-§4 say "and/or") and resourceName.',
      configurable: 'applicantKinds and fields.',
      refs: [s002('L267-270, L277-284', '§3, §4')],
    },
  ],
});

export default isRegistration;
