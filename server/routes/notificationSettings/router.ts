// Notification settings (issue #10, item 7): how each kind of event reaches me, and (regulators) what
// I subscribe to beyond my jurisdiction.
import {
  notificationSettingsSchema,
  settingsInput,
  subscriptionInput,
  subscriptionKeyParam,
} from '../../../shared/schemas/notificationSettings.js';
import { getSettings, saveDeliveries, subscribe, unsubscribe } from '../../commands/notificationSettings.js';
import { endpoint } from '../../http/endpoint.js';

const TAG = 'notification settings';

export const notificationSettingRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/notification-settings',
      summary: 'How each kind of event reaches me (app, mail at once, daily digest) and my subscriptions',
      tag: TAG,
      policy: 'notify:settings-read',
      response: notificationSettingsSchema,
    },
    async ({ actor }) => getSettings(actor!),
  ),
  endpoint(
    {
      method: 'put',
      path: '/notification-settings',
      summary: 'Choose the delivery of some kinds of event (the others keep theirs)',
      tag: TAG,
      policy: 'notify:settings-write',
      body: settingsInput,
      response: notificationSettingsSchema,
    },
    async ({ actor, body }) => saveDeliveries(actor!, body.deliveries),
  ),
  endpoint(
    {
      method: 'post',
      path: '/notification-subscriptions',
      summary: 'Hear of new complaints of a category, merchant, product or region, also beyond my jurisdiction (regulators)',
      tag: TAG,
      policy: 'notify:subscribe',
      body: subscriptionInput,
      response: notificationSettingsSchema,
    },
    async ({ actor, body }) => subscribe(actor!, body),
  ),
  endpoint(
    {
      method: 'delete',
      path: '/notification-subscriptions/:key',
      summary: 'Stop a subscription (its key, e.g. category:household_appliance)',
      tag: TAG,
      policy: 'notify:subscribe',
      params: subscriptionKeyParam,
      response: notificationSettingsSchema,
    },
    async ({ actor, params }) => unsubscribe(actor!, params.key),
  ),
];
