// The payment gateway simulator's page: what a payer sees at the order's payUrl — the amount, the
// payee, the purpose, and Pay / Cancel. Plain server-rendered HTML (no script, no external asset,
// one inline style allowed by its hash), in Kazakh, Russian or English by `lang` or the browser's
// Accept-Language. The form posts to the simulator, which pays (or not) and sends the payer back
// to the order's returnUrl.
import { createHash } from 'node:crypto';
import { formatTenge } from './fees.ts';
import type { SimulatedOrder } from './simulator.ts';

export type PageLang = 'kk' | 'ru' | 'en';
const LANGS: PageLang[] = ['kk', 'ru', 'en'];

/** `lang` when it is one of ours, else the first of ours the browser accepts (by q), else Russian. */
export function pageLang(query: unknown, acceptLanguage: string | undefined): PageLang {
  if (typeof query === 'string' && (LANGS as string[]).includes(query)) return query as PageLang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((x) => x.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { lang: (tag ?? '').slice(0, 2), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0 && (LANGS as string[]).includes(x.lang))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as PageLang | undefined) ?? 'ru';
}

const T = {
  kk: {
    title: 'Төлем шлюзі (симулятор)',
    note: 'Бұл — төлем шлюзінің симуляторы: «Төлеу» батырмасы ақша алмай-ақ шотты төлейді және платформаға қол қойылған хабарлама жібереді.',
    amount: 'Сома',
    payee: 'Алушы',
    payeeBudget: 'Қазақстан Республикасының мемлекеттік бюджеті',
    codes: 'БСК / ТМК',
    purpose: 'Төлем мақсаты',
    reference: 'Шот нөмірі',
    payer: 'Төлеуші (ЖСН/БСН)',
    pay: 'Төлеу',
    cancel: 'Бас тарту',
    paid: 'Бұл шот төленді.',
    expired: 'Бұл шоттың мерзімі өтті, оны төлеуге болмайды.',
    back: 'Порталға оралу',
    unknown: 'Мұндай шот жоқ',
    unknownText: 'Төлем шлюзінде мұндай нөмірмен шот жоқ.',
    refused: 'Төлем шлюзі бұл сұрауды қабылдамады.',
  },
  ru: {
    title: 'Платёжный шлюз (симулятор)',
    note: 'Это симулятор платёжного шлюза: кнопка «Оплатить» оплачивает счёт без списания денег и отправляет платформе подписанное уведомление.',
    amount: 'Сумма',
    payee: 'Получатель',
    payeeBudget: 'Государственный бюджет Республики Казахстан',
    codes: 'КБК / КНП',
    purpose: 'Назначение платежа',
    reference: 'Номер счёта',
    payer: 'Плательщик (ИИН/БИН)',
    pay: 'Оплатить',
    cancel: 'Отменить',
    paid: 'Этот счёт оплачен.',
    expired: 'Срок этого счёта истёк, оплатить его нельзя.',
    back: 'Вернуться на портал',
    unknown: 'Счёт не найден',
    unknownText: 'В платёжном шлюзе нет счёта с таким номером.',
    refused: 'Платёжный шлюз отклонил этот запрос.',
  },
  en: {
    title: 'Payment gateway (simulator)',
    note: 'This is the payment gateway simulator: Pay pays the order without taking any money and sends the platform a signed notice.',
    amount: 'Amount',
    payee: 'Payee',
    payeeBudget: 'State budget of the Republic of Kazakhstan',
    codes: 'Budget classification / payment purpose code',
    purpose: 'Purpose of payment',
    reference: 'Order number',
    payer: 'Payer (IIN/BIN)',
    pay: 'Pay',
    cancel: 'Cancel',
    paid: 'This order is paid.',
    expired: 'This order has expired and can no longer be paid.',
    back: 'Back to the portal',
    unknown: 'Order not found',
    unknownText: 'The payment gateway has no order with this number.',
    refused: 'The payment gateway refused this request.',
  },
} satisfies Record<PageLang, Record<string, string>>;

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f4f6f8}main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c8ced6;border-radius:8px}' +
  'h1{font-size:1.4rem;margin-top:0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}' +
  '.amount{font-size:1.3rem;font-weight:700}.note{color:#3d4650}.actions{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1.5rem}' +
  'button,a.btn{font:inherit;padding:.6rem 1.4rem;border-radius:6px;border:2px solid #0b5394;cursor:pointer;text-decoration:none}.pay{background:#0b5394;color:#fff}.cancel,a.btn{background:#fff;color:#0b5394}' +
  'button:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}@media (max-width:30rem){dl{grid-template-columns:1fr}main{margin:0;border-radius:0}}';

/** The Content-Security-Policy of the page: nothing but its own inline style, forms only to `formTargets`. */
export function pageCsp(formTargets: string[]): string {
  const hash = createHash('sha256').update(STYLE).digest('base64');
  return [`default-src 'none'`, `style-src 'sha256-${hash}'`, `form-action 'self' ${formTargets.join(' ')}`.trim(), `frame-ancestors 'none'`, `base-uri 'none'`].join('; ');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(lang: PageLang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The page of order `o`: its particulars and Pay / Cancel, or that it is paid or expired. */
export function orderPage(o: SimulatedOrder, lang: PageLang, now: Date, action: string): string {
  const t = T[lang];
  const ord = o.order;
  const paid = o.notices.length > 0 || !!o.paidOnPage;
  const expired = !paid && Date.parse(ord.expiresAt) <= now.getTime();
  const row = (k: string, v: string, cls = '') => `<dt>${esc(k)}</dt><dd${cls ? ` class="${cls}"` : ''}>${esc(v)}</dd>`;
  const codes = [ord.budgetCode, ord.paymentPurposeCode].filter(Boolean).join(' / ');
  let body = `<h1>${esc(t.title)}</h1><p class="note">${esc(t.note)}</p><dl>`;
  body += row(t.amount, formatTenge(ord.amountTiyn), 'amount');
  body += row(t.payee, t.payeeBudget);
  if (codes) body += row(t.codes, codes);
  body += row(t.purpose, ord.description);
  body += row(t.reference, o.gatewayRef);
  body += row(t.payer, ord.payer.bin ?? ord.payer.iin);
  body += '</dl>';
  const back = ord.returnUrl ? `<p><a class="btn" href="${esc(ord.returnUrl)}">${esc(t.back)}</a></p>` : '';
  if (paid) body += `<p role="status"><strong>${esc(t.paid)}</strong></p>${back}`;
  else if (expired) body += `<p role="status"><strong>${esc(t.expired)}</strong></p>${back}`;
  else {
    body +=
      `<form method="post" action="${esc(action)}"><input type="hidden" name="gatewayRef" value="${esc(o.gatewayRef)}"><input type="hidden" name="lang" value="${lang}">` +
      `<div class="actions"><button type="submit" class="pay" name="decision" value="pay">${esc(t.pay)}</button><button type="submit" class="cancel" name="decision" value="cancel">${esc(t.cancel)}</button></div></form>`;
  }
  return page(lang, `${t.title}: ${o.gatewayRef}`, body);
}

/** A page that says what went wrong (unknown order, a refused request). */
export function problemPage(lang: PageLang, kind: 'unknown' | 'refused'): string {
  const t = T[lang];
  return kind === 'unknown' ? page(lang, t.unknown, `<h1>${esc(t.unknown)}</h1><p>${esc(t.unknownText)}</p>`) : page(lang, t.title, `<h1>${esc(t.title)}</h1><p role="alert">${esc(t.refused)}</p>`);
}
