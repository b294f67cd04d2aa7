// A software model of the chip of a Kazakhstan ID card used as a key store (seed 004 p.9: the
// certificates are issued onto "an ID card with an electronic information carrier (chip)", the
// recipient enters the card's PIN, and the registration certificates are written onto the card).
//
// What the model guarantees, as a chip does:
// - key pairs are generated inside the card and the private keys never leave it: there is no
//   method that returns one; the card's persistent memory (`image()`) holds them only sealed
//   (AES-256-GCM) under the chip's own key, which the card object keeps in a private field;
// - every use of a private key (a PKCS#10 request, a signature) needs the PIN;
// - a wrong PIN decrements a retry counter; at zero the card is blocked until it is unblocked
//   with the PUK (which has its own counter; at zero the card is dead);
// - only a certificate for a key generated on the card can be written onto it.
// The counters change on every PIN check, right or wrong: the caller persists `image()` after
// every operation, a failed one included (otherwise the counter would not count).
import crypto from 'node:crypto';
import { signCms } from './cms.ts';
import { createCsr } from './csr.ts';
import { PkiError } from './errors.ts';
import { generateKeyPair, keysMatch, loadPrivateKey, loadPublicKey } from './keys.ts';
import type { HolderSubject, KeyAlgorithm } from './types.ts';

export type CardSlot = 'auth' | 'sign';
export const CARD_SLOTS: readonly CardSlot[] = ['auth', 'sign'];

export const DEFAULT_PIN_TRIES = 3;
export const DEFAULT_PUK_TRIES = 10;
const PIN_FORMAT = /^\d{4,8}$/;
const PUK_FORMAT = /^\d{8,12}$/;
/** The number printed on a Kazakhstan ID card: 9 digits. */
export const CARD_NUMBER_FORMAT = /^\d{9}$/;

export type IdCardErrorCode = 'card_pin_format' | 'card_wrong_pin' | 'card_blocked' | 'card_wrong_puk' | 'card_terminated' | 'card_no_key' | 'card_no_certificate' | 'card_key_mismatch' | 'card_image';

export class IdCardError extends PkiError {
  constructor(
    code: IdCardErrorCode,
    message: string,
    /** PIN (or PUK) tries left after this failure, when it was a wrong PIN (PUK). */
    readonly triesLeft?: number,
  ) {
    super(code, message);
    this.name = 'IdCardError';
  }
}

interface Secret {
  salt: string;
  mac: string;
}

interface SealedKey {
  iv: string;
  data: string;
  tag: string;
}

interface SlotImage {
  key: SealedKey;
  publicKeyPem: string;
  certificatePem: string;
  chainPems: string[];
}

interface PendingImage {
  key: SealedKey;
  publicKeyPem: string;
  csrPem: string;
  /** What the request was made for (the case id at the counter). */
  ref: string;
}

/** The chip's persistent memory, as stored by the card reader's emulator. Private keys only sealed. */
export interface IdCardImage {
  format: 'qyzmet.id-card/1';
  number: string;
  holderIin: string;
  algorithm: KeyAlgorithm;
  pin: Secret;
  puk: Secret;
  pinTries: number;
  pinTriesLeft: number;
  pukTries: number;
  pukTriesLeft: number;
  slots: Partial<Record<CardSlot, SlotImage>>;
  pending: Partial<Record<CardSlot, PendingImage>>;
}

/** What anybody holding the card can read from it without the PIN. */
export interface IdCardStatus {
  number: string;
  holderIin: string;
  algorithm: KeyAlgorithm;
  pinTriesLeft: number;
  blocked: boolean;
  terminated: boolean;
  certificates: Array<{ slot: CardSlot; certificatePem: string; publicKeyPem: string }>;
  pending: Array<{ slot: CardSlot; csrPem: string; ref: string }>;
}

function secretOf(chipKey: Buffer, value: string, salt = crypto.randomBytes(16)): Secret {
  return { salt: salt.toString('base64'), mac: crypto.createHmac('sha256', chipKey).update(salt).update(value, 'utf8').digest('base64') };
}

function secretMatches(chipKey: Buffer, s: Secret, value: string): boolean {
  const expected = Buffer.from(s.mac, 'base64');
  const got = crypto.createHmac('sha256', chipKey).update(Buffer.from(s.salt, 'base64')).update(value, 'utf8').digest();
  return expected.length === got.length && crypto.timingSafeEqual(expected, got);
}

function checkFormat(value: unknown, format: RegExp, what: string): string {
  if (typeof value !== 'string' || !format.test(value)) throw new IdCardError('card_pin_format', `the ${what} must be ${format === PIN_FORMAT ? '4 to 8' : '8 to 12'} digits`);
  return value;
}

/** Derives the chip key of one card from the emulator's secret (each card its own key). */
export function chipKeyFor(emulatorSecret: string | Buffer, cardNumber: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', Buffer.from(emulatorSecret), Buffer.from(cardNumber, 'utf8'), Buffer.from('qyzmet id-card chip key', 'utf8'), 32));
}

export class IdCard {
  readonly #chipKey: Buffer;
  #img: IdCardImage;

  private constructor(img: IdCardImage, chipKey: Buffer) {
    this.#img = img;
    this.#chipKey = Buffer.from(chipKey);
  }

  /** A new card as the document office hands it out: holder, PIN and PUK set, no keys yet. */
  static personalise(o: { number: string; holderIin: string; pin: string; puk: string; chipKey: Buffer; algorithm?: KeyAlgorithm; pinTries?: number; pukTries?: number }): IdCard {
    if (!CARD_NUMBER_FORMAT.test(o.number)) throw new PkiError('bad_input', 'an ID card number is 9 digits');
    if (!/^\d{12}$/.test(o.holderIin)) throw new PkiError('bad_input', 'the holder IIN is 12 digits');
    if (o.chipKey.length !== 32) throw new PkiError('bad_input', 'the chip key is 32 bytes');
    const pin = checkFormat(o.pin, PIN_FORMAT, 'PIN');
    const puk = checkFormat(o.puk, PUK_FORMAT, 'PUK');
    const pinTries = o.pinTries ?? DEFAULT_PIN_TRIES;
    const pukTries = o.pukTries ?? DEFAULT_PUK_TRIES;
    return new IdCard(
      {
        format: 'qyzmet.id-card/1',
        number: o.number,
        holderIin: o.holderIin,
        algorithm: o.algorithm ?? 'ECDSA-P256',
        pin: secretOf(o.chipKey, pin),
        puk: secretOf(o.chipKey, puk),
        pinTries,
        pinTriesLeft: pinTries,
        pukTries,
        pukTriesLeft: pukTries,
        slots: {},
        pending: {},
      },
      o.chipKey,
    );
  }

  /** The card whose memory is `image`, with its chip key. */
  static open(image: IdCardImage, chipKey: Buffer): IdCard {
    if (!image || image.format !== 'qyzmet.id-card/1' || !CARD_NUMBER_FORMAT.test(image.number)) throw new IdCardError('card_image', 'not an ID card image');
    return new IdCard(structuredClone(image), chipKey);
  }

  get number(): string {
    return this.#img.number;
  }

  get holderIin(): string {
    return this.#img.holderIin;
  }

  /** The card's memory to persist (private keys sealed under the chip key). */
  image(): IdCardImage {
    return structuredClone(this.#img);
  }

  status(): IdCardStatus {
    const img = this.#img;
    return {
      number: img.number,
      holderIin: img.holderIin,
      algorithm: img.algorithm,
      pinTriesLeft: img.pinTriesLeft,
      blocked: img.pinTriesLeft === 0,
      terminated: img.pukTriesLeft === 0,
      certificates: CARD_SLOTS.flatMap((slot) => {
        const s = img.slots[slot];
        return s ? [{ slot, certificatePem: s.certificatePem, publicKeyPem: s.publicKeyPem }] : [];
      }),
      pending: CARD_SLOTS.flatMap((slot) => {
        const p = img.pending[slot];
        return p ? [{ slot, csrPem: p.csrPem, ref: p.ref }] : [];
      }),
    };
  }

  /** Checks the PIN; a wrong one uses up a try, the right one restores them. */
  verifyPin(pin: unknown): void {
    const img = this.#img;
    if (img.pukTriesLeft === 0) throw new IdCardError('card_terminated', `ID card ${img.number} is dead: its PUK was entered wrongly ${img.pukTries} times; a new card must be issued`);
    if (img.pinTriesLeft === 0) throw new IdCardError('card_blocked', `ID card ${img.number} is blocked after ${img.pinTries} wrong PINs: unblock it with the PUK`, 0);
    const value = checkFormat(pin, PIN_FORMAT, 'PIN');
    if (!secretMatches(this.#chipKey, img.pin, value)) {
      img.pinTriesLeft -= 1;
      if (img.pinTriesLeft === 0) throw new IdCardError('card_blocked', `wrong PIN: ID card ${img.number} is now blocked; unblock it with the PUK`, 0);
      throw new IdCardError('card_wrong_pin', `wrong PIN for ID card ${img.number}: ${img.pinTriesLeft} ${img.pinTriesLeft === 1 ? 'try' : 'tries'} left before the card is blocked`, img.pinTriesLeft);
    }
    img.pinTriesLeft = img.pinTries;
  }

  /** Unblocks (or resets) the PIN with the PUK; a wrong PUK uses up a PUK try. */
  unblock(puk: unknown, newPin: unknown): void {
    const img = this.#img;
    if (img.pukTriesLeft === 0) throw new IdCardError('card_terminated', `ID card ${img.number} is dead: its PUK was entered wrongly ${img.pukTries} times; a new card must be issued`);
    const pin = checkFormat(newPin, PIN_FORMAT, 'new PIN');
    const value = checkFormat(puk, PUK_FORMAT, 'PUK');
    if (!secretMatches(this.#chipKey, img.puk, value)) {
      img.pukTriesLeft -= 1;
      if (img.pukTriesLeft === 0) throw new IdCardError('card_terminated', `wrong PUK: ID card ${img.number} is now dead; a new card must be issued`, 0);
      throw new IdCardError('card_wrong_puk', `wrong PUK for ID card ${img.number}: ${img.pukTriesLeft} tries left`, img.pukTriesLeft);
    }
    img.pukTriesLeft = img.pukTries;
    img.pin = secretOf(this.#chipKey, pin);
    img.pinTriesLeft = img.pinTries;
  }

  changePin(oldPin: unknown, newPin: unknown): void {
    const pin = checkFormat(newPin, PIN_FORMAT, 'new PIN');
    this.verifyPin(oldPin);
    this.#img.pin = secretOf(this.#chipKey, pin);
  }

  /**
   * Generates a key pair inside the card for each slot and returns the PKCS#10 requests signed
   * with them (PIN required). The new keys wait beside the current ones until their
   * certificates are written; a later call replaces the waiting ones.
   */
  async generateRequests(pin: unknown, subject: HolderSubject, ref: string, slots: readonly CardSlot[] = CARD_SLOTS): Promise<Array<{ slot: CardSlot; csrPem: string }>> {
    this.verifyPin(pin);
    if (subject.iin !== this.#img.holderIin) throw new IdCardError('card_key_mismatch', `ID card ${this.#img.number} belongs to IIN ${this.#img.holderIin}, not ${subject.iin}`);
    const out: Array<{ slot: CardSlot; csrPem: string }> = [];
    for (const slot of slots) {
      const keys = await generateKeyPair(this.#img.algorithm);
      const csrPem = await createCsr(keys, subject, this.#img.algorithm);
      this.#img.pending[slot] = { key: this.#seal(slot, keys.privateKeyPem, keys.publicKeyPem), publicKeyPem: keys.publicKeyPem, csrPem, ref };
      out.push({ slot, csrPem });
    }
    return out;
  }

  /** The requests waiting for their certificates (made for `ref`, when given). */
  pendingRequests(ref?: string): Array<{ slot: CardSlot; csrPem: string }> {
    return CARD_SLOTS.flatMap((slot) => {
      const p = this.#img.pending[slot];
      return p && (ref === undefined || p.ref === ref) ? [{ slot, csrPem: p.csrPem }] : [];
    });
  }

  /**
   * Writes a certificate onto the card: into the slot whose key (waiting or current) it certifies.
   * A certificate for a key the card did not generate is refused.
   */
  writeCertificate(certificatePem: string, chainPems: string[] = []): CardSlot {
    let certKey: crypto.KeyObject;
    try {
      certKey = crypto.createPublicKey(certificatePem);
    } catch {
      throw new IdCardError('card_key_mismatch', 'not a PEM certificate');
    }
    for (const slot of CARD_SLOTS) {
      const p = this.#img.pending[slot];
      if (p && loadPublicKey(p.publicKeyPem).equals(certKey)) {
        this.#img.slots[slot] = { key: p.key, publicKeyPem: p.publicKeyPem, certificatePem, chainPems };
        delete this.#img.pending[slot];
        return slot;
      }
      const s = this.#img.slots[slot];
      if (s && loadPublicKey(s.publicKeyPem).equals(certKey)) {
        s.certificatePem = certificatePem;
        s.chainPems = chainPems;
        return slot;
      }
    }
    throw new IdCardError('card_key_mismatch', `the certificate is not for a key of ID card ${this.#img.number}: only certificates for the card's own keys can be written onto it`);
  }

  /** A detached CMS SignedData over `content` with the key and certificate of `slot` (PIN required). */
  async signCms(pin: unknown, slot: CardSlot, content: Uint8Array, opts: { signingTime?: Date } = {}): Promise<Buffer> {
    this.verifyPin(pin);
    const s = this.#img.slots[slot];
    if (!s) throw new IdCardError('card_no_certificate', `ID card ${this.#img.number} has no ${slot} certificate`);
    return signCms(content, { certificatePem: s.certificatePem, privateKeyPem: this.#unseal(slot, s.key, s.publicKeyPem), chainPems: s.chainPems }, { detached: true, ...opts });
  }

  #aad(slot: CardSlot, publicKeyPem: string): Buffer {
    return Buffer.from(`${this.#img.number}/${slot}/${crypto.createHash('sha256').update(publicKeyPem).digest('hex')}`, 'utf8');
  }

  #seal(slot: CardSlot, privateKeyPem: string, publicKeyPem: string): SealedKey {
    const der = loadPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', this.#chipKey, iv);
    c.setAAD(this.#aad(slot, publicKeyPem));
    const data = Buffer.concat([c.update(der), c.final()]);
    return { iv: iv.toString('base64'), data: data.toString('base64'), tag: c.getAuthTag().toString('base64') };
  }

  #unseal(slot: CardSlot, k: SealedKey, publicKeyPem: string): string {
    let der: Buffer;
    try {
      const d = crypto.createDecipheriv('aes-256-gcm', this.#chipKey, Buffer.from(k.iv, 'base64'));
      d.setAAD(this.#aad(slot, publicKeyPem));
      d.setAuthTag(Buffer.from(k.tag, 'base64'));
      der = Buffer.concat([d.update(Buffer.from(k.data, 'base64')), d.final()]);
    } catch {
      throw new IdCardError('card_image', `the key in slot ${slot} of ID card ${this.#img.number} cannot be read with this chip's key`);
    }
    const key = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    if (!keysMatch(key, loadPublicKey(publicKeyPem))) throw new IdCardError('card_image', `the key in slot ${slot} of ID card ${this.#img.number} is damaged`);
    return key.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
}
