import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page';
import { FIGURE_COUNTS } from '../../../../shared/schemas/openData';
import { COMPLAINT_FIELDS, FIGURE_KEY_FIELDS } from './dictionary';
import './openData.css';

function FieldTable({ fields, testId }: { fields: readonly string[]; testId: string }) {
  const { t } = useTranslation('openData');
  return (
    <div className="table-card">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('dictionary.column')}</th>
            <th>{t('dictionary.name')}</th>
            <th>{t('dictionary.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <td>
                <code>{f}</code>
              </td>
              <td>{t(`fields.${f}.label`)}</td>
              <td>{t(`fields.${f}.text`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What every column of the open-data files and API means, in the reader's language. */
export function DataDictionaryPage() {
  const { t } = useTranslation('openData');
  return (
    <Page
      testId="page-open-data-dictionary"
      title={t('dictionary.title')}
      description={t('dictionary.description')}
      actions={
        <Link to="/open-data" className="button">
          {t('title')}
        </Link>
      }
    >
      <section className="open-data-section">
        <h2>{t('dictionary.complaints')}</h2>
        <p className="muted">{t('dictionary.complaintsIntro')}</p>
        <FieldTable fields={COMPLAINT_FIELDS} testId="dictionary-complaints" />
      </section>
      <section className="open-data-section">
        <h2>{t('dictionary.figures')}</h2>
        <p className="muted">{t('dictionary.figuresIntro')}</p>
        <FieldTable fields={[...FIGURE_KEY_FIELDS, ...FIGURE_COUNTS]} testId="dictionary-figures" />
      </section>
      <section className="open-data-section card">
        <h2>{t('dictionary.formats')}</h2>
        <p>{t('dictionary.csv')}</p>
        <p>{t('dictionary.jsonl')}</p>
      </section>
    </Page>
  );
}
