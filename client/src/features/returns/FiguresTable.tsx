// Return figures per store (merchants) or per city (regulators), as a table.
import { useTranslation } from 'react-i18next';
import { percent, type Figures } from './api';

export function FiguresTable({
  rows,
  label,
  testId,
}: {
  rows: (Figures & { key: string; name: string })[];
  label: string;
  testId: string;
}) {
  const { t } = useTranslation('returns');
  return (
    <div className="card table-card">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{label}</th>
            <th>{t('columns.requests')}</th>
            <th>{t('columns.honored')}</th>
            <th>{t('columns.refused')}</th>
            <th>{t('columns.honorRate')}</th>
            <th>{t('columns.crossStore')}</th>
            <th>{t('columns.crossCity')}</th>
            <th>{t('columns.medianHours')}</th>
            <th>{t('columns.breaches')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="cell-strong">{r.name}</td>
              <td>{r.requests}</td>
              <td>{r.honored}</td>
              <td>{r.refused}</td>
              <td>{percent(r.honorRate)}</td>
              <td>{percent(r.crossStoreShare)}</td>
              <td>{percent(r.crossCityShare)}</td>
              <td>{r.medianRefundHours === null ? '—' : r.medianRefundHours.toFixed(1)}</td>
              <td>{r.breaches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
