import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { MoreButton } from '../../components/MoreButton';
import { Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/format';
import { usePanel } from '../dashboard/usePanel';
import { FIGURE_COUNTS } from '../../../../shared/schemas/openData';
import { listExports, listFigures, type FigureLevel, type OpenDataFigurePage } from './api';
import './openData.css';

const LEVELS: FigureLevel[] = ['merchant', 'city', 'county'];

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The figures of one level, 50 rows a page, "more" appending the next page by cursor. */
function Figures({ level }: { level: FigureLevel }) {
  const { t, i18n } = useTranslation('openData');
  const first = usePanel((s) => listFigures(level, null, s), level, 0);
  const [more, setMore] = useState<{ level: FigureLevel; pages: OpenDataFigurePage[] }>({ level, pages: [] });
  if (first.error) return <Alert tone="danger">{t('loadFailed', { message: first.error })}</Alert>;
  if (!first.data) return <Loading />;
  if (!first.data.day) return <EmptyState title={t('figures.emptyTitle')} hint={t('figures.emptyHint')} />;
  const pages = [first.data, ...(more.level === level ? more.pages : [])];
  const rows = pages.flatMap((p) => p.items);
  const next = pages[pages.length - 1]!.nextCursor;
  return (
    <>
      <p className="muted" data-testid="open-data-figures-count">
        {t('figures.count', { count: rows.length, day: first.data.day })}
      </p>
      <div className="table-card open-data-scroll">
        <table className="table" data-testid="open-data-figures">
          <thead>
            <tr>
              <th>{t(`levels.${level}`)}</th>
              {FIGURE_COUNTS.map((k) => (
                <th key={k}>{t(`fields.${k}.label`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{i18n.language === 'en' ? r.nameEn : r.name}</td>
                {FIGURE_COUNTS.map((k) => (
                  <td key={k}>{r[k]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton
        next={next}
        load={(cursor) => listFigures(level, cursor)}
        onPage={(page) => setMore((m) => ({ level, pages: [...(m.level === level ? m.pages : []), page] }))}
        label={t('figures.more')}
        busyLabel={t('figures.loading')}
        testId="open-data-more"
      />
    </>
  );
}

/** The public open-data page: the API, the latest figures and the nightly files, readable signed out. */
export function OpenDataPage() {
  const { t } = useTranslation('openData');
  const [level, setLevel] = useState<FigureLevel>('merchant');
  const exports = usePanel((s) => listExports(s), 'exports', 0);
  return (
    <Page
      testId="page-open-data"
      title={t('title')}
      description={t('description')}
      actions={
        <Link to="/open-data/dictionary" className="button" data-testid="open-data-dictionary-link">
          {t('dictionary.title')}
        </Link>
      }
    >
      <section className="card open-data-section">
        <h2>{t('api.title')}</h2>
        <p>{t('api.intro')}</p>
        <ul className="open-data-endpoints">
          {(['complaints', 'figures', 'exports'] as const).map((k) => (
            <li key={k}>
              <code>{t(`api.${k}.path`)}</code> — {t(`api.${k}.text`)}
            </li>
          ))}
        </ul>
        <p className="muted">{t('api.limits')}</p>
      </section>

      <section className="open-data-section">
        <h2>{t('figures.title')}</h2>
        <p className="muted">{t('figures.honest')}</p>
        <div className="tabs" role="tablist" aria-label={t('figures.title')}>
          {LEVELS.map((l) => (
            <button
              key={l}
              role="tab"
              aria-selected={level === l}
              className={`tab ${level === l ? 'tab-active' : ''}`}
              onClick={() => setLevel(l)}
              data-testid={`open-data-tab-${l}`}
            >
              {t(`levels.${l}`)}
            </button>
          ))}
        </div>
        <Figures level={level} />
      </section>

      <section className="open-data-section">
        <h2>{t('exports.title')}</h2>
        <p className="muted">{t('exports.intro', { days: exports.data?.keptDays ?? 30 })}</p>
        {exports.error && <Alert tone="danger">{t('loadFailed', { message: exports.error })}</Alert>}
        {!exports.data ? (
          !exports.error && <Loading />
        ) : exports.data.items.length === 0 ? (
          <EmptyState title={t('exports.emptyTitle')} hint={t('exports.emptyHint')} />
        ) : (
          <ul className="open-data-exports" data-testid="open-data-exports">
            {exports.data.items.map((e) => (
              <li key={e.day} className="card">
                <strong>{e.day}</strong> <span className="muted">{t('exports.madeAt', { at: formatDateTime(e.finishedAt) })}</span>
                <div className="open-data-files">
                  {e.files.map((f) => (
                    <a key={f.name} href={f.url} download data-testid={`open-data-file-${f.name}`}>
                      {t(`files.${f.name.replace('.', '_')}`)} ({t('exports.rows', { count: f.rows })}, {kib(f.bytes)})
                    </a>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
