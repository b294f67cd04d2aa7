import type { en } from './en.ts';

export type MessageKey = keyof typeof en;
/** Every English key, plus the extra plural forms a language needs (few, many…). */
export type Messages = Record<MessageKey, string> & { [extra: string]: string };
