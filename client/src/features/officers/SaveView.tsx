// Saving the queue's current filters as a named view, kept for the viewer or shared with the bureau.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { TextField } from '../../components/form/TextField';
import { viewFilters, type QueueFilters } from '../complaints/queueFilters';
import { saveView } from './savedViews';

export function SaveView({ filters }: { filters: QueueFilters }) {
  const { t } = useTranslation('officers');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const { busy, error, run } = useSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    void run(async () => {
      await saveView({ name: name.trim(), shared, filters: viewFilters(filters) });
      setOpen(false);
      setName('');
      setShared(false);
    });
  }

  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="save-view">
        {t('savedViews.save')}
      </button>
    );
  return (
    <form className="card save-view" onSubmit={submit} data-testid="save-view-form">
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField
        label={t('savedViews.name')}
        value={name}
        maxLength={40}
        onChange={(e) => setName(e.target.value)}
        data-testid="save-view-name"
      />
      <label className="checkbox">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="save-view-shared" />{' '}
        {t('savedViews.shared')}
      </label>
      <div className="button-row">
        <Button
          className="button button-primary"
          busy={busy}
          busyLabel={t('savedViews.saving')}
          disabled={!name.trim()}
          data-testid="save-view-submit"
        >
          {t('savedViews.submit')}
        </Button>
        <button type="button" className="button button-ghost" onClick={() => setOpen(false)}>
          {t('savedViews.cancel')}
        </button>
      </div>
    </form>
  );
}
