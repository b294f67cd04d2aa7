// «Выдача лицензии, переоформление, выдача дубликатов лицензии для занятия деятельностью по
// разработке, производству, ремонту и реализации специальных технических средств, предназначенных
// для проведения оперативно-розыскных мероприятий»: issue, re-issue, duplicate and annex of the KNB
// licence for special technical means (STS) intended for operational-search activities.
//
// Procedure (steps, roles, step terms): regulation 1 of KNB order No. 305 of 15.09.2014,
// seed 001 L75–L301 (§5 L128–L152, §8 L183–L215, §9 L221–L249, §10 L250–L277).
// Standard (overall terms, documents, fee, refusal grounds, offices, forms): standard 1 of
// Government decree No. 50 of 29.01.2013, seed 003 L29–L497 (§7 L71–L85, §8 L87–L93,
// §11 L116–L258, §16 L288–L299, Annex 1 L357–L382, Annex 2 L384–L457, Annex 3 L458–L476).
// The structure shared with the other two KNB licences is in shared/knb-licence.ts.
import { knbLicence, NOTARIZED } from './shared/knb-licence.ts';
import { s003, type DocumentInput } from './shared/knb-procedure.ts';

/** The qualification documents of §11 (decree No. 412), with the lines of the list they belong to. */
const qualification = (lines: { diploma: string; clearance: string; equipment: string; premises: string }, portal: { diploma: string; clearance: string; equipment: string; premises: string }): DocumentInput[] => [
  {
    id: 'specialist_diploma',
    name: {
      kk: 'Мәлімделген маманның жоғары техникалық білімі туралы дипломы',
      ru: 'Диплом заявленного специалиста о высшем техническом образовании',
      en: 'Diploma of higher technical education of the declared specialist',
    },
    ref: s003(lines.diploma, '§11(1)', `${NOTARIZED}. Portal: attached as an e-document (${portal.diploma}).`),
  },
  {
    id: 'secrets_clearance',
    name: {
      kk: 'Мәлімделген қызмет түрі бойынша мемлекеттік құпияларды құрайтын мәліметтермен жұмыс істеуге ұлттық қауіпсіздік органдары берген рұқсат',
      ru: 'Допуск органов национальной безопасности к работе со сведениями, составляющими государственные секреты, по заявленному виду деятельности',
      en: 'Clearance of the national security bodies to work with state secrets for the declared activity',
    },
    ref: s003(lines.clearance, '§11(1)', `${NOTARIZED}. Portal: attached as an e-document (${portal.clearance}).`),
  },
  {
    id: 'equipment_list',
    name: {
      kk: 'Қолда бар техникалық құралдардың және бақылау-өлшеу жабдықтарының ең аз қажетті тізбесі',
      ru: 'Минимально необходимый перечень имеющихся технических средств и контрольно-измерительного оборудования',
      en: 'Minimum necessary list of the technical means and control-and-measuring equipment held',
    },
    ref: s003(lines.equipment, '§11(1)', `Per Government decree No. 412 of 31.03.2012; a list, not a copy. Portal: attached as an e-document (${portal.equipment}).`),
  },
  {
    id: 'premises_title',
    name: {
      kk: 'Жеке меншік құқығында немесе өзге заңды негіздегі үй-жайдың болуын растайтын құқық беретін құжат',
      ru: 'Правоустанавливающий документ, подтверждающий наличие помещения на праве собственности или ином законном основании',
      en: 'Title document for premises held in ownership or on another lawful basis',
    },
    ref: s003(lines.premises, '§11(1)', `Per Government decree No. 412 of 31.03.2012. ${NOTARIZED}. Portal: attached as an e-document (${portal.premises}).`),
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
  ref: s003('L130', '§11(1)', 'Required for every STS licence (unlike S2, not limited to a subtype); the licensor sets the questions and holds the result. The annex lists (L150-162, L240-248) do not name it.'),
};

const [diploma, clearance, equipment, premises] = qualification(
  { diploma: 'L130', clearance: 'L132', equipment: 'L134-136', premises: 'L138' },
  { diploma: 'L214', clearance: 'L215-217', equipment: 'L219-223', premises: 'L225-227' },
);

export const stsLicence = knbLicence({
  id: 'sts-licence',
  name: {
    kk: 'Жедел-іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдарды әзірлеу, өндіру, жөндеу және өткізу жөніндегі қызметпен айналысу үшін лицензия беру, оны қайта ресімдеу, лицензияның телнұсқаларын беру',
    ru: 'Выдача лицензии, переоформление, выдача дубликатов лицензии для занятия деятельностью по разработке, производству, ремонту и реализации специальных технических средств, предназначенных для проведения оперативно-розыскных мероприятий',
    en: 'Issue, re-issue and duplicates of a licence for the development, production, repair and sale of special technical means intended for operational-search activities',
  },
  shortName: { kk: 'ЖІІ арнайы техникалық құралдар лицензиясы', ru: 'Лицензия на СТС для ОРМ', en: 'Special technical means (STS) licence' },
  result: {
    document: {
      kk: 'Жедел-іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдарды әзірлеу, өндіру, жөндеу және өткізу жөніндегі қызметпен айналысуға лицензия',
      ru: 'Лицензия на занятие деятельностью по разработке, производству, ремонту и реализации специальных технических средств, предназначенных для проведения оперативно-розыскных мероприятий',
      en: 'Licence for the development, production, repair and sale of special technical means intended for operational-search activities',
    },
    numberPrefix: 'KNB-STS',
  },
  regulation: {
    appendix: 1,
    lines: 'L75-301',
    p1: 'L91-106',
    reception: 'L103-106',
    p2: 'L107-108',
    p3: 'L109-115',
    p5: 'L128-152',
    p8: 'L183-215',
    p10: 'L250-277',
    p6: 'L153-171',
    p6_5: 'L168-171',
    p7: 'L177-182',
    p9: 'L221-249',
    register: 'L130, L185-188, L252-254',
    assign: 'L131-132, L189-190, L255-257',
    dispatch: 'L151-152, L213-215',
    deliver: 'L151-152, L276-277',
    review: { issue: 'L137, L196, L262', incomplete: 'L137-141, L196-200, L262-266', reissue: 'L142, L201, L267', duplicate: 'L143, L202, L268' },
    sign: { issue: 'L146, L208, L271', incomplete: 'L146-148, L208-210, L271-273', reissue: 'L149, L211, L274', duplicate: 'L150, L212, L275' },
    portalFee: 'L237-240',
    portalQualificationForm: 'L241',
  },
  standard: {
    number: 1,
    lines: 'L29-497',
    heading: 'L29',
    p1: 'L33-41',
    basis: 'L45-55',
    qualificationDecree: 'L53-55',
    result: 'L65',
    paperCopy: 'L67',
    recipients: 'L69',
    terms: 'L71-85',
    termIssue: 'L73',
    termReissue: 'L75',
    termDuplicate: 'L77',
    desk: 'L79-83',
    completeness: 'L85',
    fee: 'L87-93',
    feeCodes: 'L89',
    feeGateway: 'L91',
    feeAnnexFree: 'L93',
    info: 'L57-63',
    schedule: 'L95-101',
    premises: 'L103-112',
    documents: 'L116',
    office: { application: 'L119', charter: 'L120', identityCard: 'L121', entrepreneur: 'L123', tax: 'L124', fee: 'L126', fetched: 'L140', originals: 'L142' },
    annexOffice: { intro: 'L144', application: 'L146', licence: 'L148', fetched: 'L164' },
    duplicate: { intro: 'L172', application: 'L174', fee: 'L176' },
    reissue: { intro: 'L178', application: 'L180', licence: 'L182', fee: 'L184', fetched: 'L186' },
    portalIssue: { request: 'L196', charter: 'L197-198', legalEntity: 'L200', identityCard: 'L201-202', entrepreneur: 'L204-205', tax: 'L206-207', gateway: 'L209', fetched: 'L229-234' },
    portalAnnex: { request: 'L238', licence: 'L240', fetched: 'L250' },
    portalReissue: { request: 'L252-254', licence: 'L254', gateway: 'L256', fetched: 'L258' },
    forms: 'L260-270',
    acceptance: 'L272-280',
    delivery: 'L282-286',
    grounds: ['L290', 'L292', 'L294', 'L295', 'L297'],
    handover: 'L299',
    workingHours: 'L329',
    complaints: 'L345-347',
    annex1: 'L357-382',
    formEntity: 'L389-424',
    formIndividual: 'L426-457',
    formBank: 'L406-408, L447-449',
    talon: 'L458-476',
  },
  qualificationDecree: {
    number: '412',
    date: '2012-03-31',
    act: {
      kk: '«Жедел іздестіру іс-шараларын жүргізуге арналған арнайы техникалық құралдар саласындағы қызмет түріне қойылатын біліктілік талаптарын бекіту туралы» Қазақстан Республикасы Үкіметінің қаулысы',
      ru: 'Постановление Правительства РК «Об утверждении квалификационных требований к виду деятельности в сфере специальных технических средств, предназначенных для проведения оперативно-розыскных мероприятий»',
      en: 'Government decree "On approval of qualification requirements for the activity in the field of special technical means intended for operational-search activities"',
    },
  },
  activity: {
    id: 'activity',
    type: 'textarea',
    ref: s003('L398, L434', 'Annex 2', '"(қызметтің түрі және (немесе) кіші түрі көрсетілсін)": a free blank on the form; the subtypes (development, production, repair, sale) are not enumerated as options in the seed.'),
    label: { kk: 'Қызметтің түрі және (немесе) кіші түрі', ru: 'Вид и (или) подвид деятельности', en: 'Type and/or subtype of activity' },
  },
  qualification: [diploma!, qualificationTest, clearance!, equipment!, premises!],
  annex: {
    qualification: qualification(
      { diploma: 'L152', clearance: 'L154', equipment: 'L156-160', premises: 'L162' },
      { diploma: 'L242', clearance: 'L244', equipment: 'L246', premises: 'L248' },
    ),
  },
  interpretations: [
    {
      topic: 'Type and/or subtype of activity',
      readings: [
        'Annex 2 leaves a blank "specify the type and/or subtype of activity"; the licence covers development, production, repair and sale, and an applicant may ask for several subtypes at once.',
        'A select of the four subtypes (as the crypto-licence does for its two). Rejected: a select holds one value, and the schema has no multi-select.',
      ],
      chosen: '`activity` is free text, as on the form. No document depends on the subtype (the qualification test applies to every STS licence).',
      configurable: 'A multi-select field type in the schema would make the subtypes structured.',
      refs: [s003('L398, L434', 'Annex 2'), s003('L29, L73', 'heading, §7')],
    },
    {
      topic: 'Qualification documents and the qualification test',
      readings: [
        '§11 (new licence): diploma of higher technical education (the declared specialist passes a qualification test at the licensor), state-secrets clearance, minimum list of technical means and control-and-measuring equipment, premises title (decree No. 412). The portal list repeats them as attached e-documents.',
        '§11 (annex): the same four documents, without mention of the test.',
      ],
      chosen:
        'Issue: specialist_diploma, qualification_test (obtainedByProvider: the licensor holds the result), secrets_clearance, equipment_list, premises_title on every channel; seed 001 §9(2) adds qualification_form on the portal. Annex: the four documents without the test.',
      refs: [s003('L128-138, L210-227', '§11 (issue)'), s003('L150-162, L240-248', '§11 (annex)')],
    },
    {
      topic: 'Misspellings of "operational-search" (source defect)',
      readings: ['The seed writes «Жедел-іздістіру» (heading, L29) and «Жедел-ізвестіру» (decree list, L15; §8, L87; annex headings) beside the correct «жедел іздестіру».'],
      chosen: 'The Kazakh name uses the correct spelling «Жедел-іздестіру»; the meaning is the same.',
      refs: [s003('L15, L29, L87', 'decree list, heading, §8')],
    },
    {
      topic: 'Approval stamp of S1 missing (source defect)',
      readings: ['The «… № 50 қаулысымен бекітілген» stamp that precedes S2–S6 is missing before S1: S1 follows operative §2 directly (L27–L29).'],
      chosen: 'S1 is standard 1 of decree No. 50 (the decree lists it first, L15).',
      refs: [s003('L13-29', 'operative §1–§2')],
    },
  ],
});

export default stsLicence;
