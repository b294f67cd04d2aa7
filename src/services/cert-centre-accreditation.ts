// «Куәландыру орталықтарын аккредиттеу»: accreditation of certification centres.
//
// Annex 4 of order No. 877 of 24.08.2015 (seed 002 L748-764). Its sub-paragraph 4) of paragraph 1
// and the annex itself were repealed by order No. 224/НҚ of 01.06.2020 of the Minister of Digital
// Development, Innovations and Aerospace Industry, in force 10 calendar days after its first
// official publication (L31-33, L42-45, L762-764). The body of the regulation is absent from the
// text: only its title survives (L759-760). The entry is kept for its legal history only: no
// sub-cases, no result, status "repealed", never offered by the catalog.
import { defineService } from '../core/regulation.ts';
import { informatization } from './providers/informatization.ts';
import { effectiveInterpretation, lawOnStateServices, order877Source, ORDER_877_IN_FORCE, REPEALED_BY_120, REPEALED_BY_224, ROLE, s002 } from './shared/informatization-order-877.ts';

/** The earliest day the repeal can have taken effect: signed 01.06.2020, published that day at the earliest, plus 10 calendar days. */
export const ANNEX_4_REPEALED_FROM = '2020-06-12';

const REPEAL_224 = s002('L31-33, L42-45, L762-764', 'order §1(4); note to §1; Annex 4', 'Күші жойылды – ҚР Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрінің 01.06.2020 № 224/НҚ (алғаш ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) бұйрығымен.');

export const certCentreAccreditation = defineService({
  id: 'cert-centre-accreditation',
  version: ORDER_877_IN_FORCE,
  name: {
    kk: 'Куәландыру орталықтарын аккредиттеу',
    ru: 'Аккредитация удостоверяющих центров',
    en: 'Accreditation of certification centres',
  },
  shortName: { kk: 'КО аккредиттеу', ru: 'Аккредитация УЦ', en: 'Certification centre accreditation' },
  status: 'repealed',
  effective: { from: ORDER_877_IN_FORCE, to: ANNEX_4_REPEALED_FROM },
  sources: [
    order877Source(4, 'L31-33, L42-45, L748-764', {
      repealedBy: `${REPEALED_BY_224}; the order as a whole: ${REPEALED_BY_120}`,
      note: 'Annex 4 ("Куәландыру орталықтарын аккредиттеу" мемлекеттік көрсетілетін қызмет регламенті). In force with the order, 21 calendar days after its first official publication (§5, L79-80; 31.10.2015 per the extraction\'s external note). Its body is absent from the seed; only the title and the repeal note survive (L759-764).',
    }),
    {
      act: {
        kk: 'Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрінің бұйрығы (№ 877 бұйрықтың 1-тармағының 4) тармақшасы мен 4-қосымшасының күшін жою)',
        ru: 'Приказ Министра цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан (признание утратившими силу подпункта 4) пункта 1 и приложения 4 к приказу № 877)',
        en: 'Order of the Minister of Digital Development, Innovations and Aerospace Industry (repealing sub-paragraph 4) of paragraph 1 and Annex 4 of order No. 877)',
      },
      number: '224/НҚ',
      date: '2020-06-01',
      effectiveFrom: ANNEX_4_REPEALED_FROM,
      ref: { ...REPEAL_224, note: `${REPEAL_224.note} Title and publication date not in the seed; effectiveFrom is the earliest possible day (see interpretations).` },
    },
    lawOnStateServices,
  ],
  provider: informatization,
  // The schema asks every entry for channels, applicant kinds and roles; Annex 4's text is absent,
  // so these are placeholders (see interpretations), not facts of the regulation.
  channels: ['provider_office'],
  applicantKinds: ['legal_entity'],
  roles: [ROLE.office],
  refusalGrounds: [],
  exhaustiveGrounds: true,
  subcases: [],
  interpretations: [
    {
      topic: 'Repealed entry without text',
      readings: [
        'Annex 4 was approved by order No. 877 (§1(4)) and repealed with that sub-paragraph by order No. 224/НҚ of 01.06.2020 (L31-33, L42-45, L762-764).',
        'Its body is absent from the seed: no provider, channel, applicant, step, term, document, fee, ground or result can be read (extraction §6: "Nothing to implement from this document").',
      ],
      chosen: 'status "repealed", no sub-cases, no result: the catalog keeps the entry for its legal history and never offers it.',
      refs: [REPEAL_224, s002('L759-760', 'Annex 4 title')],
    },
    {
      topic: 'effective.to: when the repeal took effect',
      readings: [
        'Order No. 224/НҚ takes effect 10 calendar days after its first official publication; the publication date is not in the seed.',
        'Signed 01.06.2020, it cannot have been published before that day, so the annex was in force until 11.06.2020 at the earliest.',
      ],
      chosen: `effective.to = ${ANNEX_4_REPEALED_FROM} (exclusive), the earliest possible day of the repeal.`,
      configurable: 'effective.to once the publication date of order No. 224/НҚ is confirmed (adilet.zan.kz).',
      refs: [REPEAL_224],
    },
    effectiveInterpretation,
    {
      topic: 'Placeholders the schema requires',
      readings: [
        'The schema requires at least one channel, applicant kind and role even for a repealed entry with no sub-cases.',
        'The annex text that would give them is absent.',
      ],
      chosen:
        'provider = the Committee (order No. 877 is its order, §3 L61-62); channel provider_office and the office role (as in the order\'s other paper regulations); applicant kind legal_entity (a certification centre is a legal entity under the Law on electronic documents and EDS — not in the seed). None of these is a fact of Annex 4. SCHEMA GAP: a repealed entry should be allowed empty channels, applicantKinds and roles.',
      refs: [s002('L61-62', 'order §3'), s002('L748-764', 'Annex 4')],
    },
  ],
});

export default certCentreAccreditation;
