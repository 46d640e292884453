// Open data (issue 11, item 5): the figures of the latest nightly export and the export files.
import { api } from '../../api/client';
import type { FigureLevel, OpenDataExportList, OpenDataFigurePage } from '../../../../shared/schemas/openData';

export type { FigureLevel, OpenDataExportList, OpenDataFigurePage };

export const listFigures = (level: FigureLevel, cursor: string | null, signal?: AbortSignal) =>
  api.get<OpenDataFigurePage>('/open-data/figures', { query: { level, limit: 50, cursor }, signal });
export const listExports = (signal?: AbortSignal) => api.get<OpenDataExportList>('/open-data/exports', { signal });
