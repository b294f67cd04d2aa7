// «Қазақстан Республикасы Ұлттық куәландырушы орталығының тіркеу куәліктерін беру және кері
// қайтарып алу»: issue and revocation of registration certificates of the National Certification
// Centre (NCA) of the Republic of Kazakhstan, as an electronic state service.
//
// Source: seed 004 = regulation approved by order No. 839 of the Minister of Transport and
// Communications of 29.11.2012 (Kazakh text; its English extraction is shared/regulations/
// seed-004.md). The six flows are the six sub-cases:
//   issue              p.6  (L135–L171), Annex 3 Table 1 (L483–L617): via the EGP / pki.gov.kz,
//                      with a visit to a PSC or the provider within 30 days;
//   reissue            p.7  (L172–L195), Table 2 (L619–L754): via the EGP / pki.gov.kz, signed
//                      with the current certificate;
//   revoke             p.8  (L196–L211), Table 3 (L756–L837): via the EGP / pki.gov.kz, signed
//                      with the applicant's own certificate;
//   issue_id_card      p.9  (L212–L241), Table 4 (L839–L965): onto an ID card with a chip, at a
//                      PSC or the provider;
//   revoke_at_counter  p.10 (L242–L265), Table 5 (L967–L1117): at a PSC or the provider;
//   operator_certificates  p.15(1) (L285–L314): NCA operator certificates of PSC staff.
// Steps, roles and terms come from the tables of Annex 3; the refusal branches from the
// conditions (шарт) of p.6–p.10. The PKI actions themselves (key generation, certificate issue,
// CRL, OCSP) are not here: the steps that stand for them are automatic steps of the NCA IS.
import { defineService, type ServiceDefinitionInput } from '../core/regulation.ts';
import { nca, ncaChannels, ncaRefs } from './providers/nca.ts';
import { NCA_GROUNDS, ncaRefusalGrounds } from './shared/nca-grounds.ts';
import { ANNEX3, durationOf, s004, type PrintedTerm } from './shared/nca-refs.ts';
import { ncaRoles } from './shared/nca-roles.ts';
import {
  confirmRequest,
  isRefusal,
  issueCertificates,
  operatorRefusal,
  registerRequest,
  revokeCertificates,
  sdbCheck,
  sdbRefusal,
  verifyOperatorSignature,
  type StepInput,
} from './shared/nca-steps.ts';

type SubCaseInput = ServiceDefinitionInput['subcases'][number];
type FieldInput = NonNullable<SubCaseInput['fields']>[number];
type DocumentInput = NonNullable<SubCaseInput['documents']>[number];

const term = (t: PrintedTerm) => ({ duration: durationOf(t), from: 'step_start' as const });

// ---------------------------------------------------------------------------------------------
// Terms the extracted tables lost: each borrows the term of the same action in another table.

/** Table 1 has no column 6 (acceptance and check of the documents, identification, receipt: p.6 condition 2, process 8). */
const T1_ROW6: PrintedTerm = {
  printed: null,
  lines: 'L1069',
  where: 'Annex 3 Table 1 row 6 (missing); term of Table 5 row 2',
  seconds: 900,
  analogy: 'borrowed from Table 5 row 2 «15 мин», the same action (identification, check of the documents, receipt) by the same unit',
};
/** Table 1 has no column 11 (the result: issue and the notice with the link, p.6 process 11). */
const T1_ROW11: PrintedTerm = {
  printed: null,
  lines: 'L748',
  where: 'Annex 3 Table 1 row 11 (missing); term of Table 2 row 8',
  days: 1,
  analogy: 'borrowed from Table 2 row 8 «1 күн», the same action (issue of the certificates and notice with the link to install)',
};
/** Table 4 has no column 5 (the request through the EGG to the state databases: p.9 process 4, condition 2). */
const T4_ROW5: PrintedTerm = {
  printed: null,
  lines: 'L559, L707',
  where: 'Annex 3 Table 4 row 5 (missing); term of Tables 1 and 2 row 2',
  seconds: 90,
  analogy: 'borrowed from Tables 1 and 2 row 2 «1,5 мин», the same request to the state databases',
};
/** Table 4 has no column 12 (the certificates written onto the ID card: p.9 process 10). */
const T4_ROW12: PrintedTerm = {
  printed: null,
  lines: 'L239-241',
  where: 'Annex 3 Table 4 row 12 (missing)',
  analogy: 'no figure anywhere for writing onto the card; the recipient receives the result at the PSC or the provider during the visit (p.9 process 10)',
};

// ---------------------------------------------------------------------------------------------
// Fields. Annex 2 (the screen form of the request, L468) is an image: no field is in the text.
// These are the data the body text itself names.

const emailField: FieldInput = {
  id: 'email',
  type: 'email',
  label: { kk: 'Электрондық поштаның мекенжайы', ru: 'Адрес электронной почты', en: 'E-mail address' },
  ref: s004('L735-737', 'Annex 3 Table 2 row 8', '«өтініште көрсетілген электрондық поштаның мекенжайына»: the notice with the link to install is sent there.'),
};
const revocationReasonField: FieldInput = {
  id: 'revocationReason',
  type: 'textarea',
  maxLength: 500,
  label: { kk: 'Кері қайтарып алудың себебі', ru: 'Причина отзыва', en: 'Reason for revocation' },
  ref: s004('L817-821, L1105-1108', 'Annex 3 Table 3 row 4, Table 5 row 9', 'The reason is published in the CRL with the serial number and the date.'),
};

// The PKCS#10 requests the recipient's own software makes (the keys never leave it): the NCA
// issues the authentication and the signing certificate from them when the case reaches the
// issue (outcomes marked `performs`). A request must be signed by its key and name the recipient.
const csrField = (id: 'csrAuth' | 'csrSign', purpose: { kk: string; ru: string; en: string }): FieldInput => ({
  id,
  type: 'textarea',
  required: false,
  maxLength: 16000,
  label: {
    kk: `Тіркеу куәлігіне сұрау салу (PKCS#10, PEM): ${purpose.kk}`,
    ru: `Запрос на регистрационное свидетельство (PKCS#10, PEM): ${purpose.ru}`,
    en: `Certificate request (PKCS#10, PEM): ${purpose.en}`,
  },
  ref: s004('L169-171, L193-195', 'p.6 process 11, p.7 process 8', 'The screen form (Annex 2) is an image; the request carries the public key of the key pair the recipient generates.'),
});
const csrFields: FieldInput[] = [
  csrField('csrAuth', { kk: 'аутентификация', ru: 'аутентификация', en: 'authentication' }),
  csrField('csrSign', { kk: 'ЭЦҚ', ru: 'ЭЦП', en: 'signing' }),
];
// The ID card the certificates are issued onto (p.9): its chip generates the keys when the
// recipient enters the PIN, and the certificates are written onto it (src/app/ca-id-cards.ts).
// Optional: without it the requests come in csrAuth/csrSign from the counter's own card software.
const idCardNumberField: FieldInput = {
  id: 'idCardNumber',
  type: 'text',
  required: false,
  maxLength: 9,
  label: { kk: 'Жеке куәліктің нөмірі', ru: 'Номер удостоверения личности', en: 'Number of the ID card' },
  ref: s004('L216-217, L229, L239-241', 'p.9 processes 1, 6, 10', 'The card handed to the PSC or the provider: 9 digits as printed on it.'),
};
const certificateSerialField: FieldInput = {
  id: 'certificateSerial',
  type: 'text',
  maxLength: 64,
  label: { kk: 'Тіркеу куәлігінің сериялық нөмірі', ru: 'Серийный номер регистрационного свидетельства', en: 'Serial number of the certificate' },
  ref: s004('L817-821, L1105-1108', 'Annex 3 Table 3 row 4, Table 5 row 9', 'The serial number is published in the CRL with the date and the reason.'),
};

/** Marks the outcome of a step with the act the platform performs when it is taken. */
function performing(step: StepInput, outcomeId: string, performs: NonNullable<StepInput['outcomes'][number]['performs']>): StepInput {
  if (!step.outcomes.some((o) => o.id === outcomeId)) throw new Error(`step ${step.id} has no outcome ${outcomeId}`);
  return { ...step, outcomes: step.outcomes.map((o) => (o.id === outcomeId ? { ...o, performs } : o)) };
}

const ISSUE_LETTER = { fields: { operatorAction: ['issue'] } };
const REVOKE_LETTER = { fields: { operatorAction: ['revoke'] } };
const SUSPEND_LETTER = { fields: { operatorAction: ['suspend'] } };

const operatorFields: FieldInput[] = [
  {
    id: 'operatorAction',
    type: 'select',
    label: { kk: 'ХҚКО хатының мәні', ru: 'Предмет письма ЦОН', en: "What the PSC's letter asks for" },
    options: [
      { value: 'issue', label: { kk: 'ҚР ҰКО операторының тіркеу куәліктерін беру', ru: 'Выдача регистрационных свидетельств оператора НУЦ РК', en: 'Issue of NCA operator certificates' } },
      { value: 'revoke', label: { kk: 'ҚР ҰКО операторының тіркеу куәліктерін кері қайтарып алу', ru: 'Отзыв регистрационных свидетельств оператора НУЦ РК', en: 'Revocation of NCA operator certificates' } },
      { value: 'suspend', label: { kk: 'ХҚКО АЖ-де ҚР ҰКО операторының жұмысын тоқтату', ru: 'Приостановление работы оператора НУЦ РК в ИС ЦОН', en: "Stopping the NCA operator's work in the PSC IS" } },
    ],
    ref: s004('L287-314', 'p.15(1)'),
  },
  { id: 'operatorIin', type: 'iin', label: { kk: 'ҚР ҰКО операторының ЖСН', ru: 'ИИН оператора НУЦ РК', en: "NCA operator's IIN" }, ref: s004('L289-296', 'p.15(1)') },
  { id: 'operatorFullName', type: 'text', maxLength: 200, label: { kk: 'ҚР ҰКО операторының тегі, аты, әкесінің аты', ru: 'Ф.И.О. оператора НУЦ РК', en: "NCA operator's full name" }, ref: s004('L289-296', 'p.15(1)') },
  // The order is matched against the appointment on record (src/app/nca-operator-acts.ts): number and date.
  {
    id: 'appointmentOrderNumber',
    type: 'text',
    maxLength: 64,
    when: ISSUE_LETTER,
    label: { kk: 'ҚР ҰКО операторын тағайындау туралы бұйрықтың нөмірі', ru: 'Номер приказа о назначении оператора НУЦ РК', en: 'Number of the order appointing the NCA operator' },
    ref: s004('L289-294, L297-301', 'p.15(1)', 'The certificates are issued only on an appointment by this order on record for the operator at the PSC.'),
  },
  {
    id: 'appointmentOrderDate',
    type: 'date',
    when: ISSUE_LETTER,
    label: { kk: 'ҚР ҰКО операторын тағайындау туралы бұйрықтың күні', ru: 'Дата приказа о назначении оператора НУЦ РК', en: 'Date of the order appointing the NCA operator' },
    ref: s004('L289-294, L297-301', 'p.15(1)'),
  },
  // The operator's own requests, made on the protected key carrier the PSC gave them (L291-293,
  // L305-307): the NCA issues the operator's authentication and signing certificates from them.
  ...csrFields.map((f): FieldInput => ({ ...f, required: true, when: ISSUE_LETTER, ref: s004('L291-307', 'p.15(1)', 'The key pair is on the operator\'s protected key carrier; the request names the operator (IIN) at the PSC (BIN).') })),
  {
    id: 'letterExecutor',
    type: 'text',
    maxLength: 200,
    when: ISSUE_LETTER,
    label: { kk: 'ХҚКО ресми хатының орындаушысы', ru: 'Исполнитель официального письма ЦОН', en: "Executor named in the PSC's official letter" },
    ref: s004('L302-304', 'p.15(1)', 'The provider informs this person once the certificates are issued.'),
  },
  {
    id: 'revocationCause',
    type: 'select',
    when: REVOKE_LETTER,
    label: { kk: 'Кері қайтарып алу негізі', ru: 'Основание отзыва', en: 'Cause of revocation' },
    options: [
      { value: 'dismissal', label: { kk: 'Жұмыстан босатылуы', ru: 'Увольнение', en: 'Dismissal' } },
      { value: 'transfer', label: { kk: 'Басқа жұмысқа ауысуы', ru: 'Перевод на другую работу', en: 'Transfer to other work' } },
    ],
    ref: s004('L308-310', 'p.15(1)'),
  },
  {
    id: 'dismissalDate',
    type: 'date',
    when: REVOKE_LETTER,
    label: { kk: 'Босатылу (ауысу) күні', ru: 'Дата увольнения (перевода)', en: 'Date of dismissal (transfer)' },
    ref: s004('L310-311', 'p.15(1)', 'The PSC informs the provider at least 2 days before this date.'),
  },
  {
    id: 'absenceFrom',
    type: 'date',
    when: SUSPEND_LETTER,
    label: { kk: 'Болмаудың бірінші күні', ru: 'Первый день отсутствия', en: 'First day of the absence' },
    ref: s004('L312-314', 'p.15(1)', '«15 күннен аса»: more than 15 days; the act refuses a shorter absence (see interpretations).'),
  },
  {
    id: 'absenceTo',
    type: 'date',
    required: false,
    when: SUSPEND_LETTER,
    label: { kk: 'Болмаудың соңғы күні', ru: 'Последний день отсутствия', en: 'Last day of the absence' },
    ref: s004('L312-314', 'p.15(1)', 'When known; without it the absence must already have lasted more than 15 days. The work resumes the day after it (see interpretations).'),
  },
];

// ---------------------------------------------------------------------------------------------
// Documents. Point 11 of the Standard lists them; its text is not in the seeds.

const P11_NAME = {
  kk: 'Стандарттың 11-тармағына сәйкес құжаттар',
  ru: 'Документы в соответствии с пунктом 11 Стандарта',
  en: 'Documents under point 11 of the Standard',
};

const doc = {
  applicationWithNumber: {
    id: 'application_with_unique_number',
    required: false,
    name: { kk: 'Бірегей нөмірімен өтініш', ru: 'Заявление с уникальным номером', en: 'Application with its unique number' },
    ref: s004('L149-152, L527-533', 'p.6 processes 5-6; Annex 3 Table 1 row 5', 'Printed from the personal mailbox and brought to the PSC or provider within 30 days (step submit_documents); not uploaded with the e-request.'),
  },
  p11AtVisit: {
    id: 'standard_p11_documents',
    required: false,
    name: P11_NAME,
    ref: s004('L151-155', 'p.6 process 6, condition 2', 'Brought to the PSC or provider with the application (step submit_documents), checked by the NCA operator; the list is in the Standard, not in the seed.'),
  },
  p11AtCounter: {
    id: 'standard_p11_documents',
    name: P11_NAME,
    ref: s004('L245-252, L994-997, L1018-1020', 'p.10 process 1, condition 1; Annex 3 Table 5 row 1', 'The list is in the Standard, not in the seed.'),
  },
  idCard: {
    id: 'id_card_with_chip',
    name: {
      kk: 'Ақпараттың (чип) электрондық жеткізушісін қамтитын жеке куәлік',
      ru: 'Удостоверение личности с электронным носителем информации (чипом)',
      en: 'ID card with an electronic information carrier (chip)',
    },
    ref: s004('L216-217, L856-858', 'p.9 process 1; Annex 3 Table 4 row 1'),
  },
  pscLetter: {
    id: 'psc_letter',
    name: { kk: 'ХҚКО ресми хаты (хабарламасы)', ru: 'Официальное письмо (уведомление) ЦОН', en: "The PSC's official letter (notice)" },
    ref: s004('L297-301, L308-314', 'p.15(1)'),
  },
  operatorApplication: {
    id: 'operator_application',
    when: ISSUE_LETTER,
    name: {
      kk: 'ҚР ҰКО операторының тіркеу куәлігін алуға арналған өтініші',
      ru: 'Заявление оператора НУЦ РК на получение регистрационного свидетельства',
      en: "The NCA operator's application for an operator certificate",
    },
    ref: s004('L295-301', 'p.15(1)'),
  },
  appointmentOrderCopy: {
    id: 'appointment_order_copy',
    when: ISSUE_LETTER,
    name: {
      kk: 'Қызмет көрсету процесін орындауға жауаптылықты тағайындау туралы бұйрықтың көшірмесі',
      ru: 'Копия приказа о назначении ответственным за исполнение процесса оказания услуги',
      en: 'Copy of the order appointing the person responsible for the service process',
    },
    ref: s004('L289-294, L297-301', 'p.15(1)'),
  },
} satisfies Record<string, DocumentInput>;

const fee = {
  kind: 'free' as const,
  ref: s004('L62-66', 'p.2', 'The regulation charges nothing and names no fee; the Standard (not in the seeds) would. See interpretations.'),
};

// ---------------------------------------------------------------------------------------------
// I. Issue through the EGP or the internet resource (p.6, Table 1).

const issueSteps: StepInput[] = [
  sdbCheck({
    role: 'egov_portal',
    term: ANNEX3.t1r2,
    next: 'register_request',
    ref: s004('L143-147, L509-514, L546-550, L567-571', 'p.6 process 2, condition 1; Annex 3 Table 1 row 2', 'Table 1 prints «Алушы» as the unit of row 2; p.6(2) has the request sent through the EGP.'),
  }),
  sdbRefusal({ term: ANNEX3.t1r3, ref: s004('L146-147, L516-522, L552-554', 'p.6 process 3; Annex 3 Table 1 row 3') }),
  registerRequest({ term: ANNEX3.t1r4, next: 'submit_documents', mailbox: true, ref: s004('L148-150, L524-525, L556-557', 'p.6 processes 4-5; Annex 3 Table 1 row 4') }),
  {
    id: 'submit_documents',
    role: 'applicant',
    // The recipient's own 30 days: not the provider's time, so not counted against the overall term.
    counted: false,
    action: {
      kk: 'Стандарттың 11-тармағына сәйкес қоса берілген құжаттарымен бірегей нөмірімен өтінішті ХҚКО немесе Қызмет берушіге беру',
      ru: 'Представление заявления с уникальным номером вместе с документами по пункту 11 Стандарта в ЦОН или услугодателю',
      en: 'Bring the application with its unique number, with the documents under point 11 of the Standard, to a PSC or the provider',
    },
    term: term(ANNEX3.t1r5),
    outcomes: [
      {
        id: 'documents_submitted',
        label: { kk: 'Өтініш пен құжаттар берілді', ru: 'Заявление и документы представлены', en: 'Application and documents brought' },
        next: 'accept_documents',
        // The recipient has no certificate yet at a first issue: the application is signed on paper.
        signed: false,
      },
    ],
    ref: s004('L151-152, L527-533, L560-561', 'p.6 process 6; Annex 3 Table 1 row 5'),
  },
  {
    id: 'accept_documents',
    role: 'nca_operator',
    action: {
      kk: 'Стандарттың 11-тармағына сәйкестікке берілген құжаттарды қабылдау және тексеру, алушының жеке басын ҚР ҰКО операторының сәйкестендіруі; құжаттарды қабылдау туралы қолхатты беру',
      ru: 'Приём и проверка документов на соответствие пункту 11 Стандарта, идентификация личности получателя оператором НУЦ РК; выдача расписки о приёме документов',
      en: "Accept the documents and check them against point 11 of the Standard, identify the recipient; give the receipt for the documents",
    },
    term: term(T1_ROW6),
    outcomes: [
      { id: 'accepted', label: { kk: 'Қабылданды, қолхат берілді', ru: 'Принято, выдана расписка', en: 'Accepted; receipt given' }, next: 'confirm_request' },
      {
        id: 'violations',
        label: { kk: 'Бұзушылықтар бар', ru: 'Имеются нарушения', en: 'Violations found' },
        next: 'operator_refusal',
        decision: 'refuse',
        grounds: [NCA_GROUNDS.documentsOrIdentification],
      },
    ],
    ref: s004('L153-159', 'p.6 condition 2, process 8; Annex 3 Table 1 row 6 (missing)'),
  },
  operatorRefusal({ term: ANNEX3.t1r7, ref: s004('L156-157, L579-581, L596', 'p.6 process 7; Annex 3 Table 1 row 7') }),
  confirmRequest({ term: ANNEX3.t1r8, ref: s004('L160-161, L583-584, L598-600', 'p.6 process 9; Annex 3 Table 1 row 8') }),
  verifyOperatorSignature({ term: ANNEX3.t1r9, next: 'issue_certificates', checksRequests: true, ref: s004('L162-163, L586-590, L610-615', 'p.6 condition 3; Annex 3 Table 1 row 9') }),
  isRefusal({ term: ANNEX3.t1r10, ref: s004('L164-168, L592-594, L603-604', 'p.6 process 10; Annex 3 Table 1 row 10') }),
  performing(issueCertificates({ term: T1_ROW11, ref: s004('L169-171', 'p.6 process 11; Annex 3 Table 1 row 11 (missing)') }), 'issued', 'issue_certificates'),
];

// ---------------------------------------------------------------------------------------------
// II. Re-issue through the EGP or the internet resource (p.7, Table 2).

const reissueSteps: StepInput[] = [
  sdbCheck({ role: 'egov_portal', term: ANNEX3.t2r2, next: 'register_request', ref: s004('L179-181, L649-656, L684-689, L711-716', 'p.7 process 2, condition 1; Annex 3 Table 2 row 2') }),
  sdbRefusal({ term: ANNEX3.t2r3, ref: s004('L182-183, L658-664, L691-693', 'p.7 process 3; Annex 3 Table 2 row 3') }),
  registerRequest({ term: ANNEX3.t2r4, next: 'confirm_request', mailbox: true, ref: s004('L184-186, L666-668, L695-698', 'p.7 processes 4-5; Annex 3 Table 2 row 4') }),
  confirmRequest({ term: ANNEX3.t2r5, ref: s004('L187-188, L670-672, L700-704', 'p.7 process 6; Annex 3 Table 2 row 5') }),
  verifyOperatorSignature({
    term: ANNEX3.t2r6,
    next: 'issue_certificates',
    checksRequests: true,
    ref: s004('L189-190, L724-726, L750-752', 'p.7 condition 2; Annex 3 Table 2 row 6', 'Printed next action «9 – егер бұзушылықтар болмаса»: Table 2 has no row 9; read as row 8.'),
  }),
  isRefusal({ term: ANNEX3.t2r7, ref: s004('L191-192, L728-730, L742-743', 'p.7 process 7; Annex 3 Table 2 row 7') }),
  performing(issueCertificates({ term: ANNEX3.t2r8, ref: s004('L193-195, L732-739, L745-746', 'p.7 process 8; Annex 3 Table 2 row 8') }), 'issued', 'issue_certificates'),
];

// ---------------------------------------------------------------------------------------------
// III. Revocation through the EGP or the internet resource (p.8, Table 3).

const revokeSteps: StepInput[] = [
  {
    id: 'check_request',
    role: 'nca_is',
    automatic: true,
    check: { capability: 'applicant_request', pass: 'request_confirmed', refuse: 'request_violations' },
    action: {
      kk: 'ҚР ҰКО АЖ алушының өз ЭЦҚ-мен қол қойылған электрондық сұрау салуын тексеруі (растауы)',
      ru: 'Проверка (подтверждение) ИС НУЦ РК электронного запроса, подписанного ЭЦП получателя',
      en: "The NCA IS checks (confirms) the electronic request signed with the recipient's own EDS",
    },
    term: term(ANNEX3.t3r2),
    outcomes: [
      { id: 'request_confirmed', label: { kk: 'Бұзушылықтар жоқ', ru: 'Нарушений нет', en: 'No violations' }, next: 'revoke_certificates', mark: 'in_execution', signed: false },
      {
        id: 'request_violations',
        label: { kk: 'Бұзушылықтар бар', ru: 'Имеются нарушения', en: 'Violations found' },
        next: 'is_refusal',
        decision: 'refuse',
        grounds: [NCA_GROUNDS.applicantSignedRequest],
        signed: false,
      },
    ],
    ref: s004('L199-204, L783-786, L827-835', 'p.8 process 1, condition 1; Annex 3 Table 3 row 2'),
  },
  isRefusal({ term: ANNEX3.t3r3, ref: s004('L205-206, L769-770, L788-791, L807-809', 'p.8 process 2; Annex 3 Table 3 row 3') }),
  performing(revokeCertificates({ term: ANNEX3.t3r4, ref: s004('L210-211, L793-795, L811-821', 'p.8 process 3; Annex 3 Table 3 row 4') }), 'revoked', 'revoke_certificates'),
];

// ---------------------------------------------------------------------------------------------
// IV. Issue onto an ID card with a chip at a PSC or the provider (p.9, Table 4).

const idCardSteps: StepInput[] = [
  {
    id: 'identify',
    role: 'nca_operator',
    action: {
      kk: 'Алушының ХҚКО немесе Қызмет берушіге берген жеке куәлігі бойынша ҚР ҰКО операторының алушының тұлғасын тексеруі (сәйкестендіру)',
      ru: 'Проверка (идентификация) личности получателя оператором НУЦ РК по удостоверению личности, переданному в ЦОН или услугодателю',
      en: 'Identify the recipient from the ID card handed to the PSC or the provider',
    },
    term: term(ANNEX3.t4r2),
    outcomes: [
      { id: 'identified', label: { kk: 'Сәйкестендірілді', ru: 'Личность установлена', en: 'Identified' }, next: 'form_request' },
      {
        id: 'violations',
        label: { kk: 'Бұзушылықтар бар', ru: 'Имеются нарушения', en: 'Violations found' },
        next: 'operator_refusal',
        decision: 'refuse',
        grounds: [NCA_GROUNDS.identification],
      },
    ],
    ref: s004('L216-218, L856-861, L890-893', 'p.9 process 1, condition 1; Annex 3 Table 4 rows 1-2'),
  },
  operatorRefusal({ term: ANNEX3.t4r3, ref: s004('L219-220, L863-864, L881-882', 'p.9 process 2; Annex 3 Table 4 row 3') }),
  {
    id: 'form_request',
    role: 'nca_operator',
    action: {
      kk: 'ҚР ҰКО операторының қызметті таңдауы және алушының деректерін енгізу үшін сұрау салудың нысанын толтыруы',
      ru: 'Выбор услуги оператором НУЦ РК и заполнение формы запроса с вводом данных получателя',
      en: "Select the service and fill in the request form with the recipient's data",
    },
    term: term(ANNEX3.t4r4),
    outcomes: [{ id: 'request_formed', label: { kk: 'Сұрау салу қалыптастырылды', ru: 'Запрос сформирован', en: 'Request formed' }, next: 'sdb_check' }],
    ref: s004('L221-222, L866-871, L884-886', 'p.9 process 3; Annex 3 Table 4 row 4'),
  },
  sdbCheck({ role: 'egov_gateway', term: T4_ROW5, next: 'enter_pin', ref: s004('L223-225', 'p.9 process 4, condition 2; Annex 3 Table 4 row 5 (missing)') }),
  sdbRefusal({ term: ANNEX3.t4r6, ref: s004('L226-228, L904-910, L937-939', 'p.9 process 5; Annex 3 Table 4 row 6') }),
  {
    id: 'enter_pin',
    role: 'applicant',
    // The recipient's own action, like submit_documents: not counted against the overall term.
    counted: false,
    action: {
      kk: 'Алушының өз жеке куәлігінің ПИН-кодын енгізуі',
      ru: 'Ввод получателем ПИН-кода своего удостоверения личности',
      en: "The recipient enters the PIN code of the recipient's ID card",
    },
    term: term(ANNEX3.t4r7),
    outcomes: [{ id: 'pin_entered', label: { kk: 'ПИН-код енгізілді', ru: 'ПИН-код введён', en: 'PIN entered' }, next: 'register_request', signed: false }],
    ref: s004('L229, L912-913', 'p.9 process 6; Annex 3 Table 4 row 7'),
  },
  registerRequest({ term: ANNEX3.t4r8, next: 'confirm_request', mailbox: false, ref: s004('L230-231, L915-916, L941-942', 'p.9 process 7; Annex 3 Table 4 row 8') }),
  confirmRequest({ term: ANNEX3.t4r9, ref: s004('L232-234, L918-919, L944-946', 'p.9 process 8; Annex 3 Table 4 row 9') }),
  verifyOperatorSignature({ term: ANNEX3.t4r10, next: 'write_to_card', checksRequests: true, ref: s004('L235-236, L921-928, L958-965', 'p.9 condition 3; Annex 3 Table 4 row 10') }),
  isRefusal({ term: ANNEX3.t4r11, ref: s004('L237-238, L930-935, L950-952', 'p.9 process 9; Annex 3 Table 4 row 11') }),
  {
    id: 'write_to_card',
    role: 'nca_is',
    automatic: true,
    action: {
      kk: 'Алушының жеке куәлігіндегі нысанда тіркеу куәліктерінің жазбасы; алушы нәтижені ХҚКО-да немесе Қызмет берушіде алады',
      ru: 'Запись регистрационных свидетельств на удостоверение личности получателя; получатель получает результат в ЦОН или у услугодателя',
      en: "Write the registration certificates onto the recipient's ID card; the recipient receives the result at the PSC or the provider",
    },
    term: term(T4_ROW12),
    outcomes: [{ id: 'written', label: { kk: 'Жеке куәлікке жазылды', ru: 'Записано на удостоверение личности', en: 'Written onto the ID card' }, next: 'end', signed: false, performs: 'issue_certificates' }],
    ref: s004('L239-241', 'p.9 process 10; Annex 3 Table 4 row 12 (missing)'),
  },
];

// ---------------------------------------------------------------------------------------------
// V. Revocation at a PSC or the provider (p.10, Table 5).

const counterRevokeSteps: StepInput[] = [
  {
    id: 'accept_documents',
    role: 'nca_operator',
    action: {
      kk: 'Алушыны тексеру (сәйкестендіру), Стандарттың 11-тармағына сәйкес берілген құжаттардың сәйкестігін тексеру және қабылдау; құжаттарды қабылдау туралы қолхатты беру',
      ru: 'Проверка (идентификация) получателя, проверка соответствия представленных документов пункту 11 Стандарта и их приём; выдача расписки о приёме документов',
      en: 'Identify the recipient, check the documents against point 11 of the Standard and accept them; give the receipt for the documents',
    },
    term: term(ANNEX3.t5r2),
    outcomes: [
      { id: 'accepted', label: { kk: 'Қабылданды, қолхат берілді', ru: 'Принято, выдана расписка', en: 'Accepted; receipt given' }, next: 'form_request', mark: 'registered' },
      {
        id: 'violations',
        label: { kk: 'Бұзушылықтар бар', ru: 'Имеются нарушения', en: 'Violations found' },
        next: 'operator_refusal',
        decision: 'refuse',
        grounds: [NCA_GROUNDS.documentsOrIdentification],
      },
    ],
    ref: s004('L245-256, L999-1002, L1022-1024, L1050-1053, L1073-1077', 'p.10 process 1, condition 1, process 3; Annex 3 Table 5 rows 1-2'),
  },
  operatorRefusal({ term: ANNEX3.t5r3, ref: s004('L253-254, L1026-1028, L1055-1057', 'p.10 process 2; Annex 3 Table 5 row 3') }),
  {
    id: 'form_request',
    role: 'nca_operator',
    action: {
      kk: 'ҚР ҰКО операторының қызметті таңдауы және сұрау салудың нысанын толтыруы (сұрау салуды маршрутизациялау)',
      ru: 'Выбор услуги оператором НУЦ РК и заполнение формы запроса (маршрутизация запроса)',
      en: 'Select the service and fill in the request form (routing of the request)',
    },
    term: term(ANNEX3.t5r4),
    outcomes: [
      { id: 'request_formed', label: { kk: 'Сұрау салу қалыптастырылды', ru: 'Запрос сформирован', en: 'Request formed' }, next: 'confirm_request' },
      {
        id: 'request_violations',
        label: { kk: 'ҚР ҰКО АЖ сұрау салуда бұзушылықтар анықтады', ru: 'ИС НУЦ РК выявила нарушения в запросе', en: 'The NCA IS found violations in the request' },
        next: 'routing_refusal',
        decision: 'refuse',
        grounds: [NCA_GROUNDS.routedRequest],
      },
    ],
    ref: s004('L257-259, L1004, L1030-1031, L1059-1060, L1079-1083', 'p.10 process 4; Annex 3 Table 5 row 4', 'Printed next actions «4 – егер бұзушылық болса; 5 – егер бұзушылықтар болмаса» read as 5/6.'),
  },
  isRefusal({ id: 'routing_refusal', term: ANNEX3.t5r5, ref: s004('L1033-1035, L1062-1064', 'Annex 3 Table 5 row 5') }),
  confirmRequest({ term: ANNEX3.t5r6, formsRequest: true, ref: s004('L257-259, L1006-1011, L1037-1038, L1066-1067', 'p.10 process 4; Annex 3 Table 5 row 6') }),
  verifyOperatorSignature({
    term: ANNEX3.t5r7,
    next: 'revoke_certificates',
    ref: s004('L260-261, L1089-1090, L1113-1115', 'p.10 condition 2; Annex 3 Table 5 row 7', 'Printed «7 – … болса; 8 – … болмаса» read as 8/9.'),
  }),
  isRefusal({ term: ANNEX3.t5r8, ref: s004('L262-263, L1092-1093, L1099', 'p.10 process 5; Annex 3 Table 5 row 8') }),
  performing(revokeCertificates({ term: ANNEX3.t5r9, ref: s004('L264-265, L1095-1096, L1101-1109', 'p.10 process 6; Annex 3 Table 5 row 9') }), 'revoked', 'revoke_certificates'),
];

// ---------------------------------------------------------------------------------------------
// VI. NCA operator certificates of PSC staff (p.15(1), an administrative procedure with no table).

const operatorSteps: StepInput[] = [
  {
    id: 'register_letter',
    role: 'provider_officer',
    action: {
      kk: 'ХҚКО ресми хатын (хабарламасын) алу және тіркеу',
      ru: 'Получение и регистрация официального письма (уведомления) ЦОН',
      en: "Receive and register the PSC's official letter (notice)",
    },
    term: {
      duration: { amount: 0, unit: 'same_day', ref: s004('L302-304', 'p.15(1)', 'No term in the text: the letter is registered on the day it is received (see interpretations).') },
      from: 'received',
    },
    outcomes: [
      {
        id: 'registered',
        label: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' },
        // Routed by what the letter asks for; a letter of issue is the default (and the planned path).
        next: [
          { when: REVOKE_LETTER, step: 'revoke_operator_certificates' },
          { when: SUSPEND_LETTER, step: 'suspend_operator' },
          { when: {}, step: 'issue_operator_certificates' },
        ],
        mark: 'registered',
        // A dismissal notice is recorded as it is registered, so the certificates are revoked at
        // 00:00 of the dismissal date − 2 (L310-311) even if the revocation step is taken later.
        performs: 'record_operator_dismissal',
      },
    ],
    ref: s004('L297-304, L308-314', 'p.15(1)', 'Not a step of the text: the engine starts every case at one step, so the three letters are told apart here.'),
  },
  {
    id: 'issue_operator_certificates',
    role: 'provider_officer',
    action: {
      kk: 'ҚР ҰКО операторының тіркеу куәліктерін шығару рәсімін іске асыру және ХҚКО ресми хатының орындаушысына хабарлау',
      ru: 'Выпуск регистрационных свидетельств оператора НУЦ РК и уведомление исполнителя официального письма ЦОН',
      en: "Issue the NCA operator's certificates and inform the executor named in the PSC's official letter",
    },
    term: {
      duration: durationOf({
        printed: null,
        lines: 'L302-304, L748',
        where: 'p.15(1); term of Annex 3 Table 2 row 8',
        days: 1,
        analogy: 'p.15(1) gives no term; borrowed from Table 2 row 8 «1 күн», the only term the text gives for issuing NCA certificates with a notice',
      }),
      // Counted from the receipt of the PSC's letter (notice), as p.15(1) has the provider act on it.
      from: 'received',
    },
    outcomes: [{ id: 'issued', label: { kk: 'Шығарылды, орындаушыға хабарланды', ru: 'Выпущено, исполнитель уведомлён', en: 'Issued; executor informed' }, next: 'end', performs: 'issue_operator_certificates' }],
    ref: s004('L289-307', 'p.15(1)'),
  },
  {
    id: 'revoke_operator_certificates',
    role: 'provider_officer',
    action: {
      kk: 'ҚР ҰКО операторының жұмыстан босатылуы немесе басқа жұмысқа ауысуы кезінде оның тіркеу куәліктерін кері қайтарып алу',
      ru: 'Отзыв регистрационных свидетельств оператора НУЦ РК при его увольнении или переводе на другую работу',
      en: "Revoke the NCA operator's certificates on the operator's dismissal or transfer",
    },
    term: {
      duration: { amount: 2, unit: 'calendar_days', ref: s004('L308-311', 'p.15(1)', '«босатылуға дейін кемінде 2 күн қалғанда»: the PSC informs at least 2 days before the dismissal, so the certificates are revoked within those 2 days (see interpretations).') },
      // Counted from the receipt of the PSC's letter (notice), as p.15(1) has the provider act on it.
      from: 'received',
    },
    outcomes: [{ id: 'revoked', label: { kk: 'Кері қайтарып алынды', ru: 'Отозвано', en: 'Revoked' }, next: 'end', performs: 'revoke_operator_certificates' }],
    ref: s004('L308-311', 'p.15(1)'),
  },
  {
    id: 'suspend_operator',
    role: 'provider_officer',
    action: {
      kk: 'ҚР ҰКО операторы ұзақ уақыт болмаған кезде (15 күннен аса) ХҚКО АЖ-де оның жұмысын тоқтату',
      ru: 'Приостановление работы оператора НУЦ РК в ИС ЦОН при его длительном отсутствии (более 15 дней)',
      en: "Stop the NCA operator's work in the PSC IS during a long absence (more than 15 days)",
    },
    term: {
      duration: { amount: 0, unit: 'same_day', ref: s004('L312-314', 'p.15(1)', '«жедел хабардар етеді» (promptly notifies): no term; same day (see interpretations).') },
      // Counted from the receipt of the PSC's letter (notice), as p.15(1) has the provider act on it.
      from: 'received',
    },
    outcomes: [{ id: 'suspended', label: { kk: 'Жұмысы тоқтатылды', ru: 'Работа приостановлена', en: 'Work stopped' }, next: 'end', performs: 'suspend_operator_certificates' }],
    ref: s004('L312-314', 'p.15(1)'),
  },
];

// ---------------------------------------------------------------------------------------------
// Choices where the source is silent, ambiguous or contradicts itself.

type InterpretationInput = NonNullable<ServiceDefinitionInput['interpretations']>[number];

const interpretations: InterpretationInput[] = [
  {
    topic: 'Status of a repealed regulation',
    readings: [
      'Order No. 839 is repealed («Күшін жойған»): order No. 209 of 26.03.2014, in force 10 calendar days after its first publication. So status "repealed" with an effective.to.',
      'Keep the service runnable in the catalog, as the reference service does with its repealed acts.',
    ],
    chosen:
      'status "active" with no effective.to, so that every flow can run; the repeal stays in `sources` (repealedBy). The publication date of order No. 209 is not in the seed, so an effective.to could not be fixed anyway.',
    configurable: 'Set status "repealed" and effective.to (publication of order No. 209 + 10 days) when the catalog has to reflect legal force.',
    refs: [s004('L6-14', 'header')],
  },
  {
    topic: 'effective.from and version date',
    readings: [
      'p.4 of the order: in force from the day of its first official publication (L36-37). The publication date is not in the seed.',
      'The registration date with the Ministry of Justice, 26.12.2012 (L8-9), is the earliest day it can have been published.',
    ],
    chosen: '2012-12-26, the earliest day the regulation can apply from.',
    configurable: 'Change version/effective.from once the publication date is confirmed.',
    refs: [s004('L7-9, L36-37', 'header; order p.4')],
  },
  {
    topic: 'Terms in seconds and ranges (sub-minute units)',
    readings: [
      'Annex 3 prints «15 сек», «10-15 сек», «30 сек», «30 сек – 1 мин», «1,5 мин». The schema counts sub-day terms in whole minutes of working time, and has no seconds, fractions or ranges.',
      'Round down (or to nearest): 15 s and 30 s would become 0 minutes, which the schema forbids, and 1.5 min would become 1 min, shorter than the text.',
    ],
    chosen:
      'Each term is the whole number of working minutes covering the upper bound of the printed cell: 10-15 s, 15 s, 30 s, 30 s – 1 min → 1 minute; 1,5 min → 2 minutes; 10 min and 15 min as printed. Never shorter than the text; the printed cell is quoted in every term\'s ref.',
    configurable: 'A seconds unit in the schema would let the exact figures be kept (shared/nca-refs.ts keeps them).',
    refs: [s004('L559, L606, L707, L748, L823, L888, L954, L1069, L1111', 'Annex 3 Tables 1-5')],
  },
  {
    topic: '«күн»: calendar or working days',
    readings: [
      '«1 күн», «2 күн», «30 күннiң iшiнде» say "day" without «жұмыс» (working). The regulation never says working days.',
      'Working days: the usual unit of state-service terms in later acts.',
    ],
    chosen: 'Calendar days (a term ending on a day off moves to the next working day, at closing time). Outside the seed (noted in the shared extraction, not evidence here): the NCA\'s present-day guidance gives 30 calendar days for bringing the application to a PSC, which fits.',
    configurable: 'Change the unit to working_days in shared/nca-refs.ts (durationOf).',
    refs: [s004('L560-561, L748, L823, L1111', 'Annex 3 Tables 1, 2, 3, 5')],
  },
  {
    topic: 'The recipient\'s 30 days to bring the application (Table 1 row 5)',
    readings: [
      'A term of the recipient, not of the provider: the provider\'s clock should not run while the recipient has not come. A pause would stop the clock, but it is opened by staff, answered by an upload and ends in a refusal on expiry, none of which the text says.',
      'A step of the recipient with its 30-day term, counted in the overall term like any step (the overall term would then be 31 days).',
    ],
    chosen:
      'The applicant step submit_documents with its own 30 calendar days and `counted: false`: the time the recipient takes is left out of the overall term, which is the provider\'s (see "Overall terms"). Nothing happens when the 30 days pass: the regulation states no refusal or expiry for an application not brought in time, so no ground is invented; the step simply becomes overdue. enter_pin (Table 4 row 7), the recipient\'s own action at the counter, is uncounted too.',
    configurable: 'An expiry action for an applicant step (closing the request after 30 days) would be an engine feature; drop `counted: false` to count the 30 days against the overall term.',
    refs: [s004('L151-152, L527-533, L560-561', 'p.6 process 6; Annex 3 Table 1 row 5'), s004('L229, L912-913', 'p.9 process 6; Annex 3 Table 4 row 7')],
  },
  {
    topic: 'Columns missing from the extracted tables',
    readings: [
      'Table 1 has no column 6 (acceptance, check, identification, receipt: p.6 condition 2, process 8) and no column 11 (the result, p.6 process 11). Table 4 has no column 5 (request through the EGG: p.9 process 4, condition 2) and no column 12 (writing onto the card, p.9 process 10).',
      'Leave them without a term: impossible, every step needs one.',
    ],
    chosen:
      'Borrow the term of the same action in another table: Table 1 row 6 ← Table 5 row 2 (15 min); Table 1 row 11 ← Table 2 row 8 (1 day); Table 4 row 5 ← Tables 1/2 row 2 (1,5 min → 2 min). Table 4 row 12 has no counterpart: same day, since the recipient is at the counter and receives the result there (p.9 process 10).',
    configurable: 'The borrowed terms are the constants T1_ROW6, T1_ROW11, T4_ROW5, T4_ROW12 of this module; an authoritative copy of Annex 3 would replace them.',
    refs: [s004('L153-171, L223-225, L239-241', 'p.6, p.9'), s004('L748, L1069', 'Annex 3 Table 2 row 8, Table 5 row 2')],
  },
  {
    topic: 'Next-action numbers that point at the wrong row',
    readings: [
      'Table 2 row 6: «7 if violations; 9 if none», but Table 2 ends at row 8. Table 5 row 7: «7 if violations; 8 if none», pointing at itself. Table 5: «4 if violations; 5 if none» printed among rows 1-6.',
      'Off by one: Table 2 → 7/8; Table 5 row 7 → 8/9; Table 5 «4/5» belongs to row 4 → 5/6.',
    ],
    chosen: 'The off-by-one reading, which is the only one that gives every refusal row a predecessor and the result row a path.',
    refs: [s004('L750-752', 'Annex 3 Table 2 row 6'), s004('L1079-1083, L1113-1115', 'Annex 3 Table 5 rows 4 and 7')],
  },
  {
    topic: 'Table 5 has two NCA IS refusals, p.10 has one',
    readings: [
      'p.10: the operator forms the request and certifies it with the operator\'s EDS (process 4); the NCA IS checks it (condition 2) and refuses (process 5) or revokes (process 6). One check.',
      'Table 5: after the operator forms the request (row 4, «routing of the request») a branch leads to an NCA IS refusal (row 5); then the operator confirms (row 6), the NCA IS checks the operator\'s EDS (row 7) and refuses (row 8) or revokes (row 9). Two checks.',
    ],
    chosen:
      'The table, since it gives the extra refusal with its own term: form_request has the outcome request_violations (ground routed_request_violations) → routing_refusal (row 5, NCA IS, automatic); then confirm_request, verify_operator_signature, is_refusal, revoke_certificates. The outcome of form_request is recorded by the operator, the unit of row 4 that carries the branch.',
    configurable: 'Drop the request_violations outcome of form_request to follow the text of p.10 only.',
    refs: [s004('L257-265', 'p.10 processes 4-6, condition 2'), s004('L1030-1038, L1059-1067, L1079-1083', 'Annex 3 Table 5 rows 4-6')],
  },
  {
    topic: 'Re-issue: a visit to the PSC or not',
    readings: [
      'p.7 process 5 repeats p.6: the application with its unique number arrives «for submission to the PSC or the provider», which implies a visit.',
      'p.7 and Table 2 have no submission, identification or receipt step: the request is signed with the recipient\'s own EDS and the NCA operator confirms it (Table 2 row 5, 10 min).',
    ],
    chosen: 'No visit: the steps of p.7 and Table 2 as they are. The recipient\'s EDS on the portal request is the identification.',
    refs: [s004('L175-195', 'p.7'), s004('L619-754', 'Annex 3 Table 2')],
  },
  {
    topic: 'Information-system checks with a refusal branch',
    readings: [
      'The state-database check (condition 1 of p.6/p.7, condition 2 of p.9) and the NCA IS checks (condition 3 of p.6, p.9; condition 2 of p.7, p.10; condition 1 of p.8) are done by information systems, at once.',
      'The engine ran an automatic step by taking its first outcome, so a check that can refuse had to be answered through the decision interface by an integration account.',
    ],
    chosen:
      'These checks are automatic steps of `system` roles (egov_portal, egov_gateway, nca_is) that declare their check (`check.capability`: state_database_identity for sdb_check; operator_certified_request for verify_operator_signature before an issue (issue, reissue, issue_id_card), operator_signature before a revocation at a counter (revoke_at_counter); applicant_request for check_request); the platform\'s checkers (src/app/nca-checks.ts) decide pass or the refusal with the regulation\'s ground, recorded as the information system\'s unsigned event. What the checks read: the state databases as for a certificate subject (a record that is absent, of a deceased person, or of a legal entity not on record or not active is «data absent»); the certificate the operator\'s confirmation was signed with, which must be an NCA operator certificate issued on an appointment in force (p.5(15), p.15(1)); the certificate the recipient\'s own request names, which must be the recipient\'s and in force. What an information system only records (registration, forming a refusal, issue, revocation, writing onto the card) is automatic with one outcome.',
    configurable: 'The checkers are registered in app.checks; a deployment may install its own for the same capabilities (e.g. a real EGG request).',
    refs: [s004('L145, L162-163, L181, L189-190, L203-204, L225, L235-236, L260-261', 'p.6-p.10 conditions')],
  },
  {
    topic: 'What the NCA IS checks in the request the operator certified, before an issue',
    readings: [
      'Only the operator\'s EDS: condition 3 of p.6 checks that the request is certified by an NCA operator; the PKCS#10 requests inside it are the CA\'s business when it issues, and a bad one stops the issue (a 422 to the operator) with the case left at the confirmation.',
      'The request itself: condition 3 of p.6 (L162-163, «ҚР ҰКО АЖ-і, ҚР ҰКО операторының куәландырылған ЭЦҚ алушысының электрондық сұрау салуын тексеруді жүзеге асырады»: the NCA IS checks the recipient\'s electronic request certified with the operator\'s EDS), condition 2 of p.7 (L189-190) and condition 3 of p.9 (L235-236) check the recipient\'s request, and process 10 / 7 / 9 (L164-168, L191-192, L237-238; Annex 3 Table 1 row 10, Table 2 row 7, Table 4 row 11) refuse «because of violations in the recipient\'s electronic request» — the PKCS#10 requests are what that request asks the CA to certify.',
    ],
    chosen:
      'The second, at the same automatic step (verify_operator_signature, capability operator_certified_request, src/app/nca-checks.ts): the regulation has exactly one NCA IS check between the operator\'s confirmation (p.6 process 9, L160-161) and the issue (process 11, L169-171), so no new step is added. It passes only when the operator\'s EDS passes as for operator_signature AND every request the issue will use (csrAuth and csrSign, or those the ID card generated, p.9) is a PKCS#10 whose signature verifies with its own key (proof of possession), whose key is ECDSA P-256 or RSA-2048, which names no IIN other than the applicant\'s and no BIN other than the applicant\'s (none for an individual), and the set is complete: one authentication and one signing request (p.6 process 11 issues «тіркеу куәлiктерін», the certificates, and an NCA holder has the pair). A violation refuses the case with operator_certified_request_violations (process 10 → is_refusal), the comment saying which request and what is wrong; the CA issues nothing and its audit log is untouched. A request naming no IIN names nobody else: the CA builds the subject from the state databases, not from the request. The issue act keeps its own 422 (bad_csr, bad_csr_signature, csr_subject_mismatch, csr_required) as a last guard. An ID card that holds no requests for the case yet (the PIN not entered, p.9 process 6, L229) stays a 422 to the operator (card_pin_not_entered): a step of the desk not done, not a violation in the recipient\'s request. Before a revocation at a counter (p.10 condition 2, L260-261) there are no requests: operator_signature alone.',
    configurable: 'The capability of verify_operator_signature (checksRequests in src/services/shared/nca-steps.ts); the accepted key types are the CA\'s (src/pki/keys.ts).',
    refs: [s004('L160-171', 'p.6 process 9, condition 3, processes 10-11'), s004('L187-195', 'p.7 process 6, condition 2, processes 7-8'), s004('L235-238', 'p.9 condition 3, process 9'), s004('L586-594, L610-615', 'Annex 3 Table 1 rows 9-10')],
  },
  {
    topic: 'State-database check and the platform\'s identification at submission',
    readings: [
      'p.6/p.7/p.9: the recipient\'s data are requested from the state databases and, if absent, the service is refused with a reasoned refusal (a case with a refusal).',
      'The platform identifies every applicant in the state databases when the application is submitted and rejects an unknown IIN/BIN before a case exists.',
    ],
    chosen:
      'Both: the platform\'s rejection at submission stays, and sdb_check keeps the regulation\'s check with its reasoned refusal (no_state_database_data) for what the platform does not cover (e.g. the data the NCA needs are missing from the record).',
    refs: [s004('L143-147, L179-183, L223-228', 'p.6, p.7, p.9'), s004('L414', 'p.20(3)')],
  },
  {
    topic: 'Overall terms',
    readings: [
      'The regulation has none: overall terms are in the Standard No. 1241, whose text is not in the seeds.',
      'Sum the Annex 3 terms of the happy path.',
    ],
    chosen:
      'The day terms of the provider\'s rows on the happy path, counted from receipt; the minute rows fall inside the same working day; the recipient\'s own steps are not counted (`counted: false`): issue 2 calendar days (the 30 days of the visit are the recipient\'s; the visit may come at any hour up to closing time, so the operator\'s 26 working minutes can end on the next working day, from which the issue\'s 1 day runs), re-issue 1, portal revocation 1, counter revocation 2, ID card the same day, operator certificates 2 (the longest branch). A case whose minute rows spill past closing time can end after the derived term; the step terms then govern (the lint reports these as "may exceed" warnings).',
    configurable: 'Replace with the Standard\'s terms when its text is available.',
    refs: [s004('L62-66', 'p.2'), s004('L559-561, L748, L823, L1111', 'Annex 3')],
  },
  {
    topic: 'The applicant\'s own actions at the counter and the first issue\'s signature',
    readings: [
      'Table 1 row 5 (bringing the application) and Table 4 row 7 (entering the PIN) are the recipient\'s, done in person at the PSC; at a first issue (p.6) the recipient has no certificate and does not sign the request with an EDS.',
      'In the engine an applicant step is taken in the applicant\'s own session, and every portal application is signed with the applicant\'s EDS.',
    ],
    chosen:
      'submit_documents and enter_pin are applicant steps with unsigned outcomes. enter_pin is taken at the desk\'s pin pad: when the ID card accepts the recipient\'s PIN (POST /api/nca/cases/:id/id-card/pin, src/http/nca-routes.ts), the step is recorded as the recipient\'s, its comment naming the operator whose session carried it; the card checking its holder\'s PIN is the holder\'s own act. The portal submission of issue is signed in the engine as for any portal application; the regulation\'s reading (no EDS at first issue) needs an engine change. Re-issue (p.7(1)) and portal revocation (p.8(1)) are signed with the recipient\'s own, current certificate, as the engine does.',
    configurable: 'An unsigned portal submission for first issue is an engine change; other applicant steps recorded by the operator at the counter would follow the enter_pin route\'s pattern.',
    refs: [s004('L139-142, L175-178, L199-202', 'p.6(1), p.7(1), p.8(1)'), s004('L229', 'p.9 process 6')],
  },
  {
    topic: 'Who acts in Table 1 and Table 2 row 2',
    readings: [
      'Both tables print «Алушы» (the recipient) as the unit that sends the request to the state databases.',
      'p.6(2) and p.7(2): the request is sent «ЭҮП арқылы» (through the EGP).',
    ],
    chosen: 'The EGP (role egov_portal); p.9(4) sends it through the EGG (role egov_gateway).',
    refs: [s004('L143-144, L179-180, L223-224', 'p.6(2), p.7(2), p.9(4)'), s004('L492, L629', 'Annex 3 Tables 1, 2')],
  },
  {
    topic: 'Channels: the EGP and the internet resource',
    readings: ['p.1 names four channels: the provider, PSCs, the EGP www.egov.kz and the internet resource www.pki.gov.kz. The schema has one online channel.'],
    chosen: 'Both online channels are `portal` (sub-cases issue, reissue, revoke); the counter flows are `psc` and `provider_office`; the PSC\'s letter of p.15(1) arrives at the provider (`provider_office`).',
    refs: [s004('L53-61', 'p.1')],
  },
  {
    topic: 'The NCA operator',
    readings: ['p.5(15): «ХҚКО қызметкері немесе Қызмет беруші» — a PSC employee or (an employee of) the provider, who holds the operator certificates.'],
    chosen: 'One role nca_operator of kind psc_operator, staff of the provider in the engine, for both PSC and provider counters.',
    refs: [s004('L128-130', 'p.5(15)')],
  },
  {
    topic: 'Scenario IV: «кері беру»',
    readings: ['The heading of p.9 says «кері беру» (giving back); Diagram No. 4 and Table 4 say «беру» (issue), and the result is certificates written onto the card.'],
    chosen: 'Issue onto the ID card (sub-case issue_id_card).',
    refs: [s004('L212-215, L440-443, L839-840', 'p.9; Annex 1 Diagram 4; Annex 3 Table 4')],
  },
  {
    topic: 'Fee',
    readings: ['The regulation names no fee and no budget code; the Standard (not in the seeds) would.'],
    chosen: 'kind "free" in every sub-case.',
    configurable: 'Replace with the Standard\'s fee if it sets one.',
    refs: [s004('L62-66', 'p.2')],
  },
  {
    topic: 'Documents and form fields',
    readings: [
      'Documents are those of point 11 of the Standard, whose text is not in the seeds. The request and response forms (Annex 2) are images.',
      'The text names: the application with the unique number, the ID card with a chip, the e-mail address in the application, the reason of revocation published in the CRL.',
    ],
    chosen:
      'One document standard_p11_documents (not required at the portal submission of issue: it is brought at the visit; required at the counter for revocation), the application with the unique number (brought at the visit), the ID card (issue_id_card); fields email (issue, reissue) and revocationReason (revoke, revoke_at_counter).',
    configurable: 'Replace standard_p11_documents with the Standard\'s list.',
    refs: [s004('L151-155, L245-252', 'p.6, p.10'), s004('L466-473', 'Annex 2'), s004('L735-737, L817-821', 'Annex 3 Tables 2, 3')],
  },
  {
    topic: 'NCA operator certificates of PSC staff (p.15(1))',
    readings: [
      'An administrative procedure with no table and no terms: the PSC appoints the operator by order and gives a protected key carrier; the operator applies; the PSC sends the provider an official letter with the application and a copy of the order; the provider issues the certificates and informs the letter\'s executor; the operator installs them. On dismissal or transfer the PSC informs the provider at least 2 days before; on an absence of more than 15 days the PSC promptly notifies the need to stop the operator\'s work in the PSC IS (addressee not named).',
      'The applicant could be the operator (the certificate holder) or the PSC (the sender of the letter and of the notices).',
    ],
    chosen:
      'The PSC is the applicant (a legal entity) and names the operator in fields; the letter arrives at the provider (provider_office). The engine starts a case at one step, so a step register_letter (same day, not in the text) routes by operatorAction: issue → issue_operator_certificates (1 calendar day, borrowed from Table 2 row 8, the only term for issuing NCA certificates); revoke → revoke_operator_certificates (2 calendar days: the notice comes at least 2 days before the dismissal, so revocation falls within them); suspend → suspend_operator (same day: «жедел», promptly; the provider taken as the addressee). Each branch\'s term runs from the receipt of the letter (notice). The steps inside the PSC (appointment, carrier, operator\'s application) precede the letter; installation on the carrier follows the result: neither is a step. No refusal outcome: the text gives none; what the acts cannot do is refused as a 422 of the step (below).',
    configurable: 'The three branch terms; the addressee of the suspension notice.',
    refs: [s004('L285-314', 'p.15(1)'), s004('L748', 'Annex 3 Table 2 row 8')],
  },
  {
    topic: 'What the operator-certificate steps perform (p.15(1))',
    readings: [
      'Issue (L289-L307): the PSC appoints by order, the operator applies, the letter carries the application and a copy of the order, the provider «шығару рәсімін іске асырады» (carries out the issue). Whether the provider must check the order against anything is not said.',
      'Revocation (L308-L311): the PSC informs «жедел түрде» (promptly) of the need to revoke «босатылуға дейін кемінде 2 күн қалғанда» (at least 2 days before the dismissal). Read either as the moment of revocation (2 days before) or as the PSC\'s notice duty, with revocation on the notice.',
      'Absence (L312-L314): on an absence «15 күннен аса» (over 15 days) the PSC promptly notifies the need to «stop» the operator\'s work; nothing is said of the return.',
    ],
    chosen:
      'issue_operator_certificates/issued performs issue_operator_certificates: the NCA issues the operator\'s auth and sign certificates from the operator\'s PKCS#10 requests (csrAuth, csrSign) only when an appointment of operatorIin at the applicant PSC\'s BIN by the order appointmentOrderNumber of appointmentOrderDate is on record (the CA administrator records the order, src/app/ca-operators.ts), in effect, with no dismissal and no absence hold; anything else refuses the step with a 422 naming the rule (no_appointment, not_yet_appointed, dismissal_recorded, operator_absent, csr_subject_mismatch …) and nothing is written. '
      + 'register_letter/registered performs record_operator_dismissal: a letter that gives a dismissalDate (a dismissal or transfer notice, L308-311) has the dismissal recorded on the appointment as it is registered, so the rule «at least 2 days before the dismissal» (L310-311) is kept by the CA itself: the every-minute job (applyOperatorRules) revokes every operator certificate at 00:00 Almaty of dismissalDate − 2 even when nobody has taken the revocation step yet, and at once when that moment has already passed (a late notice, flagged); an unknown operator or a date before the appointment refuses the registration (422, nothing written); letters of issue or suspension record nothing. '
      + 'revoke_operator_certificates/revoked performs revoke_operator_certificates: the dismissal (transfer) on dismissalDate is found recorded (recorded now if it was not; the same date is not recorded twice, another date is a 422 dismissal_recorded) and every operator certificate still good is revoked at once (affiliationChanged), those the job revoked are left as they are: taking the step is the provider\'s revocation on the notice, which is never later than the rule\'s moment (00:00 of dismissalDate − 2) when the notice is on time and the step is taken on its day; a notice received (case submitted) fewer than 2 days before dismissalDate is flagged late, not refused (as in ca-operators.ts: refusing it would keep a leaving operator\'s certificates alive); from dismissalDate − 2 the certificates no longer pass the operator-signature check, and from dismissalDate no signature with them is accepted, whoever revoked them. '
      + 'suspend_operator/suspended performs suspend_operator_certificates: an absence (absenceFrom, absenceTo if known) of more than 15 calendar days is recorded and the operator\'s certificates are put on hold (certificateHold: «stop», not revoke) from its first day, i.e. at once when it has begun, by the job otherwise; without a last day the absence must already have lasted more than 15 days; a shorter one refuses the step (422 absence_not_over_15_days). The hold is lifted the day after absenceTo (or the return the administrator records).',
    configurable: 'Revocation at once vs at dismissalDate − 2: the option revokeAtOnce of recordDismissalIn (src/app/ca-operators.ts); recording the dismissal at registration: the performs of register_letter/registered.',
    refs: [s004('L289-307', 'p.15(1)'), s004('L308-311', 'p.15(1)'), s004('L312-314', 'p.15(1)')],
  },
  {
    topic: 'Refusal grounds',
    readings: ['The regulation has no list of grounds; each check has one refusal process that says why (absent data; violations in the documents or identification; violations in the request certified by the operator\'s EDS; violations in the recipient\'s own EDS-signed request; Table 5\'s refusal after routing).'],
    chosen: 'One ground per kind of check, exhaustive: a refusal can cite only the ground of the check that failed.',
    refs: [s004('L146-147, L156-157, L164-168, L205-206, L219-220, L253-254, L262-263', 'p.6-p.10 refusal processes')],
  },
  {
    topic: 'Working hours',
    readings: ['Not in the seed (the Standard No. 1241 would give them). Minute terms count in the provider\'s working hours.'],
    chosen: 'Monday–Friday 09:00–18:30, lunch 13:00–14:30 (providers/nca.ts), the frame used for the other seeds without a schedule.',
    configurable: 'providers/nca.ts workingHours.',
    refs: [ncaRefs.workingHours],
  },
  {
    topic: 'Rows that are not steps',
    readings: [
      'Row 1 of Tables 1-3 («қызмет таңдалады және сұрау салу деректері қалыптасады», 30 сек – 1 мин) is the recipient filling in the request; row 1 of Tables 4-5 (handing over the ID card / the documents, no term) is the recipient at the counter.',
      'Table 2 row 8\'s completion form «installation of the certificate by the recipient» and p.15(1)\'s installation on the carrier happen after the result.',
    ],
    chosen: 'Row 1 is the submission itself (the case starts there; the counter flows are submitted by the NCA operator). Installation is the recipient\'s use of the result, not a step.',
    refs: [s004('L504-507, L559', 'Annex 3 Table 1 row 1'), s004('L745-746', 'Annex 3 Table 2 row 8'), s004('L305-307', 'p.15(1)')],
  },
];

// ---------------------------------------------------------------------------------------------

const DERIVED = 'Not stated: the overall term is in the Standard No. 1241, not in the seed. Derived from the Annex 3 terms of the happy path (see interpretations).';

export const ncaCertificates = defineService({
  id: 'nca-certificates',
  version: '2012-12-26',
  name: {
    kk: 'Қазақстан Республикасы Ұлттық куәландырушы орталығының тіркеу куәліктерін беру және кері қайтарып алу',
    ru: 'Выдача и отзыв регистрационных свидетельств Национального удостоверяющего центра Республики Казахстан',
    en: 'Issue and revocation of registration certificates of the National Certification Centre of the Republic of Kazakhstan',
  },
  shortName: { kk: 'ҰКО тіркеу куәліктері', ru: 'Регистрационные свидетельства НУЦ', en: 'NCA registration certificates' },
  status: 'active',
  effective: { from: '2012-12-26' },
  sources: [
    {
      act: {
        kk: 'Қазақстан Республикасы Көлік және коммуникация министрінің «"Қазақстан Республикасы Ұлттық куәландырушы орталығының тіркеу куәліктерін беру және кері қайтарып алу" электрондық мемлекеттік қызметтің регламентін бекіту туралы» бұйрығы',
        ru: 'Приказ Министра транспорта и коммуникаций Республики Казахстан «Об утверждении регламента электронной государственной услуги "Выдача и отзыв регистрационных свидетельств Национального удостоверяющего центра Республики Казахстан"»',
        en: 'Order of the Minister of Transport and Communications of the Republic of Kazakhstan "On approval of the regulation of the electronic state service \'Issue and revocation of registration certificates of the National Certification Centre of the Republic of Kazakhstan\'"',
      },
      number: '839',
      date: '2012-11-29',
      registered: 'Ministry of Justice, 26.12.2012, No. 8235',
      effectiveFrom: '2012-12-26',
      repealedBy: 'Order of the Minister of Transport and Communications No. 209 of 26.03.2014 (in force 10 calendar days after its first official publication)',
      ref: s004('L1-37', 'header; order p.1-4'),
    },
    {
      act: {
        kk: 'Қазақстан Республикасы Үкіметінің «Қазақстан Республикасы Ұлттық куәландырушы орталығының тіркеу куәліктерін беру және кері қайтарып алу» мемлекеттік қызмет стандартын бекіту туралы қаулысы',
        ru: 'Постановление Правительства Республики Казахстан об утверждении стандарта государственной услуги «Выдача и отзыв регистрационных свидетельств Национального удостоверяющего центра Республики Казахстан»',
        en: 'Government decree approving the standard of the state service "Issue and revocation of registration certificates of the National Certification Centre of the Republic of Kazakhstan"',
      },
      number: '1241',
      date: '2012-09-25',
      ref: s004('L15-21, L62-66', 'preamble; p.2', 'The Standard: its text (documents of point 11, overall terms, fee, schedule) is not in the seeds.'),
    },
  ],
  provider: nca,
  channels: ['portal', 'psc', 'provider_office'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles: [...ncaRoles],
  refusalGrounds: ncaRefusalGrounds,
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'issue',
      name: {
        kk: 'ЭҮП немесе интернет-ресурс арқылы тіркеу куәлігін беру',
        ru: 'Выдача регистрационного свидетельства через ПЭП или интернет-ресурс',
        en: 'Issue of a registration certificate through the EGP or the internet resource',
      },
      term: {
        duration: {
          amount: 2,
          unit: 'calendar_days',
          ref: s004(
            'L748, L1069, L606',
            'Annex 3 Table 2 row 8 (for Table 1 row 11); Table 5 row 2 (for Table 1 row 6); Table 1 rows 8-9',
            `${DERIVED} The recipient's 30 days (Table 1 row 5, L560-561) are not counted (step submit_documents). After the visit, which may come at any hour up to closing time, the operator's and the NCA IS's rows (15 + 10 + 1 working minutes) can end on the next working day, and the issue's 1 day runs from there: 2 days.`,
          ),
        },
        from: 'received',
      },
      channels: [...ncaChannels.online],
      fields: [emailField, ...csrFields],
      documents: [doc.applicationWithNumber, doc.p11AtVisit],
      fee,
      firstStep: 'sdb_check',
      steps: issueSteps,
    },
    {
      id: 'reissue',
      name: {
        kk: 'ЭҮП немесе интернет-ресурс арқылы тіркеу куәлігін қайта алу',
        ru: 'Повторное получение регистрационного свидетельства через ПЭП или интернет-ресурс',
        en: 'Re-issue of a registration certificate through the EGP or the internet resource',
      },
      term: { duration: { amount: 1, unit: 'calendar_days', ref: s004('L748', 'Annex 3 Table 2 row 8', `${DERIVED} 1 day for the issue; the minute rows fall inside.`) }, from: 'received' },
      channels: [...ncaChannels.online],
      fields: [emailField, ...csrFields],
      documents: [],
      fee,
      firstStep: 'sdb_check',
      steps: reissueSteps,
      actsOnPrevious: true,
    },
    {
      id: 'revoke',
      name: {
        kk: 'ЭҮП немесе интернет-ресурс арқылы тіркеу куәлігін кері қайтарып алу',
        ru: 'Отзыв регистрационного свидетельства через ПЭП или интернет-ресурс',
        en: 'Revocation of a registration certificate through the EGP or the internet resource',
      },
      term: { duration: { amount: 1, unit: 'calendar_days', ref: s004('L823', 'Annex 3 Table 3 row 4', `${DERIVED} 1 day for the revocation and the CRL publication; the minute rows fall inside.`) }, from: 'received' },
      channels: [...ncaChannels.online],
      fields: [certificateSerialField, revocationReasonField],
      documents: [],
      fee,
      firstStep: 'check_request',
      steps: revokeSteps,
      actsOnPrevious: true,
    },
    {
      id: 'issue_id_card',
      name: {
        kk: 'ХҚКО немесе Қызмет берушіде ақпараттың (чип) электрондық жеткізушісін қамтитын жеке куәлікке тіркеу куәлігін беру',
        ru: 'Выдача регистрационного свидетельства на удостоверение личности с электронным носителем (чипом) в ЦОН или у услугодателя',
        en: 'Issue of a registration certificate onto an ID card with a chip at a PSC or the provider',
      },
      term: { duration: { amount: 0, unit: 'same_day', ref: s004('L888, L954, L239-241', 'Annex 3 Table 4', `${DERIVED} Every row is minutes or seconds and the result is received during the visit.`) }, from: 'received' },
      channels: [...ncaChannels.counter],
      // The requests come from the card's chip, where its keys are generated.
      fields: [idCardNumberField, ...csrFields],
      documents: [doc.idCard],
      fee,
      firstStep: 'identify',
      steps: idCardSteps,
    },
    {
      id: 'revoke_at_counter',
      name: {
        kk: 'ХҚКО немесе Қызмет берушіде тіркеу куәлігін кері қайтарып алу',
        ru: 'Отзыв регистрационного свидетельства в ЦОН или у услугодателя',
        en: 'Revocation of a registration certificate at a PSC or the provider',
      },
      term: { duration: { amount: 2, unit: 'calendar_days', ref: s004('L1111', 'Annex 3 Table 5 row 9', `${DERIVED} 2 days for the revocation and the CRL publication; the minute rows fall inside.`) }, from: 'received' },
      channels: [...ncaChannels.counter],
      fields: [certificateSerialField, revocationReasonField],
      documents: [doc.p11AtCounter],
      fee,
      firstStep: 'accept_documents',
      steps: counterRevokeSteps,
      actsOnPrevious: true,
    },
    {
      id: 'operator_certificates',
      name: {
        kk: 'Қызмет көрсету процесіне жауапты ХҚКО қызметкерлері үшін ҚР ҰКО тіркеу куәліктерін беру және кері қайтарып алу',
        ru: 'Выдача и отзыв регистрационных свидетельств НУЦ РК работникам ЦОН, ответственным за процесс оказания услуги',
        en: 'Issue and revocation of NCA operator certificates for the PSC staff responsible for the service',
      },
      term: { duration: { amount: 2, unit: 'calendar_days', ref: s004('L308-311', 'p.15(1)', 'Not stated for the procedure as a whole; the longest of its branches (revocation, 2 days) (see interpretations).') }, from: 'received' },
      channels: [...ncaChannels.letter],
      fields: operatorFields,
      documents: [doc.pscLetter, doc.operatorApplication, doc.appointmentOrderCopy],
      fee,
      firstStep: 'register_letter',
      steps: operatorSteps,
    },
  ],
  result: {
    document: {
      kk: 'ҚР ҰКО тіркеу куәліктерін шығару, жеке куәлікке жазу немесе кері қайтарып алу туралы хабарлама',
      ru: 'Уведомление о выпуске, записи на удостоверение личности или отзыве регистрационных свидетельств НУЦ РК',
      en: 'Notice of the issue, recording on the ID card or revocation of NCA registration certificates',
    },
    refusal: { kk: 'Дәлелді бас тарту', ru: 'Мотивированный отказ', en: 'Reasoned refusal' },
    registry: 'nca_certificates',
    numberPrefix: 'NCA-RC',
  },
  interpretations,
});

export default ncaCertificates;
