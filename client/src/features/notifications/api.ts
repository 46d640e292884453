import { api } from '../../api/client';

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  titleEn?: string;
  body: string;
  link: string;
  complaintId: string | null;
  read: boolean;
  at: string;
}

export const listNotifications = (signal?: AbortSignal) =>
  api.get<{ items: AppNotification[]; nextCursor: string | null; unreadCount: number }>('/notifications', { query: { limit: 20 }, signal });

export const markRead = (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`, {});

export const markAllRead = () => api.post<{ updated: number; unreadCount: number }>('/notifications/read-all', {});
