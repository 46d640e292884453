// The consumer's moves: answer the merchant's response, send it to the right store, withdraw while open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import type { Store } from './api';
import { StorePicker } from './StorePicker';
import { useAction, type Act } from './useAction';
import { Button } from '../../components/Button';

export function ConsumerDecision({ act }: { act: Act }) {
  const { t } = useTranslation('complaints');
  const { busy, error, run } = useAction(act);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <section className="card action-card action-highlight" data-testid="consumer-decision">
      <h2>{t('consumer.decideTitle')}</h2>
      <p className="muted">{t('consumer.decideHint')}</p>
      {error && <Alert tone="danger">{error}</Alert>}
      {rejecting ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run({ action: 'reject_response', reason: reason.trim() });
          }}
        >
          <div className="field">
            <label htmlFor="reject-reason">{t('consumer.rejectReason')}</label>
            <textarea
              id="reject-reason"
              rows={3}
              required
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="reject-reason"
            />
          </div>
          <div className="button-row">
            <Button className="button button-danger" busy={busy} disabled={!reason.trim()} data-testid="reject-confirm">
              {t('consumer.confirmReject')}
            </Button>
            <button type="button" className="button button-ghost" onClick={() => setRejecting(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row wrap">
          <Button
            className="button button-primary"
            busy={busy}
            onClick={() => void run({ action: 'accept_response' })}
            data-testid="accept-response"
          >
            {t('consumer.accept')}
          </Button>
          <button className="button button-outline-danger" disabled={busy} onClick={() => setRejecting(true)} data-testid="reject-response">
            {t('consumer.reject')}
          </button>
        </div>
      )}
    </section>
  );
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
      <div className="field">
        <label htmlFor="withdraw-reason">{t('consumer.withdrawReason')}</label>
        <input id="withdraw-reason" maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
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
