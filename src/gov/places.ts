// Cities, their regions and some of their real streets, and how an address is
// written in each language. Kazakh puts the name before the kind of place
// (Абай даңғылы, Астана қ.), Russian after (пр. Абая, г. Астана).

import type { Address, Localized } from './records.ts';

export interface City {
  /** Official English name, used as a stable key. */
  en: string;
  kk: string;
  ru: string;
  /** Region in English; for cities of republican significance, the city itself. */
  regionEn: string;
  /** Region as written in an address; absent for cities of republican significance. */
  region?: Localized;
  /** Rough population in thousands, to spread people like the census does. */
  population: number;
  streets: readonly Localized[];
}

const street = (kk: string, ru: string): Localized => ({ kk, ru });

export const CITIES: readonly City[] = [
  {
    en: 'Almaty', kk: 'Алматы', ru: 'Алматы', regionEn: 'Almaty', population: 2200,
    streets: [
      street('Абай даңғылы', 'пр. Абая'), street('Достық даңғылы', 'пр. Достык'),
      street('Төле би көшесі', 'ул. Толе би'), street('Әл-Фараби даңғылы', 'пр. Аль-Фараби'),
      street('Жандосов көшесі', 'ул. Жандосова'), street('Самал-2 шағын ауданы', 'мкр. Самал-2'),
      street('Розыбакиев көшесі', 'ул. Розыбакиева'), street('Райымбек даңғылы', 'пр. Райымбека'),
    ],
  },
  {
    en: 'Astana', kk: 'Астана', ru: 'Астана', regionEn: 'Astana', population: 1400,
    streets: [
      street('Мәңгілік Ел даңғылы', 'пр. Мангилик Ел'), street('Қабанбай батыр даңғылы', 'пр. Кабанбай батыра'),
      street('Кенесары көшесі', 'ул. Кенесары'), street('Республика даңғылы', 'пр. Республики'),
      street('Сығанақ көшесі', 'ул. Сыганак'), street('Тұран даңғылы', 'пр. Туран'),
      street('Сарайшық көшесі', 'ул. Сарайшык'), street('Абай даңғылы', 'пр. Абая'),
    ],
  },
  {
    en: 'Shymkent', kk: 'Шымкент', ru: 'Шымкент', regionEn: 'Shymkent', population: 1200,
    streets: [
      street('Тәуке хан даңғылы', 'пр. Тауке хана'), street('Байтұрсынов көшесі', 'ул. Байтурсынова'),
      street('Республика даңғылы', 'пр. Республики'), street('Нұрсәт шағын ауданы', 'мкр. Нурсат'),
    ],
  },
  {
    en: 'Karaganda', kk: 'Қарағанды', ru: 'Караганда', regionEn: 'Karaganda Region',
    region: { kk: 'Қарағанды облысы', ru: 'Карагандинская область' }, population: 500,
    streets: [
      street('Бұқар жырау даңғылы', 'пр. Бухар-Жырау'), street('Ерубаев көшесі', 'ул. Ерубаева'),
      street('Нұркен Әбдіров даңғылы', 'пр. Нуркена Абдирова'), street('Гоголь көшесі', 'ул. Гоголя'),
    ],
  },
  {
    en: 'Aktobe', kk: 'Ақтөбе', ru: 'Актобе', regionEn: 'Aktobe Region',
    region: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область' }, population: 550,
    streets: [
      street('Әбілқайыр хан даңғылы', 'пр. Абилкайыр хана'), street('Маресьев көшесі', 'ул. Маресьева'),
      street('Санкібай батыр даңғылы', 'пр. Санкибай батыра'), street('12 шағын ауданы', 'мкр. 12'),
    ],
  },
  {
    en: 'Taraz', kk: 'Тараз', ru: 'Тараз', regionEn: 'Zhambyl Region',
    region: { kk: 'Жамбыл облысы', ru: 'Жамбылская область' }, population: 360,
    streets: [street('Төле би көшесі', 'ул. Толе би'), street('Жамбыл даңғылы', 'пр. Жамбыла')],
  },
  {
    en: 'Pavlodar', kk: 'Павлодар', ru: 'Павлодар', regionEn: 'Pavlodar Region',
    region: { kk: 'Павлодар облысы', ru: 'Павлодарская область' }, population: 360,
    streets: [
      street('Торайғыров көшесі', 'ул. Торайгырова'), street('Ломов көшесі', 'ул. Ломова'),
      street('Академик Сәтбаев көшесі', 'ул. Академика Сатпаева'),
    ],
  },
  {
    en: 'Oskemen', kk: 'Өскемен', ru: 'Усть-Каменогорск', regionEn: 'East Kazakhstan Region',
    region: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область' }, population: 330,
    streets: [street('Қазақстан көшесі', 'ул. Казахстан'), street('Тәуелсіздік даңғылы', 'пр. Независимости')],
  },
  {
    en: 'Atyrau', kk: 'Атырау', ru: 'Атырау', regionEn: 'Atyrau Region',
    region: { kk: 'Атырау облысы', ru: 'Атырауская область' }, population: 300,
    streets: [street('Азаттық даңғылы', 'пр. Азаттык'), street('Сәтбаев көшесі', 'ул. Сатпаева')],
  },
  {
    en: 'Kostanay', kk: 'Қостанай', ru: 'Костанай', regionEn: 'Kostanay Region',
    region: { kk: 'Қостанай облысы', ru: 'Костанайская область' }, population: 250,
    streets: [street('Әл-Фараби даңғылы', 'пр. Аль-Фараби'), street('Байтұрсынов көшесі', 'ул. Байтурсынова')],
  },
  {
    en: 'Kyzylorda', kk: 'Қызылорда', ru: 'Кызылорда', regionEn: 'Kyzylorda Region',
    region: { kk: 'Қызылорда облысы', ru: 'Кызылординская область' }, population: 250,
    streets: [street('Әйтеке би көшесі', 'ул. Айтеке би'), street('Абай даңғылы', 'пр. Абая')],
  },
  {
    en: 'Oral', kk: 'Орал', ru: 'Уральск', regionEn: 'West Kazakhstan Region',
    region: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область' }, population: 250,
    streets: [street('Достық даңғылы', 'пр. Достык'), street('Құрманғазы көшесі', 'ул. Курмангазы')],
  },
];

export interface Premises {
  city: City;
  street: Localized;
  /** e.g. "40" or "12/1". */
  house: string;
  /** Flat of a home, or office of an organisation; absent for a detached house. */
  unit?: { kind: 'flat' | 'office'; number: number };
}

export function formatAddress(p: Premises): Address {
  const unitKk = p.unit ? `, ${p.unit.number} ${p.unit.kind === 'flat' ? 'пәтер' : 'кеңсе'}` : '';
  const unitRu = p.unit ? `, ${p.unit.kind === 'flat' ? 'кв.' : 'офис'} ${p.unit.number}` : '';
  const regionKk = p.city.region ? `${p.city.region.kk}, ` : '';
  const regionRu = p.city.region ? `${p.city.region.ru}, ` : '';
  return {
    kk: `Қазақстан, ${regionKk}${p.city.kk} қ., ${p.street.kk}, ${p.house} үй${unitKk}`,
    ru: `Казахстан, ${regionRu}г. ${p.city.ru}, ${p.street.ru}, д. ${p.house}${unitRu}`,
    region: p.city.regionEn,
    city: p.city.en,
  };
}

export function cityNamed(en: string): City {
  const city = CITIES.find((c) => c.en === en);
  if (!city) throw new RangeError(`no city named ${en}`);
  return city;
}
