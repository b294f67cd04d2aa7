// Sign-in as Kazakhstan's portals do it: the server hands out a one-use, short-lived challenge,
// the user signs it with the key of their authentication certificate, and the server verifies
// the signature and maps the certificate's IIN/BIN to a user. Nobody types a password to us.
import { sha256Hex } from '../core/canonical.ts';
import type { App } from './context.ts';
import { AppError, badRequest, conflict, forbidden, unauthorized } from './errors.ts';
import { newId, newToken } from './ids.ts';
import { verifyOrThrow } from './signing.ts';
import { GatewayError } from '../gov/gateway.ts';
import { prepared } from '../store/prepared.ts';

export interface SessionUser {
  id: string;
  kind: 'applicant' | 'staff';
  iin: string;
  bin: string | null;
  roles: string[];
  providerId: string | null;
  displayName: string;
  email: string | null;
  lang: 'kk' | 'ru' | 'en';
  certFingerprint?: string;
}

export async function createChallenge(app: App): Promise<{ challengeId: string; nonce: string; expiresAt: string }> {
  const now = app.now();
  const ttl = app.config.challengeTtlSeconds ?? 120;
  const row = { id: newId(), nonce: `qyzmet-signin:${newToken(24)}`, expires_at: new Date(now.getTime() + ttl * 1000).toISOString(), used_at: null };
  await app.store.db.insertInto('challenges').values(row).execute();
  return { challengeId: row.id, nonce: row.nonce, expiresAt: row.expires_at };
}

export async function signIn(app: App, input: { challengeId?: unknown; signature?: unknown }): Promise<{ token: string; expiresAt: string; user: SessionUser }> {
  if (typeof input.challengeId !== 'string' || input.challengeId === '') throw badRequest('required', 'challengeId is required', 'challengeId');
  const db = app.store.db;
  const ch = await db.selectFrom('challenges').selectAll().where('id', '=', input.challengeId).executeTakeFirst();
  if (!ch) throw badRequest('unknown_challenge', 'no such sign-in challenge: request a new one', 'challengeId');
  if (ch.used_at) throw conflict('challenge_used', 'this sign-in challenge has already been used: request a new one', 'challengeId');
  const now = app.now();
  if (now.toISOString() >= ch.expires_at) throw unauthorized('challenge_expired', `this sign-in challenge expired at ${ch.expires_at}: request a new one`);

  const signer = await verifyOrThrow(app, input.signature, Buffer.from(ch.nonce, 'utf8'), 'auth');
  if (!signer.iin) throw forbidden('no_iin', 'the certificate carries no IIN: it is not a certificate of a person');
  const verified = { signer, certFingerprint: signer.fingerprintSha256 };

  const user = await resolveUser(app, verified.signer.iin!, verified.signer.bin ?? null, verified.signer.commonName);
  const token = newToken();
  const ttlMin = app.config.sessionTtlMinutes ?? 12 * 60;
  const expiresAt = new Date(now.getTime() + ttlMin * 60_000).toISOString();
  await db.transaction().execute(async (trx) => {
    const used = await trx.updateTable('challenges').set({ used_at: now.toISOString() }).where('id', '=', ch.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw conflict('challenge_used', 'this sign-in challenge has already been used: request a new one', 'challengeId');
    await trx
      .insertInto('sessions')
      .values({ token_hash: sha256Hex(token), user_id: user.id, cert_fingerprint: verified.certFingerprint, created_at: now.toISOString(), expires_at: expiresAt })
      .execute();
  });
  return { token, expiresAt, user: { ...user, certFingerprint: verified.certFingerprint } };
}

function rowToUser(r: { id: string; kind: string; iin: string; bin: string; roles: string; provider_id: string | null; display_name: string; email: string | null; lang: string }): SessionUser {
  return {
    id: r.id,
    kind: r.kind as SessionUser['kind'],
    iin: r.iin,
    bin: r.bin || null,
    roles: JSON.parse(r.roles) as string[],
    providerId: r.provider_id,
    displayName: r.display_name,
    email: r.email,
    lang: (['kk', 'ru', 'en'].includes(r.lang) ? r.lang : 'ru') as SessionUser['lang'],
  };
}

/**
 * Staff exist because an administrator (or the demo) created them. An applicant is created at first
 * sign-in from the state databases; one the databases do not know is refused, as the standards
 * require the provider to confirm the applicant's identity from the state information systems.
 */
async function resolveUser(app: App, iin: string, bin: string | null, commonName: string): Promise<SessionUser> {
  const db = app.store.db;
  const row = await db.selectFrom('users').selectAll().where('iin', '=', iin).where('bin', '=', bin ?? '').executeTakeFirst();
  if (row) return rowToUser(row);
  let person;
  try {
    person = await app.stateDb.findIndividual(iin);
  } catch (e) {
    throw gatewayProblem(e);
  }
  if (!person) throw forbidden('applicant_unknown', `the state database of individuals has no record of IIN ${iin}; the service cannot be provided without the applicant's identity confirmed there`);
  let display = `${person.surname.ru} ${person.givenName.ru}`;
  if (bin) {
    let entity;
    try {
      entity = await app.stateDb.findLegalEntity(bin);
    } catch (e) {
      throw gatewayProblem(e);
    }
    if (!entity) throw forbidden('applicant_unknown', `the state database of legal entities has no record of BIN ${bin}`);
    display = `${display} (${entity.name.ru})`;
  }
  const user = {
    id: newId(),
    kind: 'applicant' as const,
    iin,
    bin: bin ?? '',
    display_name: display || commonName,
    roles: JSON.stringify(['applicant']),
    provider_id: null,
    email: person.email ?? null,
    lang: 'ru',
    created_at: app.now().toISOString(),
  };
  try {
    await db.insertInto('users').values(user).execute();
  } catch {
    // A concurrent first sign-in of the same person created the row: use it.
    const again = await db.selectFrom('users').selectAll().where('iin', '=', iin).where('bin', '=', bin ?? '').executeTakeFirst();
    if (again) return rowToUser(again);
    throw new Error('could not create the applicant user');
  }
  return rowToUser(user);
}

export function gatewayProblem(e: unknown): AppError {
  if (e instanceof GatewayError) {
    if (e.code === 'timeout') return new AppError(504, 'state_db_timeout', `the state database did not answer in time: ${e.message}; try again`);
    if (e.code === 'invalid_identifier') return badRequest('invalid_identifier', e.message);
    return new AppError(503, 'state_db_unavailable', `the state database is unavailable: ${e.message}; try again`);
  }
  throw e;
}

export async function userFromToken(app: App, token: string | undefined): Promise<SessionUser> {
  if (!token) throw unauthorized('not_signed_in', 'sign in with EDS first: send Authorization: Bearer <token>');
  const [row] = await prepared(
    app.store.db,
    'session-by-token',
    (db, p) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.expires_at', 'sessions.cert_fingerprint', 'users.id', 'users.kind', 'users.iin', 'users.bin', 'users.roles', 'users.provider_id', 'users.display_name', 'users.email', 'users.lang'])
        .where('sessions.token_hash', '=', p(0)),
    [sha256Hex(token)],
  );
  if (!row) throw unauthorized('bad_token', 'the session token is not valid: sign in again');
  if (app.now().toISOString() >= row.expires_at) throw unauthorized('session_expired', 'your session has expired: sign in again');
  return { ...rowToUser(row), certFingerprint: row.cert_fingerprint };
}

/** `db` may be a transaction: on SQLite a query outside the open transaction would wait for it forever. */
export async function findUser(db: App['store']['db'], id: string): Promise<SessionUser | undefined> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return u ? rowToUser(u) : undefined;
}

export { rowToUser };
