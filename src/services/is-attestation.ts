// «Мемлекеттік ақпараттық жүйелерді және мемлекеттік ақпараттық жүйелермен ықпалдасатын мемлекеттік
// емес ақпараттық жүйелерді ақпараттық қауіпсіздік талаптарына және Қазақстан Республикасының
// аумағында қабылданған стандарттарға сәйкестігі тұрғысынан аттестаттау»: attestation of state
// information systems, and of non-state systems integrated with them, for compliance with the
// information-security requirements and the standards adopted in Kazakhstan.
//
// Source: Annex 5 of order No. 877 of 24.08.2015 of the acting Minister for Investments and
// Development, seed 002 L766–L1090 (§1–§3 L784–L810, §4 L816–L823, §5 L824–L873, §6 L874–L890,
// §7 L896–L912, §8 L913–L1079). The standard the regulation starts from (order No. 476 of
// 21.04.2015, §9) is not in the seeds: no document list, fee, overall term or refusal grounds.
//
// The procedure: all 43 sub-paragraphs of §8, each one step with its post and its own term, plus
// the recipient's two actions (signing the contracts, eliminating the nonconformities). §8(42)
// repeats §8(22)–(28) after the additional inspection; those are distinct `recheck_*` steps, so the
// nonconformity decision, allowed once per application (§5(8), L852–L854), cannot be taken twice:
// the graph has no cycle and the re-check decision (§8(43)) has the single outcome «issue».
// `seed` below is the seed file number; `lines` are lines of that file.
import { defineService, type ServiceDefinitionInput } from '../core/regulation.ts';
import { informatization } from './providers/informatization.ts';
import {
  ROLE,
  attestationRoles,
  calendarDays,
  minutes,
  s002,
  workingDays,
  type AttestationStep,
} from './shared/attestation-roles.ts';
import { actToProtocol } from './shared/attestation-commission.ts';
import { commonInterpretations, lawOnStateServices, order877Source, ORDER_877_IN_FORCE, standard476Source } from './shared/informatization-order-877.ts';

type SubCaseInput = ServiceDefinitionInput['subcases'][number];
type FieldInput = NonNullable<SubCaseInput['fields']>[number];
type DocumentInput = NonNullable<SubCaseInput['documents']>[number];

const REGISTERED = { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' };
const PASSED = { kk: 'Берілді', ru: 'Передано', en: 'Passed on' };
const EXECUTOR = { kk: 'Жауапты орындаушы айқындалды', ru: 'Ответственный исполнитель определён', en: 'Executor assigned' };

/** Where the decision term comes from: see the interpretation «Decision term». */
const DECISION_TERM = s002(
  'L848-850, L1016-1018, L1077-1079',
  '§5(8), §8(29), §8(43)',
  '§5(8) sets the term as «осы Регламенттің 5-тармағының 8) тармақшасында белгіленген мерзімде» (itself); §8(29)/(30) point at §8(8), the Enterprise office\'s 15 minutes; §8(43) alone states «күнтізбелік бір күн ішінде». One calendar day is applied to every decision.',
);

// ---------------------------------------------------------------------------------------------
// Phase A: intake at the Committee and transfer to the Enterprise, §8(1)–(7) (L915–L938).

const intake: AttestationStep[] = [
  {
    id: 'register',
    role: ROLE.committeeOffice,
    action: {
      kk: 'Өтінімді тіркеу нөмірі мен күнін көрсете отырып тіркеу, содан кейін Комитет басшысына және (немесе) оның орынбасарына жіберу',
      ru: 'Регистрация заявки с указанием регистрационного номера и даты и направление руководителю Комитета и (или) его заместителю',
      en: 'Register the application (number and date) and send it to the head of the Committee and/or deputy',
    },
    term: { duration: { amount: 15, unit: 'minutes', ref: s002('L826-827, L915-917', '§5(1), §8(1)', '«он бес минут ішінде»') }, from: 'received' },
    outcomes: [{ id: 'registered', label: REGISTERED, next: 'c_head_route', mark: 'registered' }],
    ref: s002('L826-827, L915-917', '§5(1), §8(1)'),
  },
  {
    id: 'c_head_route',
    role: ROLE.committeeHead,
    action: {
      kk: 'Жауапты құрылымдық бөлімшені айқындау',
      ru: 'Определение ответственного структурного подразделения',
      en: 'Determine the responsible structural unit',
    },
    term: minutes(15, s002('L921-922', '§8(2)', '«он бес минут ішінде»; §5(2) (L828-829) gives 30 minutes for the whole routing: see the interpretation.')),
    outcomes: [
      {
        id: 'unit_determined',
        label: { kk: 'Жауапты бөлімше айқындалды', ru: 'Ответственное подразделение определено', en: 'Responsible unit determined' },
        next: 'c_unit_assign',
        assigns: ROLE.committeeUnitHead,
        mark: 'in_execution',
      },
    ],
    ref: s002('L828-829, L921-922', '§5(2), §8(2)'),
  },
  {
    id: 'c_unit_assign',
    role: ROLE.committeeUnitHead,
    action: {
      kk: 'Комитеттің жауапты орындаушысын айқындау және өтінімді қарауға жіберу',
      ru: 'Определение ответственного исполнителя Комитета и направление заявки на рассмотрение',
      en: 'Determine the Committee responsible executor and send the application for review',
    },
    term: minutes(30, s002('L923-925', '§8(3)', '«отыз минут ішінде»')),
    outcomes: [{ id: 'executor_assigned', label: EXECUTOR, next: 'c_cover_letter', assigns: ROLE.committeeExecutor }],
    ref: s002('L923-925', '§8(3)'),
  },
  {
    id: 'c_cover_letter',
    role: ROLE.committeeExecutor,
    action: {
      kk: 'Құжаттар қоса берілген өтінімді ілеспе хатпен Комитеттің жауапты құрылымдық бөлімшесінің басшысына келісу үшін жіберу',
      ru: 'Направление заявки с приложенными документами и сопроводительным письмом руководителю ответственного структурного подразделения Комитета на согласование',
      en: 'Send the application with its documents and a cover letter to the head of the responsible unit for approval',
    },
    term: calendarDays(2, s002('L830-831, L926-929', '§5(3), §8(4)', '«өтінім келіп түскен сәттен бастап … күнтізбелік екі күн ішінде»: from the receipt of the application.'), 'received'),
    outcomes: [{ id: 'letter_drafted', label: { kk: 'Ілеспе хат дайындалды', ru: 'Сопроводительное письмо подготовлено', en: 'Cover letter drafted' }, next: 'c_unit_approve' }],
    ref: s002('L830-831, L926-929', '§5(3), §8(4)'),
  },
  {
    id: 'c_unit_approve',
    role: ROLE.committeeUnitHead,
    action: {
      kk: 'Құжаттама мен өтінім қоса берілген ілеспе хатты келісу, содан кейін Комитеттің басшысына және (немесе) оның орынбасарына жіберу',
      ru: 'Согласование сопроводительного письма с документацией и заявкой и направление руководителю Комитета и (или) его заместителю',
      en: 'Approve the cover letter with the documentation and application and send it to the head of the Committee and/or deputy',
    },
    term: minutes(30, s002('L930-932', '§8(5)', '«отыз минут ішінде»')),
    outcomes: [{ id: 'approved', label: { kk: 'Келісілді', ru: 'Согласовано', en: 'Approved' }, next: 'c_head_approve' }],
    ref: s002('L930-932', '§8(5)'),
  },
  {
    id: 'c_head_approve',
    role: ROLE.committeeHead,
    action: {
      kk: 'Құжаттама мен өтінім қоса берілген ілеспе хатты келісу, содан кейін Комитеттің кеңсесіне жіберу',
      ru: 'Согласование сопроводительного письма с документацией и заявкой и направление в канцелярию Комитета',
      en: 'Approve the cover letter with the documentation and application and send it to the Committee office',
    },
    term: minutes(30, s002('L933-935', '§8(6)', '«отыз минут ішінде»')),
    outcomes: [{ id: 'approved', label: { kk: 'Келісілді', ru: 'Согласовано', en: 'Approved' }, next: 'c_office_send' }],
    ref: s002('L933-935', '§8(6)'),
  },
  {
    id: 'c_office_send',
    role: ROLE.committeeOffice,
    action: {
      kk: 'Құжаттама мен өтінім қоса берілген ілеспе хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу, содан кейін Кәсіпорынға жіберу',
      ru: 'Регистрация сопроводительного письма с документацией и заявкой (номер и дата) и направление Предприятию',
      en: 'Register the cover letter with the documentation and application (number and date) and send it to the Enterprise',
    },
    term: minutes(15, s002('L936-938', '§8(7)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'sent_to_enterprise', label: { kk: 'Кәсіпорынға жіберілді', ru: 'Направлено Предприятию', en: 'Sent to the Enterprise' }, next: 'e_office_register' }],
    ref: s002('L936-938', '§8(7)'),
  },
];

// ---------------------------------------------------------------------------------------------
// Phase B: routing inside the Enterprise and the contracts, §8(8)–(20) (L939–L986), with the
// recipient signing the contracts between §8(16) and §8(17).

const contracts: AttestationStep[] = [
  {
    id: 'e_office_register',
    role: ROLE.enterpriseOffice,
    action: {
      kk: 'Құжаттама мен өтінім қоса берілген ілеспе хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу, содан кейін Кәсіпорын басшысына және (немесе) оның орынбасарына жіберу',
      ru: 'Регистрация сопроводительного письма с документацией и заявкой (номер и дата) и направление руководителю Предприятия и (или) его заместителю',
      en: 'Register the incoming cover letter with the documentation and application (number and date) and send it to the head of the Enterprise and/or deputy',
    },
    term: minutes(15, s002('L939-941', '§8(8)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'registered', label: REGISTERED, next: 'e_head_route' }],
    ref: s002('L939-941', '§8(8)'),
  },
  {
    id: 'e_head_route',
    role: ROLE.enterpriseHead,
    action: {
      kk: 'Департаменттің жауапты басшысын айқындау',
      ru: 'Определение ответственного руководителя Департамента',
      en: 'Determine the responsible head of Department (attestation inspection)',
    },
    term: minutes(15, s002('L942-943', '§8(9)', '«он бес минут ішінде»')),
    outcomes: [
      {
        id: 'department_determined',
        label: { kk: 'Департамент айқындалды', ru: 'Департамент определён', en: 'Department determined' },
        next: 'e_dept_route',
        assigns: ROLE.attestationDeptHead,
      },
    ],
    ref: s002('L942-943', '§8(9)'),
  },
  {
    id: 'e_dept_route',
    role: ROLE.attestationDeptHead,
    action: {
      kk: 'Қызметтің жауапты басшысын айқындау',
      ru: 'Определение ответственного руководителя Службы',
      en: 'Determine the responsible head of the Service',
    },
    term: minutes(15, s002('L944-946', '§8(10)', '«он бес минут ішінде»')),
    outcomes: [
      {
        id: 'service_determined',
        label: { kk: 'Қызмет айқындалды', ru: 'Служба определена', en: 'Service determined' },
        next: 'e_service_assign',
        assigns: ROLE.attestationServiceHead,
      },
    ],
    ref: s002('L944-946', '§8(10)'),
  },
  {
    id: 'e_service_assign',
    role: ROLE.attestationServiceHead,
    action: {
      kk: 'Қызметтің жауапты орындаушысын айқындау және құжаттама мен өтінім қоса берілген ілеспе хатты қарауға жіберу',
      ru: 'Определение ответственного исполнителя Службы и направление сопроводительного письма с документацией и заявкой на рассмотрение',
      en: 'Determine the Service responsible executor and send the cover letter with the documentation and application for review',
    },
    term: minutes(30, s002('L947-949', '§8(11)', '«отыз минут ішінде»')),
    outcomes: [{ id: 'executor_assigned', label: EXECUTOR, next: 'e_memo', assigns: ROLE.attestationServiceExecutor }],
    ref: s002('L947-949', '§8(11)'),
  },
  {
    id: 'e_memo',
    role: ROLE.attestationServiceExecutor,
    action: {
      kk: 'Аттестаттық тексеруді жүргізу үшін жауапты Департаменттің басшысымен және (немесе) оның орынбасарымен, Қызмет басшысымен алдын ала келісілген қызметтік жазбаны шарттарды жасасу үшін жауаптыларға жіберу',
      ru: 'Направление ответственным за заключение договоров служебной записки, предварительно согласованной с руководителем Департамента аттестационного обследования и (или) его заместителем и руководителем Службы',
      en: 'Send an internal memo, pre-agreed with the head of the attestation Department and/or deputy and the Service head, to those responsible for concluding contracts',
    },
    term: minutes(30, s002('L950-955', '§8(12)', '«келіп түскен сәттен бастап отыз минут ішінде»: from receipt from the Service head, i.e. the step start.')),
    outcomes: [{ id: 'memo_sent', label: { kk: 'Қызметтік жазба жіберілді', ru: 'Служебная записка направлена', en: 'Memo sent' }, next: 'e_contracts_dept_pass' }],
    ref: s002('L950-955', '§8(12)', 'Addressed literally to «шарттарды жасасу үшін жауапты Бөлімнің басшысына»: see the interpretation on the memo\'s route.'),
  },
  {
    id: 'e_contracts_dept_pass',
    role: ROLE.contractsDeptHead,
    action: {
      kk: 'Қызметтік жазбаны Бөлім басшысына беру',
      ru: 'Передача служебной записки руководителю Отдела',
      en: 'Pass the memo to the Section head',
    },
    term: minutes(15, s002('L956-957', '§8(13)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'passed', label: PASSED, next: 'e_section_assign' }],
    ref: s002('L956-957', '§8(13)', 'Literally «шарттарды жасасу үшін жауапты Бөлімнің басшысы немесе оның орынбасары»: read as the contracts Department head (§7(9)).'),
  },
  {
    id: 'e_section_assign',
    role: ROLE.contractsSectionHead,
    action: {
      kk: 'Бөлімнің жауапты орындаушысын айқындау және қызметтік жазбаны қарауға беру',
      ru: 'Определение ответственного исполнителя Отдела и передача служебной записки на рассмотрение',
      en: 'Determine the Section responsible executor and pass the memo for review',
    },
    term: minutes(15, s002('L958-959', '§8(14)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'executor_assigned', label: EXECUTOR, next: 'draft_contracts', assigns: ROLE.contractsSectionExecutor }],
    ref: s002('L958-959', '§8(14)'),
  },
  {
    id: 'draft_contracts',
    role: ROLE.contractsSectionExecutor,
    action: {
      kk: 'Аттестаттық тексеру бойынша қызметтерді көрсету шартының, ақпараттық қауіпсіздікті қамтамасыз ету бойынша бірлескен жұмыстарды орындау шартының және (криптографиялық қорғау құралдары болса немесе қажет болған жағдайда) бірлескен құпия жұмыстарын орындау шартының жобасын қалыптастыру, шарттарды жасасу үшін жауапты Департаменттің басшысымен және Кәсіпорын басшысымен алдын ала келісу және ілеспе хатпен Кәсіпорынның кеңсесіне жіберу',
      ru: 'Формирование проектов договора об оказании услуг по аттестационному обследованию, договора о выполнении совместных работ по обеспечению информационной безопасности и (при наличии средств криптографической защиты информации или при необходимости) договора о выполнении совместных секретных работ, предварительное согласование с руководителем Департамента по договорам и руководителем Предприятия, направление с сопроводительным письмом в канцелярию Предприятия',
      en: 'Draft the attestation-inspection services contract, the joint information-security works contract and, where the system has cryptographic protection tools or when necessary, the joint classified works contract; pre-agree them with the contracts Department head and the Enterprise head; send them with a cover letter to the Enterprise office',
    },
    term: workingDays(3, s002('L963-972', '§8(15)', '«Бөлім басшысынан қызметтік жазба келіп түскен сәттен бастап үш жұмыс күні ішінде»: from receipt of the memo, i.e. the step start.')),
    outcomes: [
      {
        id: 'two_contracts',
        label: {
          kk: 'Екі шарт: аттестаттық тексеру бойынша қызметтер және бірлескен жұмыстар',
          ru: 'Два договора: услуги по аттестационному обследованию и совместные работы',
          en: 'Two contracts: attestation-inspection services and joint information-security works',
        },
        next: 'e_office_send_contracts',
      },
      {
        id: 'three_contracts',
        label: {
          kk: 'Үш шарт: сондай-ақ бірлескен құпия жұмыстар (криптографиялық қорғау құралдары бар немесе қажет болған жағдайда)',
          ru: 'Три договора: также совместные секретные работы (есть СКЗИ или при необходимости)',
          en: 'Three contracts: also joint classified works (cryptographic protection tools present, or when necessary)',
        },
        next: 'e_office_send_contracts',
      },
    ],
    ref: s002('L832-840, L963-972', '§5(4), §8(15)'),
  },
  {
    id: 'e_office_send_contracts',
    role: ROLE.enterpriseOffice,
    action: {
      kk: 'Хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу және көрсетілетін қызметті алушыға жіберу',
      ru: 'Регистрация письма (номер и дата) и направление услугополучателю',
      en: 'Register the letter with the draft contracts (number and date) and send it to the applicant',
    },
    term: minutes(15, s002('L973-975', '§8(16)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'sent_to_applicant', label: { kk: 'Алушыға жіберілді', ru: 'Направлено услугополучателю', en: 'Sent to the applicant' }, next: 'sign_contracts' }],
    ref: s002('L973-975', '§8(16)'),
  },
  {
    id: 'sign_contracts',
    role: ROLE.applicant,
    action: {
      kk: 'Шарттарға қол қою және қол қойылған Шарттарды хатпен Кәсіпорынға қайтару',
      ru: 'Подписание договоров и возврат подписанных договоров письмом Предприятию',
      en: 'Sign the contracts and return them to the Enterprise with a letter',
    },
    // The applicant's time: the overall term is counted from the contracts anyway (§5(5)), and the
    // step keeps its own 3-working-day term from registration.
    counted: false,
    term: workingDays(
      3,
      s002(
        'L832-840',
        '§5(4)',
        '«өтінімді тіркеген сәттен бастап үш жұмыс күні ішінде Кәсіпорын мен көрсетілетін қызметті алушының арасында … шарттарын жасау»: the only term covering the conclusion of the contracts, counted from the registration of the application (step register). §8 gives the recipient no term.',
      ),
      'completed:register',
    ),
    outcomes: [{ id: 'contracts_signed', label: { kk: 'Шарттарға қол қойылды', ru: 'Договоры подписаны', en: 'Contracts signed' }, next: 'e_office_register_contracts' }],
    ref: s002('L832-840, L973-977', '§5(4), §8(16)-(17)'),
  },
  {
    id: 'e_office_register_contracts',
    role: ROLE.enterpriseOffice,
    action: {
      kk: 'Қол қойылған Шарттар берілген хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу, содан кейін оларды шарттарды жасасу үшін жауапты Департаменттің басшысына немесе оның орынбасарына беру',
      ru: 'Регистрация письма с подписанными договорами (номер и дата) и передача их руководителю Департамента по договорам или его заместителю',
      en: 'Register the letter with the signed contracts (number and date) and pass them to the head of the contracts Department or deputy',
    },
    term: minutes(15, s002('L976-979', '§8(17)', '«келіп түскен сәттен бастап он бес минут ішінде»')),
    outcomes: [{ id: 'registered', label: REGISTERED, next: 'e_contracts_dept_pass_contracts' }],
    ref: s002('L976-979', '§8(17)'),
  },
  {
    id: 'e_contracts_dept_pass_contracts',
    role: ROLE.contractsDeptHead,
    action: {
      kk: 'Шарттарды Бөлімнің басшысына беру',
      ru: 'Передача договоров руководителю Отдела',
      en: 'Pass the contracts to the Section head',
    },
    term: minutes(15, s002('L980-981', '§8(18)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'passed', label: PASSED, next: 'e_section_assign_contracts' }],
    ref: s002('L980-981', '§8(18)'),
  },
  {
    id: 'e_section_assign_contracts',
    role: ROLE.contractsSectionHead,
    action: {
      kk: 'Бөлімнің жауапты орындаушысын айқындау және Шарттарды қарауға беру',
      ru: 'Определение ответственного исполнителя Отдела и передача договоров на рассмотрение',
      en: 'Determine the Section responsible executor and pass the contracts for review',
    },
    term: minutes(30, s002('L982-983', '§8(19)', '«отыз минут ішінде»')),
    outcomes: [{ id: 'executor_assigned', label: EXECUTOR, next: 'register_contracts', assigns: ROLE.contractsSectionExecutor }],
    ref: s002('L982-983', '§8(19)'),
  },
  {
    id: 'register_contracts',
    role: ROLE.contractsSectionExecutor,
    action: {
      kk: 'Шарттарды қарау, оларды тіркеу және Қызмет басшысын Шарттар жасалғаны туралы хабарландыру',
      ru: 'Рассмотрение и регистрация договоров, уведомление руководителя Службы о заключении договоров',
      en: 'Review and register the contracts and notify the Service head that the contracts are concluded',
    },
    term: minutes(30, s002('L984-986', '§8(20)', '«келіп түскен сәттен бастап отыз минут ішінде»')),
    outcomes: [{ id: 'service_notified', label: { kk: 'Қызмет басшысы хабарландырылды', ru: 'Руководитель Службы уведомлён', en: 'Service head notified' }, next: 'inspection' }],
    ref: s002('L984-986', '§8(20)'),
  },
];

// ---------------------------------------------------------------------------------------------
// Phase C–D: the inspection, the act, the Commission and the decision, §8(21)–(29) (L987–L1020).

const inspection: AttestationStep = {
  id: 'inspection',
  role: ROLE.attestationServiceExecutor,
  action: {
    kk: 'Ақпараттық жүйені аттестаттық тексеруді жүргізу',
    ru: 'Проведение аттестационного обследования информационной системы',
    en: 'Conduct the attestation inspection of the information system',
  },
  term: calendarDays(
    30,
    s002('L841-842, L987-989', '§5(5), §8(21)', '«көрсетілетін қызметті алушымен Шарттарды жасасқан сәттен бастап … күнтізбелік отыз күннің ішінде»: from the conclusion of the contracts, the recipient\'s signature (step sign_contracts).'),
    'completed:sign_contracts',
  ),
  outcomes: [{ id: 'inspected', label: { kk: 'Тексеру жүргізілді', ru: 'Обследование проведено', en: 'Inspection conducted' }, next: 'act' }],
  ref: s002('L841-842, L987-989', '§5(5), §8(21)', 'Literally the «Бөлімнің жауапты орындаушысы» (contracts Section executor): see the interpretation on who inspects.'),
};

const decision: AttestationStep = {
  id: 'decision',
  role: ROLE.committeeHead,
  action: {
    kk: 'Комиссия хаттамасының және актінің негізінде шешімдердің бірін қабылдау: аттестатты беру туралы немесе сәйкессіздіктерді жою туралы (соңғысы өтінімге бір реттен артық қабылданбайды)',
    ru: 'Принятие на основании протокола Комиссии и акта одного из решений: о выдаче аттестата или об устранении несоответствий (последнее принимается не более одного раза по заявке)',
    en: "Take one of the decisions on the Commission's protocol and the act: to issue the attestation certificate, or that the applicant must eliminate the nonconformities found (at most once per application)",
  },
  term: calendarDays(1, DECISION_TERM),
  outcomes: [
    {
      id: 'issue',
      label: { kk: 'Аттестатты беру туралы шешім', ru: 'Решение о выдаче аттестата', en: 'Decision to issue the attestation certificate' },
      next: 'issue_prepare',
      decision: 'approve',
    },
    {
      id: 'eliminate_nonconformities',
      label: { kk: 'Сәйкессіздіктерді жою туралы шешім', ru: 'Решение об устранении несоответствий', en: 'Decision: eliminate the nonconformities' },
      next: 'send_nonconformities',
      // The re-check brings the terms of §5(9): the Enterprise's letter within 3 working days and
      // the re-inspection within 10, then the Commission (2 calendar days), its protocol (1) and
      // the decision (1), as for the first inspection.
      extendsTerm: [
        workingDays(13, s002('L858-862', '§5(9)', '3 + 10 working days: the re-check letter and the re-inspection')).duration,
        calendarDays(4, s002('L843-854, L1058-1079', '§5(6)-(8), §8(37)-(43)', '2 + 1 + 1 calendar days: convening the Commission, its protocol, the decision')).duration,
      ],
    },
  ],
  ref: s002('L848-854, L1016-1020', '§5(8), §8(29)'),
};

// ---------------------------------------------------------------------------------------------
// Phase E1: issuing the attestation certificate, §8(30)–(31) (L1021–L1033); also the path after
// the re-check decision §8(43).

const issuance: AttestationStep[] = [
  {
    id: 'issue_prepare',
    role: ROLE.committeeExecutor,
    action: {
      kk: 'Аттестаттар тізіліміне тиісті мәліметтер енгізу және Комитеттің жауапты құрылымдық бөлімшесінің басшысымен, Комитеттің басшысымен және (немесе) оның орынбасарымен алдын ала келісіп, аттестатты, аттестациялық комиссияның хаттамасын және аттестаттық тексеру актісін ілеспе хатпен Комитеттің кеңсесіне жіберу',
      ru: 'Внесение сведений в реестр аттестатов и, после предварительного согласования с руководителем ответственного подразделения и руководителем Комитета и (или) его заместителем, направление аттестата, протокола Аттестационной комиссии и акта аттестационного обследования с сопроводительным письмом в канцелярию Комитета',
      en: 'Enter the certificate in the register of attestation certificates and, after pre-agreement with the unit head and the head of the Committee and/or deputy, send the certificate, the Commission protocol and the inspection act with a cover letter to the Committee office',
    },
    term: calendarDays(1, s002('L1021-1027', '§8(30)', '«осы Регламенттің 8-тармағының 8) тармақшасында белгіленген мерзімде»: the decision term (one calendar day, see the interpretation), counted from the decision.')),
    outcomes: [{ id: 'sent_to_office', label: { kk: 'Кеңсеге жіберілді', ru: 'Направлено в канцелярию', en: 'Sent to the office' }, next: 'c_office_issue' }],
    ref: s002('L1021-1027', '§8(30)'),
  },
  {
    id: 'c_office_issue',
    role: ROLE.committeeOffice,
    action: {
      kk: 'Құжаттар қоса берілген ілеспе хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу және көрсетілетін қызметті алушыға беру (хаттама, акт және аттестат)',
      ru: 'Регистрация сопроводительного письма с документами (номер и дата) и выдача услугополучателю протокола, акта и аттестата',
      en: 'Register the cover letter (number and date) and hand the protocol, the act and the attestation certificate to the applicant',
    },
    term: minutes(15, s002('L1028-1033', '§8(31)', '«келіп түскен сәттен бастап он бес минут ішінде»')),
    outcomes: [{ id: 'issued', label: { kk: 'Алушыға берілді', ru: 'Выдано услугополучателю', en: 'Handed to the applicant' }, next: 'end' }],
    ref: s002('L872-873, L1028-1033', '§5(10), §8(31)'),
  },
];

// ---------------------------------------------------------------------------------------------
// Phase E2: the nonconformity decision and the once-only re-check, §8(32)–(43) (L1034–L1079),
// with the recipient eliminating the nonconformities between §8(33) and §8(34).

const recheck: AttestationStep[] = [
  {
    id: 'send_nonconformities',
    role: ROLE.committeeExecutor,
    action: {
      kk: 'Комитеттің жауапты құрылымдық бөлімшесінің басшысымен және Комитеттің басшысымен және (немесе) оның орынбасарымен алдын ала келісіп, аттестаттық тексеру актісі мен хаттаманы ілеспе хатпен Комитеттің кеңсесіне жіберу',
      ru: 'После предварительного согласования с руководителем ответственного подразделения и руководителем Комитета и (или) его заместителем направление акта аттестационного обследования и протокола с сопроводительным письмом в канцелярию Комитета',
      en: 'After pre-agreement with the unit head and the head of the Committee and/or deputy, send the inspection act and the protocol with a cover letter to the Committee office',
    },
    term: minutes(15, s002('L1034-1038', '§8(32)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'sent_to_office', label: { kk: 'Кеңсеге жіберілді', ru: 'Направлено в канцелярию', en: 'Sent to the office' }, next: 'c_office_nonconformities' }],
    ref: s002('L1034-1038', '§8(32)'),
  },
  {
    id: 'c_office_nonconformities',
    role: ROLE.committeeOffice,
    action: {
      kk: 'Ілеспе хатты тіркеу нөмірі мен келіп түскен күнін көрсете отырып тіркеу және көрсетілетін қызметті алушыға беру',
      ru: 'Регистрация сопроводительного письма (номер и дата поступления) и передача услугополучателю',
      en: 'Register the cover letter (number and date of receipt) and hand the act and the protocol to the applicant',
    },
    term: minutes(15, s002('L1039-1042', '§8(33)', '«келіп түскен сәттен бастап он бес минут ішінде»')),
    outcomes: [{ id: 'handed_to_applicant', label: { kk: 'Алушыға берілді', ru: 'Передано услугополучателю', en: 'Handed to the applicant' }, next: 'eliminate_nonconformities' }],
    ref: s002('L1039-1042', '§8(33)'),
  },
  {
    id: 'eliminate_nonconformities',
    role: ROLE.applicant,
    action: {
      kk: 'Айқындалған сәйкессіздіктерді жою және Комитетке хабарлау',
      ru: 'Устранение выявленных несоответствий и уведомление Комитета',
      en: 'Eliminate the nonconformities found and notify the Committee',
    },
    // The applicant's own time is not the provider's: it does not count against the overall term.
    counted: false,
    term: calendarDays(
      365,
      s002(
        'L855-857',
        '§5(9)',
        'NOT IN THE SOURCE: «көрсетілетін қызметті алушы сәйкессіздіктерді жояды және Комитетке хабарлайды» sets the recipient no term. The schema requires one; 365 calendar days is a placeholder that keeps the step from showing overdue. Configurable.',
      ),
    ),
    outcomes: [{ id: 'notified', label: { kk: 'Комитетке хабарланды', ru: 'Комитет уведомлён', en: 'Committee notified' }, next: 'c_office_register_notice' }],
    ref: s002('L855-857, L1046-1048', '§5(9), §8(34)'),
  },
  {
    id: 'c_office_register_notice',
    role: ROLE.committeeOffice,
    action: {
      kk: 'Көрсетілетін қызметті алушыдан келген хатты тіркеу және Комитеттің жауапты құрылымдық бөлімшесінің басшысына қарау үшін беру',
      ru: 'Регистрация письма услугополучателя и передача руководителю ответственного подразделения Комитета на рассмотрение',
      en: "Register the applicant's letter and pass it to the head of the Committee's responsible unit",
    },
    term: minutes(15, s002('L1046-1048', '§8(34)', '«хат көрсетілетін қызметті алушыдан келіп түскен сәттен бастап он бес минут ішінде»')),
    outcomes: [{ id: 'registered', label: REGISTERED, next: 'c_unit_assign_notice' }],
    ref: s002('L1046-1048', '§8(34)'),
  },
  {
    id: 'c_unit_assign_notice',
    role: ROLE.committeeUnitHead,
    action: {
      kk: 'Комитеттің жауапты орындаушысын айқындау және хатты қарау үшін беру',
      ru: 'Определение ответственного исполнителя Комитета и передача письма на рассмотрение',
      en: 'Determine the Committee responsible executor and pass the letter for review',
    },
    term: minutes(15, s002('L1049-1051', '§8(35)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'executor_assigned', label: EXECUTOR, next: 'recheck_letter', assigns: ROLE.committeeExecutor }],
    ref: s002('L1049-1051', '§8(35)'),
  },
  {
    id: 'recheck_letter',
    role: ROLE.committeeExecutor,
    action: {
      kk: 'Қосымша аттестаттық тексеру жүргізу қажеттігі туралы хатты әзірлеу, алдын ала келісу және Комитеттің кеңсесіне жіберу',
      ru: 'Подготовка письма о необходимости дополнительного аттестационного обследования, предварительное согласование и направление в канцелярию Комитета',
      en: 'Draft the letter on the need for an additional attestation inspection, pre-agree it and send it to the Committee office',
    },
    term: workingDays(3, s002('L858-860, L1052-1057', '§5(9), §8(36)', '«хат … басшысынан келіп түскен сәттен бастап үш жұмыс күні ішінде» (§8(36)); §5(9) counts the same 3 working days from the Committee\'s receipt of the notice.')),
    outcomes: [{ id: 'letter_drafted', label: { kk: 'Хат дайындалды', ru: 'Письмо подготовлено', en: 'Letter drafted' }, next: 'c_office_send_recheck' }],
    ref: s002('L858-860, L1052-1057', '§5(9), §8(36)'),
  },
  {
    id: 'c_office_send_recheck',
    role: ROLE.committeeOffice,
    action: {
      kk: 'Хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу және Кәсіпорынға жіберу',
      ru: 'Регистрация письма (номер и дата) и направление Предприятию',
      en: 'Register the letter (number and date) and send it to the Enterprise',
    },
    term: minutes(15, s002('L1058-1060', '§8(37)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'sent_to_enterprise', label: { kk: 'Кәсіпорынға жіберілді', ru: 'Направлено Предприятию', en: 'Sent to the Enterprise' }, next: 'e_office_register_recheck' }],
    ref: s002('L1058-1060', '§8(37)'),
  },
  {
    id: 'e_office_register_recheck',
    role: ROLE.enterpriseOffice,
    action: {
      kk: 'Хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу және аттестаттық тексеруді жүргізу үшін жауапты Департаменттің басшысына және (немесе) оның орынбасарына беру',
      ru: 'Регистрация письма (номер и дата) и передача руководителю Департамента аттестационного обследования и (или) его заместителю',
      en: 'Register the letter (number and date) and pass it to the head of the attestation Department and/or deputy',
    },
    term: minutes(15, s002('L1061-1064', '§8(38)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'registered', label: REGISTERED, next: 'e_dept_pass_recheck' }],
    ref: s002('L1061-1064', '§8(38)'),
  },
  {
    id: 'e_dept_pass_recheck',
    role: ROLE.attestationDeptHead,
    action: {
      kk: 'Хатты Қызмет басшысына беру',
      ru: 'Передача письма руководителю Службы',
      en: 'Pass the letter to the Service head',
    },
    term: minutes(15, s002('L1065-1067', '§8(39)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'passed', label: PASSED, next: 'e_service_assign_recheck' }],
    ref: s002('L1065-1067', '§8(39)'),
  },
  {
    id: 'e_service_assign_recheck',
    role: ROLE.attestationServiceHead,
    action: {
      kk: 'Қызметтің жауапты орындаушысын айқындау және құжаттарды қарауға беру',
      ru: 'Определение ответственного исполнителя Службы и передача документов на рассмотрение',
      en: 'Determine the Service responsible executor and pass the documents for review',
    },
    term: minutes(15, s002('L1068-1069', '§8(40)', '«он бес минут ішінде»')),
    outcomes: [{ id: 'executor_assigned', label: EXECUTOR, next: 'recheck_inspection', assigns: ROLE.attestationServiceExecutor }],
    ref: s002('L1068-1069', '§8(40)'),
  },
  {
    id: 'recheck_inspection',
    role: ROLE.attestationServiceExecutor,
    action: {
      kk: 'Ақпараттық жүйені ақпараттық қауіпсіздік талаптарына сәйкестігіне қосымша аттестаттық тексеруді жүргізу',
      ru: 'Проведение дополнительного аттестационного обследования информационной системы на соответствие требованиям информационной безопасности',
      en: 'Conduct the additional attestation inspection of the information system',
    },
    term: workingDays(10, s002('L861-862, L1070-1072', '§5(9), §8(41)', '«құжаттар Қызмет басшысынан келіп түскен сәттен бастап он жұмыс күні ішінде»')),
    outcomes: [{ id: 'inspected', label: { kk: 'Қосымша тексеру жүргізілді', ru: 'Дополнительное обследование проведено', en: 'Additional inspection conducted' }, next: 'recheck_act' }],
    ref: s002('L861-862, L1070-1072', '§5(9), §8(41)'),
  },
];

const recheckDecision: AttestationStep = {
  id: 'recheck_decision',
  role: ROLE.committeeHead,
  action: {
    kk: 'Аттестациялық Комиссияның ұсынымдары мен қосымша аттестаттық тексеру актісінің негізінде аттестат беру туралы шешім қабылдау',
    ru: 'Принятие решения о выдаче аттестата на основании рекомендаций Аттестационной комиссии и акта дополнительного аттестационного обследования',
    en: "Decide to issue the attestation certificate on the Commission's recommendations and the act of additional inspection",
  },
  term: calendarDays(1, s002('L868-871, L1077-1079', '§5(9), §8(43)', '«күнтізбелік бір күн ішінде аттестат беру туралы шешім қабылданады»')),
  outcomes: [
    {
      id: 'issue',
      label: { kk: 'Аттестатты беру туралы шешім', ru: 'Решение о выдаче аттестата', en: 'Decision to issue the attestation certificate' },
      next: 'issue_prepare',
      decision: 'approve',
    },
  ],
  ref: s002('L868-871, L1077-1079', '§5(9), §8(43)', 'The only outcome the text gives after the additional inspection; the nonconformity decision may not be taken a second time (§5(8), L852-854).'),
};

// ---------------------------------------------------------------------------------------------
// The application: the standard's §9 list (order No. 476) is not in the seeds. What the
// regulation itself relies on is asked for; see the interpretation «Application content».

const APPLICATION = s002('L816-823', '§4', 'The application is submitted «Стандарттың 9-тармағына сәйкес»; the standard (order No. 476 of 21.04.2015) is not in the seeds.');

const fields: FieldInput[] = [
  {
    id: 'systemName',
    type: 'text',
    maxLength: 500,
    label: { kk: 'Ақпараттық жүйенің атауы', ru: 'Наименование информационной системы', en: 'Name of the information system' },
    ref: s002('L779-783, L806-809', 'title, §3', 'The attestat is issued for a named information system.'),
  },
  {
    id: 'systemKind',
    type: 'select',
    label: { kk: 'Ақпараттық жүйенің түрі', ru: 'Вид информационной системы', en: 'Kind of information system' },
    options: [
      { value: 'state', label: { kk: 'Мемлекеттік ақпараттық жүйе', ru: 'Государственная информационная система', en: 'State information system' } },
      {
        value: 'non_state_integrated',
        label: {
          kk: 'Мемлекеттік ақпараттық жүйелермен ықпалдасатын мемлекеттік емес ақпараттық жүйе',
          ru: 'Негосударственная информационная система, интегрируемая с государственными информационными системами',
          en: 'Non-state information system integrated with state information systems',
        },
      },
    ],
    ref: s002('L786-789', '§1'),
  },
  {
    id: 'cryptoProtection',
    type: 'boolean',
    label: {
      kk: 'Ақпараттық жүйеде ақпаратты криптографиялық қорғау құралдары бар',
      ru: 'В информационной системе имеются средства криптографической защиты информации',
      en: 'The information system contains cryptographic information protection tools',
    },
    ref: s002('L837-840, L966-969', '§5(4), §8(15)', 'Decides the third contract (joint classified works), mandatory when the system has such tools.'),
  },
];

const documents: DocumentInput[] = [
  {
    id: 'application',
    name: { kk: 'Өтінім', ru: 'Заявка', en: 'Application' },
    ref: APPLICATION,
  },
  {
    id: 'system_documentation',
    name: {
      kk: 'Өтінімге қоса берілген құжаттар (ақпараттық жүйе бойынша құжаттама)',
      ru: 'Документы, прилагаемые к заявке (документация на информационную систему)',
      en: 'Documents attached to the application (documentation of the information system)',
    },
    ref: s002('L926-928, L931, L937', '§8(4)-(7)', '«құжаттар қоса берілген өтінім», «құжаттама мен өтінім»: the content is set by standard §9, not in the seeds.'),
  },
];


// ---------------------------------------------------------------------------------------------
// Choices where the source is silent, ambiguous or contradicts itself (analysis: shared/regulations/
// seed-002.md §7.9).

const interpretations: ServiceDefinitionInput['interpretations'] = [
  ...commonInterpretations,
  {
    topic: 'Decision term (SOURCE DEFECT: the term refers to itself)',
    readings: [
      '§5(8): the Committee decides «осы Регламенттің 5-тармағының 8) тармақшасында белгіленген мерзімде», i.e. within the term of §5(8) itself: no term at all.',
      '§8(29) and §8(30) (hyperlink text moved to the line end) read «8-тармағының 8) тармақшасында»: §8(8), the Enterprise office\'s 15-minute registration, unrelated to a decision.',
      '§8(43) gives the only explicit decision term: «күнтізбелік бір күн ішінде» for the decision after the additional inspection.',
    ],
    chosen:
      'One calendar day for every decision: `decision` (§8(29)) and `recheck_decision` (§8(43)) from the protocol (step start), and `issue_prepare` (§8(30), same cross-reference) one calendar day from the decision. The 15-minute literal reading is rejected: a collegial decision on a protocol is not an office registration.',
    configurable: 'The amount and unit of the three terms.',
    refs: [s002('L848-850', '§5(8)'), s002('L1016-1027', '§8(29)-(30)'), s002('L1077-1079', '§8(43)')],
  },
  {
    topic: 'Convening the Commission: one or two calendar days',
    readings: ['§5(6): «күнтізбелік бір күн ішінде» from receipt of the act.', '§8(27): «күнтізбелік екі күн ішінде» from receipt of the acts from the unit head; §5(9) and §8(42) give two days after the additional inspection.'],
    chosen: 'Step terms follow §8 (the detailed hand-over sequence): 2 calendar days in both passes. The overall term, a §5 figure, keeps §5(6)\'s one day.',
    configurable: 'convene_commission term.',
    refs: [s002('L843-845', '§5(6)'), s002('L1011-1013', '§8(27)'), s002('L863-865', '§5(9)')],
  },
  {
    topic: 'Overall term (not in the regulation)',
    readings: [
      'The overall term of the service is set by the standard (order No. 476, §9 and its term paragraph), which is not in the seeds.',
      'Sum of §5: 15 min + 30 min + 2 calendar days (from receipt) + 3 working days (contracts, from registration) + 30 + 1 + 1 calendar days + the decision: mixed units, and the contracts include the recipient\'s untimed signature.',
      'The stretch of §5 in one unit: from the conclusion of the contracts, 30 (inspection, act, dispatch) + 1 (convening) + 1 (protocol) + 1 (decision, by the interpretation above) = 33 calendar days.',
    ],
    chosen:
      '33 calendar days counted from the conclusion of the contracts (`completed:sign_contracts`, as §8(21) counts the inspection); until the contracts are signed the engine counts it from receipt. Intake and the contracts are governed by the §5(4) term on `sign_contracts`. §8\'s own figures (2-day convening, hour steps that cross into the next day) can exceed it, and the re-check path (§5(9): 3 + 10 working days, 2 + 1 + 1 calendar days and the recipient\'s untimed correction) always does.',
    configurable: 'The overall term once the standard is available.',
    refs: [s002('L816-823', '§4'), s002('L832-851', '§5(4)-(8)'), s002('L855-871', '§5(9)'), s002('L987-989', '§8(21)')],
  },
  {
    topic: 'Contracts within 3 working days of registration (infeasible by construction)',
    readings: [
      '§5(4): the contracts are concluded «өтінімді тіркеген сәттен бастап үш жұмыс күні ішінде», counted from the registration of the application at the Committee (§5(1)), the only registration §5 names.',
      'The same, counted from the Enterprise\'s registration of the letter with the application (§8(8)), the Enterprise being the party to the contracts.',
      '§8 alone allows 2 calendar days (§8(4)) + 3 working days (§8(15)) + about 3 hours of routing before the draft contracts reach the recipient, so the 3 days cannot be kept if every post uses its term.',
    ],
    chosen: 'The §5(4) term is the term of `sign_contracts`, the recipient\'s signature that concludes the contracts: 3 working days from `completed:register`. It shows overdue when the §8 terms are used in full: that is the text.',
    configurable: 'Anchor (completed:register or completed:e_office_register) and amount.',
    refs: [s002('L832-840', '§5(4)'), s002('L926-929', '§8(4)'), s002('L963-977', '§8(15)-(17)')],
  },
  {
    topic: 'The recipient\'s actions have no term',
    readings: [
      'Signing the contracts (between §8(16) and §8(17)) and eliminating the nonconformities (§5(9), between §8(33) and §8(34)) carry no term in the text.',
      'The schema requires a term on every step.',
    ],
    chosen:
      '`sign_contracts` takes §5(4)\'s 3 working days (above). `eliminate_nonconformities` gets a placeholder of 365 calendar days, marked NOT IN THE SOURCE, so that it does not show overdue; it is not a legal figure. Both are applicant steps (role kind applicant), taken by the case\'s applicant, marked `counted: false`: their time stops the overall term like a pause. The re-check decision extends the overall term by §5(9)\'s terms (13 working days and 4 calendar days).',
    configurable: 'The placeholder (an optional step term would remove it).',
    refs: [s002('L855-857', '§5(9)'), s002('L973-977', '§8(16)-(17)'), s002('L1039-1048', '§8(33)-(34)')],
  },
  {
    topic: 'Once-only nonconformity decision and the re-check',
    readings: [
      '§5(8): the nonconformity decision «АЖ аттестаттау жүргізу өтінішіне бір реттен артық қабылданбайды».',
      'After the additional inspection the text gives only the decision to issue (§5(9) last item, §8(43)); nothing is said if the system still does not conform. A refusal (or a second nonconformity round) could be read into the silence.',
    ],
    chosen:
      'The re-check is a distinct chain of steps (§8(34)–(41), `recheck_*` for §8(42)\'s repetition of §8(22)–(28), `recheck_decision` for §8(43)); the graph has no cycle, so the nonconformity decision can be taken at most once. `recheck_decision` has the single outcome «issue», as written. No refusal is encoded: the regulation defines none and the standard\'s grounds are not in the seeds.',
    configurable: 'A refusal outcome on recheck_decision once the standard\'s grounds are available.',
    refs: [s002('L852-854', '§5(8)'), s002('L855-871', '§5(9)'), s002('L1073-1079', '§8(42)-(43)')],
  },
  {
    topic: 'After the re-check decision: the issuance steps',
    readings: ['§8(43) ends with the decision to issue; it does not repeat §8(30)–(31).', '§5(10): on the decision taken, the Committee sends the protocol, the act and the attestat to the recipient.'],
    chosen: 'recheck_decision/issue leads to the same `issue_prepare` (§8(30)) and `c_office_issue` (§8(31)) as the first decision; each case passes them once.',
    refs: [s002('L872-873', '§5(10)'), s002('L1021-1033', '§8(30)-(31)'), s002('L1077-1079', '§8(43)')],
  },
  {
    topic: 'The third contract (joint classified works)',
    readings: [
      '§5(4), §8(15): the joint classified works contract is drafted «ақпараттық жүйелерде ақпаратты криптографиялық қорғау құралдары болса немесе қажет болған жағдайда».',
      'So it is mandatory when the system has cryptographic protection tools and optional otherwise.',
    ],
    chosen:
      'The form field `cryptoProtection` records the tools; `draft_contracts` has the outcomes `two_contracts` and `three_contracts`. The engine cannot make an outcome depend on a form field, so it does not stop `two_contracts` when cryptoProtection is true.',
    refs: [s002('L837-840', '§5(4)'), s002('L963-972', '§8(15)')],
  },
  {
    topic: 'Who conducts the inspection and draws up the act',
    readings: [
      '§8(21)–(23) literally: «Бөлімнің жауапты орындаушысы», the contracts Section\'s executor.',
      '§8(20) has that executor notify the Service head that the contracts are concluded; §8(41) has the Service\'s executor conduct the additional inspection; §7(6)–(8) make the Department and the Service responsible for attestation inspection.',
    ],
    chosen: 'attestation_service_executor (the Service executor assigned at §8(11)) takes `inspection`, `act`, `act_letter` and their re-check counterparts.',
    refs: [s002('L905-911', '§7(7)-(11)'), s002('L984-997', '§8(20)-(23)'), s002('L1070-1072', '§8(41)')],
  },
  {
    topic: 'Route of the memo to contracts (§8(12)–(13))',
    readings: [
      '§8(12) sends the memo to «шарттарды жасасу үшін жауапты Бөлімнің басшысы»; §8(13) has «Бөлімнің басшысы немесе оның орынбасары» pass it to the Section head, i.e. to himself.',
      '§7(9) lists a «шарттарды жасасу үшін жауапты Департаменттің басшысы», and §8(17)–(18) route the signed contracts Department head → Section head.',
    ],
    chosen: '`e_contracts_dept_pass` (§8(13)) is taken by contracts_dept_head, who passes the memo to the Section head.',
    refs: [s002('L908-910', '§7(9)-(10)'), s002('L950-957', '§8(12)-(13)'), s002('L976-981', '§8(17)-(18)')],
  },
  {
    topic: 'Which office registers the act from the Enterprise (§8(25))',
    readings: ['§8(25) literally: «Кәсіпорын кеңсесінің жұмыскері» registers the letter arriving «Кәсіпорыннан» and passes it to the Committee unit head.', 'The letter was sent to the Committee in §8(24); the Committee office registers incoming letters elsewhere (§8(34)).'],
    chosen: 'committee_office takes `c_office_register_act` (and its re-check counterpart).',
    refs: [s002('L998-1007', '§8(24)-(25)')],
  },
  {
    topic: 'Committee routing: 30 minutes or 15 + 30',
    readings: ['§5(2): the head and/or deputy determines the executors «отыз минут ішінде».', '§8(2)–(3): the head determines the unit in 15 minutes, the unit head the executor in 30 minutes.'],
    chosen: 'Two steps with the §8 terms (15 and 30 minutes).',
    refs: [s002('L828-829', '§5(2)'), s002('L921-925', '§8(2)-(3)')],
  },
  {
    topic: 'Notice of the re-check: §5(9) or §8(34)–(37)',
    readings: ['§5(9): the Committee notifies the Enterprise within 3 working days of receiving the recipient\'s notice.', '§8: 15 min (registration) + 15 min (assignment) + 3 working days (letter) + 15 min (dispatch).'],
    chosen: 'The §8 chain; `recheck_letter` counts its 3 working days from its own start (receipt from the unit head), which falls on the day of the notice when the posts keep their minutes.',
    refs: [s002('L858-860', '§5(9)'), s002('L1046-1060', '§8(34)-(37)')],
  },
  {
    topic: 'Anchors of the day terms',
    readings: [
      '§8(4): «өтінім келіп түскен сәттен бастап … күнтізбелік екі күн» could count from the Committee\'s receipt of the application or from the executor\'s receipt of it.',
      '§8(21): «Шарттарды жасасқан сәттен бастап» could be the recipient\'s signature or the registration of the signed contracts (§8(20)).',
      'Elsewhere §8 says «X-тен келіп түскен сәттен бастап» (from receipt from X): the step start.',
    ],
    chosen: '`c_cover_letter` from `received` (no «from whom» in the text); `inspection` and the overall term from `completed:sign_contracts` (a contract is concluded when the signed copy comes back); every other term from the step start.',
    refs: [s002('L926-929', '§8(4)'), s002('L984-989', '§8(20)-(21)')],
  },
  {
    topic: 'Minutes and hours',
    readings: ['The text says «он бес минут», «отыз минут», «үш сағат» without saying working time.', 'Read as clock time, a letter registered at 18:25 would be due at 18:40, after the office has closed.'],
    chosen: 'minutes and working_hours, counted inside the provider\'s working hours (the engine\'s sub-day units).',
    refs: [s002('L915-1072', '§8')],
  },
  {
    topic: 'Approvals inside a step',
    readings: ['Several sub-paragraphs bundle approvals with one term: §8(12) memo pre-agreed with two heads, §8(15) contracts with two, §8(22) acts agreed with three within 3 hours, §8(30), §8(32), §8(36) letters with two.', '§8(5)–(6) are separate approval steps with their own terms.'],
    chosen: 'Bundled approvals stay inside the executor\'s step (one term covers them); §8(5)–(6) are steps of their own.',
    refs: [s002('L930-935', '§8(5)-(6)'), s002('L950-972', '§8(12)-(15)'), s002('L990-994', '§8(22)')],
  },
  {
    topic: 'Who takes the Committee\'s decision',
    readings: ['§5(8), §8(29): «Комитет … шешімдердің бірін қабылдайды»; §8(43): «шешім қабылданады» (passive).', 'The Committee acts through its head and/or deputy (§7(1)); the executor only prepares documents after a decision (§8(30), §8(32)).'],
    chosen: 'committee_head takes `decision` and `recheck_decision`.',
    refs: [s002('L848-850', '§5(8)'), s002('L898', '§7(1)'), s002('L1016-1020, L1077-1079', '§8(29), §8(43)')],
  },
  {
    topic: 'Two providers: the Committee and the Enterprise',
    readings: [
      '§1: the service is provided by the Committee and by the RSE «Мемлекеттік техникалық қызмет» (the Enterprise); applications are accepted and results issued through both.',
      '§5 and §8: intake at the Committee office (§8(1)), issuance by the Committee office (§8(31)); the Enterprise inspects.',
    ],
    chosen:
      'Provider: the Committee (`informatization`). The Enterprise\'s posts are roles of the same provider (enterprise_*, attestation_*, contracts_*): the engine has one provider per service. Channel provider_office only (paper, §2): intake through the Enterprise is not a separate path, as §8 has none.',
    refs: [s002('L786-804', '§1'), s002('L805-810', '§2-§3'), s002('L915-917, L1028-1033', '§8(1), §8(31)')],
  },
  {
    topic: 'Application content and applicant kinds',
    readings: [
      '§4: the application is submitted under §9 of the standard (order No. 476), not in the seeds: no document list, fee or applicant kinds.',
      'The regulation speaks of «көрсетілетін қызметті алушы» without kinds; owners of state systems are state bodies (legal entities), owners of integrated non-state systems may be any person.',
    ],
    chosen:
      'Documents: the application and the attached documentation (§8(4)–(7)). Fields: the system\'s name, kind (state / non-state integrated) and whether it has cryptographic protection tools. (The fee: see «Fee»; the Enterprise\'s inspection is paid under the contract of §8(15), not as a fee of the service.) Applicant kinds: legal entities, entrepreneurs and individuals.',
    configurable: 'Documents, fields and applicant kinds once the standard is available.',
    refs: [s002('L816-823', '§4'), s002('L926-937', '§8(4)-(7)')],
  },
  {
    topic: 'Result: the attestat with the protocol and the act',
    readings: ['§5(10), §8(30)–(31): the recipient receives the attestat, the Commission protocol and the inspection act together; §8(30) enters the attestat in the register of attestation certificates.', 'The engine issues one result document per case.'],
    chosen: 'One result (the attestat, its name mentioning the protocol and the act), registry attestation-certificates. The schema\'s refusal document is named but never issued: no outcome refuses.',
    refs: [s002('L806-810', '§3'), s002('L872-873', '§5(10)'), s002('L1021-1033', '§8(30)-(31)')],
  },
];

// ---------------------------------------------------------------------------------------------

export const isAttestation = defineService({
  id: 'is-attestation',
  version: ORDER_877_IN_FORCE,
  name: {
    kk: 'Мемлекеттік ақпараттық жүйелерді және мемлекеттік ақпараттық жүйелермен ықпалдасатын мемлекеттік емес ақпараттық жүйелерді ақпараттық қауіпсіздік талаптарына және Қазақстан Республикасының аумағында қабылданған стандарттарға сәйкестігі тұрғысынан аттестаттау',
    ru: 'Аттестация государственных информационных систем и негосударственных информационных систем, интегрируемых с государственными информационными системами, на соответствие требованиям информационной безопасности и принятым на территории Республики Казахстан стандартам',
    en: 'Attestation of state information systems and of non-state information systems integrated with them for compliance with information-security requirements and the standards adopted in the Republic of Kazakhstan',
  },
  shortName: {
    kk: 'Ақпараттық жүйені аттестаттау',
    ru: 'Аттестация информационной системы',
    en: 'Information-system security attestation',
  },
  status: 'active',
  effective: { from: ORDER_877_IN_FORCE },
  sources: [
    order877Source(5, 'L27-30, L766-1090'),
    standard476Source('L816-823', 'Annex 5 §4'),
    lawOnStateServices,
    {
      act: {
        kk: '«Мемлекеттік ақпараттық жүйелерді және мемлекеттік ақпараттық жүйелермен интеграцияланатын мемлекеттік емес ақпараттық жүйелерді олардың ақпараттық қауіпсіздік талаптарына және Қазақстан Республикасының аумағында қабылданған стандарттарға сәйкестігіне аттестаттау» мемлекеттік қызмет регламентін бекіту туралы Қазақстан Республикасы Көлік және коммуникация министрінің бұйрығы',
        ru: 'Приказ Министра транспорта и коммуникаций Республики Казахстан об утверждении регламента государственной услуги «Аттестация государственных информационных систем и негосударственных информационных систем, интегрируемых с государственными информационными системами, на соответствие их требованиям информационной безопасности и принятым на территории Республики Казахстан стандартам»',
        en: 'Order of the Minister of Transport and Communications approving the regulation of the state service "Attestation of state information systems and non-state information systems integrated with them for compliance with information-security requirements and the standards adopted in Kazakhstan"',
      },
      number: '880',
      date: '2012-12-13',
      registered: 'State Register of Normative Legal Acts, No. 8240',
      repealedBy: 'Order No. 877 of 24.08.2015, §2(2)',
      ref: s002('L53-60', '§2(2) of the order', 'The predecessor regulation of this service, declared void by order No. 877; its text is not in the seeds.'),
    },
  ],
  provider: informatization,
  channels: ['provider_office'],
  applicantKinds: ['legal_entity', 'entrepreneur', 'individual'],
  roles: attestationRoles,
  refusalGrounds: [],
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'attestation',
      name: { kk: 'Аттестаттау', ru: 'Аттестация', en: 'Attestation' },
      term: calendarDays(
        33,
        s002(
          'L841-851',
          '§5(5)-(8)',
          'NOT STATED AS SUCH: the overall term is in the standard (not in the seeds). 33 calendar days = §5(5) inspection, act and dispatch 30 + §5(6) convening 1 + §5(7) protocol 1 + §5(8) decision 1 (the decision term by interpretation), counted from the conclusion of the contracts (step sign_contracts) as §8(21) counts the inspection.',
        ),
        'completed:sign_contracts',
      ),
      fields,
      documents,
      fee: {
        kind: 'free',
        ref: s002('L784-890', '§1-§6', 'The regulation names no fee or duty (the standard, not in the seeds, would). The Enterprise\'s attestation-inspection services are paid under the contract of §5(4)/§8(15), whose price is a term of that contract, not a fee of the service.'),
      },
      firstStep: 'register',
      steps: [
        ...intake,
        ...contracts,
        inspection,
        ...actToProtocol({ prefix: '', decisionStep: 'decision' }),
        decision,
        ...issuance,
        ...recheck,
        ...actToProtocol({ prefix: 'recheck_', decisionStep: 'recheck_decision' }),
        recheckDecision,
      ],
    },
  ],
  result: {
    document: {
      kk: 'Ақпараттық жүйенің ақпараттық қауіпсіздік талаптарына және Қазақстан Республикасының аумағында қабылданған стандарттарға сәйкестігі аттестаты (хаттамамен және актімен бірге)',
      ru: 'Аттестат соответствия информационной системы требованиям информационной безопасности и принятым на территории Республики Казахстан стандартам (вместе с протоколом и актом)',
      en: 'Attestation certificate of conformity of the information system with information-security requirements and the standards adopted in Kazakhstan (with the protocol and the act)',
    },
    refusal: {
      kk: 'Бас тарту (осы регламентте көзделмеген; берілмейді)',
      ru: 'Отказ (настоящим регламентом не предусмотрен; не выдаётся)',
      en: 'Refusal (not provided by this regulation; never issued)',
    },
    registry: 'attestation-certificates',
    numberPrefix: 'IS-ATT',
  },
  interpretations,
});

export default isAttestation;
