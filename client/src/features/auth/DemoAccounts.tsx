import { useTranslation } from 'react-i18next';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demoAccounts';

interface Props {
  onPick(email: string, password: string): void;
}

export function DemoAccounts({ onPick }: Props) {
  const { t } = useTranslation('auth');
  return (
    <details className="demo-accounts" data-testid="demo-accounts">
      <summary>{t('demo.title')}</summary>
      <p className="muted">{t('demo.hint', { password: DEMO_PASSWORD })}</p>
      <ul>
        {DEMO_ACCOUNTS.map((a) => (
          <li key={a.email}>
            <button type="button" onClick={() => onPick(a.email, DEMO_PASSWORD)} data-testid={`demo-${a.email.split('@')[0]}`}>
              <span className="mono">{a.email}</span>
              <span className="muted">{t(a.labelKey)}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
