// «Выдача заключения (разрешительного документа) на ввоз на таможенную территорию Таможенного союза
// и вывоз с таможенной территории Таможенного союза специальных технических средств,
// предназначенных для негласного получения информации»: the KNB conclusion (permit document) for
// the import and export of special technical means (STS).
//
// Procedure (steps, roles, step terms, the sample pause): regulation 4 of KNB order No. 305 of
// 15.09.2014, seed 001 L750–L948 (§5 L803–L823, §8 L848–L872, §9 L878–L905, §10 L906–L926).
// Standard (overall term, documents, fee, refusal grounds, forms): standard 4 of Government decree
// No. 50 of 29.01.2013, seed 003 L1391–L1734 (§7 L1451–L1461, §11 L1487–L1521, §16 L1547–L1555,
// Annex 4 L1691–L1734). The structure shared with the encryption-means conclusion is built by
// `importExportConclusion` (shared/knb-conclusion.ts); this module passes what differs.
import { importExportConclusion, onPaper, s003, type ConclusionRefs } from './shared/knb-conclusion.ts';

const refs: ConclusionRefs = {
  rAppendix: 'L750-948',
  rTitle: 'L756-760',
  r1: 'L764-778',
  r1Channels: 'L779-782',
  r2: 'L783-784',
  r3: 'L785-792',
  r5_1: 'L805',
  r5_2: 'L806-807',
  r5_3: 'L808-814',
  r5Samples: 'L815-819',
  r5_4: 'L820-821',
  r5_5: 'L822-823',
  r6: 'L824-836',
  r7: 'L842-847',
  r8_1: 'L850-856',
  r8_2: 'L857-858',
  r8_3: 'L859-862',
  r8Samples: 'L863-867',
  r8_4: 'L868-869',
  r8_5: 'L870-872',
  r9: 'L878-905',
  r9Windows: 'L893-900',
  r10_1: 'L908-910',
  r10_2: 'L911-913',
  r10_3: 'L914-918',
  r10Samples: 'L919-922',
  r10_4: 'L923-924',
  r10Deliver: 'L925-926',
  sStandard: 'L1391-1734',
  sHeading: 'L1413',
  s1: 'L1417-1419',
  s3: 'L1429-1435',
  s5: 'L1445',
  s5Paper: 'L1447',
  s6: 'L1449',
  s7Total: 'L1453',
  s7Norms: 'L1455-1459',
  s7Completeness: 'L1461',
  s8: 'L1463',
  s9: 'L1465-1471',
  s11Application: 'L1491',
  s11Identity: 'L1493',
  s11Registration: 'L1495',
  s11Contract: 'L1497',
  s11TechDoc: 'L1501',
  s11Fetched: 'L1503',
  s11Originals: 'L1505-1507',
  s11PortalRequest: 'L1511',
  s11PortalContract: 'L1515',
  s11PortalTechDoc: 'L1519',
  s11PortalFetched: 'L1521',
  s13: 'L1529-1533',
  s14: 'L1535-1539',
  s15: 'L1541-1545',
  s16_1: 'L1549',
  s16_2: 'L1551',
  s16_3: 'L1553',
  s16_4: 'L1555',
  s21: 'L1585',
  sFootnote: 'L1609-1611',
  sAnnex1: 'L1613-1636',
  sAnnex4: 'L1691-1734',
  sAnnex4Basis: 'L1703-1711',
  sAnnex4Table: 'L1712-1719',
  sAnnex4Contract: 'L1723',
  sAnnex4TechDoc: 'L1729',
  sAnnex4Applicant: 'L1731-1732',
  sAnnex4Preparer: 'L1734',
};

const TEMPORARY_IMPORT = { fields: { temporaryImport: ['true'] } };

export const stsImportExport = importExportConclusion({
  id: 'sts-import-export',
  number: 4,
  name: {
    kk: 'Арнайы техникалық құралдарды әкелуге және әкетуге қорытынды (рұқсат беретін құжат) беру',
    ru: 'Выдача заключения (разрешительного документа) на ввоз на таможенную территорию Таможенного союза и вывоз с таможенной территории Таможенного союза специальных технических средств, предназначенных для негласного получения информации',
    en: 'Issue of a conclusion (permit document) for the import into and export from the customs territory of the Customs Union of special technical means intended for covert acquisition of information',
  },
  shortName: { kk: 'АТҚ әкелу-әкету қорытындысы', ru: 'Заключение на ввоз/вывоз СТС', en: 'STS import/export conclusion' },
  refs,
  regulationParagraph: '7',
  cuRegulation: {
    kk: 'Арнайы техникалық құралдарды Кеден одағының кедендік аумағына әкелу және Кеден одағының кедендік аумағынан әкету тәртібі туралы ереже (Еуразия экономикалық қоғамдастығы Мемлекетаралық кеңесінің 2009 жылғы 27 қарашадағы № 19 шешімі), 7-тармақ',
    ru: 'Положение о порядке ввоза на таможенную территорию Таможенного союза и вывоза с таможенной территории Таможенного союза специальных технических средств (решение Межгосударственного совета ЕврАзЭС от 27 ноября 2009 года № 19), пункт 7',
    en: 'Regulation on the import into and export from the customs territory of the Customs Union of special technical means (EurAsEC Interstate Council decision No. 19 of 27 November 2009), paragraph 7',
  },
  samples: {
    kk: 'Арнайы техникалық құралдардың үлгілерін ұсыну',
    ru: 'Предоставление образцов специальных технических средств',
    en: 'Provide samples of the special technical means',
  },
  reviewAction: {
    kk: 'Өтінішті қарау, арнайы техникалық құралдардың үлгілерін ұсыну туралы хабарламаны (қажет болған жағдайда) және мемлекеттік қызмет көрсету нәтижесінің жобасын қалыптастыру',
    ru: 'Рассмотрение заявления, формирование уведомления о предоставлении образцов специальных технических средств (в случае необходимости) и проекта результата оказания государственной услуги',
    en: 'Review the application, form the notice requesting samples of the special technical means (if necessary) and draft the result',
  },
  technicalDocumentation: {
    kk: 'Арнайы техникалық құралдарға техникалық құжаттама',
    ru: 'Техническая документация на специальные технические средства',
    en: 'Technical documentation on the special technical means',
  },
  itemsTable: { kk: 'Арнайы техникалық құралдар туралы мәліметтер', ru: 'Сведения о специальных технических средствах', en: 'Special technical means' },
  thirdCountryGround: {
    kk: 'Үшінші елдерде олардың кедендік аумағына арнайы техникалық құралдарды әкелуге шектеу бар',
    ru: 'В третьих странах существуют ограничения на ввоз специальных технических средств на их таможенную территорию',
    en: 'Third countries restrict the import of special technical means into their customs territory',
  },
  securityHarmGround: {
    kk: 'Кеден одағына қатысушы мемлекеттердің қауіпсіздігіне зиян келуі мүмкін, ол арнайы техникалық құралдарды және/немесе олардың құжаттамасын зерттеу (сынау, сараптау) нәтижелері бойынша анықталады',
    ru: 'Возможен ущерб безопасности государств — участников Таможенного союза, что определяется по результатам исследования (испытания, экспертизы) специальных технических средств и (или) их документации',
    en: 'Possible harm to the security of the Customs Union member states, determined from the results of research (testing, expert examination) of the special technical means and/or their documentation',
  },
  extraFields: [
    {
      id: 'temporaryImport',
      type: 'boolean',
      required: false,
      ref: s003('L1499, L1517, L1725-1728', '§11(1)д, §11(2)д, Annex 4', 'The licence for activity in the STS field is asked only for temporary import («уақытша әкелінген кезде»).'),
      label: { kk: 'Уақытша әкелу', ru: 'Временный ввоз', en: 'Temporary import' },
    },
    {
      id: 'licenceNumber',
      type: 'text',
      when: TEMPORARY_IMPORT,
      ref: s003('L1725-1728', 'Annex 4', 'Licence for activity in the field of circulation of STS, No. ___'),
      label: {
        kk: 'Арнайы техникалық құралдар айналымы саласындағы лицензияның нөмірі',
        ru: 'Номер лицензии на деятельность в сфере оборота специальных технических средств',
        en: 'Number of the licence for activity in the field of circulation of special technical means',
      },
    },
    {
      id: 'licenceDate',
      type: 'date',
      when: TEMPORARY_IMPORT,
      ref: s003('L1725-1728', 'Annex 4'),
      label: { kk: 'Лицензияның берілген күні', ru: 'Дата выдачи лицензии', en: 'Date of the licence' },
    },
    {
      id: 'licenceSheets',
      type: 'number',
      required: false,
      when: { ...TEMPORARY_IMPORT, ...onPaper },
      ref: s003('L1725-1728', 'Annex 4', 'Sheets of the paper copy.'),
      label: { kk: 'Лицензия көшірмесінің парақ саны', ru: 'Количество листов копии лицензии', en: 'Sheets of the licence copy' },
    },
  ],
  extraDocuments: [
    {
      id: 'sts_licence',
      when: TEMPORARY_IMPORT,
      obtainedByProvider: true,
      name: {
        kk: 'Арнайы техникалық құралдар айналымы саласында қызметті жүзеге асыруға арналған лицензияның мәліметтері (www.elicense.kz)',
        ru: 'Сведения о лицензии на осуществление деятельности в сфере оборота специальных технических средств (www.elicense.kz)',
        en: 'Details of the licence for activity in the field of circulation of special technical means (www.elicense.kz)',
      },
      ref: s003('L1499, L1503, L1517, L1521', '§11(1)д, §11(2)д', 'Temporary import only; the KNB obtains the licence data from state IS through the portal.'),
    },
    {
      id: 'sts_licence_copy',
      when: { ...TEMPORARY_IMPORT, ...onPaper },
      required: false,
      name: { kk: 'Лицензияның көшірмесі', ru: 'Копия лицензии', en: 'Copy of the licence' },
      ref: s003('L1499, L1725-1728', '§11(1)д, Annex 4', 'Temporary import, where the licence is not on www.elicense.kz («не лицензияның көшірмесі»).'),
    },
  ],
  result: {
    document: {
      kk: 'Арнайы техникалық құралдарды әкелуге және әкетуге қорытынды (рұқсат беретін құжат)',
      ru: 'Заключение (разрешительный документ) на ввоз на таможенную территорию Таможенного союза и вывоз с таможенной территории Таможенного союза специальных технических средств, предназначенных для негласного получения информации',
      en: 'Conclusion (permit document) for the import and export of special technical means intended for covert acquisition of information',
    },
    numberPrefix: 'KNB-STS',
  },
  extraInterpretations: [
    {
      topic: 'Licence only for temporary import',
      readings: [
        '§11(1)д: the details of the licence for activity in the STS field (if on www.elicense.kz) or a copy of the licence, for temporary import; §11(2)д on the portal; the KNB obtains д) from state IS (L1503, L1521).',
        'The Annex 4 form lists the licence copy among the attachments "for temporary import".',
      ],
      chosen:
        'A boolean field temporaryImport (not required; absent means not temporary). When true: licence number and date are asked, sts_licence is obtained by the KNB, and on paper a licence copy may be attached (required: false) for a licence not on www.elicense.kz.',
      refs: [s003('L1499, L1503, L1517, L1521, L1725-1728', '§11, Annex 4')],
    },
  ],
});

export default stsImportExport;
