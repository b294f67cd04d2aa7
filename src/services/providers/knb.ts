// The National Security Committee of the Republic of Kazakhstan (KNB) as a service provider:
// its staff working schedule and its 16 subdivisions that accept documents. Shared by every
// KNB service in the catalog.
//
// Sources (seed 003 = Government decree No. 50 of 29.01.2013, Kazakh text):
// - headquarters: standard S2 §1, seed 003 L529 (the same in S1 L35 and S3–S6);
// - staff working schedule: §21, seed 003 L750 ("жұмыс күндері сағат 9.00-ден бастап 19.00-ге
//   дейін (түскі үзіліс сағат 13.00-ден 15.00-ге дейін)"), repeated in every standard (L329, L750,
//   L1233, L1585, L1929, L2212);
// - offices: Annex 1 of S2, seed 003 L776–L806 (identical data in S1 L357–L382, S3 L1259–L1284,
//   S6 L2235–L2259 and the other standards); every row: Mon–Fri 10:00–12:00, without break,
//   without prior booking.
import { Provider, type SourceRef } from '../../core/regulation.ts';

/** Where each KNB figure comes from (the Office schema has no `ref` of its own). */
export const knbRefs = {
  headquarters: { seed: '003', lines: 'L529', paragraph: 'S2 §1' },
  workingHours: {
    seed: '003',
    lines: 'L750',
    paragraph: 'S2 §21',
    note: 'Working days 9:00–19:00, lunch 13:00–15:00, weekends and holidays off. The only KNB staff schedule in the seeds; 9:00–18:30 appears in neither seed 001 nor seed 003.',
  },
  offices: {
    seed: '003',
    lines: 'L776-806',
    paragraph: 'S2 Annex 1',
    note: 'Reception Mon–Fri 10:00–12:00, without break, without prior booking; Saturday, Sunday and holidays off (every row).',
  },
  /** The same 16 rows in the Annex 1 of the other standards (S5 and S6 add «Оң жағалау» to the Astana address). */
  officesS1: { seed: '003', lines: 'L357-382', paragraph: 'S1 Annex 1' },
  officesS3: { seed: '003', lines: 'L1259-1284', paragraph: 'S3 Annex 1' },
  officesS6: { seed: '003', lines: 'L2235-2259', paragraph: 'S6 Annex 1', note: 'Astana row: «Астана қаласы, Оң жағалау, Т.Бигелдинов көшесі, 76-үй».' },
} satisfies Record<string, SourceRef>;

/** The KNB head office (not an Office of the schema: it is the address of the authorized body). */
export const knbHeadquarters = {
  address: {
    kk: '010011, Астана қаласы, Т. Бигелдинов көшесі, 76-үй',
    ru: '010011, г. Астана, ул. Т. Бигельдинова, д. 76',
    en: '76 T. Bigeldinov St., Astana 010011',
  },
  web: 'www.knb.kz',
  phones: '8 (7172) 76-42-51, 76-42-52, 76-42-53, 76-42-54, 76-42-55',
  fax: '8 (7172) 76-42-32',
  trustLine: '8 (7172) 76-42-07',
  ref: knbRefs.headquarters,
} as const;

/** Annex 1: applicants are received Monday to Friday, 10:00–12:00, without a break. */
const reception = { days: [1, 2, 3, 4, 5], open: '10:00', close: '12:00' };

const office = (
  id: string,
  name: { kk: string; ru: string; en: string },
  address: { kk: string; ru: string; en: string },
  phone: string,
) => ({ id, name, address, phone, reception });

export const knb: Provider = Provider.parse({
  id: 'knb',
  name: {
    kk: 'Қазақстан Республикасы Ұлттық қауіпсіздік комитеті',
    ru: 'Комитет национальной безопасности Республики Казахстан',
    en: 'National Security Committee of the Republic of Kazakhstan',
  },
  // Staff hours (the frame for working-hour terms and for when a portal request counts as
  // received), not the 10:00–12:00 reception window of the offices: see knbRefs.workingHours.
  workingHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '19:00', break: { from: '13:00', to: '15:00' } },
  offices: [
    office(
      'astana',
      { kk: 'Астана қаласы бойынша бөлімше', ru: 'Подразделение по городу Астане', en: 'Astana city subdivision' },
      { kk: 'Астана қаласы, Т. Бигелдинов көшесі, 76-үй', ru: 'г. Астана, ул. Т. Бигельдинова, д. 76', en: '76 T. Bigeldinov St., Astana' },
      '8 (7172) 76-42-52, 76-42-53, 76-42-54',
    ),
    office(
      'almaty_city',
      { kk: 'Алматы қаласы бойынша бөлімше', ru: 'Подразделение по городу Алматы', en: 'Almaty city subdivision' },
      { kk: 'Алматы қаласы, Наурызбай батыр көшесі, 108-үй', ru: 'г. Алматы, ул. Наурызбай батыра, д. 108', en: '108 Nauryzbai Batyr St., Almaty' },
      '8 (727) 267-91-54',
    ),
    office(
      'akmola',
      { kk: 'Ақмола облысы бойынша бөлімше', ru: 'Подразделение по Акмолинской области', en: 'Akmola region subdivision' },
      { kk: 'Көкшетау қаласы, Әуезов көшесі, 155-үй', ru: 'г. Кокшетау, ул. Ауэзова, д. 155', en: '155 Auezov St., Kokshetau' },
      '8 (7162) 29-61-11',
    ),
    office(
      'almaty_region',
      { kk: 'Алматы облысы бойынша бөлімше', ru: 'Подразделение по Алматинской области', en: 'Almaty region subdivision' },
      { kk: 'Талдықорған қаласы, Жансүгіров көшесі, 68/70-үй', ru: 'г. Талдыкорган, ул. Жансугурова, д. 68/70', en: '68/70 Zhansugurov St., Taldykorgan' },
      '8 (7282) 60-56-16, 60-56-21, 60-55-80',
    ),
    office(
      'aktobe',
      { kk: 'Ақтөбе облысы бойынша бөлімше', ru: 'Подразделение по Актюбинской области', en: 'Aktobe region subdivision' },
      { kk: 'Ақтөбе қаласы, Әйтеке би көшесі, 25-үй', ru: 'г. Актобе, ул. Айтеке би, д. 25', en: '25 Aiteke Bi St., Aktobe' },
      '8 (7132) 93-41-70',
    ),
    office(
      'atyrau',
      { kk: 'Атырау облысы бойынша бөлімше', ru: 'Подразделение по Атырауской области', en: 'Atyrau region subdivision' },
      { kk: 'Атырау қаласы, Сәтпаев даңғылы, 20 «А» үй', ru: 'г. Атырау, пр. Сатпаева, д. 20 «А»', en: '20A Satpayev Ave., Atyrau' },
      '8 (7122) 99-52-43, 27-15-90',
    ),
    office(
      'east_kazakhstan',
      { kk: 'Шығыс Қазақстан облысы аумақтық бөлімше', ru: 'Территориальное подразделение по Восточно-Казахстанской области', en: 'East Kazakhstan region territorial subdivision' },
      { kk: 'Өскемен қаласы, Пермитин көшесі, 15-үй', ru: 'г. Усть-Каменогорск, ул. Пермитина, д. 15', en: '15 Permitin St., Oskemen (Ust-Kamenogorsk)' },
      '8 (7232) 28-23-35',
    ),
    office(
      'zhambyl',
      { kk: 'Жамбыл облысы бойынша бөлімше', ru: 'Подразделение по Жамбылской области', en: 'Zhambyl region subdivision' },
      { kk: 'Тараз қаласы, Көшек батыр көшесі, 7-үй', ru: 'г. Тараз, ул. Кошек батыра, д. 7', en: '7 Koshek Batyr St., Taraz' },
      '8 (7262) 94-01-80, 94-01-89',
    ),
    office(
      'west_kazakhstan',
      { kk: 'Батыс Қазақстан облысы бойынша бөлімше', ru: 'Подразделение по Западно-Казахстанской области', en: 'West Kazakhstan region subdivision' },
      { kk: 'Орал қаласы, Сейфуллин көшесі, 24-үй', ru: 'г. Уральск, ул. Сейфуллина, д. 24', en: '24 Seifullin St., Oral (Uralsk)' },
      '8 (7112) 98-81-77, 98-81-80',
    ),
    office(
      'karaganda',
      { kk: 'Қарағанды облысы бойынша бөлімше', ru: 'Подразделение по Карагандинской области', en: 'Karaganda region subdivision' },
      { kk: 'Қарағанды қаласы, Бұхар жырау даңғылы, 17-үй', ru: 'г. Караганда, пр. Бухар жырау, д. 17', en: '17 Bukhar Zhyrau Ave., Karaganda' },
      '8 (7212) 41-04-65, 49-86-54, 49-85-78',
    ),
    office(
      'kostanay',
      { kk: 'Қостанай облысы бойынша бөлімше', ru: 'Подразделение по Костанайской области', en: 'Kostanay region subdivision' },
      { kk: 'Қостанай қаласы, Гоголь көшесі, 77-үй', ru: 'г. Костанай, ул. Гоголя, д. 77', en: '77 Gogol St., Kostanay' },
      '8 (7142) 54-54-30, 52-00-91',
    ),
    office(
      'kyzylorda',
      { kk: 'Қызылорда облысы бойынша бөлімше', ru: 'Подразделение по Кызылординской области', en: 'Kyzylorda region subdivision' },
      { kk: 'Қызылорда қаласы, Қонаев тұйығы, 1-үй', ru: 'г. Кызылорда, тупик Конаева, д. 1', en: '1 Konayev Dead-end, Kyzylorda' },
      '8 (7242) 27-27-96',
    ),
    office(
      'mangystau',
      { kk: 'Маңғыстау облысы бойынша бөлімше', ru: 'Подразделение по Мангистауской области', en: 'Mangystau region subdivision' },
      { kk: 'Ақтау қаласы, 24-шағын аудан, 3-үй', ru: 'г. Актау, 24-й микрорайон, д. 3', en: 'Bldg 3, Micro-district 24, Aktau' },
      '8 (7292) 46-01-27, 46-01-20, 46-01-22',
    ),
    office(
      'pavlodar',
      { kk: 'Павлодар облысы бойынша бөлімше', ru: 'Подразделение по Павлодарской области', en: 'Pavlodar region subdivision' },
      { kk: 'Павлодар қаласы, Бектұров көшесі, 24-үй', ru: 'г. Павлодар, ул. Бектурова, д. 24', en: '24 Bekturov St., Pavlodar' },
      '8 (7182) 55-56-33',
    ),
    office(
      'north_kazakhstan',
      { kk: 'Солтүстік Қазақстан облысы бойынша бөлімше', ru: 'Подразделение по Северо-Казахстанской области', en: 'North Kazakhstan region subdivision' },
      { kk: 'Петропавл қаласы, Сүтішев көшесі, 54-үй', ru: 'г. Петропавловск, ул. Сутюшева, д. 54', en: '54 Sutyushev St., Petropavl' },
      '8 (7152) 46-45-24',
    ),
    office(
      'south_kazakhstan',
      { kk: 'Оңтүстік Қазақстан облысы бойынша бөлімше', ru: 'Подразделение по Южно-Казахстанской области', en: 'South Kazakhstan region subdivision' },
      { kk: 'Шымкент қаласы, Қазыбек би көшесі, 36-үй', ru: 'г. Шымкент, ул. Казыбек би, д. 36', en: '36 Kazybek Bi St., Shymkent' },
      '8 (7252) 95-11-38',
    ),
  ],
});

export default knb;
