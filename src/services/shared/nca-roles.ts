// The structural-functional units (ҚФБ) of seed 004 as roles of the regulation model.
// p.14 (L276–L284) lists them: the provider, the PSC, the NCA operator, the EGP, the internet
// resource, the EGG, the NCA information system and the state databases; Annex 3 names the one
// acting in each row («ҚФБ атауы»). The recipient (алушы, p.5(3), L76–L77) takes the rows
// printed with «Алушы». Schema roles carry no `ref`: the lines are given here.
import type { ServiceDefinitionInput } from '../../core/regulation.ts';

type RoleInput = ServiceDefinitionInput['roles'][number];

export const NCA_ROLE_REFS = {
  applicant: 'p.5(3) L76-77; Annex 3 rows «Алушы»',
  nca_operator: 'p.5(15) L128-130; p.14(3) L279',
  egov_portal: 'p.5(5) L84-87; p.6(2), p.7(2) L143-144, L179-180',
  egov_gateway: 'p.5(6) L88-90; p.9(4) L223-224',
  state_database: 'p.5(11)-(12) L102-117; Annex 3 Tables 1, 2, 4 («ЖТ МДҚ/ЗТ МДҚ»)',
  nca_is: 'p.14(7) L283; Annex 3 rows «ҚР ҰКО АЖ»',
  provider_officer: 'p.15(1) L302-304; p.19(5) L388-391 («Қызмет көрсетушінің … жауапты қызметкерлерін»)',
} as const;

export const ncaRoles = [
  { id: 'applicant', kind: 'applicant', name: { kk: 'Алушы', ru: 'Услугополучатель (получатель)', en: 'Recipient (applicant)' } },
  {
    // p.5(15): «олардың көмегімен қызмет көрсету үдерісінде қамтамасыз етілетін тіркеу куәліктеріне және
    // тиісті кілттеріне заңды ие ХҚКО қызметкері немесе Қызмет беруші» — a PSC or provider employee.
    id: 'nca_operator',
    kind: 'psc_operator',
    name: { kk: 'ҚР ҰКО операторы (ХҚКО немесе Қызмет көрсетуші қызметкері)', ru: 'Оператор НУЦ РК (работник ЦОН или услугодателя)', en: 'NCA operator (PSC or provider employee)' },
  },
  { id: 'egov_portal', kind: 'system', name: { kk: '«Электрондық үкімет» веб-порталы (ЭҮП)', ru: 'Веб-портал «электронного правительства» (ПЭП)', en: 'E-government web portal (EGP)' } },
  { id: 'egov_gateway', kind: 'system', name: { kk: '«Электрондық үкімет» шлюзі (ЭҮШ)', ru: 'Шлюз «электронного правительства» (ШЭП)', en: 'E-government gateway (EGG)' } },
  {
    id: 'state_database',
    kind: 'system',
    name: {
      kk: '«Жеке тұлғалар» / «Заңды тұлғалар» мемлекеттік деректер қоры (ЖТ МДҚ/ЗТ МДҚ)',
      ru: 'Государственная база данных «Физические лица» / «Юридические лица» (ГБД ФЛ/ГБД ЮЛ)',
      en: 'State databases "Individuals" / "Legal entities"',
    },
  },
  { id: 'nca_is', kind: 'system', name: { kk: 'ҚР ҰКО ақпараттық жүйесі (ҚР ҰКО АЖ)', ru: 'Информационная система НУЦ РК (ИС НУЦ РК)', en: 'NCA information system (NCA IS)' } },
  { id: 'provider_officer', kind: 'staff', name: { kk: 'Қызмет көрсетушінің жауапты қызметкері', ru: 'Ответственный работник услугодателя', en: 'Responsible employee of the provider' } },
] as const satisfies readonly RoleInput[];

export type NcaRoleId = (typeof ncaRoles)[number]['id'];
