// Staff record the outcome of a pending return: refunded (amount, now) or refused (reason).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordOutcome, type ReturnRequest } from './api';
import { Button } from '../../components/Button';
import { useSubmit } from '../../components/useSubmit';

export function OutcomeActions({ request, onDone }: { request: ReturnRequest; onDone(r: ReturnRequest, message: string): void }) {
  const { t } = useTranslation('returns');
  const [mode, setMode] = useState<'none' | 'honor' | 'refuse'>('none');
  const [amount, setAmount] = useState((request.amountFen / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();

  const send = (body: Parameters<typeof recordOutcome>[1], message: string) =>
    run(async () => {
      onDone(await recordOutcome(request.id, body), message);
      setMode('none');
    });

  if (request.status !== 'pending') return null;
  if (mode === 'none') {
    return (
      <div className="button-row">
        <button className="button button-primary" data-testid="return-honor" onClick={() => setMode('honor')}>
          {t('desk.honor')}
        </button>
        <button className="button button-outline-danger" data-testid="return-refuse" onClick={() => setMode('refuse')}>
          {t('desk.refuse')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="row-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (mode === 'honor')
          void send(
            { outcome: 'honored', refundedAt: new Date().toISOString(), amountFen: Math.round(Number(amount) * 100) },
            t('desk.honored'),
          );
        else void send({ outcome: 'refused', reason: reason.trim() }, t('desk.refused'));
      }}
    >
      {mode === 'honor' ? (
        <input
          aria-label={t('desk.refundAmount')}
          data-testid="return-refund-amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      ) : (
        <>
          {request.covered && <p className="field-error">{t('desk.breachWarning')}</p>}
          <input
            aria-label={t('desk.refuseReason')}
            placeholder={t('desk.refuseReason')}
            data-testid="return-refuse-reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </>
      )}
      <Button
        className={`button ${mode === 'honor' ? 'button-primary' : 'button-danger'}`}
        type="submit"
        busy={busy}
        data-testid="return-confirm"
      >
        {mode === 'honor' ? t('desk.confirmHonor') : t('desk.confirmRefuse')}
      </Button>
      <button className="button button-ghost" type="button" onClick={() => setMode('none')}>
        {t('actions.cancel')}
      </button>
      {error && <p className="field-error">{error}</p>}
    </form>
  );
}
