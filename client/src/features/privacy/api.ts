// 我的数据 (issue 11, item 6): the consumer's access log, the download of their data, closing the account.
import { api } from '../../api/client';
import type { Page } from '../../../../shared/schemas/common';
import type { CloseAccountInput, DataAccess } from '../../../../shared/schemas/privacy';

export type { DataAccess };

export const DATA_ZIP_URL = '/api/me/data.zip';
export const listAccess = (cursor: string | null, signal?: AbortSignal) =>
  api.get<Page<DataAccess>>('/me/data-access', { query: { limit: 20, cursor }, signal });
export const closeAccount = (input: CloseAccountInput) => api.post<{ ok: true }>('/me/close', input);
