// Finding the store: by merchant or store name, narrowed by city and county.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { searchStores, type Store } from './api';
import { CityCountyPicker, RegionName } from './regions';

interface Props {
  chosen: Store | null;
  error?: string;
  onChoose(store: Store): void;
}

export function StoreStep({ chosen, error, onChoose }: Props) {
  const { t } = useTranslation('complaints');
  const [q, setQ] = useState('');
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');
  const [found, setFound] = useState<{ key: string; stores: Store[] } | null>(null);
  const term = q.trim();
  const region = county || city;
  const key = `${region}|${term}`;

  useEffect(() => {
    const abort = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      searchStores({ q: term, region }, abort.signal).then(
        (stores) => setFound({ key: `${region}|${term}`, stores }),
        () => abort.signal.aborted || setFound({ key: `${region}|${term}`, stores: [] }),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [term, region]);

  const results = found?.key === key ? found.stores : null;
  return (
    <div className="wizard-step" data-testid="step-store">
      <div className="form-row">
        <div className="field grow-2">
          <label htmlFor="store-q">{t('wizard.storeSearch')}</label>
          <input id="store-q" type="search" value={q} maxLength={100} placeholder={t('wizard.storeSearchPlaceholder')} onChange={(e) => setQ(e.target.value)} data-testid="store-search" />
        </div>
        <CityCountyPicker
          prefix="store"
          city={city}
          county={county}
          onChange={(c, k) => {
            setCity(c);
            setCounty(k);
          }}
          cityLabel={t('filters.city')}
          countyLabel={t('filters.county')}
          empty={t('filters.anyRegion')}
        />
      </div>
      {error && (
        <p className="field-error" data-testid="error-storeId">
          {error}
        </p>
      )}
      <fieldset className="store-results">
        <legend>{t('wizard.storeResults')}</legend>
        {results === null ? (
          <Loading />
        ) : results.length === 0 ? (
          <p className="muted">{t('wizard.noStores')}</p>
        ) : (
          results.map((s) => (
            <label key={s.id} className={`store-option${chosen?.id === s.id ? ' is-chosen' : ''}`} data-testid={`store-option-${s.id}`}>
              <input type="radio" name="store" checked={chosen?.id === s.id} onChange={() => onChoose(s)} />
              <span>
                <span className="cell-strong">{s.merchantName}</span> · {s.name}
                <span className="muted store-address">
                  <RegionName code={s.countyCode} /> · {s.address}
                </span>
              </span>
            </label>
          ))
        )}
      </fieldset>
    </div>
  );
}
