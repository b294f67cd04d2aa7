// The authorized body for informatization as a service provider, and its subordinate enterprise.
// Shared by every seed-002 service in the catalog (deposit, registration in the state register,
// cash-register computer-system conclusions, attestation).
//
// Sources (seed 002 = order of the acting Minister for Investments and Development No. 877 of
// 24.08.2015, Kazakh text):
// - the Committee of Communications, Informatization and Information of the MID (KSII) provides
//   Annex 2 (L255-263), Annex 3 (L462-466) and, with the Enterprise, Annex 5 (L786-799); its
//   chairman T.B. Kazangap is charged with the order's registration and publication (L61-62);
// - the RSE on the right of economic management "State Technical Service" of that Committee (the
//   Enterprise) provides Annex 1 (L108-114), executes part of Annex 2 (L305-308, L311-323) and
//   co-provides Annex 5 (L795-799);
// - neither the order nor its annexes state working hours or addresses: applications are received
//   and results issued "by the provider's office (кеңсе)" (L115-116, L264-265) or by the provider
//   and the e-government portal (L467-470). The working hours below are a documented choice.
import { Provider, type SourceRef } from '../../core/regulation.ts';

/** Where each figure comes from (the Provider schema has no `ref` of its own). */
export const informatizationRefs = {
  committee: {
    seed: '002',
    lines: 'L61-62, L255-263, L462-466, L786-799',
    paragraph: 'order §3; Annex 2 §1; Annex 3 §1; Annex 5 §1',
    note: 'Инвестициялар және даму министрлігінің Байланыс, ақпараттандыру және ақпарат комитеті: provider of Annexes 2, 3 and 5.',
  },
  enterprise: {
    seed: '002',
    lines: 'L108-114, L305-308, L795-799',
    paragraph: 'Annex 1 §1; Annex 2 §5(3); Annex 5 §1',
    note: '«Мемлекеттік техникалық қызмет» ШЖҚ РМК: provider of Annex 1, executor of the State Register entry in Annex 2, co-provider of Annex 5.',
  },
  workingHours: {
    seed: '002',
    lines: 'L115-116, L264-265, L467-470',
    paragraph: 'Annex 1 §1; Annex 2 §1; Annex 3 §1',
    note:
      'NOT IN THE SEED: order No. 877 gives no schedule (the standards of order No. 476 of 21.04.2015, which would, are not in the seeds). ' +
      'Chosen: Monday–Friday 09:00–18:30 with a lunch break 13:00–14:30, weekends and holidays off — the usual schedule of central state bodies (8 working hours a day, 40-hour week of the Labour Code). ' +
      'Configurable: replace once the standard text (order No. 476, adilet V1500011350) is available.',
  },
  offices: {
    seed: '002',
    lines: 'L115-116, L264-265',
    paragraph: 'Annex 1 §1; Annex 2 §1',
    note: 'Applications are received by the provider\'s office (кеңсе); no address, phone or reception hours are given, so no Office entries.',
  },
} satisfies Record<string, SourceRef>;

/** The documented choice (see informatizationRefs.workingHours); shared so both bodies keep the same frame. */
const workingHours = { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } };

/** The Committee of Communications, Informatization and Information of the MID: the authorized body. */
export const informatization: Provider = Provider.parse({
  id: 'informatization',
  name: {
    kk: 'Қазақстан Республикасы Инвестициялар және даму министрлігінің Байланыс, ақпараттандыру және ақпарат комитеті',
    ru: 'Комитет связи, информатизации и информации Министерства по инвестициям и развитию Республики Казахстан',
    en: 'Committee of Communications, Informatization and Information of the Ministry for Investments and Development of the Republic of Kazakhstan',
  },
  workingHours,
  offices: [],
});

/** The RSE "State Technical Service" of the Committee (the Enterprise): provider of the deposit service. */
export const stateTechnicalService: Provider = Provider.parse({
  id: 'state-technical-service',
  name: {
    kk: 'Қазақстан Республикасы Инвестициялар және даму министрлігі Байланыс, ақпараттандыру және ақпарат комитетінің «Мемлекеттік техникалық қызмет» шаруашылық жүргізу құқығындағы республикалық мемлекеттік кәсіпорны',
    ru: 'Республиканское государственное предприятие на праве хозяйственного ведения «Государственная техническая служба» Комитета связи, информатизации и информации Министерства по инвестициям и развитию Республики Казахстан',
    en: 'Republican State Enterprise on the right of economic management "State Technical Service" of the Committee of Communications, Informatization and Information of the Ministry for Investments and Development',
  },
  workingHours,
  offices: [],
});

export default informatization;
