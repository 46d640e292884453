import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Page } from '../../components/Page';
import { ComplaintList } from './ComplaintList';
import { useListCounts } from './useListCounts';
import './complaints.css';

const QUERY = { sort: 'newest' };
const ALL = {};

export function MyComplaintsPage() {
  const { t } = useTranslation('complaints');
  const counts = useListCounts(ALL);
  const fileOne = (
    <Link className="button button-primary" to="/complaints/new" data-testid="file-complaint">
      {t('mine.fileOne')}
    </Link>
  );
  return (
    <Page testId="page-complaints" title={t('mine.title')} description={t('mine.description')} actions={fileOne}>
      <ComplaintList
        query={QUERY}
        columns={['merchant']}
        testId="my-complaints"
        empty={{ title: t('mine.emptyTitle'), hint: t('mine.emptyHint') }}
        heading={
          counts && (
            <p className="muted list-count" data-testid="result-count" data-count={counts.count}>
              {t('filters.resultCount', { count: counts.count })}
            </p>
          )
        }
      />
    </Page>
  );
}
