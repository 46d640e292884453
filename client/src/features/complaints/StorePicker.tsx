// Finding a store: by merchant or store name, narrowed by city and county. The complaint wizard, the
// redirect form and both stores of the return form use it, so every store of the province is reachable.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { searchStores, type Store } from './api';
import { CityCountyPicker, RegionName } from './regions';

interface Props {
  chosen: Store | null;
  error?: string;
  onChoose(store: Store): void;
  /** Prefix of ids and test ids (`<prefix>-search`, `<prefix>-option-<id>`); several pickers share a page. */
  prefix?: string;
  /** Only this merchant's stores (a return goes back to the merchant that sold the goods). */
  merchantId?: string;
  /** The legend of the result list. */
  legend?: string;
}

export function StorePicker({ chosen, error, onChoose, prefix = 'store', merchantId, legend }: Props) {
  const { t } = useTranslation('complaints');
  const [q, setQ] = useState('');
  const [city, setCity] = useState('');
  const [county, setCounty] = useState('');
  const [found, setFound] = useState<{ key: string; stores: Store[] } | null>(null);
  const term = q.trim();
  const region = county || city;
  const key = `${merchantId ?? ''}|${region}|${term}`;

  useEffect(() => {
    const abort = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      searchStores({ q: term, region, ...(merchantId ? { merchantId } : {}) }, abort.signal).then(
        (stores) => setFound({ key, stores }),
        () => abort.signal.aborted || setFound({ key, stores: [] }),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key, term, region, merchantId]);

  const matches = found?.key === key ? found.stores : null;
  // A store chosen elsewhere (from the address of a store's public page) stays listed, checked, whatever the search.
  const results = matches && chosen && !matches.some((s) => s.id === chosen.id) ? [chosen, ...matches] : matches;
  return (
    <div className="store-picker" data-testid={`${prefix}-picker`}>
      <div className="form-row">
        <div className="field grow-2">
          <label htmlFor={`${prefix}-q`}>{t('wizard.storeSearch')}</label>
          <input
            id={`${prefix}-q`}
            type="search"
            value={q}
            maxLength={100}
            placeholder={t('wizard.storeSearchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            data-testid={`${prefix}-search`}
          />
        </div>
        <CityCountyPicker
          prefix={prefix}
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
        <p className="field-error" data-testid={`error-${prefix}Id`}>
          {error}
        </p>
      )}
      <fieldset className="store-results">
        <legend>{legend ?? t('wizard.storeResults')}</legend>
        {results === null ? (
          <Loading />
        ) : results.length === 0 ? (
          <p className="muted">{t('wizard.noStores')}</p>
        ) : (
          results.map((s) => (
            <label key={s.id} className={`store-option${chosen?.id === s.id ? ' is-chosen' : ''}`} data-testid={`${prefix}-option-${s.id}`}>
              <input type="radio" name={prefix} checked={chosen?.id === s.id} onChange={() => onChoose(s)} />
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
