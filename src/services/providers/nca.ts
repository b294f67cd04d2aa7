// The provider of the NCA registration-certificate service in seed 004 (MTC order No. 839 of
// 29.11.2012): the RSE on the right of economic management «Телекоммуникация саласындағы
// техникалық сүйемелдеу және талдау» of the Ministry of Transport and Communications, which
// runs the National Certification Centre (ҚР ҰКО), and the channels through which p.1 has the
// service given: the provider itself, the public service centres (ХҚКО) and, online, the
// e-government portal www.egov.kz and the internet resource www.pki.gov.kz.
//
// Sources (seed 004, Kazakh text):
// - provider and channels: p.1, L53–L61;
// - the NCA operator is «ХҚКО қызметкері немесе Қызмет беруші» (p.5(15), L128–L130): the counter
//   work of the flows at a PSC or at the provider is done by NCA operators;
// - working hours: NOT IN THE SEED. Neither the order nor the regulation states a schedule (it is
//   in Standard No. 1241 of 25.09.2012, whose text is not in the seeds); the frame below is a
//   documented choice;
// - offices: no address of the provider and no PSC address is given, so there are no Office
//   entries; PSCs are a channel (`psc`), not offices of the provider.
import { Provider, type Channel, type SourceRef } from '../../core/regulation.ts';

/** Where each figure comes from (the Provider schema has no `ref` of its own). */
export const ncaRefs = {
  provider: { seed: '004', lines: 'L53-61', paragraph: 'p.1' },
  channels: {
    seed: '004',
    lines: 'L53-61',
    paragraph: 'p.1',
    note: '«қызмет көрсетуші … және Халыққа қызмет көрсету орталықтары (бұдан әрі - ХҚКО) арқылы, сондай-ақ … ЭҮП немесе www.pki.gov.kz интернет ресурсы … арқылы көрсетеді». The schema has one online channel: both the EGP and pki.gov.kz are `portal`.',
  },
  workingHours: {
    seed: '004',
    lines: 'L62-66',
    paragraph: 'p.2',
    note:
      'NOT IN THE SEED: the regulation refers to the Standard (Government decree No. 1241 of 25.09.2012) for everything not in it, and its text is not in the seeds. ' +
      'Chosen: Monday–Friday 09:00–18:30 with a lunch break 13:00–14:30, weekends and holidays off: the usual schedule of a state body (8 working hours a day, the 40-hour week of the Labour Code), the same frame the catalog uses for the other seeds without a schedule. ' +
      'Configurable: replace once the Standard No. 1241 text is available.',
  },
  operator: { seed: '004', lines: 'L128-130', paragraph: 'p.5(15)' },
} satisfies Record<string, SourceRef>;

/** The channels of p.1 as the flows use them. */
export const ncaChannels = {
  /** Scenarios I–III (p.6–p.8): the EGP or the internet resource www.pki.gov.kz. */
  online: ['portal'],
  /** Scenarios IV–V (p.9–p.10): at a PSC or at the provider, with an NCA operator. */
  counter: ['psc', 'provider_office'],
  /** p.15(1): the PSC's official letter to the provider. */
  letter: ['provider_office'],
} as const satisfies Record<string, readonly Channel[]>;

export const nca: Provider = Provider.parse({
  id: 'nca',
  name: {
    kk: 'Қазақстан Республикасы Көлік және коммуникация министрлігінің «Телекоммуникация саласындағы техникалық сүйемелдеу және талдау» шаруашылық жүргізу құқығындағы республикалық мемлекеттік кәсіпорны (ҚР Ұлттық куәландырушы орталығы)',
    ru: 'Республиканское государственное предприятие на праве хозяйственного ведения «Техническое сопровождение и анализ в сфере телекоммуникаций» Министерства транспорта и коммуникаций Республики Казахстан (Национальный удостоверяющий центр РК)',
    en: 'Republican State Enterprise on the right of economic management "Technical Support and Analysis in Telecommunications" of the Ministry of Transport and Communications of the Republic of Kazakhstan (National Certification Centre)',
  },
  // See ncaRefs.workingHours: a documented choice, not a figure of the seed.
  workingHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:30', break: { from: '13:00', to: '14:30' } },
  offices: [],
});

export default nca;
