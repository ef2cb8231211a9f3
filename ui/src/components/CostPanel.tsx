import { formatUsd } from '../format';
import { isMessageKey, useI18n, type Translate } from '../i18n';
import type { CostLine, Costs } from '../types';

/** A provider's name in the page's language where it has one (the offline ones), else its model name. */
export function providerName(provider: string, t: Translate): string {
  const key = `provider.${provider}`;
  return isMessageKey(key) ? t(key) : provider;
}

/** "8 × 6 s of video", "1 × 1 500 tokens read", in the page's language and number format. */
export function usageText(line: CostLine, t: Translate, lang: string): string {
  const units = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 2 }).format(
    line.calls > 0 ? line.units / line.calls : line.units,
  );
  const key = `cost.unit.${line.unit}`;
  return t(isMessageKey(key) ? key : 'cost.unit.other', { calls: line.calls, units, unit: line.unit });
}

function operationName(operation: string, t: Translate): string {
  const key = `cost.op.${operation}`;
  return isMessageKey(key) ? t(key) : operation;
}

export function CostPanel({ costs }: { costs: Costs | null }) {
  const { t, lang } = useI18n();
  if (!costs) return null;
  return (
    <section className="card" data-testid="costs" aria-labelledby="costs-title">
      <h2 id="costs-title">{t('progress.costs')}</h2>
      <dl className="stats">
        <div>
          <dt>{t('progress.costs.spent')}</dt>
          <dd data-testid="cost-spent">{formatUsd(costs.spent_usd, lang)}</dd>
        </div>
        <div>
          <dt>{t('progress.costs.estimate')}</dt>
          <dd data-testid="cost-estimate">{formatUsd(costs.estimate_usd, lang)}</dd>
        </div>
        <div>
          <dt>{t('progress.costs.saved')}</dt>
          <dd data-testid="cost-saved">{formatUsd(costs.saved_usd, lang)}</dd>
        </div>
        {costs.budget_usd != null && (
          <div>
            <dt>{t('progress.costs.budget')}</dt>
            <dd data-testid="cost-budget">{formatUsd(costs.budget_usd, lang)}</dd>
          </div>
        )}
      </dl>
      {costs.by_provider.length > 0 && (
        <details>
          <summary>
            {t('progress.costs.calls')}{lang === 'fr' ? ' : ' : ': '}{costs.calls}
          </summary>
          <table className="table">
            <tbody>
              {costs.by_provider.map((line, i) => (
                <tr key={`${line.provider}-${line.operation}-${i}`} data-testid="cost-line">
                  <td>{operationName(line.operation, t)}</td>
                  <td>{providerName(line.provider, t)}</td>
                  <td>{usageText(line, t, lang)}</td>
                  <td className="num">{formatUsd(line.amount_usd, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
