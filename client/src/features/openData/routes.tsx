import type { AppRoute } from '../../app/appRoute';
import { DataDictionaryPage } from './DataDictionaryPage';
import { OpenDataPage } from './OpenDataPage';

export const routes: AppRoute[] = [
  { path: '/open-data', element: <OpenDataPage /> },
  { path: '/open-data/dictionary', element: <DataDictionaryPage /> },
];
