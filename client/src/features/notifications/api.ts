import { api } from '../../api/client';
import type { z } from 'zod';
import type { MerchantListing } from '../../../../shared/schemas/directory';
import type { AppNotification, notificationPage, readAllResponse } from '../../../../shared/schemas/notification';
import type { Deliveries, NotificationSettings, SubscriptionInput } from '../../../../shared/schemas/notificationSettings';

export type { AppNotification, Deliveries, NotificationSettings, SubscriptionInput };
export type NotificationPage = z.infer<typeof notificationPage>;

export const listNotifications = (signal?: AbortSignal) => api.get<NotificationPage>('/notifications', { query: { limit: 20 }, signal });

export const markRead = (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`, {});

export const markAllRead = () => api.post<z.infer<typeof readAllResponse>>('/notifications/read-all', {});

export const getSettings = (signal?: AbortSignal) => api.get<NotificationSettings>('/notification-settings', { signal });
export const saveDeliveries = (deliveries: Deliveries) => api.put<NotificationSettings>('/notification-settings', { deliveries });
export const addSubscription = (input: SubscriptionInput) => api.post<NotificationSettings>('/notification-subscriptions', input);
export const removeSubscription = (key: string) =>
  api.delete<NotificationSettings>(`/notification-subscriptions/${encodeURIComponent(key)}`);
export const findMerchants = (q: string, signal?: AbortSignal) =>
  api.get<{ items: MerchantListing[] }>('/merchants', { query: { q, limit: 10 }, signal }).then((r) => r.items);
