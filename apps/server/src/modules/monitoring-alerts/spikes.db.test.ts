import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
/** A fixed "now" far from the other articles of the database: only this file's hours count. */
const NOW = new Date('2030-01-10T12:05:00Z');
const minutes = (n: number) => n * 60_000;
let articleNo = 0;

/** Stores an article published `minutesAgo` before NOW with these flags and matched queries. */
async function publish(minutesAgo: number, flags: string[] = [], queries: string[] = [], at = NOW): Promise<string> {
  articleNo++;
  const { rows } = await t.db.pool.query<{ id: string }>(
    `INSERT INTO monitoring_articles (source_name, url, url_key, title, sort_at, cluster_id, relevance_level,
       relevance_score, sentiment, unit, predicted, flags, matched_query_ids)
     VALUES ('Báo Mạng', $1, $1, $2, $3, gen_random_uuid(), 'peripheral', 0.5, 'neutral', 'none', '{}',
             $4::text[], $5::uuid[])
     RETURNING id`,
    [
      `https://spike.example.vn/${articleNo}`,
      `Bài ${articleNo}`,
      new Date(at.getTime() - minutes(minutesAgo)),
      flags,
      queries,
    ],
  );
  return rows[0]!.id;
}

/** `perHour` articles in each of the 24 hours before the last one. */
async function baseline(perHour: number, flags: string[], queries: string[] = []) {
  for (let hour = 1; hour <= 24; hour++) {
    for (let i = 0; i < perHour; i++) await publish(hour * 60 + 10 + i, flags, queries);
  }
}

const spikes = () =>
  t.db.pool
    .query<{
      id: string;
      org_unit_id: string;
      spike_flag: string | null;
      spike_query_id: string | null;
      spike_hour: Date;
      spike_count: number;
      spike_baseline: number;
      article_ids: string[];
      title: string;
    }>(`SELECT * FROM monitoring_alerts WHERE kind = 'spike' ORDER BY created_at, id`)
    .then((r) => r.rows);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.monitor', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'thu.officer', roles: ['unit_officer'], unitCode: 'THU' });
});
afterAll(async () => t?.close());

describe('detectSpikes', () => {
  let steady: string;
  let quiet: string;
  const burst: string[] = [];

  it('raises a spike of a flag for the Communication Center with the hour’s articles, and of a quiet query', async () => {
    const [thu, p01] = await Promise.all([t.unitId('THU'), t.unitId('P01')]);
    const { rows } = await t.db.pool.query<{ id: string }>(
      `INSERT INTO monitoring_queries (name, text, org_unit_id) VALUES ('Nợ đóng', 'nợ', $1), ('Sổ giả', 'sổ', $2)
       RETURNING id`,
      [thu, p01],
    );
    [steady, quiet] = [rows[0]!.id, rows[1]!.id];
    // Misinformation: one an hour, then eight in the last hour.
    await baseline(1, ['misinformation']);
    for (let i = 0; i < 8; i++) burst.push(await publish(5 + i, ['misinformation']));
    // A steady query: two an hour, then three — no spike.
    await baseline(2, [], [steady]);
    for (let i = 0; i < 3; i++) await publish(20 + i, [], [steady]);
    // A query never matched before, six in the last hour: spikes for its own unit.
    for (let i = 0; i < 6; i++) await publish(30 + i, [], [quiet]);

    expect(await t.services.monitoringAlertEvaluation.detectSpikes(NOW)).toBe(2);
    const raised = await spikes();
    expect(raised).toHaveLength(2);
    const flag = raised.find((s) => s.spike_flag === 'misinformation')!;
    expect(flag).toMatchObject({ org_unit_id: await t.unitId('TT'), spike_count: 8, spike_baseline: 1 });
    expect(flag.spike_hour.toISOString()).toBe('2030-01-10T11:00:00.000Z');
    expect([...flag.article_ids].sort()).toEqual([...burst].sort());
    expect(flag.title).toBe('Tăng đột biến “Thông tin sai lệch”: 8 tin trong một giờ (bình thường 1/giờ)');
    const byQuery = raised.find((s) => s.spike_query_id !== null)!;
    expect(byQuery).toMatchObject({ spike_query_id: quiet, org_unit_id: p01, spike_count: 6, spike_baseline: 0 });

    const { rows: notes } = await t.db.pool.query<{ username: string; link: string; title_en: string }>(
      `SELECT u.username, n.link, n.title_en FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.kind = 'monitoring_alert' ORDER BY u.username`,
    );
    expect(notes).toEqual([
      {
        username: 'tt.monitor',
        link: `/monitoring/alerts?id=${flag.id}`,
        title_en: 'Spike in “Misinformation”: 8 articles in an hour',
      },
    ]);
  });

  it('keeps one alert per subject and hour while the hour keeps spiking, notified once', async () => {
    const later = new Date(NOW.getTime() + minutes(5));
    burst.push(await publish(1, ['misinformation'], [], later), await publish(2, ['misinformation'], [], later));
    expect(await t.services.monitoringAlertEvaluation.detectSpikes(later)).toBe(0);
    const raised = await spikes();
    expect(raised).toHaveLength(2);
    const flag = raised.find((s) => s.spike_flag === 'misinformation')!;
    expect(flag.spike_count).toBe(10);
    expect([...flag.article_ids].sort()).toEqual([...burst].sort());
    const { rows } = await t.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'monitoring_alert'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('raises nothing when nothing stands out', async () => {
    const quietDay = new Date('2030-03-01T08:00:00Z');
    expect(await t.services.monitoringAlertEvaluation.detectSpikes(quietDay)).toBe(0);
    expect(await spikes()).toHaveLength(2);
  });
});
