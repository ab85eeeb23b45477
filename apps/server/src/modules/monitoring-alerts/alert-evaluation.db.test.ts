import type { TIngestResponse, TIngestResult } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { train } from '../monitoring/classifier-model.js';
import { SCAM_STORY, SYNDICATED_STORY, TRAINING_FIXTURES, UNRELATED_STORY } from '../monitoring/ingest.fixtures.js';
import { alertEvaluationRepository } from './alert-evaluation.repository.js';
import { createAlertEvaluationService } from './alert-evaluation.service.js';

let t: TestApp;
const ok = (r: TIngestResponse['results'][number]) => r as TIngestResult;
const ingest = async (articles: unknown[]) =>
  (await t.services.monitoringIngest.ingest(SYSTEM_ACTOR, { articles }, 'vi')).results.map(ok);
const evaluate = () => t.services.monitoringAlertEvaluation.evaluateNewArticles();
const query = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await t.db.pool.query<T>(text, params)).rows;

/** Another instance's evaluator on the same database, its notify possibly failing. */
const evaluator = (notify = t.services.notifications.notify) =>
  createAlertEvaluationService({
    runInTransaction: t.services.runInTransaction,
    recordAudit,
    repo: alertEvaluationRepository,
    notify,
  });

/** Notifications and e-mails of one alert, per username. */
async function told(alertId: string) {
  const notes = await query<{ username: string }>(
    `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.dedupe_key = $1 AND n.kind = 'monitoring_alert' ORDER BY u.username`,
    [`monitoring.alert:${alertId}`],
  );
  const mails = await query<{ username: string }>(
    `SELECT u.username FROM email_outbox e JOIN users u ON u.id = e.user_id WHERE e.dedupe_key = $1 ORDER BY 1`,
    [`monitoring.alert:${alertId}`],
  );
  return { inApp: notes.map((n) => n.username), email: mails.map((m) => m.username) };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.monitor', roles: ['comms_center'], unitCode: 'TT', email: 'tt@bhxh.example' });
  await t.createUser({ username: 'tt.reader', roles: ['viewer'], unitCode: 'TT' });
  const quiet = await t.createUser({
    username: 'tt.quiet',
    roles: ['viewer'],
    unitCode: 'TT',
    email: 'q@bhxh.example',
  });
  await t.createUser({ username: 'thu.officer', roles: ['unit_officer'], unitCode: 'THU', email: 'thu@bhxh.example' });
  await t.createUser({ username: 'p01.officer', roles: ['province_officer'], unitCode: 'P01' });
  // tt.quiet turned monitoring e-mails off.
  await t.db.pool.query(
    `INSERT INTO notification_preferences (user_id, kind, in_app, email) VALUES ($1, 'monitoring_alert', true, false)`,
    [quiet],
  );
  await t.db.pool.query(`INSERT INTO monitoring_models (model, examples, corrections) VALUES ($1, $2, 0)`, [
    JSON.stringify(train(TRAINING_FIXTURES)),
    TRAINING_FIXTURES.length,
  ]);
});
afterAll(async () => t?.close());

describe('evaluateNewArticles', () => {
  let scamAlert: string;

  it('makes one alert of a syndicated scam story ingested in two batches, notified once', async () => {
    const [story] = await ingest([{ url: 'https://canhbao.example.vn/gia-mao', source: 'Báo A', ...SCAM_STORY }]);
    expect(story!.flags).toContain('scam_impersonation');
    expect(await evaluate()).toBe(1);
    const [alert] = await query<{ id: string; org_unit_id: string; article_ids: string[]; rule_ids: string[] }>(
      `SELECT id, org_unit_id, article_ids, rule_ids FROM monitoring_alerts WHERE cluster_id = $1`,
      [story!.id],
    );
    scamAlert = alert!.id;
    expect(alert!.org_unit_id).toBe(await t.unitId('TT'));
    expect(alert!.article_ids).toEqual([story!.id]);
    const seeded = await query<{ id: string }>(
      `SELECT id FROM monitoring_alert_rules WHERE seed_key IN ('core-negative', 'scam-impersonation')`,
    );
    expect([...alert!.rule_ids].sort()).toEqual(seeded.map((r) => r.id).sort());
    const first = await told(scamAlert);
    expect(first.inApp).toEqual(['tt.monitor', 'tt.quiet', 'tt.reader']);
    // E-mail for those with an address who did not turn monitoring e-mails off.
    expect(first.email).toEqual(['tt.monitor']);

    const [copy] = await ingest([
      { url: 'https://baob.example.vn/canh-bao', source: 'Báo B', ...SCAM_STORY, title: 'BHXH cảnh báo web giả mạo' },
    ]);
    expect(copy!.duplicateOf).toBe(story!.id);
    expect(await evaluate()).toBe(0);
    const after = await query<{ article_ids: string[]; n: number }>(
      `SELECT article_ids, (SELECT count(*)::int FROM monitoring_alerts WHERE cluster_id = $1) AS n
         FROM monitoring_alerts WHERE id = $2`,
      [story!.id, scamAlert],
    );
    expect(after[0]).toEqual({ article_ids: [story!.id, copy!.id], n: 1 });
    expect(await told(scamAlert)).toEqual(first);
  });

  it('routes a core negative story about contributions to the Contributions Department', async () => {
    const [story] = await ingest([{ url: 'https://hanoimoi.example.vn/no-dong', ...SYNDICATED_STORY }]);
    expect(story).toMatchObject({ relevance: { level: 'core' }, sentiment: 'negative', unit: 'thu' });
    expect(await evaluate()).toBe(1);
    const [alert] = await query<{ id: string; org_unit_id: string; title: string }>(
      `SELECT id, org_unit_id, title FROM monitoring_alerts WHERE cluster_id = $1`,
      [story!.id],
    );
    expect(alert).toMatchObject({ org_unit_id: await t.unitId('THU'), title: SYNDICATED_STORY.title });
    expect(await told(alert!.id)).toEqual({ inApp: ['thu.officer'], email: ['thu.officer'] });
  });

  it("alerts a saved query's unit when the query asks for immediate alerts (an implicit rule)", async () => {
    const p01 = await t.unitId('P01');
    const [q] = await query<{ id: string }>(
      `INSERT INTO monitoring_queries (name, text, org_unit_id, alert, alert_min_relevance)
       VALUES ('Hoa ban Tây Bắc', 'hoa NEAR/3 ban', $1, 'immediate', 'unrelated') RETURNING id`,
      [p01],
    );
    const [flower] = await ingest([{ url: 'https://taybac.example.vn/hoa-ban', ...UNRELATED_STORY }]);
    expect(flower!.matchedQueries.map((m) => m.id)).toContain(q!.id);
    expect(await evaluate()).toBe(1);
    const [alert] = await query<{ id: string; org_unit_id: string; query_ids: string[]; rule_ids: string[] }>(
      `SELECT id, org_unit_id, query_ids, rule_ids FROM monitoring_alerts WHERE cluster_id = $1`,
      [flower!.id],
    );
    expect(alert).toMatchObject({ org_unit_id: p01, query_ids: [q!.id], rule_ids: [] });
    expect((await told(alert!.id)).inApp).toEqual(['p01.officer']);
  });

  it('reads the same articles again after a failed run, and two instances never raise an alert twice', async () => {
    await query(
      `INSERT INTO monitoring_queries (name, text, org_unit_id, alert, alert_min_relevance)
       VALUES ('Giá vàng', '"giá vàng"', $1, 'immediate', 'unrelated')`,
      [await t.unitId('TT')],
    );
    const [before] = await query<{ last_seq: string }>(
      `SELECT last_seq FROM monitoring_watermarks WHERE name = 'alerts'`,
    );
    const [gold] = await ingest([
      { url: 'https://x.example.vn/gia-vang', title: 'Giá vàng hôm nay tăng nhẹ', body: 'Giá vàng trong nước tăng.' },
    ]);
    const failing = evaluator(async () => {
      throw new Error('SMTP hỏng giữa chừng');
    });
    await expect(failing.evaluateNewArticles()).rejects.toThrow('SMTP hỏng giữa chừng');
    const [unmoved] = await query<{ last_seq: string }>(
      `SELECT last_seq FROM monitoring_watermarks WHERE name = 'alerts'`,
    );
    expect(unmoved).toEqual(before);
    expect(await query(`SELECT id FROM monitoring_alerts WHERE $1 = ANY(article_ids)`, [gold!.id])).toEqual([]);

    const raised = await Promise.all([evaluate(), evaluator().evaluateNewArticles(), evaluate()]);
    expect(raised.reduce((a, b) => a + b, 0)).toBe(1);
    const alerts = await query<{ id: string }>(`SELECT id FROM monitoring_alerts WHERE $1 = ANY(article_ids)`, [
      gold!.id,
    ]);
    expect(alerts).toHaveLength(1);
    expect((await told(alerts[0]!.id)).inApp).toEqual(['tt.monitor', 'tt.quiet', 'tt.reader']);
    const [moved] = await query<{ last_seq: string; max: string }>(
      `SELECT last_seq::text, (SELECT max(seq) FROM monitoring_articles)::text AS max
         FROM monitoring_watermarks WHERE name = 'alerts'`,
    );
    expect(moved!.last_seq).toBe(moved!.max);
  });

  it('works through a backlog larger than one batch', async () => {
    const small = createAlertEvaluationService({
      runInTransaction: t.services.runInTransaction,
      recordAudit,
      repo: alertEvaluationRepository,
      notify: t.services.notifications.notify,
      batchSize: 2,
    });
    const places = ['Hà Giang', 'Cần Thơ', 'Huế', 'Vinh', 'Quy Nhơn'];
    const results = await ingest(
      places.map((place, n) => ({
        url: `https://lo.example.vn/bai-${n}`,
        title: `Giá vàng tại ${place} sáng nay`,
        body: `Các cửa hàng ở ${place} niêm yết giá vàng ${n + 60} triệu đồng một lượng.`,
      })),
    );
    expect(results.every((r) => r.matchedQueries.some((q) => q.name === 'Giá vàng'))).toBe(true);
    expect(await small.evaluateNewArticles()).toBeGreaterThan(0);
    const covered = await query<{ n: number }>(
      `SELECT count(DISTINCT a)::int AS n FROM monitoring_alerts, unnest(article_ids) AS a WHERE a = ANY($1::uuid[])`,
      [results.map((r) => r.id)],
    );
    expect(covered[0]!.n).toBe(places.length);
    expect(await evaluate()).toBe(0);
  });
});
