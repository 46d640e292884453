// The last step: a summary to check, evidence to attach, and whether the merchant may know who is asking.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../i18n/format';
import { EVIDENCE_ACCEPT, evidenceProblem, formatSize } from './evidence';
import { yuanToFen } from './money';
import type { Draft } from './wizardState';

interface Props {
  draft: Draft;
  update(patch: (d: Draft) => Draft): void;
}

export function ConfirmStep({ draft, update }: Props) {
  const { t } = useTranslation('complaints');
  const [problems, setProblems] = useState<string[]>([]);
  const amount = yuanToFen(draft.purchase.amount);

  function addFiles(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    setProblems(files.map(evidenceProblem).filter((p): p is string => !!p));
    const good = files.filter((f) => !evidenceProblem(f));
    update((d) => ({ ...d, files: [...d.files, ...good] }));
  }

  return (
    <div className="wizard-step" data-testid="step-confirm">
      <h2>{t('wizard.review')}</h2>
      <dl className="facts review">
        <div className="fact">
          <dt>{t('detail.store')}</dt>
          <dd>
            {draft.store?.merchantName} · {draft.store?.name}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('detail.product')}</dt>
          <dd>
            {draft.product.name}
            {draft.product.category && ` · ${t(`categories.${draft.product.category}`)}`}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('detail.purchase')}</dt>
          <dd>
            {draft.purchase.date && formatDate(draft.purchase.date)} · {amount !== null && formatMoney(amount)} ·{' '}
            {t(`channel.${draft.purchase.channel}`)}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('detail.problem')}</dt>
          <dd>
            {draft.problemType && t(`problemTypes.${draft.problemType}`)} · {t(`demandTypes.${draft.demand.type}`)}
          </dd>
        </div>
      </dl>
      <div className="field">
        <span className="field-label">{t('wizard.evidence')}</span>
        {draft.files.length > 0 && (
          <ul className="file-list">
            {draft.files.map((f, i) => (
              <li key={`${f.name}-${i}`} data-testid="evidence-file">
                <span>{f.name}</span>
                <span className="muted">{formatSize(f.size)}</span>
                <button
                  type="button"
                  className="button button-ghost"
                  onClick={() => update((d) => ({ ...d, files: d.files.filter((_, j) => j !== i) }))}
                >
                  {t('wizard.removeFile')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <label className="button upload-button">
          {t('attachments.add')}
          <input type="file" accept={EVIDENCE_ACCEPT} multiple onChange={addFiles} data-testid="evidence-input" />
        </label>
        <p className="field-hint">{t('wizard.evidenceHint')}</p>
        {problems.map((p) => (
          <p key={p} className="field-error">
            {p}
          </p>
        ))}
      </div>
      <div className="consent">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.contactAgreement}
            onChange={(e) => update((d) => ({ ...d, contactAgreement: e.target.checked }))}
            data-testid="contact-agreement"
          />
          {t('wizard.contact')}
        </label>
        <p className="field-hint">{t('wizard.contactHint')}</p>
      </div>
    </div>
  );
}
