import type { ReactNode } from 'react';
import type { Role } from '../../../shared/enums';

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Who may open it; omitted for public pages, which signed-out visitors see too. */
  roles?: readonly Role[];
}
