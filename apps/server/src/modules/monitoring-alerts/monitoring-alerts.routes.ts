import {
  ZAlert,
  ZAlertCounts,
  ZAlertListQuery,
  ZAlertRule,
  ZAlertRuleListQuery,
  ZCreateAlertRuleRequest,
  ZId,
  ZUpdateAlertRequest,
  ZUpdateAlertRuleRequest,
  zPage,
  WORKING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, streamWorkbook, workbook, XLSX_TYPE } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { alertColumns, ruleColumns } from './alert-export.js';
import type { AlertRulesService } from './alert-rules.service.js';
import type { MonitoringAlertsService } from './monitoring-alerts.service.js';

const tags = ['monitoring-alerts'];
const ZIdParams = z.strictObject({ id: ZId });

export function registerMonitoringAlertsRoutes(
  app: HttpApp,
  alerts: MonitoringAlertsService,
  rules: AlertRulesService,
): void {
  app.get(
    '/api/monitoring/alerts',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: "The alerts of units in the caller's subtree (statuses comma-separated), each with its first articles",
        querystring: ZAlertListQuery,
        response: { 200: zPage(ZAlert) },
      },
    },
    async (request) => alerts.listAlerts(actorOf(request), request.query),
  );

  app.get(
    '/api/monitoring/alerts/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Every alert matching the filters, as Excel (streamed)', querystring: ZAlertListQuery },
    },
    async (request, reply) => {
      const chunks = await alerts.exportChunks(actorOf(request), request.query);
      const vi = request.locale === 'vi';
      const body = streamWorkbook(vi ? 'Canh bao' : 'Alerts', alertColumns(request.locale), chunks);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(vi ? 'canh-bao-bao-chi.xlsx' : 'press-alerts.xlsx'))
        .send(body);
    },
  );

  app.get(
    '/api/monitoring/alerts/counts',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: "New and acknowledged alerts in the caller's inbox", response: { 200: ZAlertCounts } },
    },
    async (request) => alerts.countAlerts(actorOf(request)),
  );

  app.get(
    '/api/monitoring/alerts/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One alert with its articles', params: ZIdParams, response: { 200: ZAlert } },
    },
    async (request) => alerts.getAlert(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/monitoring/alerts/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Acknowledge, dismiss or reopen an alert',
        params: ZIdParams,
        body: ZUpdateAlertRequest,
        response: { 200: ZAlert },
      },
    },
    async (request) => alerts.updateAlert(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/monitoring/alert-rules',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Alert rules, with the alerts each raised in the last 30 days',
        querystring: ZAlertRuleListQuery,
        response: { 200: zPage(ZAlertRule) },
      },
    },
    async (request) => rules.listRules(actorOf(request), request.query),
  );

  app.get(
    '/api/monitoring/alert-rules/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Alert rules matching the filters, as Excel', querystring: ZAlertRuleListQuery },
    },
    async (request, reply) => {
      const { items } = await rules.listRules(actorOf(request), request.query, true);
      const vi = request.locale === 'vi';
      const body = await workbook(vi ? 'Quy tac canh bao' : 'Alert rules', ruleColumns(request.locale), items);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(vi ? 'quy-tac-canh-bao.xlsx' : 'alert-rules.xlsx'))
        .send(body);
    },
  );

  app.get(
    '/api/monitoring/alert-rules/:id',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'One alert rule', params: ZIdParams, response: { 200: ZAlertRule } },
    },
    async (request) => rules.getRule(actorOf(request), request.params.id),
  );

  app.post(
    '/api/monitoring/alert-rules',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Add an alert rule (one with no condition besides relevance is refused on `queryIds`)',
        body: ZCreateAlertRuleRequest,
        response: { 201: ZAlertRule },
      },
    },
    async (request, reply) => reply.status(201).send(await rules.createRule(actorOf(request), request.body)),
  );

  app.patch(
    '/api/monitoring/alert-rules/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change an alert rule',
        params: ZIdParams,
        body: ZUpdateAlertRuleRequest,
        response: { 200: ZAlertRule },
      },
    },
    async (request) => rules.updateRule(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/monitoring/alert-rules/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: "Delete an alert rule (the agency's own are disabled instead)", params: ZIdParams },
    },
    async (request, reply) => {
      await rules.deleteRule(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
