// The stretch of the attestation procedure that the regulation runs twice: from the inspection's
// results to the Attestation Commission's protocol, §8(22)–§8(28) (seed 002 L990–L1015). After the
// additional inspection §8(42) (L1073–L1076) orders "the actions of sub-paragraphs 22)–28)" again.
// The engine must never loop (the nonconformity decision may be taken only once, §5(8), L852–L854),
// so the second pass is a second, distinct set of steps: the same builder with the `recheck_` prefix.
import { ROLE, calendarDays, minutes, s002, workingHours, type AttestationStep } from './attestation-roles.ts';
import type { SourceRef } from '../../core/regulation.ts';

export interface ActToProtocolOptions {
  /** '' for the attestation inspection, 'recheck_' for the additional one. */
  prefix: '' | 'recheck_';
  /** The step that takes the Committee's decision on the protocol and the act. */
  decisionStep: string;
}

/** The seven steps §8(22)–§8(28), each with its own term; the last hands over to `decisionStep`. */
export function actToProtocol({ prefix, decisionStep }: ActToProtocolOptions): AttestationStep[] {
  const additional = prefix === 'recheck_';
  const id = (s: string) => `${prefix}${s}`;
  /** §8(n) for the first pass; for the second, §8(42) with the sub-paragraph it repeats. */
  const ref = (n: number, lines: string, note?: string): SourceRef =>
    additional
      ? s002(`L1073-1076, ${lines}`, `§8(42) → §8(${n})`, `Repeated after the additional attestation inspection (§8(42) names sub-paragraphs 22)–28)).${note ? ` ${note}` : ''}`)
      : s002(lines, `§8(${n})`, note);
  const act = additional
    ? { kk: 'қосымша аттестаттық тексеру актісін', ru: 'акт дополнительного аттестационного обследования', en: 'the act of additional attestation inspection' }
    : { kk: 'аттестаттық тексеру актісін', ru: 'акт аттестационного обследования', en: 'the act of attestation inspection' };

  return [
    {
      id: id('act'),
      role: ROLE.attestationServiceExecutor,
      action: {
        kk: `Тексеру нәтижелері бойынша төрт данада ${act.kk} жасау және үш сағат ішінде оларды Қызмет басшысымен, аттестаттық тексеруді жүргізу үшін жауапты Департаменттің басшысымен, Кәсіпорын басшысымен және (немесе) оның орынбасарымен келісу`,
        ru: `Составление по результатам обследования ${act.ru} в четырёх экземплярах и согласование их в течение трёх часов с руководителем Службы, руководителем Департамента, ответственного за аттестационное обследование, руководителем Предприятия и (или) его заместителем`,
        en: `Draw up ${act.en} in four copies from the inspection's results and, within three hours, agree them with the Service head, the head of the attestation Department and the head of the Enterprise and/or deputy`,
      },
      term: workingHours(3, ref(22, 'L990-994', '«үш сағат ішінде»: counted in working hours.')),
      outcomes: [{ id: 'act_agreed', label: { kk: 'Акт келісілді', ru: 'Акт согласован', en: 'Act agreed' }, next: id('act_letter') }],
      ref: ref(22, 'L990-994', 'Literally the «Бөлімнің жауапты орындаушысы» (contracts Section executor): see the interpretation on who inspects.'),
    },
    {
      id: id('act_letter'),
      role: ROLE.attestationServiceExecutor,
      action: {
        kk: 'Актілерді Кәсіпорын басшысымен келіскеннен кейін оларды ілеспе хатпен Кәсіпорынның кеңсесіне жіберу',
        ru: 'Направление актов с сопроводительным письмом в канцелярию Предприятия после согласования с руководителем Предприятия',
        en: "Send the acts with a cover letter to the Enterprise office once the Enterprise head has agreed them",
      },
      term: minutes(30, ref(23, 'L995-997', '«отыз минут ішінде»')),
      outcomes: [{ id: 'sent_to_office', label: { kk: 'Кеңсеге жіберілді', ru: 'Направлено в канцелярию', en: 'Sent to the office' }, next: id('e_office_send_act') }],
      ref: ref(23, 'L995-997'),
    },
    {
      id: id('e_office_send_act'),
      role: ROLE.enterpriseOffice,
      action: {
        kk: 'Актілер берілген ілеспе хатты тіркеу нөмірі мен күнін көрсете отырып тіркеу және Комитетке жіберу',
        ru: 'Регистрация сопроводительного письма с актами с указанием регистрационного номера и даты и направление в Комитет',
        en: 'Register the cover letter with the acts (number and date) and send it to the Committee',
      },
      term: minutes(15, ref(24, 'L998-1000', '«келіп түскен сәттен бастап он бес минут ішінде»: from receipt of the letter, i.e. the step start.')),
      outcomes: [{ id: 'sent_to_committee', label: { kk: 'Комитетке жіберілді', ru: 'Направлено в Комитет', en: 'Sent to the Committee' }, next: id('c_office_register_act') }],
      ref: ref(24, 'L998-1000'),
    },
    {
      id: id('c_office_register_act'),
      role: ROLE.committeeOffice,
      action: {
        kk: 'Кәсіпорыннан келген актілер берілген ілеспе хатты тіркеу нөмірі мен келіп түскен күнін көрсете отырып тіркеу және Комитеттің жауапты құрылымдық бөлімшесінің басшысына жіберу',
        ru: 'Регистрация поступившего от Предприятия сопроводительного письма с актами с указанием регистрационного номера и даты поступления и направление руководителю ответственного структурного подразделения Комитета',
        en: "Register the Enterprise's cover letter with the acts (number and date of receipt) and pass it to the head of the Committee's responsible unit",
      },
      term: minutes(15, ref(25, 'L1004-1007', '«келіп түскен сәттен бастап он бес минут ішінде»')),
      outcomes: [{ id: 'registered', label: { kk: 'Тіркелді', ru: 'Зарегистрировано', en: 'Registered' }, next: id('c_unit_assign_act') }],
      ref: ref(25, 'L1004-1007', 'Literally «Кәсіпорын кеңсесінің жұмыскері» (the Enterprise office) receives the letter from the Enterprise: read as the Committee office.'),
    },
    {
      id: id('c_unit_assign_act'),
      role: ROLE.committeeUnitHead,
      action: {
        kk: 'Комитеттің жауапты орындаушысын айқындау және құжаттарды қарауға беру',
        ru: 'Определение ответственного исполнителя Комитета и передача документов на рассмотрение',
        en: 'Determine the Committee responsible executor and pass the documents for review',
      },
      term: minutes(30, ref(26, 'L1008-1010', '«отыз минут ішінде»')),
      outcomes: [
        {
          id: 'executor_assigned',
          label: { kk: 'Жауапты орындаушы айқындалды', ru: 'Ответственный исполнитель определён', en: 'Executor assigned' },
          next: id('convene_commission'),
          assigns: ROLE.committeeExecutor,
        },
      ],
      ref: ref(26, 'L1008-1010'),
    },
    {
      id: id('convene_commission'),
      role: ROLE.committeeExecutor,
      action: {
        kk: `Аттестациялық Комиссияны шақыру және ${act.kk} қарауға тапсыру`,
        ru: `Созыв Аттестационной комиссии и передача ей на рассмотрение: ${act.ru}`,
        en: `Convene the Attestation Commission and submit ${act.en} to it`,
      },
      term: calendarDays(
        2,
        additional
          ? s002('L863-865, L1011-1013, L1073-1076', '§5(9), §8(42) → §8(27)', '«қосымша аттестаттық тексеру актісін алған сәттен бастап күнтізбелік екі күн ішінде»: §5(9) and §8(27) agree on 2 calendar days.')
          : s002('L1011-1013', '§8(27)', '«күнтізбелік екі күн ішінде»; §5(6) (L843-845) says one calendar day: see the interpretation.'),
      ),
      outcomes: [{ id: 'convened', label: { kk: 'Комиссия шақырылды', ru: 'Комиссия созвана', en: 'Commission convened' }, next: id('commission_protocol') }],
      ref: additional ? s002('L863-865, L1011-1013, L1073-1076', '§5(9), §8(42) → §8(27)') : s002('L843-845, L1011-1013', '§5(6), §8(27)'),
    },
    {
      id: id('commission_protocol'),
      role: ROLE.commission,
      action: {
        kk: additional
          ? 'Комиссия отырысы: қосымша аттестаттық тексеру актісінің негізінде хаттама түрінде ресімделетін ұсынымдар әзірлеу'
          : 'Комиссия отырысы: актінің негізінде хаттама түрінде ресімделетін ұсынымдар әзірлеу',
        ru: additional
          ? 'Заседание Комиссии: выработка рекомендаций на основании акта дополнительного аттестационного обследования, оформляемых протоколом'
          : 'Заседание Комиссии: выработка рекомендаций на основании акта, оформляемых протоколом',
        en: additional
          ? "The Commission's session: recommendations on the act of additional attestation inspection, recorded as a protocol"
          : "The Commission's session: recommendations on the act, recorded as a protocol",
      },
      term: calendarDays(
        1,
        additional
          ? s002('L866-867, L1014-1015, L1073-1076', '§5(9), §8(42) → §8(28)', '«күнтізбелік бір күн ішінде»')
          : s002('L846-847, L1014-1015', '§5(7), §8(28)', '«күнтізбелік бір күн ішінде»'),
      ),
      outcomes: [{ id: 'protocol_adopted', label: { kk: 'Хаттама ресімделді', ru: 'Протокол оформлен', en: 'Protocol adopted' }, next: decisionStep }],
      ref: additional ? s002('L866-867, L1014-1015, L1073-1076', '§5(9), §8(42) → §8(28)') : s002('L846-847, L1014-1015', '§5(7), §8(28)'),
    },
  ];
}
