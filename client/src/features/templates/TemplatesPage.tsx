// The template manager (答复模板): the organisation's named texts, created, edited and deleted here and
// inserted from the complaint page's forms (TemplatePicker).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_PLACEHOLDERS } from '../../../../shared/schemas/templates';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultCount } from '../../components/ResultCount';
import { useSubmit } from '../../components/useSubmit';
import { TextAreaField } from '../../components/form/TextAreaField';
import { TextField } from '../../components/form/TextField';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { createTemplate, deleteTemplate, listTemplates, updateTemplate, type ResponseTemplate } from './api';

import './templates.css';

const byName = (a: ResponseTemplate, b: ResponseTemplate) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function TemplateForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: ResponseTemplate | null;
  onSaved(t: ResponseTemplate): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation('templates');
  const [name, setName] = useState(editing?.name ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const { busy, error, submit } = useSubmit();

  async function save() {
    const input = { name: name.trim(), body: body.trim() };
    onSaved(editing ? await updateTemplate(editing.id, input) : await createTemplate(input));
    if (!editing) {
      setName('');
      setBody('');
    }
  }

  return (
    <form className="card" onSubmit={submit(save)} data-testid="template-form">
      <h2>{t(editing ? 'form.editTitle' : 'form.newTitle')}</h2>
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField
        label={t('form.name')}
        value={name}
        maxLength={40}
        required
        onChange={(e) => setName(e.target.value)}
        data-testid="template-name"
      />
      <TextAreaField
        label={t('form.body')}
        rows={4}
        maxLength={2000}
        required
        value={body}
        onChange={(e) => setBody(e.target.value)}
        data-testid="template-body"
      />
      <div className="button-row">
        <Button
          className="button button-primary"
          busy={busy}
          busyLabel={t('form.saving')}
          disabled={!name.trim() || !body.trim()}
          data-testid="template-save"
        >
          {t('form.save')}
        </Button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function TemplateRow({ tpl, onChanged, onDeleted }: { tpl: ResponseTemplate; onChanged(t: ResponseTemplate): void; onDeleted(): void }) {
  const { t } = useTranslation('templates');
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useSubmit();

  function remove() {
    if (!window.confirm(t('form.confirmDelete', { name: tpl.name }))) return;
    // The row goes with the template, so it stays busy until then.
    void run(
      async () => {
        await deleteTemplate(tpl.id);
        onDeleted();
      },
      { leaves: true },
    );
  }

  if (editing)
    return (
      <li>
        <TemplateForm editing={tpl} onSaved={(saved) => (setEditing(false), onChanged(saved))} onCancel={() => setEditing(false)} />
      </li>
    );
  return (
    <li className="card" data-testid="template">
      {error && <Alert tone="danger">{error}</Alert>}
      <h3>{tpl.name}</h3>
      <p className="prewrap">{tpl.body}</p>
      <p className="muted">{t('page.updated', { name: tpl.updatedByName, at: formatDateTime(tpl.updatedAt) })}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => setEditing(true)} data-testid="template-edit">
          {t('form.edit')}
        </button>
        <Button
          className="button button-outline-danger"
          busy={busy}
          busyLabel={t('form.deleting')}
          onClick={remove}
          data-testid="template-delete"
        >
          {t('form.delete')}
        </Button>
      </div>
    </li>
  );
}

export function TemplatesPage() {
  const { t } = useTranslation('templates');
  const [items, setItems] = useState<ResponseTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listTemplates(abort.signal).then(setItems, (e: unknown) => abort.signal.aborted || setError(describeError(e)));
    return () => abort.abort();
  }, []);

  const placeholders = TEMPLATE_PLACEHOLDERS.map((p) => `{${p}} ${t(`placeholders.${p}`)}`).join('、');
  const put = (saved: ResponseTemplate) => setItems((cur) => [...(cur ?? []).filter((x) => x.id !== saved.id), saved].sort(byName));
  return (
    <Page testId="page-templates" title={t('page.title')} description={t('page.description', { placeholders })}>
      {error && <Alert tone="danger">{t('page.loadFailed', { message: error })}</Alert>}
      <TemplateForm editing={null} onSaved={put} />
      {!items ? (
        !error && <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={t('page.empty')} hint={t('page.emptyHint')} />
      ) : (
        <>
          <ResultCount count={items.length} />
          <ul className="plain-list template-list" data-testid="template-list">
            {items.map((tpl) => (
              <TemplateRow
                key={tpl.id}
                tpl={tpl}
                onChanged={put}
                onDeleted={() => setItems((cur) => (cur ?? []).filter((x) => x.id !== tpl.id))}
              />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
