import {
  ZId,
  ZNotification,
  ZNotificationListQuery,
  ZNotificationPreference,
  ZOutboxListQuery,
  ZOutboxMessage,
  ZReadAllResponse,
  ZUnreadCount,
  ZUpdateNotificationPreferencesRequest,
  zPage,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];
const ZIdParams = z.strictObject({ id: ZId });
const ZPreferences = z.array(ZNotificationPreference);

export function registerNotificationsRoutes(app: HttpApp, service: NotificationsService): void {
  app.get(
    '/api/notifications',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags,
        summary: 'My notifications, newest first (unread=true for the unread ones)',
        querystring: ZNotificationListQuery,
        response: { 200: zPage(ZNotification) },
      },
    },
    async (request) => service.listNotifications(actorOf(request), request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: allow('signed-in', 'self'),
      schema: { tags, summary: 'How many of my notifications are unread', response: { 200: ZUnreadCount } },
    },
    async (request) => service.countUnread(actorOf(request)),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: allow('signed-in', 'self'),
      schema: { tags, summary: 'Mark all my notifications read', response: { 200: ZReadAllResponse } },
    },
    async (request) => service.markAllRead(actorOf(request)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: ZIdParams,
        response: { 200: ZNotification },
      },
    },
    async (request) => service.markRead(actorOf(request), request.params.id),
  );

  app.get(
    '/api/notifications/preferences',
    {
      config: allow('signed-in', 'self'),
      schema: { tags, summary: 'My in-app and e-mail switches for every kind', response: { 200: ZPreferences } },
    },
    async (request) => service.getPreferences(actorOf(request)),
  );

  app.put(
    '/api/notifications/preferences',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags,
        summary: 'Change my switches for some kinds',
        body: ZUpdateNotificationPreferencesRequest,
        response: { 200: ZPreferences },
      },
    },
    async (request) => service.updatePreferences(actorOf(request), request.body),
  );

  app.get(
    '/api/notifications/outbox',
    {
      config: allow(['admin'], 'unit'),
      schema: {
        tags,
        summary: 'Outgoing e-mails to users of my scope (administrators)',
        querystring: ZOutboxListQuery,
        response: { 200: zPage(ZOutboxMessage) },
      },
    },
    async (request) => service.listOutbox(actorOf(request), request.query),
  );

  app.post(
    '/api/notifications/outbox/:id/retry',
    {
      config: allow(['admin'], 'unit'),
      schema: {
        tags,
        summary: 'Send a held or failed e-mail again (administrators)',
        params: ZIdParams,
        response: { 200: ZOutboxMessage },
      },
    },
    async (request) => service.retryOutboxMessage(actorOf(request), request.params.id),
  );
}
