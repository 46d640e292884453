import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { useRegions } from '../dashboard/regions';
import type { FlagSampling } from './api';

export function SamplingTable({ results }: { results: (FlagSampling & { producer?: string })[] }) {
  const { t } = useTranslation('products');
  const regions = useRegions();
  return (
    <table className="table" data-testid="flag-sampling">
      <thead>
        <tr>
          <th>{t('flag.sampledOn')}</th>
          <th>{t('flag.producer')}</th>
          <th>{t('flag.batch')}</th>
          <th>{t('flag.failedItems')}</th>
          <th>{t('flag.authority')}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((s) => (
          <tr key={s.id}>
            <td>{formatDate(`${s.sampledOn.slice(0, 10)}T12:00:00+08:00`)}</td>
            <td>{s.producer ?? '—'}</td>
            <td className="mono">{s.batch}</td>
            <td className="text-danger">{s.failedItems.join('、')}</td>
            <td>
              {s.authority}
              <div className="muted">{regions.name(s.regionCode)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
