// The texts of status notices in the applicant's language (kk, ru, en). Every status the
// regulations name for the personal cabinet has one: delivered, registered, in execution, a
// request to the applicant with its deadline (the clock stops), the answer received, the result,
// and a motivated refusal with its grounds. No service is named here: the service, provider and
// result names come from the definition.
export type Lang = 'kk' | 'ru' | 'en';
export type NoticeKind = 'delivered' | 'registered' | 'in_execution' | 'paused' | 'resumed' | 'pause_expired' | 'result' | 'refused';
export const NOTICE_KINDS: readonly NoticeKind[] = ['delivered', 'registered', 'in_execution', 'paused', 'resumed', 'pause_expired', 'result', 'refused'];

export interface NoticeVars {
  caseNumber: string;
  service: string;
  provider: string;
  /** paused: what is requested and until when (already formatted). */
  request?: string;
  due?: string;
  /** result / refused */
  resultNumber?: string;
  document?: string;
  grounds?: string[];
}

export interface RenderedNotice {
  subject: string;
  body: string;
  /** A short form for SMS (one segment where possible). */
  short: string;
}

type Template = (v: NoticeVars) => { subject: string; body: string; short?: string };

const T: Record<NoticeKind, Record<Lang, Template>> = {
  delivered: {
    kk: (v) => ({ subject: `Өтініш № ${v.caseNumber} жеткізілді`, body: `Сіздің «${v.service}» қызметіне берген № ${v.caseNumber} өтінішіңіз көрсетілетін қызметті берушіге жеткізілді: ${v.provider}.` }),
    ru: (v) => ({ subject: `Заявление № ${v.caseNumber} доставлено`, body: `Ваше заявление № ${v.caseNumber} на услугу «${v.service}» доставлено услугодателю: ${v.provider}.` }),
    en: (v) => ({ subject: `Application No. ${v.caseNumber} delivered`, body: `Your application No. ${v.caseNumber} for "${v.service}" has been delivered to the service provider: ${v.provider}.` }),
  },
  registered: {
    kk: (v) => ({ subject: `Өтініш № ${v.caseNumber} тіркелді`, body: `Сіздің «${v.service}» қызметіне берген № ${v.caseNumber} өтінішіңізді көрсетілетін қызметті беруші тіркеді (${v.provider}).` }),
    ru: (v) => ({ subject: `Заявление № ${v.caseNumber} зарегистрировано`, body: `Ваше заявление № ${v.caseNumber} на услугу «${v.service}» зарегистрировано услугодателем (${v.provider}).` }),
    en: (v) => ({ subject: `Application No. ${v.caseNumber} registered`, body: `Your application No. ${v.caseNumber} for "${v.service}" has been registered by the service provider (${v.provider}).` }),
  },
  in_execution: {
    kk: (v) => ({ subject: `Өтініш № ${v.caseNumber} орындалуда`, body: `Сіздің «${v.service}» қызметіне берген № ${v.caseNumber} өтінішіңіз орындауға қабылданды.` }),
    ru: (v) => ({ subject: `Заявление № ${v.caseNumber} на исполнении`, body: `Ваше заявление № ${v.caseNumber} на услугу «${v.service}» принято на исполнение.` }),
    en: (v) => ({ subject: `Application No. ${v.caseNumber} in execution`, body: `Your application No. ${v.caseNumber} for "${v.service}" is now being executed.` }),
  },
  paused: {
    kk: (v) => ({
      subject: `Өтініш № ${v.caseNumber}: құжаттар сұратылды`,
      body: `${v.provider} № ${v.caseNumber} өтініш бойынша сұратады: ${v.request}\nЖауап беру мерзімі: ${v.due} дейін. Осы уақытта қызмет көрсету мерзімі тоқтатыла тұрады.`,
      short: `Өтініш № ${v.caseNumber}: құжаттар сұратылды, мерзімі ${v.due} дейін. Жеке кабинетті қараңыз.`,
    }),
    ru: (v) => ({
      subject: `Заявление № ${v.caseNumber}: запрошены документы`,
      body: `${v.provider} по заявлению № ${v.caseNumber} запрашивает: ${v.request}\nСрок ответа: до ${v.due}. На это время срок оказания услуги приостановлен.`,
      short: `Заявление № ${v.caseNumber}: запрошены документы, срок до ${v.due}. См. личный кабинет.`,
    }),
    en: (v) => ({
      subject: `Application No. ${v.caseNumber}: documents requested`,
      body: `${v.provider} requests for application No. ${v.caseNumber}: ${v.request}\nPlease answer by ${v.due}. The term of the service is suspended until then.`,
      short: `Application No. ${v.caseNumber}: documents requested, answer by ${v.due}. See your personal cabinet.`,
    }),
  },
  resumed: {
    kk: (v) => ({ subject: `Өтініш № ${v.caseNumber}: жауабыңыз алынды`, body: `Жауабыңыз алынды; № ${v.caseNumber} өтініш қайтадан орындалуда.` }),
    ru: (v) => ({ subject: `Заявление № ${v.caseNumber}: ответ получен`, body: `Ваш ответ получен; заявление № ${v.caseNumber} снова на исполнении.` }),
    en: (v) => ({ subject: `Application No. ${v.caseNumber}: answer received`, body: `Your answer has been received; application No. ${v.caseNumber} is being executed again.` }),
  },
  pause_expired: {
    kk: (v) => ({ subject: `Өтініш № ${v.caseNumber}: жауап беру мерзімі өтті`, body: `№ ${v.caseNumber} өтініш бойынша сізге берілген жауап беру мерзімі өтті; өтінішті қарау жауабыңызсыз жалғасады.` }),
    ru: (v) => ({ subject: `Заявление № ${v.caseNumber}: срок ответа истёк`, body: `Срок, отведённый вам для ответа по заявлению № ${v.caseNumber}, истёк; рассмотрение заявления продолжается без вашего ответа.` }),
    en: (v) => ({ subject: `Application No. ${v.caseNumber}: the term to answer has expired`, body: `The term you were given to answer on application No. ${v.caseNumber} has expired; the application is being considered without your answer.` }),
  },
  result: {
    kk: (v) => ({ subject: `Өтініш № ${v.caseNumber}: нәтиже берілді`, body: `№ ${v.caseNumber} өтініш бойынша «${v.document}» № ${v.resultNumber} берілді. Оны жеке кабинетіңізден жүктеп алуға болады.` }),
    ru: (v) => ({ subject: `Заявление № ${v.caseNumber}: результат готов`, body: `По заявлению № ${v.caseNumber} выдан результат: «${v.document}» № ${v.resultNumber}. Его можно скачать в личном кабинете.` }),
    en: (v) => ({ subject: `Application No. ${v.caseNumber}: result issued`, body: `For application No. ${v.caseNumber} the result has been issued: "${v.document}" No. ${v.resultNumber}. You can download it in your personal cabinet.` }),
  },
  refused: {
    kk: (v) => ({ subject: `Өтініш № ${v.caseNumber}: дәлелді бас тарту`, body: `№ ${v.caseNumber} өтініш бойынша мемлекеттік қызмет көрсетуден дәлелді бас тарту № ${v.resultNumber}.\nНегіздері:\n${bullets(v.grounds)}` }),
    ru: (v) => ({ subject: `Заявление № ${v.caseNumber}: мотивированный отказ`, body: `По заявлению № ${v.caseNumber} дан мотивированный отказ в оказании государственной услуги № ${v.resultNumber}.\nОснования:\n${bullets(v.grounds)}` }),
    en: (v) => ({ subject: `Application No. ${v.caseNumber}: motivated refusal`, body: `For application No. ${v.caseNumber} the state service has been refused with motivated refusal No. ${v.resultNumber}.\nGrounds:\n${bullets(v.grounds)}` }),
  },
};

function bullets(list: string[] | undefined): string {
  return (list ?? []).map((g) => `— ${g}`).join('\n');
}

export function renderNotice(kind: NoticeKind, lang: Lang, v: NoticeVars): RenderedNotice {
  const t = T[kind][lang] ?? T[kind].ru;
  const r = t(v);
  return { subject: r.subject, body: r.body, short: r.short ?? r.subject };
}

/** "25.11.2026 18:00" from an Almaty ISO date-time ("2026-11-25T18:00:00+05:00"). */
export function shortAlmaty(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}` : iso;
}
