import { api } from '../../api/client';
import type { z } from 'zod';
import type { AppNotification, notificationPage, readAllResponse } from '../../../../shared/schemas/notification';

export type { AppNotification };
export type NotificationPage = z.infer<typeof notificationPage>;

export const listNotifications = (signal?: AbortSignal) => api.get<NotificationPage>('/notifications', { query: { limit: 20 }, signal });

export const markRead = (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`, {});

export const markAllRead = () => api.post<z.infer<typeof readAllResponse>>('/notifications/read-all', {});
