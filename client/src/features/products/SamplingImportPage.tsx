import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Page } from '../../components/Page';
import { describeError } from '../../i18n/errors';
import { useSocketEvent } from '../../realtime/socket';
import type { ImportLineError } from '../../../../shared/schemas/products';
import { useRegions } from '../dashboard/regions';
import { getImportJob, importSampling, type ImportJob } from './api';
import './products.css';
import { Button } from '../../components/Button';

const INVALID_HINTS = ['date', 'result', 'category', 'region'];

/** A bad line in the reader's language: the field by its column name, region codes by name. */
function LineProblem({ error }: { error: ImportLineError }) {
  const { t, i18n } = useTranslation('products');
  const regions = useRegions();
  if (error.code === 'invalid' && error.field && INVALID_HINTS.includes(error.field)) return <>{t(`sampling.invalid.${error.field}`)}</>;
  const field = t(`sampling.fields.${error.field ?? 'row'}`);
  const value =
    error.code === 'missing_columns'
      ? new Intl.ListFormat(i18n.language).format((error.value ?? '').split(', ').map((f) => t(`sampling.fields.${f}`)))
      : error.code === 'outside_jurisdiction'
        ? regions.name(error.value ?? '')
        : (error.value ?? '');
  return <>{t(`sampling.problems.${error.code}`, { field, value })}</>;
}

/** Upload a CSV of sampling results; progress arrives live, the bad lines are listed at the end. */
export function SamplingImportPage() {
  const { t } = useTranslation('products');
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = (id: string) =>
    getImportJob(id).then(
      (j) => {
        setJob(j);
        setBusy(false);
      },
      (e: unknown) => {
        setError(describeError(e));
        setBusy(false);
      },
    );

  useSocketEvent('import:progress', (p) => {
    if (p.jobId !== jobId) return;
    setProgress({ done: p.done, total: p.total });
    const status = (p as { status?: string }).status;
    if (status === 'done' || status === 'failed') void finish(p.jobId);
  });

  async function upload() {
    if (!file) return;
    setBusy(true);
    setError(null);
    setJob(null);
    setProgress({ done: 0, total: 0 });
    try {
      const { jobId: id } = await importSampling(file);
      setJobId(id);
      // A small file may finish before the socket event names our job: ask once as well.
      const j = await getImportJob(id);
      if (j.status === 'done' || j.status === 'failed') {
        setJob(j);
        setProgress({ done: j.done, total: j.total });
        setBusy(false);
      }
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
    }
  }

  const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Page testId="page-sampling" title={t('sampling.title')} description={t('sampling.description')}>
      <form
        className="card enf-form"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <div className="field">
          <label htmlFor="sampling-file">{t('sampling.file')}</label>
          <input
            id="sampling-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="sampling-file"
          />
        </div>
        <div className="button-row">
          <Button className="button button-primary" busy={busy} disabled={!file} data-testid="sampling-upload">
            {t('sampling.upload')}
          </Button>
        </div>
        {jobId && (
          <div className="enf-progress" data-testid="sampling-progress" data-done={progress.done} data-total={progress.total}>
            <div className="enf-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={job ? 100 : pct}>
              <span style={{ width: `${job ? 100 : pct}%` }} />
            </div>
            <span className="muted">{t('sampling.progress', progress)}</span>
          </div>
        )}
      </form>
      {error && <Alert tone="danger">{error}</Alert>}
      {job && (
        <Alert tone={job.status === 'failed' ? 'danger' : job.errors.length ? 'warning' : 'success'} testId="sampling-result">
          {job.status === 'failed'
            ? t('sampling.failed')
            : t('sampling.done', { inserted: job.inserted, duplicates: job.duplicates, errors: job.errors.length })}
        </Alert>
      )}
      {job && job.errors.length > 0 && (
        <section className="card table-card">
          <header className="enf-section-head">
            <h2>{t('sampling.errors')}</h2>
          </header>
          <table className="table" data-testid="sampling-errors">
            <thead>
              <tr>
                <th>{t('sampling.line')}</th>
                <th>{t('sampling.message')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((e) => (
                <tr key={`${e.line}-${e.field ?? ''}-${e.code}`}>
                  <td className="mono">{e.line}</td>
                  <td>
                    <LineProblem error={e} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Page>
  );
}
