// «Компьютер жүйесінің бақылау-кассалық машиналарының мемлекеттік тізіліміне енгізу үшін техникалық
// талаптарға сәйкестігі туралы қорытындылар беру»: conclusions on the conformity of a computer
// system with the technical requirements for inclusion in the State Register of cash registers.
//
// Regulation: Annex 3 of order No. 877 of 24.08.2015, seed 002 L449-742 (§1-§3 L460-481, §4
// L487-494, §5 L495-538, §6 L539-551, §7 L559-563, §8 L564-590, §9-§11 L592-687, appendices
// L688-742 whose diagrams are absent). The standard (order No. 476) and the Rules for issuing the
// conclusion are not in the seeds. `lines` below are lines of seeds/002_9a288a2ba218168f.txt.
//
// Paper (at the provider) and the e-government portal. The Committee checks the documents within
// 10 calendar days of receipt, either refuses to consider them or appoints an inspection of the
// computer system, draws up the act of conformity (non-conformity) within 15 calendar days, and
// issues the conclusion or a reasoned refusal: 29 calendar days in all (§5(7)), the hard limit.
import { defineService, type ServiceDefinitionInput } from '../core/regulation.ts';
import { informatization } from './providers/informatization.ts';
import { commonInterpretations, lawOnStateServices, order209Source, order877Source, ORDER_877_IN_FORCE, ROLE, s002, standard476Source } from './shared/informatization-order-877.ts';

type SubCaseInput = ServiceDefinitionInput['subcases'][number];
type StepInput = SubCaseInput['steps'][number];
type DocumentInput = NonNullable<SubCaseInput['documents']>[number];
type Unit = 'working_hours' | 'working_days' | 'calendar_days' | 'minutes' | 'same_day';

const ANNEX_3 = 'L449-742';
const term = (amount: number, unit: Unit, lines: string, paragraph: string, note?: string, from = 'step_start') => ({ duration: { amount, unit, ref: s002(lines, paragraph, note) }, from });

const PAPER = { channels: ['provider_office' as const] };
const PORTAL = { channels: ['portal' as const] };
/** Notices and results: the portal sends them into the personal cabinet, the office by post or courier. */
const byChannel = (portal: string, paper: string) => [
  { when: PORTAL, step: portal },
  { when: PAPER, step: paper },
];

// ---------------------------------------------------------------------------------------------
// Refusal grounds. §5(4) (L507-510): the application is left without consideration and the
// documents returned when errors in the documents, an incomplete package or improper execution
// are found; §5(5)-(6) (L518-527): a reasoned refusal letter on an act of non-conformity.

const FORMAL_GROUNDS = ['document_errors', 'incomplete_package', 'improper_execution'];
const NONCONFORMITY = 'system_nonconforming';

const refusalGrounds = [
  {
    id: 'document_errors',
    text: {
      kk: 'Құжаттарды ресімдеуде қателер анықталды',
      ru: 'Выявлены ошибки в оформлении документов',
      en: 'Errors found in the execution of the documents',
    },
    ref: s002('L507', '§5(4)', 'құжаттарды ресімдеуде қателер: the application is left without consideration and the documents are returned with the written reason'),
  },
  {
    id: 'incomplete_package',
    text: {
      kk: 'Құжаттардың толық емес пакеті берілді',
      ru: 'Представлен неполный пакет документов',
      en: 'An incomplete package of documents was submitted',
    },
    ref: s002('L507-508', '§5(4)', 'құжаттардың толық емес пакетін беру'),
  },
  {
    id: 'improper_execution',
    text: {
      kk: 'Құжаттар лайықсыз ресімделген',
      ru: 'Ненадлежащее оформление документов',
      en: 'The documents are improperly executed',
    },
    ref: s002('L508', '§5(4)', 'құжаттардың лайықсыз ресімделуі'),
  },
  {
    id: NONCONFORMITY,
    text: {
      kk: 'Компьютер жүйесі техникалық талаптарға сәйкес келмейді (КЖ техникалық талаптарға сәйкессіздігі туралы акт)',
      ru: 'Компьютерная система не соответствует техническим требованиям (акт о несоответствии КС техническим требованиям)',
      en: 'The computer system does not conform to the technical requirements (act of non-conformity)',
    },
    ref: s002('L518-527', '§5(5)-(6)', 'A reasoned letter stating the reasons for refusal, as an electronic document certified by the EDS of the provider\'s management.'),
  },
];

const ROLES = [
  { ...ROLE.office, name: { kk: 'Қызмет беруші кеңсесінің жұмыскері', ru: 'Работник канцелярии услугодателя', en: "Employee of the provider's office" } },
  { ...ROLE.headOfProvider, name: { kk: 'Қызмет берушінің басшысы', ru: 'Руководитель услугодателя', en: 'Head of the provider' } },
  { ...ROLE.executor, name: { kk: 'Басқармаға жауапты тұлға', ru: 'Ответственное лицо Управления', en: 'Responsible person of the Directorate' } },
  ROLE.portal,
];

const steps: StepInput[] = [
  {
    id: 'register',
    role: 'office',
    action: {
      kk: 'Сауалнама-өтінішті тіркеу нөмірін бере отырып қабылдау және тіркеу',
      ru: 'Приём и регистрация анкеты-заявления с присвоением регистрационного номера',
      en: 'Accept and register the questionnaire-application with a registration number',
    },
    term: term(15, 'minutes', 'L497-498', '§5(1)', 'он бес минут ішінде', 'received'),
    outcomes: [{ id: 'registered', label: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' }, next: 'hand_over', mark: 'registered' }],
    ref: s002('L497-498, L541-542', '§5(1), §6(1)'),
  },
  {
    id: 'hand_over',
    role: 'office',
    action: {
      kk: 'Сауалнама-өтінішті және құжаттарды ашу, тіркеу және (немесе) электрондық көшірмесін жасау, Басқармаға беру',
      ru: 'Вскрытие, регистрация анкеты-заявления и документов и (или) изготовление их электронной копии, передача в Управление',
      en: 'Open and register the questionnaire-application and documents and/or make their electronic copy, and pass them to the Directorate',
    },
    // §8(1): "екі сағаттың ішінде" for the whole intake, counted from receipt; §5(1)'s 15 minutes
    // cover acceptance and numbering (register) inside it.
    term: term(2, 'working_hours', 'L566-568', '§8(1)', 'екі сағаттың ішінде, for the whole intake from receipt', 'received'),
    outcomes: [{ id: 'handed_over', label: { kk: 'Басқармаға берілді', ru: 'Передано в Управление', en: 'Passed to the Directorate' }, next: 'assign' }],
    ref: s002('L566-568', '§8(1)'),
  },
  {
    id: 'assign',
    role: 'head_of_provider',
    action: {
      kk: 'Өтінімді қарауға жауапты құрылымдық бөлімше мен орындаушыны анықтау (бұрыштама)',
      ru: 'Определение структурного подразделения и исполнителя, ответственных за рассмотрение заявки (резолюция)',
      en: 'Determine the structural unit and the executor responsible for the application (resolution)',
    },
    term: term(3, 'working_days', 'L499-500', '§5(2)', 'үш жұмыс күні ішінде; §8 has no routing step'),
    outcomes: [
      {
        id: 'executor_assigned',
        label: { kk: 'Орындаушы анықталды', ru: 'Исполнитель определён', en: 'Executor assigned' },
        next: byChannel('check', 'digitize'),
        assigns: 'executor',
        mark: 'in_execution',
      },
    ],
    ref: s002('L499-500, L543', '§5(2), §6(2)'),
  },
  {
    id: 'digitize',
    role: 'executor',
    action: {
      kk: 'Қағаз тасығышта берілген өтінімді өңдеу және порталға жіберу',
      ru: 'Обработка заявки, поданной на бумажном носителе, и направление её на портал',
      en: 'Process the application submitted on paper and send it to the portal',
    },
    term: term(3, 'working_days', 'L501-503', '§5(3)', 'үш жұмыс күні ішінде (өтінімді қағаз тасығышта берген жағдайда); §8 has no such step'),
    outcomes: [{ id: 'sent_to_portal', label: { kk: 'Порталға жіберілді', ru: 'Направлено на портал', en: 'Sent to the portal' }, next: 'check' }],
    ref: s002('L501-503', '§5(3)'),
  },
  {
    id: 'check',
    role: 'executor',
    action: {
      kk: 'Ұсынылған құжаттардың, мәліметтердің толықтығын және шынайылығын (дәйектілігін) тексеру',
      ru: 'Проверка полноты и достоверности представленных документов и сведений',
      en: 'Check the completeness and authenticity of the submitted documents and information',
    },
    // §5(4): "сауалнама-өтініш түскен сәттен бастап" — from the moment the questionnaire arrives.
    term: term(10, 'calendar_days', 'L505-506, L569-570', '§5(4), §8(2)', 'он күнтізбелік күн ішінде (§8(2)), counted from the arrival of the questionnaire-application (§5(4))', 'received'),
    outcomes: [
      {
        id: 'documents_conform',
        label: { kk: 'Құжаттар талаптарға сай', ru: 'Документы соответствуют требованиям', en: 'The documents meet the requirements' },
        next: 'prepare_notice',
      },
      {
        id: 'documents_defective',
        label: { kk: 'Қараудан бас тарту (құжаттар қайтарылады)', ru: 'Отказ в рассмотрении (документы возвращаются)', en: 'Refusal to consider (the documents are returned)' },
        next: 'prepare_refusal',
        decision: 'refuse',
        grounds: [...FORMAL_GROUNDS],
      },
    ],
    ref: s002('L504-517, L544, L569-570, L662-663', '§5(4), §6(3), §8(2), §10(5)'),
  },
  {
    id: 'prepare_refusal',
    role: 'executor',
    action: {
      kk: 'Қараудан бас тарту себебін жазбаша негіздеумен хабарламаны дайындау',
      ru: 'Подготовка отказа в рассмотрении с письменным обоснованием причины',
      en: 'Prepare the refusal to consider with the written justification of the reason',
    },
    term: term(3, 'working_hours', 'L571-573', '§8(3)', 'үш сағаттың ішінде'),
    outcomes: [{ id: 'prepared', label: { kk: 'Дайындалды', ru: 'Подготовлено', en: 'Prepared' }, next: byChannel('notify_refusal', 'send_refusal') }],
    ref: s002('L507-510, L571-573', '§5(4), §8(3)'),
  },
  {
    id: 'send_refusal',
    role: 'office',
    action: {
      kk: 'Бас тартуды тіркеу, құжаттармен бірге қызметті алушыға пошта немесе курьерлік қызмет арқылы жолдау',
      ru: 'Регистрация отказа и направление его вместе с документами услугополучателю почтой или курьерской службой',
      en: 'Register the refusal and send it with the documents to the applicant by post or courier',
    },
    term: term(2, 'working_hours', 'L574-577', '§8(4)', 'екі сағаттың ішінде'),
    outcomes: [{ id: 'sent', label: { kk: 'Жолданды', ru: 'Направлено', en: 'Sent' }, next: 'end' }],
    ref: s002('L509-510, L574-577', '§5(4), §8(4)'),
  },
  {
    id: 'notify_refusal',
    role: 'portal',
    automatic: true,
    action: {
      kk: 'Бас тартудың себебін жазбаша көрсетумен бас тарту туралы хабарламаны жолдау (4-үдеріс)',
      ru: 'Направление уведомления об отказе с письменным указанием причины (процесс 4)',
      en: 'Send the refusal notice stating the reason in writing (Process 4)',
    },
    term: term(0, 'same_day', 'L664-665', '§10(6)', 'Process 4; no term of its own: runs at once'),
    outcomes: [{ id: 'notified', label: { kk: 'Хабарлама жолданды', ru: 'Уведомление направлено', en: 'Notice sent' }, next: 'end', signed: false }],
    ref: s002('L664-665', '§10(6)'),
  },
  {
    id: 'prepare_notice',
    role: 'executor',
    action: {
      kk: 'Бағдарламалық қамтамасыз етуді қорғау бойынша ұйымдастыру-техникалық, технологиялық талаптардың сақталуына тексеруді тағайындау және тексеруді тағайындау туралы жазбаша хабарламаны дайындау',
      ru: 'Назначение проверки соблюдения организационно-технических и технологических требований по защите программного обеспечения и подготовка письменного уведомления о назначении проверки',
      en: 'Appoint the inspection of compliance with the organisational-technical and technological requirements for software protection and prepare the written notice of the inspection',
    },
    term: term(3, 'working_hours', 'L571-573', '§8(3)', 'үш сағаттың ішінде'),
    outcomes: [{ id: 'prepared', label: { kk: 'Дайындалды', ru: 'Подготовлено', en: 'Prepared' }, next: byChannel('notify_inspection', 'send_notice') }],
    ref: s002('L511-517, L571-573', '§5(4), §8(3)'),
  },
  {
    id: 'send_notice',
    role: 'office',
    action: {
      kk: 'Тексеруді тағайындау туралы хабарламаны тіркеу және қызметті алушыға пошта немесе курьерлік қызмет арқылы жолдау',
      ru: 'Регистрация уведомления о назначении проверки и направление его услугополучателю почтой или курьерской службой',
      en: 'Register the notice of the inspection and send it to the applicant by post or courier',
    },
    term: term(2, 'working_hours', 'L574-577', '§8(4)', 'екі сағаттың ішінде'),
    outcomes: [{ id: 'sent', label: { kk: 'Жолданды', ru: 'Направлено', en: 'Sent' }, next: 'inspect' }],
    ref: s002('L574-577', '§8(4)'),
  },
  {
    id: 'notify_inspection',
    role: 'portal',
    automatic: true,
    action: {
      kk: 'Тексеруді белгілеу туралы хабарламаны жолдау (5-үдеріс)',
      ru: 'Направление уведомления о назначении проверки (процесс 5)',
      en: 'Send the notice of the inspection (Process 5)',
    },
    term: term(0, 'same_day', 'L666', '§10(7)', 'Process 5; no term of its own: runs at once'),
    outcomes: [{ id: 'notified', label: { kk: 'Хабарлама жолданды', ru: 'Уведомление направлено', en: 'Notice sent' }, next: 'inspect', signed: false }],
    ref: s002('L666', '§10(7)'),
  },
  {
    id: 'inspect',
    role: 'executor',
    action: {
      kk: 'Көшпелі сараптамалық комиссияның компьютер жүйесін тексеруін қамтамасыз ету және КЖ техникалық талаптарға сәйкестігі (сәйкессіздігі) туралы актіні жасау',
      ru: 'Обеспечение проверки компьютерной системы выездной экспертной комиссией и составление акта о соответствии (несоответствии) КС техническим требованиям',
      en: 'Have the on-site expert commission inspect the computer system and draw up the act of conformity (non-conformity) with the technical requirements',
    },
    term: term(15, 'calendar_days', 'L578-583', '§8(5)', 'он бес күнтізбелік күн ішінде: the act is drawn up within 15 calendar days'),
    outcomes: [
      {
        id: 'act_conformity',
        label: { kk: 'Сәйкестік туралы акт', ru: 'Акт о соответствии', en: 'Act of conformity' },
        next: 'prepare_result',
        decision: 'approve',
      },
      {
        id: 'act_nonconformity',
        label: { kk: 'Сәйкессіздік туралы акт (сәйкессіздік себептерімен)', ru: 'Акт о несоответствии (с причинами несоответствия)', en: 'Act of non-conformity (stating the reasons)' },
        next: 'prepare_result',
        decision: 'refuse',
        grounds: [NONCONFORMITY],
      },
    ],
    ref: s002('L518-521, L545-547, L578-583, L667-668', '§5(5), §6(4)-(5), §8(5), §10(8)'),
  },
  {
    id: 'prepare_result',
    role: 'executor',
    action: {
      kk: 'Акт негізінде қорытындыны (немесе бас тарту себептері көрсетілген дәлелді хатты) және ілеспе хатты дайындау',
      ru: 'Подготовка на основании акта заключения (или мотивированного письма с причинами отказа) и сопроводительного письма',
      en: 'Prepare, on the basis of the act, the conclusion (or the reasoned letter stating the reasons for refusal) and the cover letter',
    },
    term: term(3, 'working_hours', 'L584-587', '§8(6)', 'үш сағаттың ішінде, on the basis of the act signed by representatives of the provider and/or the applicant'),
    outcomes: [{ id: 'prepared', label: { kk: 'Дайындалды', ru: 'Подготовлено', en: 'Prepared' }, next: 'sign_result' }],
    ref: s002('L522-527, L548, L584-587', '§5(6), §6(6), §8(6)'),
  },
  {
    id: 'sign_result',
    role: 'head_of_provider',
    action: {
      kk: 'Қорытындыға (дәлелді хатқа) және ілеспе хатқа қызмет беруші басшысының ЭЦҚ-мен қол қоюы',
      ru: 'Подписание заключения (мотивированного письма) и сопроводительного письма руководителем услугодателя с ЭЦП',
      en: 'The head of the provider signs the conclusion (or the reasoned letter) and the cover letter with EDS',
    },
    // No term of its own: the result is "prepared on the basis of the act" within §8(6)'s 3 hours
    // and reaches the office signed (§5(8)); the signature shares that window.
    term: term(3, 'working_hours', 'L524-527, L535-536, L584-587', '§5(6), §5(8), §8(6)', 'No own term: shares the 3 hours of §8(6) counted from the act (see interpretations)', 'completed:inspect'),
    outcomes: [{ id: 'signed', label: { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' }, next: byChannel('deliver', 'dispatch') }],
    ref: s002('L524-527, L535-536, L671-675', '§5(6), §5(8), §10(10)'),
  },
  {
    id: 'deliver',
    role: 'portal',
    automatic: true,
    action: {
      kk: 'Жеке кабинетте тексеру нәтижелері туралы хабарламаны қалыптастыру және уәкілетті лауазымды тұлғаның ЭЦҚ-сымен куәландырылған қорытындыны беру (7-8-үдерістер)',
      ru: 'Формирование в личном кабинете уведомления о результатах проверки и выдача заключения, удостоверенного ЭЦП уполномоченного должностного лица (процессы 7-8)',
      en: 'Post the notice of the inspection results in the personal cabinet and issue the conclusion certified by the EDS of the authorised official (Processes 7-8)',
    },
    term: term(0, 'same_day', 'L669-675', '§10(9)-(10)', 'Processes 7-8; no term of their own: run at once'),
    outcomes: [{ id: 'delivered', label: { kk: 'Жеке кабинетке жеткізілді', ru: 'Доставлено в личный кабинет', en: 'Delivered to the personal cabinet' }, next: 'end', signed: false }],
    ref: s002('L669-675', '§10(9)-(10)'),
  },
  {
    id: 'dispatch',
    role: 'office',
    action: {
      kk: 'Қорытындыны басып шығару, ведомствоның мөрімен растау; ілеспе хат пен қорытындыны тіркеу және қызметті алушыға пошта немесе курьерлік қызмет арқылы жолдау',
      ru: 'Распечатка заключения и заверение печатью ведомства; регистрация сопроводительного письма и заключения и направление услугополучателю почтой или курьерской службой',
      en: "Print the conclusion and certify it with the agency's seal; register the cover letter and the conclusion and send them to the applicant by post or courier",
    },
    term: term(2, 'working_hours', 'L588-590', '§8(7)', 'екі сағаттың ішінде; §5(8) gives no term'),
    outcomes: [{ id: 'dispatched', label: { kk: 'Жолданды', ru: 'Направлено', en: 'Dispatched' }, next: 'end' }],
    ref: s002('L528-530, L535-538, L549-551, L588-590', '§5(6), §5(8), §6(7)-(8), §8(7)'),
  },
];

// ---------------------------------------------------------------------------------------------
// Documents: §9(5) (L612-641), the list the applicant attaches on the portal; the same items on
// paper (see interpretations). The form of the questionnaire is Annex 1 of the Rules for issuing
// the conclusion, not in the seed.

const BANKS = { fields: { bankingUse: ['no'] } };

const documents: DocumentInput[] = [
  {
    id: 'questionnaire_application',
    when: PAPER,
    name: {
      kk: 'Қағидаларға 1-қосымшаға сәйкес нысан бойынша сауалнама-өтініш',
      ru: 'Анкета-заявление по форме согласно приложению 1 к Правилам выдачи заключения',
      en: 'Questionnaire-application in the form of Annex 1 to the Rules for issuing the conclusion',
    },
    ref: s002('L492-494, L617-621', '§4, §9(5)', 'On the portal the questionnaire is the e-request itself, certified by the applicant\'s EDS (L639-641).'),
  },
  {
    id: 'functional_description',
    name: {
      kk: 'КЖ функционалдық мүмкіндіктері мен ерекшеліктерінің сипаттамасы',
      ru: 'Описание функциональных возможностей и особенностей КС',
      en: 'Description of the functional capabilities and features of the computer system',
    },
    ref: s002('L622', '§9(5)'),
  },
  {
    id: 'tax_inspector_manual',
    name: {
      kk: '«Салық инспекторының жұмыс орны» модулін пайдалану жөніндегі нұсқаулық',
      ru: 'Руководство по использованию модуля «Рабочее место налогового инспектора»',
      en: 'Manual for using the "Tax Inspector\'s Workstation" module',
    },
    ref: s002('L623-624', '§9(5)'),
  },
  {
    id: 'installation_manual',
    when: BANKS,
    name: {
      kk: 'КЖ орнату және іске қосу жөніндегі нұсқаулық',
      ru: 'Руководство по установке и запуску КС',
      en: 'Manual for installing and launching the computer system',
    },
    ref: s002('L625-627', '§9(5)', 'Except for systems used in banks and organisations carrying out certain types of banking operations.'),
  },
  {
    id: 'security_certificate',
    name: {
      kk: 'КЖ құрамына кіретін және ақпараттық процеске қатысатын фискалдық режимнің, фискалдық жадының техникалық және бағдарламалық құралдарының ақпараттық қауіпсіздік талаптарына сәйкестігі сертификаты (ҚР СТ МЕМСТ Р ИСО/МЭК 15408-2006)',
      ru: 'Сертификат соответствия требованиям информационной безопасности технических и программных средств фискального режима и фискальной памяти, входящих в состав КС и участвующих в информационном процессе (СТ РК ГОСТ Р ИСО/МЭК 15408-2006)',
      en: 'Certificate of conformity with the information-security requirements of the hardware and software of the fiscal mode and fiscal memory that form part of the computer system and take part in the information process (ST RK GOST R ISO/IEC 15408-2006)',
    },
    ref: s002('L628-632', '§9(5)'),
  },
  {
    id: 'functional_copy_medium',
    when: BANKS,
    name: {
      kk: 'Компьютер жүйесінің функционалдық көшірмесін қамтитын электрондық ақпараттық тасығыш',
      ru: 'Электронный носитель информации, содержащий функциональную копию компьютерной системы',
      en: 'Electronic storage medium containing a functional copy of the computer system',
    },
    ref: s002('L633-635', '§9(5)', 'Except for systems used in banks and organisations carrying out certain types of banking operations. On the portal: attached as a file (an archive), see interpretations.'),
  },
];

export const cashRegisterConclusion = defineService({
  id: 'cash-register-conclusion',
  version: ORDER_877_IN_FORCE,
  name: {
    kk: 'Компьютер жүйесінің бақылау-кассалық машиналарының мемлекеттік тізіліміне енгізу үшін техникалық талаптарға сәйкестігі туралы қорытындылар беру',
    ru: 'Выдача заключений о соответствии компьютерной системы техническим требованиям для включения в государственный реестр контрольно-кассовых машин',
    en: 'Issue of conclusions on the conformity of a computer system with the technical requirements for inclusion in the State Register of cash registers',
  },
  shortName: { kk: 'КЖ бойынша қорытынды (БКМ)', ru: 'Заключение на КС (ККМ)', en: 'Cash-register computer system conclusion' },
  status: 'active',
  effective: { from: ORDER_877_IN_FORCE },
  sources: [
    order877Source(3, `L27-30, ${ANNEX_3}`),
    standard476Source('L487-494', 'Annex 3 §4'),
    lawOnStateServices,
    order209Source,
  ],
  provider: informatization,
  // §1 (L467-470): applications are accepted and results issued through 1) the provider and 2) the
  // e-government portal www.egov.kz; §2: electronic (partially automated) and/or paper.
  channels: ['portal', 'provider_office'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles: ROLES,
  refusalGrounds,
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'conclusion',
      name: { kk: 'Қорытынды беру', ru: 'Выдача заключения', en: 'Issue of the conclusion' },
      term: term(29, 'calendar_days', 'L531-534', '§5(7)', 'белгіленген құжаттар түскен күнінен бастап күнтізбелік жиырма тоғыз күн ішінде', 'received'),
      fields: [
        {
          id: 'systemName',
          type: 'text',
          label: { kk: 'Компьютер жүйесінің атауы', ru: 'Наименование компьютерной системы', en: 'Name of the computer system' },
          ref: s002('L617-621', '§9(5)', 'The questionnaire form (Annex 1 of the Rules) is not in the seed; the name of the system is the minimum it must carry.'),
        },
        {
          id: 'bankingUse',
          type: 'select',
          label: {
            kk: 'КЖ банктерде немесе банк операцияларының жекелеген түрлерін жүзеге асыратын ұйымдарда қолданылады',
            ru: 'КС применяется в банках или организациях, осуществляющих отдельные виды банковских операций',
            en: 'The system is used in banks or organisations carrying out certain types of banking operations',
          },
          options: [
            { value: 'no', label: { kk: 'Жоқ', ru: 'Нет', en: 'No' } },
            { value: 'yes', label: { kk: 'Иә', ru: 'Да', en: 'Yes' } },
          ],
          ref: s002('L625-627, L633-635', '§9(5)', 'Decides whether the installation manual and the functional copy are required.'),
        },
      ],
      documents,
      fee: { kind: 'free', ref: s002('L487-494', '§4', 'No fee is mentioned in the regulation (see interpretations).') },
      firstStep: 'register',
      steps,
    },
  ],
  result: {
    document: {
      kk: 'Компьютер жүйесінің бақылау-кассалық машиналарының мемлекеттік тізіліміне енгізу үшін техникалық талаптарға сәйкестігі туралы қорытынды',
      ru: 'Заключение о соответствии компьютерной системы техническим требованиям для включения в государственный реестр контрольно-кассовых машин',
      en: 'Conclusion on the conformity of the computer system with the technical requirements for inclusion in the State Register of cash registers',
    },
    refusal: {
      kk: 'Бас тарту себептерін көрсете отырып дәлелді хат (немесе қараудан бас тарту)',
      ru: 'Мотивированное письмо с указанием причин отказа (или отказ в рассмотрении)',
      en: 'Reasoned letter stating the reasons for refusal (or refusal to consider)',
    },
    registry: 'cash_register_conclusions',
    numberPrefix: 'KSII-CCM',
  },
  interpretations: [
    {
      topic: 'The 29 calendar days: hard limit, and where the check\'s 10 days start',
      readings: [
        '§5(7): the conclusion or the reasoned refusal is considered and issued within 29 calendar days from the day the established documents are received. Binding overall limit (extraction §9(2)).',
        '§5(4): the check runs "from the moment the questionnaire-application arrives"; §8(2): "within 10 calendar days". Counted from receipt, the routing (3 working days) and, on paper, the digitisation (3 working days) fall inside the 10 days, and the §8 path (10 cd + 3 h + 2 h + 15 cd + 3 h + 2 h ≈ 25 cd + 10 h) fits the 29 days.',
        'Counted from the start of the check, the §5 routing and digitisation add up to 6 working days before it, and the path would reach about 33 calendar days, beyond the hard limit.',
      ],
      chosen:
        'Overall 29 calendar days from receipt; the check\'s 10 calendar days also from receipt (from: received). A term ending on a day off moves to the next working day (engine convention, Civil Code art. 193). With the real calendar the longest path (paper: routing, digitisation, check, notice, 15-day inspection, result, dispatch) ends inside the 29 days (tests); the lint\'s term-may-exceed-overall warning comes from counting calendar days at their most working days and the 29 days at their fewest, and is accepted.',
      configurable: "The check's anchor ('received' or 'step_start').",
      refs: [s002('L505-506, L531-534', '§5(4), §5(7)'), s002('L569-570', '§8(2)')],
    },
    {
      topic: 'Intake: 15 minutes (§5(1)) or 2 hours (§8(1))',
      readings: [
        '§5(1): the office accepts and registers the questionnaire-application with a registration number within 15 minutes.',
        '§8(1): the office receives, opens and registers it and/or makes its electronic copy and passes it to the Directorate within 2 hours.',
      ],
      chosen: 'Both, as two office steps counted from receipt: register (15 minutes: acceptance and number) and hand_over (2 hours from receipt: opening, electronic copy, hand-over).',
      refs: [s002('L497-498', '§5(1)'), s002('L566-568', '§8(1)')],
    },
    {
      topic: 'Routing and digitisation appear only in §5',
      readings: [
        '§5(2): management determines the unit and executor within 3 working days; §6(2) names its resolution (бұрыштама); §7 lists the head of the provider. §8 has no routing step.',
        '§5(3): the executor processes a paper application and sends it to the portal within 3 working days; §8 has no such step.',
      ],
      chosen: 'assign (head_of_provider, 3 working days, assigning the executor) for every application; digitize (executor, 3 working days) for paper applications only. Both sit inside the check\'s 10 calendar days from receipt.',
      refs: [s002('L499-503, L543', '§5(2)-(3), §6(2)')],
    },
    {
      topic: 'Notices and results by channel',
      readings: [
        '§8(4), §8(7): the office registers the refusal, the notice of inspection, the cover letter and the conclusion and sends them by post or courier within 2 hours.',
        '§10: on the portal the refusal notice (Process 4), the inspection notice (Process 5), the notice of results in the personal cabinet (Process 7) and the EDS-certified conclusion (Process 8) are sent by the portal.',
        '§5(6): "if the applicant applied to the provider for a paper conclusion", it is drawn up electronically, printed and certified with the agency\'s seal.',
      ],
      chosen:
        'Portal cases: automatic portal steps notify_refusal, notify_inspection and deliver. Paper cases: office steps send_refusal, send_notice and dispatch (2 working hours each); dispatch prints and seals the conclusion. An application at the provider is taken as the request for a paper conclusion.',
      refs: [s002('L528-530, L574-577, L588-590', '§5(6), §8(4), §8(7)'), s002('L664-675', '§10')],
    },
    {
      topic: 'Signature of the result: who and when',
      readings: [
        '§5(6): the reasoned refusal letter is certified by the EDS of the provider\'s management; §5(8): the cover letter and conclusion reach the office signed by the head of the provider; §10 Process 8: the conclusion is certified by the EDS of the authorised official.',
        'No section gives the signature a term; §8(6) gives 3 hours to prepare the conclusion and cover letter on the basis of the act.',
      ],
      chosen: 'sign_result by head_of_provider, due within the same 3 working hours counted from the act (completed:inspect), for the conclusion and for the reasoned letter alike.',
      configurable: 'The term of sign_result.',
      refs: [s002('L522-527, L535-536, L584-587', '§5(6), §5(8), §8(6)'), s002('L671-675', '§10(10)')],
    },
    {
      topic: 'Refusal grounds: closed list',
      readings: [
        '§5(4): errors in the documents, an incomplete package, improper execution → the application is left without consideration and the documents are returned with the written reason.',
        '§5(5)-(6): an act of non-conformity → a reasoned letter stating the reasons for refusal.',
        'The portal\'s own refusals (authorisation failure, Condition 1 → Process 3; EDS not confirmed, Condition 2 → Process 5) happen before an application exists.',
      ],
      chosen:
        'exhaustiveGrounds: true with four grounds: document_errors, incomplete_package, improper_execution (citable at check) and system_nonconforming (citable at inspect). The portal\'s authorisation and EDS checks are the platform\'s sign-in and signature verification, not grounds of a case.',
      refs: [s002('L507-510, L518-527', '§5(4)-(6)'), s002('L602-650', '§9')],
    },
    {
      topic: 'Inspection: the applicant\'s part and no suspension',
      readings: [
        '§8(6): the act of conformity is signed by representatives of the provider and/or the applicant; §10 Process 6: an on-site expert commission inspects the system. The inspection needs the applicant\'s system and people.',
        'The regulation states no suspension of the 29 days while the applicant prepares for the inspection (extraction §5.11).',
      ],
      chosen:
        'inspect is the executor\'s step (he "ensures" the inspection and draws up the act). The applicant\'s co-signature of the act is optional ("and/or") and not a step. No pause: the 29 calendar days run without interruption.',
      refs: [s002('L578-587', '§8(5)-(6)'), s002('L667-668', '§10(8)')],
    },
    {
      topic: 'Documents on paper and on the portal',
      readings: [
        '§9(5) lists what the applicant attaches on the portal: the questionnaire (e-request with EDS), the functional description, the Tax Inspector\'s Workstation manual, the installation manual and the functional copy (except for banking use) and the security certificate.',
        'Paragraph 9 of the Standard (not in the seed) lists the paper documents; §8(1) speaks of "the questionnaire-application and documents under paragraph 9 of the Standard".',
      ],
      chosen:
        'The same list on both channels; on paper the questionnaire-application is a document, on the portal it is the signed e-request. The installation manual and the functional copy are required unless bankingUse = yes. The storage medium with the functional copy is attached as a file on the portal.',
      refs: [s002('L612-641', '§9(5)'), s002('L566-568', '§8(1)')],
    },
    {
      topic: 'Channels',
      readings: [
        '§1: applications are accepted and results issued through the provider and the portal.',
        '§8(1) says the office "opens" (ашу) the questionnaire and documents, which suggests applications arriving by post.',
      ],
      chosen: 'Channels portal and provider_office; no separate mail channel, since §1 names only the provider and the portal.',
      configurable: "Add 'mail' to channels if postal applications are confirmed.",
      refs: [s002('L467-470', '§1'), s002('L566-568', '§8(1)')],
    },
    {
      topic: 'Applicant kinds',
      readings: ['The regulation says "қызмет алушы" / "өтініш беруші"; the portal checks the applicant by IIN or BIN (Condition 1, L607-608).'],
      chosen: 'Individuals, individual entrepreneurs and legal entities.',
      configurable: 'applicantKinds.',
      refs: [s002('L607-608, L642-645', '§9')],
    },
    {
      topic: 'Acts cited without number or date',
      readings: [
        'The questionnaire form is Annex 1 of the "Rules for issuing the conclusion on the conformity of a computer system with the technical requirements for inclusion in the State Register of cash registers"; the seed gives neither their number nor their date.',
        'The security certificate refers to the national standard ҚР СТ МЕМСТ Р ИСО/МЭК 15408-2006, identified by its designation only.',
      ],
      chosen: 'Both are named in the refs of the documents they govern (questionnaire_application, security_certificate) and not listed in `sources`, which needs a number and a date the seed does not give.',
      refs: [s002('L617-621', '§9(5)'), s002('L628-632', '§9(5)')],
    },
    {
      topic: 'Source defects',
      readings: [
        '§10 (L651-653) calls the provider-side diagram "No. 1", while its appendix title says "No. 2" (L722-723).',
        'The diagrams and the business-process handbook (appendices 1-3, L688-742) were graphics and are absent; §11 refers to them for the detailed sequence.',
      ],
      chosen: 'The steps are taken from the text of §5, §8 and §9-§10 only.',
      refs: [s002('L651-653, L722-723', '§10; Appendix 2'), s002('L676-742', '§11; Appendices 1-3')],
    },
    ...commonInterpretations,
  ],
});

export default cashRegisterConclusion;
