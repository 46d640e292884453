// Public rankings (docs/indices.md): a city's merchants in one category by complaints per open store.
import { api } from '../../api/client';
import type { Ranking } from '../../../../shared/schemas/rankings';

export type { Ranking };

export const getRanking = (cityCode: string, category: string, signal?: AbortSignal) =>
  api.get<Ranking>('/public/rankings', { query: { cityCode, category }, signal });
