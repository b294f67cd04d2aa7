// «Выдача лицензии, переоформление, выдача дубликатов лицензии на оказание услуг по выявлению
// технических каналов утечки информации и специальных технических средств, предназначенных для
// проведения оперативно-розыскных мероприятий»: issue, re-issue, duplicate and annex of the KNB
// licence for services detecting technical channels of information leakage and special technical
// means.
//
// Procedure (steps, roles, step terms): regulation 3 of KNB order No. 305 of 15.09.2014,
// seed 001 L522–L749 (§5 L574–L601, §8 L632–L661, §9 L669–L694, §10 L695–L725).
// Standard (overall terms, documents, fee, refusal grounds, offices, forms): standard 3 of
// Government decree No. 50 of 29.01.2013, seed 003 L936–L1389 (§7 L988–L1001, §8 L1003–L1009,
// §11 L1030–L1161, §16 L1191–L1203, Annex 1 L1259–L1284, Annex 2 L1286–L1349, Annex 3 L1351–L1369).
// The structure shared with the other two KNB licences is in shared/knb-licence.ts.
import { knbLicence, NOTARIZED } from './shared/knb-licence.ts';
import { s003, type DocumentInput } from './shared/knb-procedure.ts';

/** The qualification documents of §11 (decree No. 411), with the lines of the list they belong to. */
const qualification = (lines: { diploma: string; premises: string; searchList: string }, portal: { diploma: string; premises: string; searchList: string }): DocumentInput[] => [
  {
    id: 'specialist_diploma',
    name: {
      kk: 'Мәлімделген маманның жоғары не орта кәсіби техникалық білімі туралы дипломы',
      ru: 'Диплом заявленного специалиста о высшем либо среднем профессиональном техническом образовании',
      en: 'Diploma of higher or secondary vocational technical education of the declared specialist',
    },
    ref: s003(lines.diploma, '§11(1)', `${NOTARIZED}. Portal: attached as an e-document (${portal.diploma}).`),
  },
  {
    id: 'premises_title',
    name: {
      kk: 'Жеке меншік құқығында немесе өзге заңды негіздегі үй-жайдың болуын растайтын құқық беретін құжат',
      ru: 'Правоустанавливающий документ, подтверждающий наличие помещения на праве собственности или ином законном основании',
      en: 'Title document for premises held in ownership or on another lawful basis',
    },
    ref: s003(lines.premises, '§11(1)', `Per Government decree No. 411 of 31.03.2012. ${NOTARIZED}. Portal: attached as an e-document (${portal.premises}).`),
  },
  {
    id: 'search_equipment_list',
    name: {
      kk: 'Қажетті ең аз іздестіру техникалық құралдарының тізбесі',
      ru: 'Минимально необходимый перечень поисковых технических средств',
      en: 'Minimum necessary list of search technical means',
    },
    ref: s003(lines.searchList, '§11(1)', `Per Government decree No. 411 of 31.03.2012; a list, not a copy. Portal: attached as an e-document (${portal.searchList}).`),
  },
];

const qualificationTest: DocumentInput = {
  id: 'qualification_test',
  obtainedByProvider: true,
  name: {
    kk: 'Мәлімделген маманның лицензиарға біліктілік сынағын тапсыруы',
    ru: 'Сдача заявленным специалистом квалификационного испытания у лицензиара',
    en: 'Qualification test of the declared specialist at the licensor',
  },
  ref: s003('L1045-1047', '§11(1)', 'Required for every licence of this type; the licensor sets the questions and holds the result. The annex lists (L1063-1069, L1136-1147) do not name it.'),
};

const [diploma, premises, searchList] = qualification(
  { diploma: 'L1045-1047', premises: 'L1049', searchList: 'L1051' },
  { diploma: 'L1113-1114', premises: 'L1118-1120', searchList: 'L1116-1117' },
);

export const leakChannelsLicence = knbLicence({
  id: 'leak-channels-licence',
  name: {
    kk: 'Ақпарат таралып кететін техникалық арналарды және жедел-іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдарды анықтау бойынша қызмет көрсетуге лицензия беру, оны қайта ресімдеу, лицензияның телнұсқаларын беру',
    ru: 'Выдача лицензии, переоформление, выдача дубликатов лицензии на оказание услуг по выявлению технических каналов утечки информации и специальных технических средств, предназначенных для проведения оперативно-розыскных мероприятий',
    en: 'Issue, re-issue and duplicates of a licence for services detecting technical channels of information leakage and special technical means intended for operational-search activities',
  },
  shortName: { kk: 'Ақпарат таралу арналарын анықтау лицензиясы', ru: 'Лицензия на выявление каналов утечки информации', en: 'Leakage-channel detection licence' },
  result: {
    document: {
      kk: 'Ақпарат таралып кететін техникалық арналарды және жедел-іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдарды анықтау бойынша қызмет көрсетуге лицензия',
      ru: 'Лицензия на оказание услуг по выявлению технических каналов утечки информации и специальных технических средств, предназначенных для проведения оперативно-розыскных мероприятий',
      en: 'Licence for services detecting technical channels of information leakage and special technical means intended for operational-search activities',
    },
    numberPrefix: 'KNB-TCL',
  },
  regulation: {
    appendix: 3,
    lines: 'L522-749',
    p1: 'L536-554',
    reception: 'L551-554',
    p2: 'L555-556',
    p3: 'L557-563',
    p5: 'L574-601',
    p8: 'L632-661',
    p10: 'L695-725',
    p6: 'L602-617',
    p6_5: 'L614-617',
    p7: 'L623-631',
    p9: 'L669-694',
    register: 'L576, L634-637, L697-699',
    assign: 'L577-578, L638-639, L700-702',
    dispatch: 'L600-601, L659-661',
    deliver: 'L600-601, L724-725',
    review: { issue: 'L583, L645, L707', incomplete: 'L583-590, L645-649, L707-714', reissue: 'L591, L650, L715', duplicate: 'L592, L651, L716' },
    sign: { issue: 'L595, L654, L719', incomplete: 'L595-597, L654-656, L719-721', reissue: 'L598, L657, L722', duplicate: 'L599, L658, L723' },
    portalFee: 'L685-688',
    portalQualificationForm: 'L689',
  },
  standard: {
    number: 3,
    lines: 'L936-1389',
    heading: 'L946',
    p1: 'L950-958',
    basis: 'L962-972',
    qualificationDecree: 'L972',
    result: 'L982',
    paperCopy: 'L984',
    recipients: 'L986',
    terms: 'L988-1001',
    termIssue: 'L989',
    termReissue: 'L991-993',
    termDuplicate: 'L995',
    desk: 'L997-999',
    completeness: 'L1001',
    fee: 'L1003-1009',
    feeCodes: 'L1005',
    feeGateway: 'L1007',
    feeAnnexFree: 'L1009',
    info: 'L974-980',
    schedule: 'L1011-1018',
    premises: 'L1019-1026',
    documents: 'L1030',
    office: { application: 'L1033', charter: 'L1034', identityCard: 'L1035', entrepreneur: 'L1037', tax: 'L1039', fee: 'L1041', fetched: 'L1053', originals: 'L1055' },
    annexOffice: { intro: 'L1057', application: 'L1059', licence: 'L1061', fetched: 'L1071-1073' },
    duplicate: { intro: 'L1077', application: 'L1079', fee: 'L1081' },
    reissue: { intro: 'L1083', application: 'L1085', licence: 'L1087', fee: 'L1089', fetched: 'L1091' },
    portalIssue: { request: 'L1099', charter: 'L1099', legalEntity: 'L1101', identityCard: 'L1103', entrepreneur: 'L1104-1105', tax: 'L1106-1107', gateway: 'L1108', fetched: 'L1122-1127' },
    portalAnnex: { request: 'L1131-1132', licence: 'L1134-1135', fetched: 'L1149-1151' },
    portalReissue: { request: 'L1153-1155', licence: 'L1157', gateway: 'L1159', fetched: 'L1161' },
    forms: 'L1163-1171',
    acceptance: 'L1173-1183',
    delivery: 'L1185-1189',
    grounds: ['L1193', 'L1195', 'L1197', 'L1199', 'L1201'],
    handover: 'L1203',
    workingHours: 'L1233',
    complaints: 'L1249',
    annex1: 'L1259-1284',
    formEntity: 'L1286-1316',
    formIndividual: 'L1318-1349',
    formBank: 'L1302, L1338-1340',
    talon: 'L1351-1369',
  },
  qualificationDecree: {
    number: '411',
    date: '2012-03-31',
    act: {
      kk: '«Ақпарат таралып кететін техникалық арналарды және жедел-іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдарды анықтау бойынша қызмет көрсету жөніндегі қызмет түріне қойылатын біліктілік талаптарын бекіту туралы» Қазақстан Республикасы Үкіметінің қаулысы',
      ru: 'Постановление Правительства РК «Об утверждении квалификационных требований к виду деятельности по оказанию услуг по выявлению технических каналов утечки информации и специальных технических средств, предназначенных для проведения оперативно-розыскных мероприятий»',
      en: 'Government decree "On approval of qualification requirements for the activity of providing services detecting technical channels of information leakage and special technical means intended for operational-search activities"',
    },
  },
  activity: {
    id: 'activity',
    type: 'textarea',
    ref: s003('L1296, L1326', 'Annex 2', '"(қызметтің түрі және (немесе) кіші түрі көрсетілсін)": a free blank on the form; the subtypes are not enumerated in the seed.'),
    label: { kk: 'Қызметтің түрі және (немесе) кіші түрі', ru: 'Вид и (или) подвид деятельности', en: 'Type and/or subtype of activity' },
  },
  qualification: [diploma!, qualificationTest, premises!, searchList!],
  annex: {
    qualification: qualification(
      { diploma: 'L1065', premises: 'L1069', searchList: 'L1067' },
      { diploma: 'L1140-1141', premises: 'L1145-1147', searchList: 'L1143-1144' },
    ),
  },
  interpretations: [
    {
      topic: 'Type and/or subtype of activity',
      readings: [
        'Annex 2 leaves a blank "specify the type and/or subtype of activity"; the licence covers detection of technical leakage channels and of special technical means, and the seed names no list of subtypes.',
        'A select of the two objects of detection. Rejected: a select holds one value, and the schema has no multi-select.',
      ],
      chosen: '`activity` is free text, as on the form. No document depends on it.',
      configurable: 'A multi-select field type in the schema would make the subtypes structured.',
      refs: [s003('L1296, L1326', 'Annex 2'), s003('L946, L989', 'heading, §7')],
    },
    {
      topic: 'Qualification documents and the qualification test',
      readings: [
        '§11 (new licence): diploma of higher or secondary vocational technical education (the declared specialist passes a qualification test at the licensor), premises title and the minimum list of search technical means (decree No. 411). Unlike S1 there is no state-secrets clearance and the equipment list is of "search technical means".',
        '§11 (annex): the same three documents, without mention of the test.',
      ],
      chosen:
        'Issue: specialist_diploma, qualification_test (obtainedByProvider: the licensor holds the result), premises_title, search_equipment_list on every channel; seed 001 §9(2) adds qualification_form on the portal. Annex: the three documents without the test.',
      refs: [s003('L1043-1051, L1109-1120', '§11 (issue)'), s003('L1063-1069, L1136-1147', '§11 (annex)')],
    },
    {
      topic: 'Identity card on the portal',
      readings: ['The S3 portal list names "the ID card of a citizen" (L1103) where S1 says "a copy of the ID card"; both say the KNB obtains the ID data from state IS (L1122-1127).'],
      chosen: 'identity_card is obtainedByProvider on every channel, as in the other licences.',
      refs: [s003('L1103, L1122-1127', '§11(2)')],
    },
    {
      topic: 'Misspellings and garbled text (source defect)',
      readings: [
        'The seed writes «жедел-іздістіру» (heading, L946) and «жедел-ізвестіру» (L995, L1003) beside the correct «жедел іздестіру».',
        '§7 (L997) reads «мемлекеттік қызмет Қазақстан Республикасының алушыға …»: a garbled copy of the S1 sentence on the 20-minute service time.',
      ],
      chosen: 'The Kazakh name uses the correct spelling «жедел-іздестіру»; the desk times are read as in S1 (≤ 20 minutes each), and not encoded (no schema field).',
      refs: [s003('L946, L995, L997-999, L1003', 'heading, §7, §8')],
    },
  ],
});

export default leakChannelsLicence;
