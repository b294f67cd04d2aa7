// Where the applicant's new private keys wait, in this browser only, between generating the
// requests and downloading the key store: IndexedDB (database "qyzmet-keys"), which can hold
// CryptoKey objects as they are, so the keys survive a reload or a visit to the centre days later
// without ever being written out in clear or sent anywhere. When IndexedDB is unavailable (some
// private windows) they are kept in this page's memory only, and the page says so.
// Nothing here is sent to the server; `forget` deletes a record for good.

export interface HeldKey {
  privateKey: CryptoKey;
  csrPem: string;
  /** SHA-256 of the public key, as the operator's desk shows it. */
  fingerprint: string;
}

export interface HeldKeys {
  /** `pending:<userId>:<subcase>` before the application is submitted, then the case id. */
  id: string;
  userId: string;
  subcase: string;
  caseId?: string;
  number?: string;
  /** The submission's Idempotency-Key: a repeat can only ever create one case. */
  idempotencyKey: string;
  createdAt: string;
  auth: HeldKey;
  sign: HeldKey;
}

const DB = 'qyzmet-keys';
const STORE = 'keys';
const memory = new Map<string, HeldKeys>();
let db: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  db ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return db;
}

/** 'indexeddb' when the keys survive a reload in this browser, 'memory' when they live only as long as this page. */
export async function storageKind(): Promise<'indexeddb' | 'memory'> {
  return (await open()) ? 'indexeddb' : 'memory';
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        if (!d) return reject(new Error('no IndexedDB'));
        const tx = d.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export const pendingId = (userId: string, subcase: string) => `pending:${userId}:${subcase}`;

export async function getKeys(id: string): Promise<HeldKeys | null> {
  if (!(await open())) return memory.get(id) ?? null;
  return ((await run('readonly', (s) => s.get(id))) as HeldKeys | undefined) ?? null;
}

export async function putKeys(rec: HeldKeys): Promise<void> {
  if (!(await open())) {
    memory.set(rec.id, rec);
    return;
  }
  await run('readwrite', (s) => s.put(rec));
}

export async function forgetKeys(id: string): Promise<void> {
  if (!(await open())) {
    memory.delete(id);
    return;
  }
  await run('readwrite', (s) => s.delete(id));
}

/** The pending keys become the case's once the application is accepted. */
export async function attachToCase(pending: HeldKeys, caseId: string, number: string): Promise<HeldKeys> {
  const rec = { ...pending, id: caseId, caseId, number };
  await putKeys(rec);
  await forgetKeys(pending.id);
  return rec;
}

/** Every set of keys of this user held in this browser, newest first. */
export async function listKeys(userId: string): Promise<HeldKeys[]> {
  const all = (await open()) ? ((await run('readonly', (s) => s.getAll())) as HeldKeys[]) : [...memory.values()];
  return all.filter((r) => r.userId === userId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
