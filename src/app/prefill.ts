// The portal's first step: the applicant's data comes from the state databases, not from typing.
// Each form field that the regulation's form shares with those databases names its source
// (`prefill` in the field definition); this fills them for the signed-in applicant.
import { matches, findSubcase, type ApplicantKind, type PrefillSource } from '../core/regulation.ts';
import type { App } from './context.ts';
import { gatewayProblem, type SessionUser } from './auth.ts';
import { badRequest, forbidden, unprocessable } from './errors.ts';
import { resolveService } from './catalog.ts';

export interface Prefill {
  serviceId: string;
  subcase: string;
  applicantKind: ApplicantKind;
  applicant: { iin: string; bin?: string; name: { kk: string; ru: string }; organization?: { kk: string; ru: string }; address: { kk: string; ru: string }; email?: string; phone?: string };
  fields: Record<string, string>;
}

export async function prefill(app: App, user: SessionUser, q: { serviceId?: string; subcase?: string; lang?: string }): Promise<Prefill> {
  if (user.kind !== 'applicant') throw forbidden('wrong_role', 'prefill is for applicants on the portal');
  if (!q.serviceId) throw badRequest('required', 'serviceId is required', 'serviceId');
  if (!q.subcase) throw badRequest('required', 'subcase is required', 'subcase');
  const svc = resolveService(app, q.serviceId);
  const sc = findSubcase(svc, q.subcase);
  if (!sc) throw unprocessable('unknown_subcase', `service "${svc.id}" has no sub-case "${q.subcase}"`, 'subcase');
  const lang = q.lang === 'kk' ? 'kk' : 'ru';
  let person, entity;
  try {
    person = await app.stateDb.findIndividual(user.iin);
    entity = user.bin ? await app.stateDb.findLegalEntity(user.bin) : null;
  } catch (e) {
    throw gatewayProblem(e);
  }
  if (!person) throw unprocessable('applicant_unknown', `the state database of individuals has no record of IIN ${user.iin}`);
  const applicantKind: ApplicantKind = !user.bin ? 'individual' : entity?.legalForm === 'IP' ? 'entrepreneur' : 'legal_entity';
  const full = (l: 'kk' | 'ru') => [person.surname[l], person.givenName[l], person.patronymic?.[l]].filter(Boolean).join(' ');
  let headName: string | undefined;
  if (entity) {
    const head = entity.headIin === person.iin ? person : await app.stateDb.findIndividual(entity.headIin).catch(() => null);
    if (head) headName = [head.surname[lang], head.givenName[lang], head.patronymic?.[lang]].filter(Boolean).join(' ');
  }
  const source: Record<PrefillSource, string | undefined> = {
    iin: person.iin,
    bin: entity?.bin,
    fullName: full(lang),
    surname: person.surname[lang],
    givenName: person.givenName[lang],
    patronymic: person.patronymic?.[lang],
    birthDate: person.birthDate,
    address: person.address[lang],
    email: person.email,
    phone: person.phone,
    legalEntityName: entity?.name[lang],
    legalAddress: entity?.address[lang],
    headIin: entity?.headIin,
    headFullName: headName,
    registeredOn: entity?.registeredOn,
  };
  const fields: Record<string, string> = {};
  const ctx = { channel: 'portal' as const, applicantKind };
  for (const f of sc.fields) {
    if (!f.prefill || !matches(f.when, ctx)) continue;
    const v = source[f.prefill];
    if (v !== undefined) fields[f.id] = v;
  }
  return {
    serviceId: svc.id,
    subcase: sc.id,
    applicantKind,
    applicant: {
      iin: person.iin,
      ...(entity ? { bin: entity.bin, organization: entity.name } : {}),
      name: { kk: full('kk'), ru: full('ru') },
      address: entity ? entity.address : person.address,
      ...(person.email ? { email: person.email } : {}),
      ...(person.phone ? { phone: person.phone } : {}),
    },
    fields,
  };
}
