// Personal names as the civil registry spells them in Kazakh and in Russian,
// with a Latin form for e-mail addresses. Kazakh names keep their letters
// (Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І) in the kk spelling and lose them in the ru one;
// Russian names are spelled alike in both.

import type { Localized, Sex } from './records.ts';

export type NameOrigin = 'kazakh' | 'russian';

export interface GivenName extends Localized {
  lat: string;
}

/** A man's name, with the patronymics his children get from it. */
export interface FatherName extends GivenName {
  /** Patronymic of a son and of a daughter in each language. */
  patronymic: { male: Localized; female: Localized };
}

export interface Surname extends Localized {
  lat: string;
}

type Row = readonly [kk: string, ru: string, lat: string];

// Kazakh patronymics join the father's name to ұлы (son) or қызы (daughter);
// Russian ones add -ович/-овна. All the Kazakh men's names here end in a
// consonant, where both rules apply without exceptions.
function kazakhMan([kk, ru, lat]: Row): FatherName {
  return {
    kk, ru, lat,
    patronymic: {
      male: { kk: `${kk}ұлы`, ru: `${ru}ович` },
      female: { kk: `${kk}қызы`, ru: `${ru}овна` },
    },
  };
}

// Russian patronymics do not follow one rule (Сергей → Сергеевич,
// Михаил → Михайлович, Павел → Павлович), so they are listed.
function russianMan(ru: string, lat: string, son: string, daughter: string): FatherName {
  return {
    kk: ru, ru, lat,
    patronymic: { male: { kk: son, ru: son }, female: { kk: daughter, ru: daughter } },
  };
}

const given = ([kk, ru, lat]: Row): GivenName => ({ kk, ru, lat });

const KAZAKH_MEN: readonly FatherName[] = ([
  ['Ержан', 'Ержан', 'Yerzhan'], ['Серік', 'Серик', 'Serik'], ['Нұрлан', 'Нурлан', 'Nurlan'],
  ['Асқар', 'Аскар', 'Askar'], ['Бауыржан', 'Бауыржан', 'Bauyrzhan'], ['Дәурен', 'Даурен', 'Dauren'],
  ['Ерлан', 'Ерлан', 'Yerlan'], ['Қайрат', 'Кайрат', 'Kairat'], ['Мұрат', 'Мурат', 'Murat'],
  ['Талғат', 'Талгат', 'Talgat'], ['Арман', 'Арман', 'Arman'], ['Ғалым', 'Галым', 'Galym'],
  ['Дархан', 'Дархан', 'Darkhan'], ['Әділет', 'Адилет', 'Adilet'], ['Бақытжан', 'Бахытжан', 'Bakhytzhan'],
  ['Жандос', 'Жандос', 'Zhandos'], ['Нұрсұлтан', 'Нурсултан', 'Nursultan'], ['Айдос', 'Айдос', 'Aidos'],
  ['Ерболат', 'Ерболат', 'Yerbolat'], ['Мақсат', 'Максат', 'Maksat'], ['Қанат', 'Канат', 'Kanat'],
  ['Руслан', 'Руслан', 'Ruslan'], ['Самат', 'Самат', 'Samat'], ['Тимур', 'Тимур', 'Timur'],
  ['Әлібек', 'Алибек', 'Alibek'], ['Ілияс', 'Ильяс', 'Ilyas'], ['Темірлан', 'Темирлан', 'Temirlan'],
  ['Данияр', 'Данияр', 'Daniyar'], ['Азамат', 'Азамат', 'Azamat'], ['Олжас', 'Олжас', 'Olzhas'],
  ['Ринат', 'Ринат', 'Rinat'], ['Бекзат', 'Бекзат', 'Bekzat'], ['Нұржан', 'Нуржан', 'Nurzhan'],
  ['Санжар', 'Санжар', 'Sanzhar'], ['Ақжол', 'Акжол', 'Akzhol'], ['Бақыт', 'Бахыт', 'Bakhyt'],
  ['Төлеген', 'Тулеген', 'Tulegen'],
] as const satisfies readonly Row[]).map(kazakhMan);

const KAZAKH_WOMEN: readonly GivenName[] = ([
  ['Айгүл', 'Айгуль', 'Aigul'], ['Гүлнар', 'Гульнар', 'Gulnar'], ['Әсел', 'Асель', 'Assel'],
  ['Дана', 'Дана', 'Dana'], ['Жанар', 'Жанар', 'Zhanar'], ['Мәдина', 'Мадина', 'Madina'],
  ['Айгерім', 'Айгерим', 'Aigerim'], ['Ақмарал', 'Акмарал', 'Akmaral'], ['Салтанат', 'Салтанат', 'Saltanat'],
  ['Динара', 'Динара', 'Dinara'], ['Гүлмира', 'Гульмира', 'Gulmira'], ['Назерке', 'Назерке', 'Nazerke'],
  ['Ақбота', 'Акбота', 'Akbota'], ['Жансая', 'Жансая', 'Zhansaya'], ['Балжан', 'Балжан', 'Balzhan'],
  ['Қарлығаш', 'Карлыгаш', 'Karlygash'], ['Меруерт', 'Меруерт', 'Meruert'], ['Сәуле', 'Сауле', 'Saule'],
  ['Райхан', 'Райхан', 'Raikhan'], ['Айжан', 'Айжан', 'Aizhan'], ['Томирис', 'Томирис', 'Tomiris'],
  ['Аружан', 'Аружан', 'Aruzhan'], ['Камила', 'Камила', 'Kamila'], ['Ләззат', 'Ляззат', 'Lyazzat'],
  ['Бибігүл', 'Бибигуль', 'Bibigul'], ['Нұргүл', 'Нургуль', 'Nurgul'], ['Ұлжан', 'Улжан', 'Ulzhan'],
  ['Зарина', 'Зарина', 'Zarina'], ['Әсем', 'Асем', 'Assem'], ['Индира', 'Индира', 'Indira'],
  ['Гауһар', 'Гаухар', 'Gaukhar'], ['Жұлдыз', 'Жулдыз', 'Zhuldyz'], ['Шынар', 'Шынар', 'Shynar'],
] as const satisfies readonly Row[]).map(given);

const RUSSIAN_MEN: readonly FatherName[] = [
  russianMan('Александр', 'Aleksandr', 'Александрович', 'Александровна'),
  russianMan('Сергей', 'Sergei', 'Сергеевич', 'Сергеевна'),
  russianMan('Андрей', 'Andrei', 'Андреевич', 'Андреевна'),
  russianMan('Дмитрий', 'Dmitrii', 'Дмитриевич', 'Дмитриевна'),
  russianMan('Владимир', 'Vladimir', 'Владимирович', 'Владимировна'),
  russianMan('Алексей', 'Aleksei', 'Алексеевич', 'Алексеевна'),
  russianMan('Николай', 'Nikolai', 'Николаевич', 'Николаевна'),
  russianMan('Евгений', 'Yevgenii', 'Евгеньевич', 'Евгеньевна'),
  russianMan('Игорь', 'Igor', 'Игоревич', 'Игоревна'),
  russianMan('Виктор', 'Viktor', 'Викторович', 'Викторовна'),
  russianMan('Олег', 'Oleg', 'Олегович', 'Олеговна'),
  russianMan('Михаил', 'Mikhail', 'Михайлович', 'Михайловна'),
  russianMan('Павел', 'Pavel', 'Павлович', 'Павловна'),
  russianMan('Юрий', 'Yurii', 'Юрьевич', 'Юрьевна'),
  russianMan('Иван', 'Ivan', 'Иванович', 'Ивановна'),
];

const RUSSIAN_WOMEN: readonly GivenName[] = ([
  ['Елена', 'Yelena'], ['Ольга', 'Olga'], ['Татьяна', 'Tatyana'], ['Наталья', 'Natalya'],
  ['Ирина', 'Irina'], ['Светлана', 'Svetlana'], ['Анна', 'Anna'], ['Мария', 'Mariya'],
  ['Екатерина', 'Yekaterina'], ['Юлия', 'Yuliya'], ['Оксана', 'Oksana'], ['Галина', 'Galina'],
] as const).map(([ru, lat]) => ({ kk: ru, ru, lat }));

// Stored in the men's form; all end in -ов/-ев/-ин, whose women's form adds -а.
const KAZAKH_SURNAMES: readonly Surname[] = ([
  ['Әбілов', 'Абилов', 'Abilov'], ['Ахметов', 'Ахметов', 'Akhmetov'], ['Сейітов', 'Сеитов', 'Seitov'],
  ['Жұмабаев', 'Жумабаев', 'Zhumabayev'], ['Нұрланов', 'Нурланов', 'Nurlanov'], ['Серікбаев', 'Серикбаев', 'Serikbayev'],
  ['Қасымов', 'Касымов', 'Kassymov'], ['Омаров', 'Омаров', 'Omarov'], ['Байжанов', 'Байжанов', 'Baizhanov'],
  ['Мұқанов', 'Муканов', 'Mukanov'], ['Сәрсенбаев', 'Сарсенбаев', 'Sarsenbayev'], ['Есенов', 'Есенов', 'Yessenov'],
  ['Оспанов', 'Оспанов', 'Ospanov'], ['Бекмұхамбетов', 'Бекмухамбетов', 'Bekmukhambetov'], ['Ысқақов', 'Искаков', 'Iskakov'],
  ['Әлімжанов', 'Алимжанов', 'Alimzhanov'], ['Төлегенов', 'Тулегенов', 'Tulegenov'], ['Жақсыбеков', 'Жаксыбеков', 'Zhaksybekov'],
  ['Иманбаев', 'Иманбаев', 'Imanbayev'], ['Қалиев', 'Калиев', 'Kaliyev'], ['Ермеков', 'Ермеков', 'Yermekov'],
  ['Сұлтанов', 'Султанов', 'Sultanov'], ['Мұратов', 'Муратов', 'Muratov'], ['Дүйсенов', 'Дюсенов', 'Dyussenov'],
  ['Әбдірахманов', 'Абдрахманов', 'Abdrakhmanov'], ['Шәкенов', 'Шакенов', 'Shakenov'], ['Бақытов', 'Бахытов', 'Bakhytov'],
  ['Тұрсынов', 'Турсунов', 'Tursunov'], ['Рахимов', 'Рахимов', 'Rakhimov'], ['Смағұлов', 'Смагулов', 'Smagulov'],
  ['Нұрпейісов', 'Нурпеисов', 'Nurpeissov'], ['Қожахметов', 'Кожахметов', 'Kozhakhmetov'], ['Жанұзақов', 'Жанузаков', 'Zhanuzakov'],
  ['Ғабдуллин', 'Габдуллин', 'Gabdullin'], ['Мамыров', 'Мамыров', 'Mamyrov'],
] as const satisfies readonly Row[]).map(given);

const RUSSIAN_SURNAMES: readonly Surname[] = ([
  ['Иванов', 'Ivanov'], ['Петров', 'Petrov'], ['Смирнов', 'Smirnov'], ['Кузнецов', 'Kuznetsov'],
  ['Попов', 'Popov'], ['Васильев', 'Vasilyev'], ['Соколов', 'Sokolov'], ['Новиков', 'Novikov'],
  ['Морозов', 'Morozov'], ['Волков', 'Volkov'], ['Лебедев', 'Lebedev'], ['Козлов', 'Kozlov'],
  ['Степанов', 'Stepanov'], ['Павлов', 'Pavlov'], ['Семенов', 'Semenov'], ['Белов', 'Belov'],
] as const).map(([ru, lat]) => ({ kk: ru, ru, lat }));

export const NAMES: Readonly<Record<NameOrigin, {
  men: readonly FatherName[];
  women: readonly GivenName[];
  surnames: readonly Surname[];
}>> = {
  kazakh: { men: KAZAKH_MEN, women: KAZAKH_WOMEN, surnames: KAZAKH_SURNAMES },
  russian: { men: RUSSIAN_MEN, women: RUSSIAN_WOMEN, surnames: RUSSIAN_SURNAMES },
};

export function surnameFor(surname: Surname, sex: Sex): Surname {
  if (sex === 'male') return surname;
  return { kk: `${surname.kk}а`, ru: `${surname.ru}а`, lat: `${surname.lat}a` };
}
