// «Регистрация нотификаций о характеристиках товаров (продукции), содержащих шифровальные
// (криптографические) средства»: the KNB registers a notification on the characteristics of goods
// containing encryption means and sends it to the Customs Union Commission for its register.
//
// Procedure (steps, roles, step terms, the portal notice): regulation 7 of KNB order No. 305 of
// 15.09.2014, seed 001 L1348–L1521 (§5 L1394–L1409, §8 L1437–L1458, §9 L1464–L1487,
// §10 L1488–L1511).
// Standard (overall term, documents, fee, refusal grounds, offices): standard 6 of Government
// decree No. 50 of 29.01.2013, seed 003 L2064–L2296 (§7 L2120–L2130, §11 L2152–L2160,
// §15 L2170–L2176, §16 L2178–L2180, Annex 1 L2235–L2259, Annex 2 L2261–L2277).
import { defineService } from '../core/regulation.ts';
import { knb } from './providers/knb.ts';
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
  type RegulationLines,
} from './shared/knb-procedure.ts';

const reg: RegulationLines = {
  appendix: 7,
  lines: 'L1348-1521',
  p1: 'L1360-1375',
  reception: 'L1372-1375',
  p2: 'L1376-1377',
  p3: 'L1378-1383',
  p5: 'L1394-1409',
  p8: 'L1437-1458',
  p10: 'L1488-1511',
  p6: 'L1410-1425',
  p6_5: 'L1422-1425',
  p7: 'L1431-1436',
  p9: 'L1464-1487',
  register: 'L1396, L1439-1442, L1490-1492',
  assign: 'L1397-1398, L1443-1444, L1493-1498',
  dispatch: 'L1408-1409, L1456-1458',
  deliver: 'L1408-1409, L1510-1511',
};
const REVIEW = 'L1399-1404, L1445-1449, L1499-1503';
const NOTICE = 'L1399-1401, L1445-1448, L1499-1506';
const SIGN = 'L1405-1407, L1450-1452, L1507-1509';

/**
 * MIME types of the *.xls notification (regulation §9 window 2). The schema has no per-requirement
 * MIME list and the engine accepts only PDF, images, XML and ZIP (ALLOWED_MIME in
 * src/core/application.ts): see the interpretation "The *.xls notification".
 */
export const NOTIFICATION_SPREADSHEET_MIME = ['application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

const DOCUMENTS_NOT_SUBMITTED = 'documents_not_submitted';
const FORM_NOT_COMPLIANT = 'form_not_compliant';
const PAPER_FIELD = { channels: [...onPaper.channels] };

export const cryptoNotification = defineService({
  id: 'crypto-notification',
  version: '2014-10-24',
  name: {
    kk: 'Шифрлау (криптографиялық) құралдары бар тауарлардың сипаттамасы туралы нотификацияларды тіркеу',
    ru: 'Регистрация нотификаций о характеристиках товаров (продукции), содержащих шифровальные (криптографические) средства',
    en: 'Registration of notifications on the characteristics of goods (products) containing encryption (cryptographic) means',
  },
  shortName: { kk: 'Шифрлау құралдары нотификациясы', ru: 'Нотификация о шифровальных средствах', en: 'Encryption goods notification' },
  status: 'active',
  effective: { from: '2014-10-24' },
  sources: [
    order305(reg),
    decree50(6, 'L2064-2296'),
    decree600(reg),
    {
      act: {
        kk: 'Кеден одағы комиссиясының «Нотификацияны тіркеу тәртібі туралы ережені бекіту туралы» шешімі (Ереже)',
        ru: 'Решение Комиссии Таможенного союза об утверждении Положения о порядке регистрации нотификаций (Положение)',
        en: 'Decision of the Customs Union Commission approving the Regulation on the procedure for registering notifications (the Regulation)',
      },
      number: '848',
      date: '2011-10-18',
      ref: s003('L2104, L2154-2160, L2178', '§3, §11, §16', 'The service is rendered under this Regulation; the notification form, its data file format (Annex 1 to the Regulation) and paras. 4–17 (the refusal ground) are its.'),
    },
    lawOnStateServices,
    ...recordKeeping('L2096-2100'),
    lawOnApplications('L2230'),
  ],
  provider: knb,
  channels: ['provider_office', 'mail', 'portal'],
  applicantKinds: ['individual', 'entrepreneur', 'legal_entity'],
  roles: knbRoles(),
  refusalGrounds: [
    {
      id: DOCUMENTS_NOT_SUBMITTED,
      text: {
        kk: 'Стандарттың 11-тармағында көрсетілген құжаттар ұсынылмаған (құжаттардың толық болмауы және (немесе) олардың көшірмелерінің қате болуы)',
        ru: 'Не представлены документы, указанные в пункте 11 стандарта (неполнота представленных документов и (или) ошибочность их копий)',
        en: 'The documents of §11 of the standard were not submitted (the documents are incomplete and/or their copies are erroneous)',
      },
      ref: s003('L2178, L2130', '§16, §7', 'Also the portal notice of regulation §10(3): the legalized document not provided within 3 working days (seed 001 L1504-1506).'),
    },
    {
      id: FORM_NOT_COMPLIANT,
      text: {
        kk: 'Нотификацияның нысаны Ереженің 4-17-тармақтарының талаптары сақталмай толтырылып тіркеуге ұсынылған',
        ru: 'Форма нотификации заполнена с нарушением требований пунктов 4–17 Положения',
        en: 'The notification form was filled in without complying with paragraphs 4–17 of the Regulation',
      },
      ref: s003('L2178', '§16'),
    },
  ],
  exhaustiveGrounds: true,
  subcases: [
    {
      id: 'registration',
      name: { kk: 'Нотификацияны тіркеу', ru: 'Регистрация нотификации', en: 'Registration of a notification' },
      term: {
        duration: {
          amount: 10,
          unit: 'working_days',
          ref: s003('L2122', '§7(1)', 'он жұмыс күні, from the moment all §11 documents are submitted until the information is published in the unified register of notifications on the CUC website'),
        },
        from: 'received',
      },
      fields: [
        {
          id: 'manufacturerName',
          type: 'text',
          ref: s003('L2158', '§11(3)', 'The manufacturer of the encryption means on whose behalf the applicant acts.'),
          label: { kk: 'Шифрлау (криптографиялық) құралын өндіруші', ru: 'Изготовитель шифровального (криптографического) средства', en: 'Manufacturer of the encryption (cryptographic) means' },
        },
        {
          id: 'thirdCountryManufacturer',
          type: 'boolean',
          ref: s003('L2160', '§11', 'A notification executed by a manufacturer organisation of a third country (outside the Customs Union) must be legalized.'),
          label: {
            kk: 'Нотификацияны үшінші елдің (Кеден одағына кірмеген) өндіруші ұйымы ресімдеген',
            ru: 'Нотификация оформлена организацией-изготовителем третьей страны (не входящей в Таможенный союз)',
            en: 'The notification was executed by a manufacturer organisation of a third country (outside the Customs Union)',
          },
        },
        {
          id: 'authorityDocumentKind',
          type: 'select',
          ref: s003('L2158', '§11(3)', 'Also regulation §9 window 3: information on the document of §9 (sixth indent) of the Standard (seed 001 L1481-1482).'),
          label: {
            kk: 'Өндірушінің атынан әрекет етуге құқық беретін құжаттың заңдастырылуы',
            ru: 'Легализация документа, предоставляющего право действовать от лица изготовителя',
            en: 'Legalization of the document granting the right to act on behalf of the manufacturer',
          },
          options: [
            { value: 'apostille', label: { kk: 'Апостиль', ru: 'Апостиль', en: 'Apostille' } },
            { value: 'consular_legalization', label: { kk: 'Консулдық заңдастыру', ru: 'Консульская легализация', en: 'Consular legalization' } },
          ],
        },
        {
          id: 'authorityDocumentDetails',
          type: 'text',
          ref: s001('L1481-1482', '§9(3)', 'информацию о документе, предусмотренном абзацем шестым пункта 9 Стандарта'),
          label: {
            kk: 'Өндірушінің атынан әрекет етуге құқық беретін құжат туралы мәліметтер (түрі, нөмірі, күні, кім берген)',
            ru: 'Сведения о документе, предоставляющем право действовать от лица изготовителя (вид, номер, дата, кем выдан)',
            en: 'Details of the document granting the right to act on behalf of the manufacturer (kind, number, date, issuer)',
          },
        },
        {
          id: 'authorityDocumentForeignLanguage',
          type: 'boolean',
          ref: s003('L2158', '§11(3)', 'A document in a foreign language needs a certified translation into Russian and/or Kazakh.'),
          label: { kk: 'Құжат шет тілінде дайындалған', ru: 'Документ составлен на иностранном языке', en: 'The document is in a foreign language' },
        },
        {
          id: 'carrierKind',
          type: 'select',
          when: PAPER_FIELD,
          ref: s003('L2156', '§11(2)', 'компакт-диск, флэш-жады'),
          label: { kk: 'Нотификацияның материалдық тасығышы', ru: 'Материальный носитель нотификации', en: 'Physical carrier of the notification' },
          options: [
            { value: 'compact_disc', label: { kk: 'Компакт-диск', ru: 'Компакт-диск', en: 'Compact disc' } },
            { value: 'flash_memory', label: { kk: 'Флэш-жады', ru: 'Флэш-память', en: 'Flash memory' } },
          ],
        },
        {
          id: 'carrierRecordCount',
          type: 'number',
          when: PAPER_FIELD,
          ref: s003('L2156', '§11(2)', 'The cover letter states the number of records (file names) on the carrier.'),
          label: { kk: 'Тасығыштағы жазбалардың саны', ru: 'Количество записей на носителе', en: 'Number of records on the carrier' },
        },
        {
          id: 'carrierFiles',
          type: 'textarea',
          when: PAPER_FIELD,
          ref: s003('L2156', '§11(2)', 'The cover letter states the file names and their size in bytes.'),
          label: { kk: 'Файлдардың атаулары және олардың байттағы көлемі', ru: 'Наименования файлов и их объём в байтах', en: 'File names and their size in bytes' },
        },
      ],
      documents: [
        {
          id: 'cover_letter',
          when: onPaper,
          name: { kk: 'Ілеспе хат', ru: 'Сопроводительное письмо', en: 'Cover letter' },
          ref: s003('L2152, L2156, L2176', '§11, §15(2)', 'Submitted with the documents; states the records (file names) on the carrier and their size in bytes, and the address for sending the result by post.'),
        },
        {
          id: 'notification_form',
          name: {
            kk: 'Ережеге сәйкес толтырылған және ресімделген нотификацияның нысаны',
            ru: 'Форма нотификации, заполненная и оформленная в соответствии с Положением',
            en: 'Notification form completed and executed under the Regulation',
          },
          ref: s003('L2154, L2162', '§11(1), §12', 'Two copies on paper (екі дана). The form is published on the CUC website as software for filling it in. Portal: regulation §9 window 1, «нотификацию установленной формы» (seed 001 L1479).'),
        },
        {
          id: 'notification_carrier',
          when: onPaper,
          satisfiedBy: ['notification_xls'],
          name: {
            kk: 'Нотификацияның материалдық тасығышы (компакт-диск, флэш-жады) Ережеге 1-қосымшадағы форматтағы деректер файлымен',
            ru: 'Материальный носитель нотификации (компакт-диск, флэш-память) с электронным файлом данных в формате приложения 1 к Положению',
            en: 'Physical carrier of the notification (compact disc, flash memory) with the electronic data file in the format of Annex 1 to the Regulation',
          },
          ref: s003('L2156', '§11(2)', 'The carrier itself, or its data file uploaded by the accepting officer as the *.xls notification (notification_xls).'),
        },
        {
          id: 'notification_xls',
          mime: [...NOTIFICATION_SPREADSHEET_MIME],
          when: onPortal,
          name: { kk: '*.xls форматындағы нотификация', ru: 'Нотификация в формате *.xls', en: 'Notification in *.xls format' },
          ref: s001('L1480', '§9(2)', `A spreadsheet (${NOTIFICATION_SPREADSHEET_MIME.join(', ')}); on paper it answers the carrier requirement. The spreadsheet import is a separate feature.`),
        },
        {
          id: 'authority_document',
          when: onPaper,
          name: {
            kk: 'Өтініш берушіге шифрлау (криптографиялық) құралын өндірушінің атынан әрекет етуге құқық беретін заңдастырылған құжат (апостиль, консулдық заңдастыру)',
            ru: 'Легализованный документ (апостиль, консульская легализация), предоставляющий заявителю право действовать от лица изготовителя шифровального (криптографического) средства',
            en: 'Legalized document (apostille, consular legalization) granting the applicant the right to act on behalf of the manufacturer of the encryption means',
          },
          ref: s003('L2158', '§11(3)', `The original or a notarized copy. Portal: the applicant gives its details (fields) and provides the document on the executor's notice within 3 working days (pause legalized_document; seed 001 ${NOTICE}).`),
        },
        {
          id: 'authority_translation',
          when: { channels: [...onPaper.channels], fields: { authorityDocumentForeignLanguage: ['true'] } },
          name: {
            kk: 'Құжаттың заңнамада белгіленген тәртіппен куәландырылған орыс не (және) қазақ тіліндегі аудармасы',
            ru: 'Перевод документа на русский и (или) казахский язык, засвидетельствованный в установленном законодательством порядке',
            en: 'Translation of the document into Russian and/or Kazakh, certified as the law requires',
          },
          ref: s003('L2158', '§11(3)', 'Attached to the original or to its notarized copy when the document is in a foreign language.'),
        },
        {
          id: 'notification_legalization',
          when: { fields: { thirdCountryManufacturer: ['true'] } },
          name: {
            kk: 'Нотификацияның заңдастырылуы (үшінші елдің өндіруші ұйымы ресімдеген жағдайда)',
            ru: 'Легализация нотификации (если нотификация оформлена организацией-изготовителем третьей страны)',
            en: 'Legalization of the notification (where a third-country manufacturer organisation executed it)',
          },
          ref: s003('L2160', '§11'),
        },
        {
          id: 'power_of_attorney',
          required: false,
          name: { kk: 'Уәкілетті адамның сенімхаты', ru: 'Доверенность уполномоченного лица', en: "Authorized person's power of attorney" },
          ref: s003('L2152, L2172-2174', '§11, §15(1)', 'Only when an authorized person acts; the authority must be formalized under civil law. S6 does not say the KNB fetches it, unlike S1–S3.'),
        },
      ],
      fee: { kind: 'free', ref: s003('L2132', '§8', 'тегін') },
      firstStep: 'register',
      steps: [
        registerStep(reg),
        assignStep(reg),
        {
          id: 'review',
          role: 'executor',
          action: {
            kk: 'Өтінішті қарау, өндірушінің атынан әрекет етуге құқық беретін заңдастырылған құжатты ұсыну туралы хабарламаны (порталда) және нәтиженің жобасын қалыптастыру',
            ru: 'Рассмотрение заявления, формирование уведомления о предоставлении легализованного документа, предоставляющего право действовать от лица изготовителя (при обращении на портал), и проекта результата',
            en: 'Review the application, form the notice to provide the legalized document granting the right to act on behalf of the manufacturer (portal applications) and draft the result',
          },
          term: {
            duration: { amount: 10, unit: 'working_days', ref: s001(REVIEW, '§5(3), §8(3), §10(3)', 'в течение 10 рабочих дней с момента получения пакета документов услугополучателя') },
            from: 'step_start',
          },
          outcomes: [
            {
              id: 'draft_registration',
              label: { kk: 'Нотификацияны тіркеу туралы шешімнің жобасы', ru: 'Проект решения о регистрации нотификации', en: 'Draft decision to register the notification' },
              next: 'sign',
              decision: 'approve',
            },
            {
              id: 'draft_refusal',
              label: { kk: 'Нотификацияны тіркемеу туралы шешімнің жобасы', ru: 'Проект решения о нерегистрации нотификации', en: 'Draft decision not to register the notification' },
              next: 'sign_refusal',
              decision: 'refuse',
              grounds: [DOCUMENTS_NOT_SUBMITTED, FORM_NOT_COMPLIANT],
            },
            {
              id: 'draft_refusal_incomplete',
              label: {
                kk: 'Құжаттардың толық болмауы себебінен өтінішті одан әрі қараудан бас тарту жобасы',
                ru: 'Проект отказа в дальнейшем рассмотрении заявления в связи с неполнотой документов',
                en: 'Draft refusal of further consideration: incomplete documents',
              },
              next: 'sign_refusal',
              decision: 'refuse',
              grounds: [DOCUMENTS_NOT_SUBMITTED],
              term: {
                duration: { amount: 2, unit: 'working_days', ref: s003('L2130', '§7', 'құжаттарын алған сәттен бастап екі жұмыс күні ішінде … жазбаша дәлелді жауап береді') },
                from: 'received',
              },
            },
          ],
          ref: s001(`${reg.p5}, ${reg.p8}, ${reg.p10}`, '§5(3), §8(3), §10(3)'),
        },
        {
          id: 'sign',
          role: 'head_of_provider',
          action: {
            kk: 'Көрсетілетін қызметті берушінің басшысының нотификацияны тіркеу туралы шешімге жоба қалыптастырылған күні ЭЦҚ-мен қол қоюы',
            ru: 'Подписание руководителем услугодателя решения о регистрации нотификации с ЭЦП в день формирования проекта результата',
            en: 'Sign the decision to register the notification with EDS on the day the draft is formed',
          },
          term: { duration: { amount: 0, unit: 'same_day', ref: s001(SIGN, '§5(4), §8(4), §10(4)', 'в день формирования проекта результата оказания государственной услуги') }, from: 'step_start' },
          outcomes: [{ id: 'signed', label: { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' }, next: 'notify_commission' }],
          ref: s001(`${reg.p5}, ${reg.p8}, ${reg.p10}`, '§5(4), §6(4), §8(4), §10(4)'),
        },
        {
          id: 'notify_commission',
          role: 'chancellery',
          action: {
            kk: 'Тіркелген нотификация туралы ақпаратты тіркелген нотификациялардың тізілімінде жариялау үшін Кеден одағының комиссиясына ресми хатпен жіберу',
            ru: 'Направление официальным письмом в Комиссию Таможенного союза сведений о зарегистрированной нотификации для опубликования в реестре зарегистрированных нотификаций',
            en: 'Send the information on the registered notification to the Customs Union Commission by official letter, for publication in the register of registered notifications',
          },
          term: {
            duration: { amount: 0, unit: 'same_day', ref: s001(reg.dispatch, '§5(5), §8(5)', 'The result is sent on the day of signing; standard §5(2) (seed 003 L2116) makes the letter to the CUC part of the result (see interpretations).') },
            from: 'step_start',
          },
          outcomes: [{ id: 'commission_notified', label: { kk: 'КОК-ке жіберілді', ru: 'Направлено в КТС', en: 'Sent to the CU Commission' }, next: toApplicant }],
          ref: s003('L2116, L2122', '§5(2), §7(1)'),
        },
        {
          id: 'sign_refusal',
          role: 'head_of_provider',
          action: {
            kk: 'Нотификацияны тіркемеу туралы шешімге (дәлелді бас тартуға) жоба қалыптастырылған күні ЭЦҚ-мен қол қою',
            ru: 'Подписание решения о нерегистрации нотификации (мотивированного отказа) с ЭЦП в день формирования проекта результата',
            en: 'Sign the decision not to register the notification (motivated refusal) with EDS on the day the draft is formed',
          },
          term: { duration: { amount: 0, unit: 'same_day', ref: s001(SIGN, '§5(4), §8(4), §10(4)', 'в день формирования проекта результата оказания государственной услуги') }, from: 'step_start' },
          outcomes: [{ id: 'signed', label: { kk: 'Қол қойылды', ru: 'Подписано', en: 'Signed' }, next: toApplicant }],
          ref: s001(`${reg.p5}, ${reg.p8}, ${reg.p10}`, '§5(4), §8(4), §10(4)'),
        },
        deliverStep(reg),
        dispatchStep(reg),
      ],
      pauses: [
        {
          id: 'legalized_document',
          name: {
            kk: 'Өндірушінің атынан әрекет етуге құқық беретін заңдастырылған құжатты ұсыну туралы хабарлама',
            ru: 'Уведомление о предоставлении легализованного документа, предоставляющего право действовать от лица изготовителя',
            en: 'Notice to provide the legalized document granting the right to act on behalf of the manufacturer',
          },
          atSteps: ['review'],
          role: 'executor',
          applicantTerm: { amount: 3, unit: 'working_days', ref: s001('L1504-1506', '§10(3)', '3 рабочих дня с момента поступления уведомления в «личный кабинет» услугополучателя') },
          onExpiry: { refuseWith: DOCUMENTS_NOT_SUBMITTED },
          ref: s001(NOTICE, '§5(3), §8(3), §10(3)', 'при обращении на портал'),
        },
      ],
    },
  ],
  result: {
    document: {
      kk: 'Шифрлау (криптографиялық) құралдары бар тауарлардың сипаттамасы туралы тіркелген нотификация (тіркеу туралы шешім)',
      ru: 'Зарегистрированная нотификация о характеристиках товаров (продукции), содержащих шифровальные (криптографические) средства (решение о регистрации)',
      en: 'Registered notification on the characteristics of goods containing encryption (cryptographic) means (decision to register)',
    },
    refusal: {
      kk: 'Нотификацияны тіркемеу туралы шешім (дәлелді бас тарту)',
      ru: 'Решение о нерегистрации нотификации (мотивированный отказ)',
      en: 'Decision not to register the notification (motivated refusal)',
    },
    registry: 'notifications',
    numberPrefix: 'KNB-NOTIF',
  },
  interpretations: [
    ...versionInterpretations(reg, { number: 6, lines: 'L2064-2296', terms: 'L2120-2130' }).map((i) =>
      i.topic === 'Which acts make up this version'
        ? { ...i, chosen: `${i.chosen} The figures fit each other: registration and assignment on the day of receipt, 10 working days for the executor, signing and sending on the day of the draft, within the 10 working days of §7.` }
        : i,
    ),
    {
      topic: 'Channels: paper only (S6 §2) or also the portal (regulation §9, §10)',
      readings: [
        'Standard S6 §2: non-automated (paper) service; §7: "an electronic request … is not provided"; §1 names no portal; documents by mail or at the Annex 1 offices (§9, §13).',
        'Regulation 7 (the later act, implementing decree No. 600): form "electronic (partially automated) and paper" (§2), result "electronic and paper" (§3), a portal request with three windows (§9: the notification form, the notification in *.xls, information on the legalized document) and the portal procedure with its own 3-working-day notice (§10).',
      ],
      chosen:
        'Offered on paper (provider_office, mail) and on the portal, following the regulation, whose portal facts (the *.xls window, the notice and its 3 working days) are encoded. Paper comes first in `channels`.',
      configurable: "`channels: ['provider_office', 'mail']` makes it paper-only as S6 has it; the pause and notification_xls then serve only as the alternative to the carrier.",
      refs: [s003('L2092, L2102, L2128, L2136-2138', '§1, §2, §7, §9'), s001('L1376-1383, L1478-1482, L1499-1506', '§2, §3, §9, §10')],
    },
    {
      topic: 'The legalized-document notice: a pause, on the portal',
      readings: [
        'Regulation §5(3)/§8(3)/§10(3): for portal applications the executor forms a notice to provide the legalized document of §9 (sixth indent) of the Standard; §10(3): the applicant has 3 working days from the notice reaching the personal cabinet. The text does not say whether these days count in the term.',
        'On paper the document is part of the package (§11(3) of S6), so no notice is needed.',
      ],
      chosen:
        'Pause `legalized_document` at review, opened by the executor, applicant term 3 working days, clock stopped (the applicant\'s time is not the provider\'s); when it expires the case is refused on documents_not_submitted. The schema cannot restrict a pause to a channel, so the executor opens it for portal applications only; on paper authority_document is required with the package.',
      configurable: 'Remove the pause to count the 3 days inside the 10 (the notice then has no encoded term).',
      refs: [s001(NOTICE, '§5(3), §8(3), §10(3)'), s003('L2158', '§11(3)')],
    },
    {
      topic: 'Overall term "until publication" and the letter to the CU Commission',
      readings: [
        'S6 §7: 10 working days from the submission of all documents until the information on the notification is published in the unified register on the CUC website; §5: the result is the registered notification (or a refusal) and the official letter to the CUC for that register.',
        'Regulation: signing on the day of the draft and sending the result on the day of signing; it does not mention the CUC.',
      ],
      chosen:
        'A step notify_commission (chancellery, same day as signing) after the registration is signed and before the result goes to the applicant; refusals skip it (sign_refusal). The overall 10 working days are counted to the end of the case: publication is an act of the CUC that the platform does not observe. Engine need: an external milestone (publication date) that can close an overall term.',
      refs: [s003('L2112-2116, L2122', '§5, §7'), s001(SIGN, '§5(4)')],
    },
    {
      topic: 'Refusal grounds: the closed list of §16 and the completeness refusal of §7',
      readings: [
        'S6 §16: registration is refused only if the §11 documents are not submitted or the form does not comply with paras. 4–17 of the Regulation; "refusal on other grounds is not allowed".',
        'S6 §7: completeness is checked within 2 working days of receipt; incomplete documents and/or erroneous copies lead to a written refusal of further consideration within that term.',
      ],
      chosen:
        'exhaustiveGrounds: true with the two §16 grounds. The §7 refusal is outcome draft_refusal_incomplete (term 2 working days from receipt) citing documents_not_submitted, since missing documents are the §16 ground and the closed list admits no third one. Both refusals are signed the same day (sign_refusal).',
      refs: [s003('L2130, L2178-2180', '§7, §16')],
    },
    {
      topic: 'The *.xls notification',
      readings: [
        'Regulation §9 window 2: the portal request carries the notification in *.xls format.',
        'S6 §11(2): on paper, a CD or flash memory carries the electronic data file in the format of Annex 1 to the Regulation, described in the cover letter.',
      ],
      chosen:
        'Requirement notification_xls (portal), which also answers the paper carrier requirement (satisfiedBy). Schema gap: a document requirement cannot list the MIME types it accepts, and the engine accepts only PDF, images, XML and ZIP (ALLOWED_MIME), so an .xls upload is rejected today; the intended types are exported as NOTIFICATION_SPREADSHEET_MIME. Importing the spreadsheet into structured data is a separate feature.',
      configurable: 'An `accept` (MIME list) on DocumentRequirement, checked by checkDocuments.',
      refs: [s001('L1480', '§9(2)'), s003('L2156', '§11(2)')],
    },
    {
      topic: 'Who may apply and in what form',
      readings: [
        'S6 §6: individuals and legal entities; no separate document lists by applicant kind; no application form annex (the notification form is the CUC one, published as software on the CUC site, §12).',
      ],
      chosen: 'All three applicant kinds (an entrepreneur is an individual) with the same documents; the fields are what the cover letter and the regulation\'s third window must state.',
      refs: [s003('L2118, L2152-2162', '§6, §11, §12'), s001('L1481-1482', '§9(3)')],
    },
    {
      topic: 'Hand-over of the result on paper',
      readings: ['S6 §15: at the Annex 1 addresses, to the applicant or an authorized person, or by post from the KNB office in Astana to the address in the cover letter; regulation §8(5): by hand or by post on the day of signing.'],
      chosen: 'Step dispatch (chancellery, same day), as for the other KNB services.',
      refs: [s003('L2170-2176', '§15'), s001(reg.dispatch, '§5(5), §8(5)')],
    },
    workingHoursInterpretation({ annex1: 'L2235-2259', workingHours: 'L2212' }),
    deskInterpretation({ desk: 'L2124-2126', acceptance: 'L2166-2168', complaints: 'L2230', talon: 'L2261-2277', info: 'L2106-2110', premises: 'L2142-2148' }),
    {
      topic: 'Offices of S6 and other source quirks',
      readings: [
        'S6 Annex 1 gives the same 16 subdivisions as the licences, with «Оң жағалау» added to the Astana address.',
        'S6 §25 mentions tracking an electronic application in the personal cabinet although S6 has no electronic channel; §4 names the CUC site www.tsouz.ru and the knb.kz article on cryptographic licensing.',
      ],
      chosen: 'The shared KNB provider (providers/knb.ts) is used unchanged; the §25 sentence is read as support for the regulation\'s portal channel.',
      refs: [s003('L2235-2259', 'Annex 1'), s003('L2106-2110, L2232', '§4, §25')],
    },
  ],
});

export default cryptoNotification;
