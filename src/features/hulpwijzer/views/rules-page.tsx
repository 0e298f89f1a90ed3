import type { MessageKey } from '../../../i18n/nl.ts';
import { usePage } from '../../../web/context.ts';
import { Heading1, Layout, Paragraph } from '../../../web/layout.tsx';
import { optionKey } from '../hulpwijzer.presenter.ts';
import { RULES, type Conditions } from '../rules.ts';

const LIST_CONDITIONS = [
  ['roles', 'role', 'hulpwijzer.cond.roles'],
  ['phases', 'phase', 'hulpwijzer.cond.phases'],
  ['communication', 'communication', 'hulpwijzer.cond.communication'],
  ['anySignal', 'childSignals', 'hulpwijzer.cond.anySignal'],
  ['anySafety', 'safety', 'hulpwijzer.cond.anySafety'],
  ['anyWish', 'wishes', 'hulpwijzer.cond.anyWish'],
] as const satisfies readonly (readonly [keyof Conditions, string, MessageKey])[];

/** The conditions of a rule in plain words, with the answers as people see them in the questions. */
function useConditionText(): (when: Conditions) => string[] {
  const { t } = usePage();
  return (when) => {
    const lines: string[] = [];
    for (const [key, field, message] of LIST_CONDITIONS) {
      const values = when[key];
      if (values) lines.push(t(message, { values: values.map((v) => t(optionKey(field, v, 'parent'))).join(t('hulpwijzer.cond.or')) }));
    }
    if (when.minSignals !== undefined) lines.push(t('hulpwijzer.cond.minSignals', { n: when.minSignals }));
    return lines.length > 0 ? lines : [t('hulpwijzer.cond.always')];
  };
}

export function RulesPage({ levelLabel }: { levelLabel: (level: string) => string }) {
  const { t, lang } = usePage();
  const conditionText = useConditionText();
  return (
    <Layout title={t('hulpwijzer.rules.title')}>
      <Heading1>{t('hulpwijzer.rules.title')}</Heading1>
      <Paragraph lead>{t('hulpwijzer.rules.lead')}</Paragraph>
      <div class="ww-table-scroll">
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption">{t('hulpwijzer.rules.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('hulpwijzer.rules.col.rule')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('hulpwijzer.rules.col.when')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('hulpwijzer.rules.col.advice')}</th>
              <th class="utrecht-table__header-cell" scope="col">{t('hulpwijzer.rules.col.reason')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {RULES.map((rule, index) => (
              <tr class="utrecht-table__row" key={rule.id} id={`regel-${rule.id}`} data-rule={rule.id}>
                <th class="utrecht-table__header-cell" scope="row">
                  {`${index + 1}. `}
                  <code>{rule.id}</code>
                </th>
                <td class="utrecht-table__cell">
                  <ul class="utrecht-unordered-list">
                    {conditionText(rule.when).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </td>
                <td class="utrecht-table__cell">
                  <p class="utrecht-paragraph">{t('hulpwijzer.rules.primary', { level: levelLabel(rule.primary) })}</p>
                  {rule.also.length > 0 && (
                    <p class="utrecht-paragraph">{t('hulpwijzer.rules.also', { levels: rule.also.map(levelLabel).join(', ') })}</p>
                  )}
                </td>
                <td class="utrecht-table__cell">{rule.reason[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
