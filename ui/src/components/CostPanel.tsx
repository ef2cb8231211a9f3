import { formatUsd } from '../format';
import { useI18n } from '../i18n';
import type { Costs } from '../types';

export function CostPanel({ costs }: { costs: Costs | null }) {
  const { t, lang } = useI18n();
  if (!costs) return null;
  return (
    <section className="card" data-testid="costs">
      <h2>{t('progress.costs')}</h2>
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
            {t('progress.costs.calls')}: {costs.calls}
          </summary>
          <table className="table">
            <tbody>
              {costs.by_provider.map((line, i) => (
                <tr key={`${line.provider}-${line.operation}-${i}`}>
                  <td>{line.provider}</td>
                  <td>{line.operation}</td>
                  <td>
                    {line.calls} × {line.units} {line.unit}
                  </td>
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
