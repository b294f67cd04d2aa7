// The fixed cast of the demo: people and organisations that scenarios, tests
// and seed data refer to by role. Their IINs and BINs come from makeIin/makeBin
// with fixed serials, so they never change; test/gov/demo.test.ts pins them.

import { makeBin, makeIin } from '../core/identifiers.ts';
import { formatAddress, cityNamed } from './places.ts';
import { entityName } from './company-names.ts';
import type { Individual, LegalEntity, Localized } from './records.ts';

export type DemoRole =
  | 'applicant'
  | 'company_head'
  | 'company_employee'
  | 'provider_chancellery'
  | 'provider_licensing_head'
  | 'provider_executor'
  | 'provider_head';

export type DemoEntityRole = 'applicant_company' | 'provider';

export interface RoleLabel {
  en: string;
  kk: string;
  ru: string;
}

export type DemoPerson = Individual & { role: DemoRole; roleLabel: RoleLabel };
export type DemoEntity = LegalEntity & { role: DemoEntityRole; roleLabel: RoleLabel };

const name = (kk: string, ru: string): Localized => ({ kk, ru });

const ASTANA = cityNamed('Astana');
const ALMATY = cityNamed('Almaty');

export const DEMO_PEOPLE: readonly DemoPerson[] = deepFreeze([
  {
    role: 'applicant',
    roleLabel: { en: 'Individual applicant', kk: 'Өтініш беруші жеке тұлға', ru: 'Заявитель — физическое лицо' },
    iin: makeIin('1987-03-14', 'male', 12), // 870314300126
    surname: name('Әбілов', 'Абилов'),
    givenName: name('Ержан', 'Ержан'),
    patronymic: name('Серікұлы', 'Серикович'),
    birthDate: '1987-03-14',
    sex: 'male',
    address: formatAddress({ city: ASTANA, street: ASTANA.streets[2]!, house: '40', unit: { kind: 'flat', number: 12 } }),
    email: 'yerzhan.abilov@mail.kz',
    phone: '+77015550187',
  },
  {
    role: 'company_head',
    roleLabel: { en: 'First head of the applicant company', kk: 'Өтініш беруші ұйымның бірінші басшысы', ru: 'Первый руководитель организации-заявителя' },
    iin: makeIin('1979-11-02', 'male', 2047), // 791102320470
    surname: name('Сейітов', 'Сеитов'),
    givenName: name('Дәурен', 'Даурен'),
    patronymic: name('Қайратұлы', 'Кайратович'),
    birthDate: '1979-11-02',
    sex: 'male',
    address: formatAddress({ city: ALMATY, street: ALMATY.streets[1]!, house: '118', unit: { kind: 'flat', number: 54 } }),
    email: 'd.seitov@qorgau-tech.kz',
    phone: '+77017230415',
  },
  {
    role: 'company_employee',
    roleLabel: { en: 'Employee of the applicant company', kk: 'Өтініш беруші ұйымның қызметкері', ru: 'Сотрудник организации-заявителя' },
    iin: makeIin('1994-06-21', 'female', 3318), // 940621433183
    surname: name('Жұмабаева', 'Жумабаева'),
    givenName: name('Айгерім', 'Айгерим'),
    patronymic: name('Нұрланқызы', 'Нурлановна'),
    birthDate: '1994-06-21',
    sex: 'female',
    address: formatAddress({ city: ALMATY, street: ALMATY.streets[5]!, house: '7', unit: { kind: 'flat', number: 31 } }),
    email: 'a.zhumabayeva@qorgau-tech.kz',
    phone: '+77074418826',
  },
  {
    role: 'provider_chancellery',
    roleLabel: { en: 'Chancellery officer of the service provider', kk: 'Көрсетілетін қызметті берушінің кеңсе қызметкері', ru: 'Сотрудник канцелярии услугодателя' },
    iin: makeIin('1990-08-09', 'female', 1105), // 900809411058
    surname: name('Омарова', 'Омарова'),
    givenName: name('Гүлнар', 'Гульнар'),
    patronymic: name('Асқарқызы', 'Аскаровна'),
    birthDate: '1990-08-09',
    sex: 'female',
    address: formatAddress({ city: ASTANA, street: ASTANA.streets[5]!, house: '19/1', unit: { kind: 'flat', number: 88 } }),
    phone: '+77021184470',
  },
  {
    role: 'provider_licensing_head',
    roleLabel: { en: 'Head of the licensing department of the service provider', kk: 'Көрсетілетін қызметті берушінің лицензиялау бөлімінің басшысы', ru: 'Руководитель отдела лицензирования услугодателя' },
    iin: makeIin('1975-02-27', 'male', 874), // 750227308749
    surname: name('Қасымов', 'Касымов'),
    givenName: name('Нұрлан', 'Нурлан'),
    patronymic: name('Бақытұлы', 'Бахытович'),
    birthDate: '1975-02-27',
    sex: 'male',
    address: formatAddress({ city: ASTANA, street: ASTANA.streets[1]!, house: '11', unit: { kind: 'flat', number: 140 } }),
    phone: '+77013406611',
  },
  {
    role: 'provider_executor',
    roleLabel: { en: 'Executor at the service provider', kk: 'Көрсетілетін қызметті берушінің орындаушысы', ru: 'Исполнитель услугодателя' },
    iin: makeIin('1988-12-05', 'male', 4520), // 881205345207
    surname: name('Кузнецов', 'Кузнецов'),
    givenName: name('Дмитрий', 'Дмитрий'),
    patronymic: name('Сергеевич', 'Сергеевич'),
    birthDate: '1988-12-05',
    sex: 'male',
    address: formatAddress({ city: ASTANA, street: ASTANA.streets[4]!, house: '5', unit: { kind: 'flat', number: 23 } }),
    email: 'd.kuznetsov88@gmail.com',
    phone: '+77771052293',
  },
  {
    role: 'provider_head',
    roleLabel: { en: 'Head of the service provider', kk: 'Көрсетілетін қызметті берушінің басшысы', ru: 'Руководитель услугодателя' },
    iin: makeIin('1968-05-19', 'male', 203), // 680519302038
    surname: name('Байжанов', 'Байжанов'),
    givenName: name('Асқар', 'Аскар'),
    patronymic: name('Төлегенұлы', 'Тулегенович'),
    birthDate: '1968-05-19',
    sex: 'male',
    address: formatAddress({ city: ASTANA, street: ASTANA.streets[0]!, house: '55', unit: { kind: 'flat', number: 7 } }),
  },
] satisfies DemoPerson[]);

export function demoPerson(role: DemoRole): DemoPerson {
  const person = DEMO_PEOPLE.find((p) => p.role === role);
  if (!person) throw new RangeError(`no demo person with role ${role}`);
  return person;
}

export const DEMO_ENTITIES: readonly DemoEntity[] = deepFreeze([
  {
    role: 'applicant_company',
    roleLabel: { en: 'Applicant company (develops cryptographic software)', kk: 'Өтініш беруші ұйым (криптографиялық бағдарламалық қамтамасыз ету әзірлеушісі)', ru: 'Организация-заявитель (разработчик криптографического программного обеспечения)' },
    bin: makeBin('2016-04', 'resident', 'head', 3571), // 160440035711
    name: entityName({ kk: 'Қорғау технологиялары', ru: 'Защитные технологии' }, 'TOO'),
    legalForm: 'TOO',
    registeredOn: '2016-04-12',
    address: withoutKeys(formatAddress({ city: ALMATY, street: ALMATY.streets[6]!, house: '80', unit: { kind: 'office', number: 14 } })),
    headIin: demoPerson('company_head').iin,
    status: 'active',
  },
  {
    role: 'provider',
    roleLabel: { en: 'Service provider (licensing authority)', kk: 'Көрсетілетін қызметті беруші (лицензиар)', ru: 'Услугодатель (лицензиар)' },
    bin: makeBin('1992-06', 'resident', 'head', 1), // 920640000012
    name: {
      kk: '«Қазақстан Республикасы Ұлттық қауіпсіздік комитеті» РММ',
      ru: 'РГУ «Комитет национальной безопасности Республики Казахстан»',
    },
    legalForm: 'GU',
    registeredOn: '1992-06-13',
    address: withoutKeys(formatAddress({ city: ASTANA, street: ASTANA.streets[0]!, house: '8' })),
    headIin: demoPerson('provider_head').iin,
    status: 'active',
  },
] satisfies DemoEntity[]);

export function demoEntity(role: DemoEntityRole): DemoEntity {
  const entity = DEMO_ENTITIES.find((e) => e.role === role);
  if (!entity) throw new RangeError(`no demo entity with role ${role}`);
  return entity;
}

// Shared by every importer in the process: one test editing a demo person
// must not change what the next one sees.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function withoutKeys(a: { kk: string; ru: string }): Localized {
  return { kk: a.kk, ru: a.ru };
}
