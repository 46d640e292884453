// "Insert template" beside a text box: the organisation's templates, one filled for this complaint
// by the server (placeholders only with what the viewer may see) and handed to the form.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert';
import { appendText } from '../../components/TextComposer';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';
import { describeError } from '../../i18n/errors';
import { fillTemplate, listTemplates, type ResponseTemplate } from './api';
import './templates.css';

interface Props {
  complaintId: string;
  /** Receives the filled text; the form adds it to what is already written. */
  onInsert(text: string): void;
  /** Distinguishes several pickers on one page (data-testid suffix). */
  testId: string;
}

/** Merchants and bureaus keep templates; consumers and admins get no picker. */
export const usesTemplates = (role: string) => role === 'merchant' || role === 'regulator';

export function TemplatePicker({ complaintId, onInsert, testId }: Props) {
  const { t } = useTranslation('templates');
  const [items, setItems] = useState<ResponseTemplate[] | null>(null);
  const [chosen, setChosen] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listTemplates(abort.signal).then(setItems, (e: unknown) => abort.signal.aborted || setError(describeError(e)));
    return () => abort.abort();
    // setError is a state setter: it never changes, so the list loads once.
  }, [setError]);

  async function insert() {
    if (!chosen) return;
    await run(async () => {
      const filled = await fillTemplate(chosen, complaintId);
      onInsert(filled.text);
      setNote(filled.withheld.includes('consumerName') ? t('picker.withheld') : null);
    });
  }

  if (items && items.length === 0)
    return (
      <p className="muted template-picker">
        {t('picker.none')} · <Link to="/templates">{t('picker.manage')}</Link>
      </p>
    );
  return (
    <div className="template-picker" data-testid={`template-picker-${testId}`}>
      {error && <Alert tone="danger">{error}</Alert>}
      <select
        aria-label={t('picker.label')}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        data-testid={`template-choose-${testId}`}
      >
        <option value="">{t('picker.choose')}</option>
        {(items ?? []).map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.name}
          </option>
        ))}
      </select>
      <Button
        type="button"
        className="button"
        busy={busy}
        busyLabel={t('picker.inserting')}
        disabled={!chosen}
        onClick={() => void insert()}
        data-testid={`template-insert-${testId}`}
      >
        {t('picker.insert')}
      </Button>
      {note && <p className="field-hint">{note}</p>}
    </div>
  );
}

interface TextareaProps {
  complaintId: string;
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength: number;
  rows: number;
  required?: boolean;
  hint?: string;
  className?: string;
  /** The text box's data-testid; the picker's is `template-*-<pickerId>`. */
  testId: string;
  pickerId: string;
}

/** A labelled text box of a complaint's form with the template picker above it (response, decline). */
export function TemplatedTextarea(p: TextareaProps) {
  return (
    <div className={p.className ?? 'field'}>
      <label htmlFor={p.id}>{p.label}</label>
      <TemplatePicker
        complaintId={p.complaintId}
        onInsert={(text) => p.onChange(appendText(p.value, text, p.maxLength))}
        testId={p.pickerId}
      />
      <textarea
        id={p.id}
        rows={p.rows}
        required={p.required}
        maxLength={p.maxLength}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        data-testid={p.testId}
      />
      {p.hint && <p className="field-hint">{p.hint}</p>}
    </div>
  );
}
