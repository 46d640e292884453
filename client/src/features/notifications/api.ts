import { api } from '../../api/client';
import type { AppNotification } from '../../../../shared/schemas/notification';

export type { AppNotification };

export const listNotifications = (signal?: AbortSignal) =>
  api.get<{ items: AppNotification[]; nextCursor: string | null; unreadCount: number }>('/notifications', { query: { limit: 20 }, signal });

export const markRead = (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`, {});

export const markAllRead = () => api.post<{ updated: number; unreadCount: number }>('/notifications/read-all', {});
