// Reasons for a reasoned refusal (дәлелді бас тарту) in seed 004. The regulation has no list of
// grounds: each check of its flows (1-шарт, 2-шарт, 3-шарт) has exactly one refusal process, and
// the process says why. These are those reasons, one per kind of check.
import type { ServiceDefinitionInput } from '../../core/regulation.ts';
import { s004 } from './nca-refs.ts';

type GroundInput = ServiceDefinitionInput['refusalGrounds'][number];

export const NCA_GROUNDS = {
  noStateDatabaseData: 'no_state_database_data',
  documentsOrIdentification: 'documents_or_identification_violations',
  identification: 'identification_violations',
  operatorCertifiedRequest: 'operator_certified_request_violations',
  applicantSignedRequest: 'applicant_signed_request_violations',
  routedRequest: 'routed_request_violations',
} as const;

export const ncaRefusalGrounds: GroundInput[] = [
  {
    id: NCA_GROUNDS.noStateDatabaseData,
    text: {
      kk: 'ЖТ МДҚ/ЗТ МДҚ алушы деректерінің болмауына байланысты деректерді алу мүмкінсіздігі',
      ru: 'Невозможность получения данных в связи с отсутствием данных получателя в ГБД ФЛ/ГБД ЮЛ',
      en: "The data cannot be obtained: the recipient's data are absent from the state databases of individuals / legal entities",
    },
    ref: s004('L146-147, L182-183, L226-228', 'p.6(3), p.7(3), p.9(5); Annex 3 Table 1 row 3, Table 2 row 3, Table 4 row 6'),
  },
  {
    id: NCA_GROUNDS.documentsOrIdentification,
    text: {
      kk: 'Стандарттың 11-тармағына сәйкес берілген құжаттарда және (немесе) алушының жеке басын сәйкестендіруде бұзушылықтардың болуы',
      ru: 'Нарушения в документах, представленных по пункту 11 Стандарта, и (или) при идентификации личности получателя',
      en: "Violations in the documents submitted under point 11 of the Standard and/or in the identification of the recipient",
    },
    ref: s004('L153-157, L247-254', 'p.6 condition 2 and process 7; p.10 condition 1 and process 2; Annex 3 Table 1 row 7, Table 5 row 3'),
  },
  {
    id: NCA_GROUNDS.identification,
    text: {
      kk: 'ҚР ҰКО операторының алушыны сәйкестендіруінде бұзушылықтардың болуы',
      ru: 'Нарушения при идентификации получателя оператором НУЦ РК',
      en: 'Violations found when the NCA operator identifies the recipient',
    },
    ref: s004('L218-220', 'p.9 condition 1 and process 2; Annex 3 Table 4 row 3'),
  },
  {
    id: NCA_GROUNDS.operatorCertifiedRequest,
    text: {
      kk: 'ҚР ҰКО операторының ЭЦҚ-мен куәландырылған алушының электрондық сұрау салуында бұзушылықтардың болуы',
      ru: 'Нарушения в электронном запросе получателя, удостоверенном ЭЦП оператора НУЦ РК',
      en: "Violations in the recipient's electronic request certified with the NCA operator's EDS",
    },
    ref: s004('L162-168, L189-192, L235-238, L260-263', 'p.6 condition 3, p.7 condition 2, p.9 condition 3, p.10 condition 2; Annex 3 Table 1 row 10, Table 2 row 7, Table 4 row 11, Table 5 row 8'),
  },
  {
    id: NCA_GROUNDS.applicantSignedRequest,
    text: {
      kk: 'Алушының өз ЭЦҚ-мен қол қойылған электрондық сұрау салуында бұзушылықтардың болуы',
      ru: 'Нарушения в электронном запросе, подписанном ЭЦП самого получателя',
      en: "Violations in the electronic request signed with the recipient's own EDS",
    },
    ref: s004('L199-206', 'p.8 process 1, condition 1 and process 2; Annex 3 Table 3 row 3'),
  },
  {
    id: NCA_GROUNDS.routedRequest,
    text: {
      kk: 'ҚР ҰКО операторы қалыптастырған сұрау салуда бұзушылықтардың болуы (ҚР ҰКО АЖ бас тартуы)',
      ru: 'Нарушения в запросе, сформированном оператором НУЦ РК (отказ ИС НУЦ РК)',
      en: 'Violations in the request formed by the NCA operator (refusal by the NCA IS)',
    },
    ref: s004('L1030-1035, L1059-1064, L1079-1083', 'Annex 3 Table 5 rows 4-5', 'Only Table 5 has this branch; its printed targets «4/5» are read as 5/6 (see interpretations).'),
  },
];
