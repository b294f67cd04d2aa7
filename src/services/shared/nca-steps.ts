// Steps that recur in the flows of seed 004 (the state-database check and its refusal, the NCA IS
// registering a request, the NCA operator confirming it with the operator's EDS, the NCA IS
// checking that signature, its refusal, issue and revocation). Each builder takes the Annex 3
// term cell and the reference of the paragraph it encodes; ids are the same in every flow.
//
// Checks that can end in a refusal (the state-database check, the NCA IS check of the request
// certified by the operator) are automatic steps of a `system` role that declare the check
// (`check: { capability, pass, refuse }`): the engine runs them as soon as they become current and
// the checker registered for the capability (src/app/nca-checks.ts) decides the branch. Steps that
// only record what an information system does (registering, forming a refusal, issuing,
// revoking) are automatic with their single outcome.
import type { ServiceDefinitionInput, SourceRef } from '../../core/regulation.ts';
import { NCA_GROUNDS } from './nca-grounds.ts';
import { durationOf, type PrintedTerm } from './nca-refs.ts';

export type StepInput = ServiceDefinitionInput['subcases'][number]['steps'][number];
type OutcomeInput = StepInput['outcomes'][number];

const term = (t: PrintedTerm) => ({ duration: durationOf(t), from: 'step_start' as const });

const refusalFormed: OutcomeInput = {
  id: 'refusal_formed',
  label: { kk: 'Дәлелді бас тарту қалыптастырылды', ru: 'Мотивированный отказ сформирован', en: 'Reasoned refusal formed' },
  next: 'end',
  signed: false,
};

/** Process 2 / 4 and condition 1 / 2: the request to the state databases about the recipient, and the check that the data exist. */
export function sdbCheck(o: { role: 'egov_portal' | 'egov_gateway'; term: PrintedTerm; ref: SourceRef; next: string }): StepInput {
  const via = o.role === 'egov_portal' ? { kk: 'ЭҮП арқылы', ru: 'через ПЭП', en: 'through the EGP' } : { kk: 'ЭҮШ арқылы', ru: 'через ШЭП', en: 'through the EGG' };
  return {
    id: 'sdb_check',
    role: o.role,
    automatic: true,
    check: { capability: 'state_database_identity', pass: 'data_found', refuse: 'data_absent' },
    action: {
      kk: `Алушының деректері туралы ЖТ МДҚ/ЗТ МДҚ-да ${via.kk} сұрау салуды жолдау және алушы деректерінің бар болуын тексеру`,
      ru: `Направление запроса ${via.ru} в ГБД ФЛ/ГБД ЮЛ о данных получателя и проверка наличия данных получателя`,
      en: `Send a request ${via.en} to the state databases of individuals / legal entities about the recipient and check that the recipient's data exist`,
    },
    term: term(o.term),
    outcomes: [
      { id: 'data_found', label: { kk: 'Алушының деректері бар', ru: 'Данные получателя имеются', en: "The recipient's data exist" }, next: o.next, signed: false },
      {
        id: 'data_absent',
        label: { kk: 'Алушының деректері жоқ', ru: 'Данные получателя отсутствуют', en: "The recipient's data are absent" },
        next: 'sdb_refusal',
        decision: 'refuse',
        grounds: [NCA_GROUNDS.noStateDatabaseData],
        signed: false,
      },
    ],
    ref: o.ref,
  };
}

/** Process 3 / 5: the state databases form the message that the data are absent, i.e. the reasoned refusal. */
export function sdbRefusal(o: { term: PrintedTerm; ref: SourceRef }): StepInput {
  return {
    id: 'sdb_refusal',
    role: 'state_database',
    automatic: true,
    action: {
      kk: 'ЖТ МДҚ/ЗТ МДҚ деректерінің болмауы туралы хабарламаны қалыптастыру (дәлелді бас тарту)',
      ru: 'Формирование сообщения об отсутствии данных в ГБД ФЛ/ГБД ЮЛ (мотивированный отказ)',
      en: 'Form the message that the data are absent from the state databases (reasoned refusal)',
    },
    term: term(o.term),
    outcomes: [refusalFormed],
    ref: o.ref,
  };
}

/** The NCA IS registers the electronic request; the recipient gets the application (order) with its unique number. */
export function registerRequest(o: { term: PrintedTerm; ref: SourceRef; next: string; mailbox: boolean }): StepInput {
  return {
    id: 'register_request',
    role: 'nca_is',
    automatic: true,
    action: o.mailbox
      ? {
          kk: 'ҚР ҰКО АЖ электрондық сұрау салуды тіркеу; алушының дербес поштасына ХҚКО немесе Қызмет берушіге беру үшін бірегей нөмірімен өтініш келеді',
          ru: 'Регистрация электронного запроса в ИС НУЦ РК; в личный почтовый ящик получателя поступает заявление с уникальным номером для представления в ЦОН или услугодателю',
          en: "Register the electronic request in the NCA IS; the application with its unique number arrives in the recipient's personal mailbox, to be brought to a PSC or the provider",
        }
      : {
          kk: 'ҚР ҰКО АЖ электрондық сұрау салуды тіркеу; бірегей нөмірімен өтінішті басып шығару және алушының қол қоюы',
          ru: 'Регистрация электронного запроса в ИС НУЦ РК; печать заявления с уникальным номером и его подписание получателем',
          en: 'Register the electronic request in the NCA IS; the application with its unique number is printed and signed by the recipient',
        },
    term: term(o.term),
    outcomes: [
      {
        id: 'registered',
        label: { kk: 'Бірегей нөмірмен тіркелді', ru: 'Зарегистрировано с уникальным номером', en: 'Registered with a unique number' },
        next: o.next,
        mark: 'registered',
        signed: false,
      },
    ],
    ref: o.ref,
  };
}

/** The NCA operator confirms the recipient's electronic request by certifying it with the operator's own EDS and sends it to the NCA IS. */
export function confirmRequest(o: { term: PrintedTerm; ref: SourceRef; formsRequest?: boolean }): StepInput {
  return {
    id: 'confirm_request',
    role: 'nca_operator',
    action: o.formsRequest
      ? {
          kk: 'ҚР ҰКО операторының сұрау салудың толтырылған нысанын өзінің ЭЦҚ арқылы куәландыруы (сұрау салуды растау) және оны ҚР ҰКО АЖ жолдауы',
          ru: 'Удостоверение оператором НУЦ РК заполненной формы запроса своей ЭЦП (подтверждение запроса) и направление его в ИС НУЦ РК',
          en: "Certify the completed request form with the NCA operator's own EDS (confirmation of the request) and send it to the NCA IS",
        }
      : {
          kk: 'ҚР ҰКО операторы өзінің ЭЦҚ куәландыру жолымен алушының электрондық сұрау салуын растайды және оны ҚР ҰКО АЖ жолдайды',
          ru: 'Оператор НУЦ РК подтверждает электронный запрос получателя путём удостоверения своей ЭЦП и направляет его в ИС НУЦ РК',
          en: "Confirm the recipient's electronic request by certifying it with the NCA operator's own EDS and send it to the NCA IS",
        },
    term: term(o.term),
    outcomes: [
      {
        id: 'confirmed',
        label: { kk: 'Оператордың ЭЦҚ-мен расталды', ru: 'Подтверждено ЭЦП оператора', en: "Confirmed with the operator's EDS" },
        next: 'verify_operator_signature',
        mark: 'in_execution',
      },
    ],
    ref: o.ref,
  };
}

/** The NCA IS checks the recipient's electronic request certified with the NCA operator's EDS. */
export function verifyOperatorSignature(o: { term: PrintedTerm; ref: SourceRef; next: string; checksRequests?: boolean }): StepInput {
  return {
    id: 'verify_operator_signature',
    role: 'nca_is',
    automatic: true,
    // Before an issue the check also reads the PKCS#10 requests inside the certified request
    // (operator_certified_request); before a revocation there are none (operator_signature).
    check: { capability: o.checksRequests ? 'operator_certified_request' : 'operator_signature', pass: 'request_valid', refuse: 'request_violations' },
    action: {
      kk: 'ҚР ҰКО АЖ ҚР ҰКО операторының ЭЦҚ-мен куәландырылған алушының электрондық сұрау салуын тексеруі',
      ru: 'Проверка ИС НУЦ РК электронного запроса получателя, удостоверенного ЭЦП оператора НУЦ РК',
      en: "The NCA IS checks the recipient's electronic request certified with the NCA operator's EDS",
    },
    term: term(o.term),
    outcomes: [
      { id: 'request_valid', label: { kk: 'Бұзушылықтар жоқ', ru: 'Нарушений нет', en: 'No violations' }, next: o.next, signed: false },
      {
        id: 'request_violations',
        label: { kk: 'Бұзушылықтар бар', ru: 'Имеются нарушения', en: 'Violations found' },
        next: 'is_refusal',
        decision: 'refuse',
        grounds: [NCA_GROUNDS.operatorCertifiedRequest],
        signed: false,
      },
    ],
    ref: o.ref,
  };
}

/** The NCA IS forms the reasoned refusal of the requested service because of the violations found. */
export function isRefusal(o: { id?: string; term: PrintedTerm; ref: SourceRef }): StepInput {
  return {
    id: o.id ?? 'is_refusal',
    role: 'nca_is',
    automatic: true,
    action: {
      kk: 'Бар бұзушылықтармен байланысты сұралатын қызметтен бас тарту (дәлелді бас тартуды қалыптастыру)',
      ru: 'Отказ в запрашиваемой услуге в связи с имеющимися нарушениями (формирование мотивированного отказа)',
      en: 'Refuse the requested service because of the violations found (form the reasoned refusal)',
    },
    term: term(o.term),
    outcomes: [refusalFormed],
    ref: o.ref,
  };
}

/** The NCA operator forms the reasoned refusal after a failed identification or document check. */
export function operatorRefusal(o: { term: PrintedTerm; ref: SourceRef }): StepInput {
  return {
    id: 'operator_refusal',
    role: 'nca_operator',
    action: {
      kk: 'Бұзушылықтардың болуына байланысты сұралатын қызметке бас тарту (дәлелді бас тартуды қалыптастыру)',
      ru: 'Отказ в запрашиваемой услуге в связи с нарушениями (формирование мотивированного отказа)',
      en: 'Refuse the requested service because of the violations (form the reasoned refusal)',
    },
    term: term(o.term),
    outcomes: [{ ...refusalFormed, signed: true }],
    ref: o.ref,
  };
}

/** Issue of the NCA registration certificates and the notice of successful issue with the link to install them. */
export function issueCertificates(o: { term: PrintedTerm; ref: SourceRef }): StepInput {
  return {
    id: 'issue_certificates',
    role: 'nca_is',
    automatic: true,
    action: {
      kk: 'ҚР ҰКО тіркеу куәліктерін шығару және оларды орнату үшін сілтемесімен тіркеу куәлігін табысты шығару туралы хабарламаны өтініште көрсетілген электрондық поштаның мекенжайына алушыға жолдау',
      ru: 'Выпуск регистрационных свидетельств НУЦ РК и направление получателю на адрес электронной почты, указанный в заявлении, уведомления об успешном выпуске со ссылкой для их установки',
      en: 'Issue the NCA registration certificates and send the recipient, at the e-mail address given in the application, the notice of successful issue with the link to install them',
    },
    term: term(o.term),
    outcomes: [{ id: 'issued', label: { kk: 'Шығарылды, хабарлама жолданды', ru: 'Выпущено, уведомление направлено', en: 'Issued; notice sent' }, next: 'end', signed: false }],
    ref: o.ref,
  };
}

/** Revocation of the NCA registration certificates and publication of the revoked certificate in the CRL (КТКТ) on the internet resource. */
export function revokeCertificates(o: { term: PrintedTerm; ref: SourceRef }): StepInput {
  return {
    id: 'revoke_certificates',
    role: 'nca_is',
    automatic: true,
    action: {
      kk: 'ҚР ҰКО тіркеу куәліктерін кері қайтарып алу; интернет-ресурста КТКТ-гі кері қайтарып алынған (жойылған) тіркеу куәлігі туралы мәліметтерді (сериялық нөмірі, күні және кері қайтарып алудың себебі) жариялау',
      ru: 'Отзыв регистрационных свидетельств НУЦ РК; публикация на интернет-ресурсе в СОРС сведений об отозванном (аннулированном) регистрационном свидетельстве (серийный номер, дата и причина отзыва)',
      en: 'Revoke the NCA registration certificates; publish in the CRL on the internet resource the revoked certificate\'s serial number, date and reason of revocation',
    },
    term: term(o.term),
    outcomes: [{ id: 'revoked', label: { kk: 'Кері қайтарып алынды, КТКТ-де жарияланды', ru: 'Отозвано, опубликовано в СОРС', en: 'Revoked; published in the CRL' }, next: 'end', signed: false }],
    ref: o.ref,
  };
}

