// The consumer's moves: answer the merchant's response, send it to the right store, withdraw while open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import type { Store } from './api';
import { StorePicker } from './StorePicker';
import { useAction, type Act } from './useAction';
import type { ActionInput } from './useComplaint';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/form/TextAreaField';
import { TextField } from '../../components/form/TextField';

/** The texts and actions of a yes-or-no question to the consumer whose "no" needs a reason. */
export interface Question {
  testId: string;
  title: string;
  hint: string;
  yes: { label: string; input: ActionInput; testId: string };
  no: { label: string; reasonLabel: string; submit: string; action: 'reject_response' | 'dispute_remedy'; testId: string };
}

/** Accept the one answer, or refuse it with a reason (which takes the complaint to the bureau). */
export function YesOrNoWithReason({ act, q }: { act: Act; q: Question }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <section className="card action-card action-highlight" data-testid={q.testId}>
      <h2>{q.title}</h2>
      <p className="muted">{q.hint}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      {refusing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run({ action: q.no.action, reason: reason.trim() });
          }}
        >
          <TextAreaField
            label={q.no.reasonLabel}
            rows={3}
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid={`${q.no.testId}-reason`}
          />
          <div className="button-row">
            <Button className="button button-danger" busy={busy} disabled={!reason.trim()} data-testid={`${q.no.testId}-confirm`}>
              {q.no.submit}
            </Button>
            <button type="button" className="button button-ghost" onClick={() => setRefusing(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row wrap">
          <Button className="button button-primary" busy={busy} onClick={() => void run(q.yes.input)} data-testid={q.yes.testId}>
            {q.yes.label}
          </Button>
          <button className="button button-outline-danger" disabled={busy} onClick={() => setRefusing(true)} data-testid={q.no.testId}>
            {q.no.label}
          </button>
        </div>
      )}
    </section>
  );
}

export function ConsumerDecision({ act }: { act: Act }) {
  const { t } = useTranslation('complaints');
  const q: Question = {
    testId: 'consumer-decision',
    title: t('consumer.decideTitle'),
    hint: t('consumer.decideHint'),
    yes: { label: t('consumer.accept'), input: { action: 'accept_response' }, testId: 'accept-response' },
    no: {
      label: t('consumer.reject'),
      reasonLabel: t('consumer.rejectReason'),
      submit: t('consumer.confirmReject'),
      action: 'reject_response',
      testId: 'reject',
    },
  };
  return <YesOrNoWithReason act={act} q={q} />;
}

export function WithdrawAction({ act }: { act: Act }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  if (!confirming) {
    return (
      <button className="button button-ghost withdraw-link" onClick={() => setConfirming(true)} data-testid="withdraw">
        {t('consumer.withdraw')}
      </button>
    );
  }
  return (
    <form
      className="card action-card"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ action: 'withdraw', ...(reason.trim() ? { reason: reason.trim() } : {}) });
      }}
    >
      <p>{t('consumer.withdrawConfirm')}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField label={t('consumer.withdrawReason')} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="button-row">
        <Button className="button button-danger" busy={busy} data-testid="withdraw-confirm">
          {t('consumer.withdraw')}
        </Button>
        <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

/** After a "not our business" answer: name the right store and the complaint starts over with its merchant. */
export function RedirectForm({ act, currentStoreId }: { act: Act; currentStoreId: string }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [store, setStore] = useState<Store | null>(null);
  return (
    <form
      className="card action-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (store) void run({ action: 'redirect', storeId: store.id });
      }}
      data-testid="redirect-form"
    >
      <h2>{t('consumer.redirectTitle')}</h2>
      <p className="muted">{t('consumer.redirectHint')}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      <StorePicker chosen={store} onChoose={setStore} />
      <div className="button-row">
        <Button
          className="button button-primary"
          busy={busy}
          disabled={!store || store.id === currentStoreId}
          data-testid="redirect-submit"
        >
          {t('consumer.redirect')}
        </Button>
      </div>
    </form>
  );
}
