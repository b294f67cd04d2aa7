import type { App } from './context.ts';
import { forbidden } from './errors.ts';
import { rowToUser, type SessionUser } from './auth.ts';

/** Colleagues at the same provider, so a head can pick the executor to assign. */
export async function listStaff(app: App, user: SessionUser, role?: string) {
  if (user.kind !== 'staff' || !user.providerId) throw forbidden('wrong_role', 'only the provider\'s staff see their colleagues');
  const rows = await app.store.db.selectFrom('users').selectAll().where('kind', '=', 'staff').where('provider_id', '=', user.providerId).orderBy('display_name').execute();
  return rows
    .map(rowToUser)
    .filter((u) => !role || u.roles.includes(role))
    .map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles }));
}
