// Kazakh, Russian and English for every text the application itself writes; the catalog brings
// its own names in the three languages. Dates and numbers go through Intl for the chosen language,
// in Asia/Almaty time (the legal clock's zone).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';
import { kk } from './messages/kk.ts';
import type { MessageKey, Messages } from './messages/types.ts';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
export const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
export type { MessageKey, Messages };
export type Text = { kk: string; ru: string; en: string };

const DICTS: Record<Lang, Messages> = { kk, ru, en };
const STORAGE = 'qyzmet.lang';
const TZ = 'Asia/Almaty';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    // storage disabled
  }
  const nav = (navigator.language || '').slice(0, 2);
  return nav === 'kk' || nav === 'en' ? nav : 'ru';
}

function fill(s: string, params?: Record<string, string | number>): string {
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] !== undefined ? String(params[k]) : m));
}

// Browsers built with a reduced ICU (Debian's Chromium among them) have no Kazakh date data and
// print "2026 M11 22"; Kazakh is then formatted here, in CLDR's Kazakh patterns.
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const KK_WEEKDAYS = ['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб', 'Жс'];
const kazakhIntl = (() => {
  try {
    return new Intl.DateTimeFormat('kk', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2020, 10, 15))) === 'қараша';
  } catch {
    return false;
  }
})();

function almatyParts(d: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { y: get('year'), m: Number(get('month')), d: get('day'), time: `${get('hour')}:${get('minute')}` };
}

export interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A plural message: `key.one`, `key.few`, … chosen by Intl.PluralRules, with {n}. */
  tp(key: string, n: number, params?: Record<string, string | number>): string;
  /** A catalog text in the current language. */
  tx(text: Partial<Text> | null | undefined, fallback?: string): string;
  date(iso: string | Date): string;
  /** ISO weekday 1 = Monday … 7 = Sunday, abbreviated. */
  weekday(isoDay: number): string;
  dateTime(iso: string | Date): string;
  number(n: number): string;
  bytes(n: number): string;
  relative(iso: string, now?: Date): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE, l);
    } catch {
      // storage disabled: the choice lasts for this page
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = DICTS[lang];
    const plural = new Intl.PluralRules(lang);
    const own = lang === 'kk' && !kazakhIntl;
    const dateFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: TZ });
    const dateTimeFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ });
    const weekdayFmt = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
    // Kazakh groups digits and marks decimals as Russian does.
    const num = new Intl.NumberFormat(own ? 'ru' : lang);
    const rel = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    const kkDate = (d: Date) => {
      const p = almatyParts(d);
      return `${p.y} ж. ${Number(p.d)} ${KK_MONTHS[p.m - 1]}`;
    };
    const kkRelative = (n: number, unit: 'day' | 'hour') => {
      if (unit === 'day' && n === 0) return 'бүгін';
      if (unit === 'day' && n === 1) return 'ертең';
      if (unit === 'day' && n === -1) return 'кеше';
      const word = unit === 'day' ? ['күннен', 'күн'] : ['сағаттан', 'сағат'];
      return n > 0 ? `${num.format(n)} ${word[0]} кейін` : `${num.format(-n)} ${word[1]} бұрын`;
    };
    const t = (key: MessageKey, params?: Record<string, string | number>) => fill(dict[key] ?? en[key] ?? key, params);
    return {
      lang,
      setLang,
      t,
      tp: (key, n, params) => {
        const s = dict[`${key}.${plural.select(n)}`] ?? dict[`${key}.other`] ?? (en as Messages)[`${key}.other`] ?? key;
        return fill(s, { n: num.format(n), ...params });
      },
      tx: (text, fallback = '') => (text ? text[lang] ?? text.ru ?? text.en ?? fallback : fallback),
      date: (iso) => (own ? kkDate(new Date(iso)) : dateFmt.format(new Date(iso))),
      dateTime: (iso) => (own ? `${kkDate(new Date(iso))}, ${almatyParts(new Date(iso)).time}` : dateTimeFmt.format(new Date(iso))),
      // 2024-01-01 was a Monday.
      weekday: (d) => (own ? KK_WEEKDAYS[d - 1]! : weekdayFmt.format(new Date(Date.UTC(2024, 0, d)))),
      number: (n) => num.format(n),
      bytes: (n) => {
        if (n < 1024) return fill(dict['unit.bytes'] ?? '{n} B', { n: num.format(n) });
        if (n < 1024 * 1024) return fill(dict['unit.kb'] ?? '{n} KB', { n: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n / 1024) });
        return fill(dict['unit.mb'] ?? '{n} MB', { n: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n / 1024 / 1024) });
      },
      relative: (iso, now = new Date()) => {
        const diff = new Date(iso).getTime() - now.getTime();
        const days = Math.round(diff / 86_400_000);
        const [n, unit] = Math.abs(days) >= 1 ? [days, 'day' as const] : [Math.round(diff / 3_600_000), 'hour' as const];
        return own ? kkRelative(n, unit) : rel.format(n, unit);
      },
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
