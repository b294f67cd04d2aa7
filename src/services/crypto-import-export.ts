// «Выдача заключения (разрешительного документа) на ввоз на таможенную территорию Таможенного союза
// и вывоз с таможенной территории Таможенного союза шифровальных (криптографических) средств»: the
// KNB conclusion (permit document) for the import and export of encryption (cryptographic) means
// and goods containing them.
//
// Procedure (steps, roles, step terms, the sample pause): regulation 5 of KNB order No. 305 of
// 15.09.2014, seed 001 L949–L1144 (§5 L1000–L1020, §8 L1045–L1069, §9 L1075–L1102, §10
// L1103–L1123). Standard (overall term, documents, fee, refusal grounds, forms): standard 5 of
// Government decree No. 50 of 29.01.2013, seed 003 L1736–L2062 (§7 L1798–L1806, §11 L1832–L1862,
// §16 L1887–L1896, Annex 4 L2023–L2062). Built by `importExportConclusion`
// (shared/knb-conclusion.ts) from what differs from the STS conclusion.
import { importExportConclusion, s001, s003, type ConclusionRefs } from './shared/knb-conclusion.ts';

const refs: ConclusionRefs = {
  rAppendix: 'L949-1144',
  rTitle: 'L955-959',
  r1: 'L963-976',
  r1Channels: 'L977-980',
  r2: 'L981-982',
  r3: 'L983-989',
  r5_1: 'L1002',
  r5_2: 'L1003-1004',
  r5_3: 'L1005-1011',
  r5Samples: 'L1012-1016',
  r5_4: 'L1017-1018',
  r5_5: 'L1019-1020',
  r6: 'L1021-1033',
  r7: 'L1039-1044',
  r8_1: 'L1047-1053',
  r8_2: 'L1054-1055',
  r8_3: 'L1056-1059',
  r8Samples: 'L1060-1064',
  r8_4: 'L1065-1066',
  r8_5: 'L1067-1069',
  r9: 'L1075-1102',
  r9Windows: 'L1090-1097',
  r10_1: 'L1105-1107',
  r10_2: 'L1108-1110',
  r10_3: 'L1111-1115',
  r10Samples: 'L1116-1119',
  r10_4: 'L1120-1121',
  r10Deliver: 'L1122-1123',
  sStandard: 'L1736-2062',
  sHeading: 'L1758',
  s1: 'L1762-1764',
  s3: 'L1774-1782',
  s5: 'L1792',
  s5Paper: 'L1794',
  s6: 'L1796',
  s7Total: 'L1800',
  s7Norms: 'L1802-1804',
  s7Completeness: 'L1806',
  s8: 'L1808',
  s9: 'L1810-1816',
  s11Application: 'L1836',
  s11Identity: 'L1838',
  s11Registration: 'L1840',
  s11Contract: 'L1844',
  s11TechDoc: 'L1842',
  s11Fetched: 'L1846-1848',
  s11Originals: 'L1850',
  s11PortalRequest: 'L1854',
  s11PortalContract: 'L1858',
  s11PortalTechDoc: 'L1857',
  s11PortalFetched: 'L1862',
  s13: 'L1869-1871',
  s14: 'L1873-1879',
  s15: 'L1881-1885',
  s16_1: 'L1890',
  s16_2: 'L1892',
  s16_3: 'L1894',
  s16_4: 'L1896',
  s21: 'L1929',
  sFootnote: 'L1951-1953',
  sAnnex1: 'L1955-1977',
  sAnnex4: 'L2023-2062',
  sAnnex4Basis: 'L2033-2041',
  sAnnex4Table: 'L2043-2050',
  sAnnex4Contract: 'L2057',
  sAnnex4TechDoc: 'L2056',
  sAnnex4Applicant: 'L2059-2060',
  sAnnex4Preparer: 'L2062',
};

const OWN_NEEDS = { fields: { importForOwnNeeds: ['true'] } };

export const cryptoImportExport = importExportConclusion({
  id: 'crypto-import-export',
  number: 5,
  name: {
    kk: 'Шифрлау (криптографиялық) құралдары бар тауарларды әкелуге немесе әкетуге қорытынды (рұқсат беретін құжат) беру',
    ru: 'Выдача заключения (разрешительного документа) на ввоз на таможенную территорию Таможенного союза и вывоз с таможенной территории Таможенного союза шифровальных (криптографических) средств',
    en: 'Issue of a conclusion (permit document) for the import into and export from the customs territory of the Customs Union of encryption (cryptographic) means',
  },
  shortName: { kk: 'Шифрлау құралдарын әкелу-әкету қорытындысы', ru: 'Заключение на ввоз/вывоз шифровальных средств', en: 'Encryption means import/export conclusion' },
  refs,
  regulationParagraph: '8',
  cuRegulation: {
    kk: 'Кеден одағының кедендік аумағына әкелу және Кеден одағының кедендік аумағынан әкету тәртібі туралы ереже (Еуразия экономикалық қоғамдастығы Мемлекетаралық кеңесінің 2009 жылғы 27 қарашадағы № 19 шешімі), 8-тармақ',
    ru: 'Положение о порядке ввоза на таможенную территорию Таможенного союза и вывоза с таможенной территории Таможенного союза (решение Межгосударственного совета ЕврАзЭС от 27 ноября 2009 года № 19), пункт 8',
    en: 'Regulation on the procedure for import into and export from the customs territory of the Customs Union (EurAsEC Interstate Council decision No. 19 of 27 November 2009), paragraph 8',
  },
  samples: {
    kk: 'Шифрлау құралының үлгілерін ұсыну',
    ru: 'Предоставление образцов шифровального средства',
    en: 'Provide samples of the encryption means',
  },
  reviewAction: {
    kk: 'Өтінішті қарау, шифрлау құралының үлгілерін ұсыну туралы хабарламаны (қажет болған жағдайда) және мемлекеттік қызмет көрсету нәтижесінің жобасын қалыптастыру',
    ru: 'Рассмотрение заявления, формирование уведомления о предоставлении образцов шифровального средства (в случае необходимости) и проекта результата оказания государственной услуги',
    en: 'Review the application, form the notice requesting samples of the encryption means (if necessary) and draft the result',
  },
  technicalDocumentation: {
    kk: 'Ақпаратты криптографиялық қорғау құралдарына техникалық құжаттама',
    ru: 'Техническая документация на средства криптографической защиты информации',
    en: 'Technical documentation on the cryptographic information protection means',
  },
  itemsTable: {
    kk: 'Шифрлау (криптографиялық) құралдары бар тауарлар туралы мәліметтер',
    ru: 'Сведения о товарах, содержащих шифровальные (криптографические) средства',
    en: 'Goods containing encryption (cryptographic) means',
  },
  thirdCountryGround: {
    kk: 'Үшінші елдерде олардың кедендік аумағына тауарларды әкелуге шектеу бар',
    ru: 'В третьих странах существуют ограничения на ввоз товаров на их таможенную территорию',
    en: 'Third countries restrict the import of the goods into their customs territory',
  },
  securityHarmGround: {
    kk: 'Кеден одағына қатысушы мемлекеттердің қауіпсіздігіне зиян келуі мүмкін, ол шифрлау (криптографиялық) құралдарды қамтитын тауарларды және/немесе олардың құжаттамасын зерттеу (сынау, сараптау) нәтижелері бойынша анықталады',
    ru: 'Возможен ущерб безопасности государств — участников Таможенного союза, что определяется по результатам исследования (испытания, экспертизы) товаров, содержащих шифровальные (криптографические) средства, и (или) их документации',
    en: 'Possible harm to the security of the Customs Union member states, determined from the results of research (testing, expert examination) of the goods containing encryption means and/or their documentation',
  },
  extraFields: [
    {
      id: 'importForOwnNeeds',
      type: 'boolean',
      required: false,
      ref: s003('L1844, L1860, L2052', '§11(1)д, §11(2), Annex 4', 'Import of encryption means by organizations for their own needs.'),
      label: { kk: 'Шифрлау құралдарын өз мұқтаждықтарын қамтамасыз ету үшін әкелу', ru: 'Ввоз шифровальных средств для обеспечения собственных нужд', en: 'Import of encryption means for own needs' },
    },
    {
      id: 'researchConclusionDetails',
      type: 'text',
      when: OWN_NEEDS,
      ref: s003('L1844, L1860, L2052', '§11, Annex 4', 'Details (number and date) of the conclusion of the technical research on the encryption means.'),
      label: {
        kk: 'Шифрлау құралдарын техникалық зерттеу қорытындысының деректемелері',
        ru: 'Реквизиты заключения по техническому исследованию шифровальных средств',
        en: 'Details of the technical-research conclusion on the encryption means',
      },
    },
  ],
  extraDocuments: [
    {
      id: 'research_conclusion_copy',
      when: OWN_NEEDS,
      name: {
        kk: 'Шифрлау құралдарын техникалық зерттеу қорытындысының көшірмесі',
        ru: 'Копия заключения по техническому исследованию шифровальных средств',
        en: 'Copy of the technical-research conclusion on the encryption means',
      },
      ref: s003(
        'L1844, L1860',
        '§11(1)д, §11(2)',
        'Portal: a scanned copy made on scanning equipment in monochrome at not less than 300 dpi, attached to the request and signed with the applicant\'s EDS. The conclusion is the result of the technical-research service (technical-research).',
      ),
    },
  ],
  result: {
    document: {
      kk: 'Шифрлау (криптографиялық) құралдары бар тауарларды әкелуге және әкетуге қорытынды (рұқсат беретін құжат)',
      ru: 'Заключение (разрешительный документ) на ввоз на таможенную территорию Таможенного союза и вывоз с таможенной территории Таможенного союза шифровальных (криптографических) средств',
      en: 'Conclusion (permit document) for the import and export of encryption (cryptographic) means',
    },
    numberPrefix: 'KNB-CRYPTO',
  },
  extraInterpretations: [
    {
      topic: 'Import for own needs: the technical-research conclusion',
      readings: [
        '§11(1)д and §11(2): when encryption means are imported for own needs, the application states the details of the technical-research conclusion and a copy (portal: a monochrome scan of at least 300 dpi signed with EDS) is attached. Annex 4 has the field "details of the technical-research conclusion, where organizations import encryption means for their own needs".',
        'Unlike the STS conclusion, no licence is asked in any case.',
      ],
      chosen: 'A boolean field importForOwnNeeds (not required); when true the field researchConclusionDetails and the document research_conclusion_copy are required on every channel.',
      refs: [s003('L1844, L1860, L2052', '§11, Annex 4')],
    },
    {
      topic: 'Object: encryption means or goods containing them',
      readings: [
        'Regulation 5 (seed 001): "encryption (cryptographic) means"; samples are "samples of the encryption means".',
        'Standard 5 (seed 003): "goods containing encryption (cryptographic) means"; the technical documentation is "on cryptographic information protection means" (§11(1)г).',
      ],
      chosen: 'One service for both: the Annex 4 table declares goods containing encryption means, the documents keep the standard\'s wording, the steps the regulation\'s.',
      refs: [s001('L955-959, L1005-1011', 'title, §5(3)'), s003('L1758, L1842, L2043', 'heading, §11(1)г, Annex 4')],
    },
  ],
});

export default cryptoImportExport;
