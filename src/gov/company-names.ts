// Names of organisations in both languages. Kazakh writes the legal form after
// the quoted name («Нұр Құрылыс» ЖШС), Russian before it (ТОО «Нур Курылыс»);
// a brand made of Kazakh words is usually kept in Kazakh in the Russian name,
// only losing the letters Russian lacks.

import type { LegalForm, Localized } from './records.ts';
import { LEGAL_FORM_NAMES } from './records.ts';
import type { City } from './places.ts';
import type { SeededRandom } from './random.ts';

const pair = (kk: string, ru: string): Localized => ({ kk, ru });

const BRANDS: readonly Localized[] = [
  pair('Нұр', 'Нур'), pair('Ақ Жол', 'Ак Жол'), pair('Алтын', 'Алтын'), pair('Береке', 'Береке'),
  pair('Сапа', 'Сапа'), pair('Жұлдыз', 'Жулдыз'), pair('Дала', 'Дала'), pair('Тау', 'Тау'),
  pair('Арман', 'Арман'), pair('Көктем', 'Коктем'), pair('Шапағат', 'Шапагат'), pair('Қыран', 'Кыран'),
  pair('Сұңқар', 'Сункар'), pair('Орда', 'Орда'), pair('Тұлпар', 'Тулпар'), pair('Алатау', 'Алатау'),
  pair('Ертіс', 'Иртыш'), pair('Жайық', 'Жайык'), pair('Есіл', 'Есиль'), pair('Самал', 'Самал'),
  pair('Мерей', 'Мерей'), pair('Әлем', 'Алем'), pair('Көкжиек', 'Кокжиек'), pair('Ырыс', 'Ырыс'),
  pair('Құлагер', 'Кулагер'), pair('Каспий', 'Каспий'), pair('Арай', 'Арай'), pair('Шұғыла', 'Шугыла'),
];

const TRADES: readonly Localized[] = [
  pair('Құрылыс', 'Строй'), pair('Агро', 'Агро'), pair('Логистика', 'Логистика'), pair('Трейд', 'Трейд'),
  pair('Сервис', 'Сервис'), pair('Транс', 'Транс'), pair('Энерго', 'Энерго'), pair('Мұнай Сервис', 'Мунай Сервис'),
  pair('Фарм', 'Фарм'), pair('Медикал', 'Медикал'), pair('Консалтинг', 'Консалтинг'), pair('Тех', 'Тех'),
  pair('Инжиниринг', 'Инжиниринг'), pair('Азық', 'Азык'), pair('Жиһаз', 'Мебель'), pair('Софт', 'Софт'),
  pair('Инвест', 'Инвест'), pair('Минерал', 'Минерал'), pair('Групп', 'Групп'), pair('Дистрибьюшн', 'Дистрибьюшн'),
];

// Names that mean something and are translated rather than transliterated.
const DESCRIPTIVE: readonly Localized[] = [
  pair('Қорғау технологиялары', 'Защитные технологии'), pair('Дала тұқымдары', 'Семена степи'),
  pair('Солтүстік жарығы', 'Северное сияние'), pair('Жаңа құрылыс', 'Новое строительство'),
  pair('Таза су', 'Чистая вода'), pair('Жасыл дала', 'Зеленая степь'), pair('Алтын астық', 'Золотое зерно'),
  pair('Ақпараттық жүйелер', 'Информационные системы'), pair('Сенімді көлік', 'Надежный транспорт'),
  pair('Цифрлық шешімдер', 'Цифровые решения'), pair('Шығыс медицина орталығы', 'Восточный медицинский центр'),
  pair('Дәрі-дәрмек әлемі', 'Мир лекарств'), pair('Жарық жүйелері', 'Световые системы'),
  pair('Білім орталығы', 'Образовательный центр'), pair('Ұлы дала жолдары', 'Дороги Великой степи'),
  pair('Тау сәулеті', 'Горная архитектура'), pair('Таза қала', 'Чистый город'), pair('Сапалы тағам', 'Качественное питание'),
  pair('Бірлік', 'Единство'), pair('Достық', 'Дружба'),
];

/** The part inside the quotes, e.g. Нұр Құрылыс / Нур Строй. */
export function pickBrandName(random: SeededRandom): Localized {
  if (random.chance(0.3)) return random.pick(DESCRIPTIVE);
  const brand = random.pick(BRANDS);
  const trade = random.pick(TRADES);
  return pair(`${brand.kk} ${trade.kk}`, `${brand.ru} ${trade.ru}`);
}

/** Farms go by a single word (КХ «Береке»), not by a trade. */
export function pickFarmName(random: SeededRandom): Localized {
  return random.pick(BRANDS);
}

export function entityName(brand: Localized, form: LegalForm): Localized {
  const f = LEGAL_FORM_NAMES[form];
  return pair(`«${brand.kk}» ${f.kk}`, `${f.ru} «${brand.ru}»`);
}

export function peasantFarmName(brand: Localized): Localized {
  return pair(`«${brand.kk}» шаруа қожалығы`, `КХ «${brand.ru}»`);
}

export function branchName(brand: Localized, form: LegalForm, city: City): Localized {
  const f = LEGAL_FORM_NAMES[form];
  return pair(`«${brand.kk}» ${f.kk} ${city.kk} қаласындағы филиалы`, `Филиал ${f.ru} «${brand.ru}» в г. ${city.ru}`);
}
