import type { TLexiconState, TModelState, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { type ClassifierModel, classify, DEFAULT_LEXICON } from '../monitoring/index.js';

let t: TestApp;
let admin: Session;
let comms: Session;
let thu: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.officer', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'thu.officer', roles: ['unit_officer'], unitCode: 'THU' });
  [admin, comms, thu] = await Promise.all([t.loginAdmin(), t.login('tt.officer'), t.login('thu.officer')]);
});
afterAll(async () => t?.close());

describe('lexicon', () => {
  it('is the default at version 0 until someone saves one; only admins and the Communication Center edit it', async () => {
    const state = (await thu.get('/api/monitoring/lexicon')).json<TLexiconState>();
    expect(state).toMatchObject({ version: 0, updatedAt: null, canEdit: false });
    expect(state.lexicon.schemeGate).toEqual(DEFAULT_LEXICON.schemeGate);
    expect((await comms.get('/api/monitoring/lexicon')).json<TLexiconState>().canEdit).toBe(true);
    const refused = await thu.put('/api/monitoring/lexicon', { lexicon: state.lexicon, version: 0 });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses terms without words and values outside the vocabulary, field by field', async () => {
    const lexicon = structuredClone(DEFAULT_LEXICON) as TLexiconState['lexicon'];
    lexicon.groups.fraud = [...(lexicon.groups.fraud ?? []), '!!!'];
    lexicon.rules = [...lexicon.rules, { name: 'mới', allOf: [['sổ BHXH giả']], unit: 'marketing' }];
    const response = await comms.put('/api/monitoring/lexicon', { lexicon, version: 0 });
    expect(response.statusCode).toBe(400);
    const fields = response.json<TProblem>().errors?.map((e) => [e.field, e.code]);
    expect(fields).toEqual([
      [`lexicon.groups.fraud.${lexicon.groups.fraud.length - 1}`, 'monitoring.term_without_words'],
      [`lexicon.rules.${lexicon.rules.length - 1}.unit`, 'validation.invalid_value'],
    ]);
    const shape = await comms.put('/api/monitoring/lexicon', { lexicon: { ...lexicon, schemeGate: [] }, version: 0 });
    expect(shape.statusCode).toBe(400);
  });

  it('saves a new version on the one it was edited from, audited, and refuses a stale edit', async () => {
    const since = await t.lastAuditSeq();
    const lexicon = structuredClone(DEFAULT_LEXICON) as TLexiconState['lexicon'];
    lexicon.groups.book_trading = [...(lexicon.groups.book_trading ?? []), 'thu gom sổ BHXH'];
    const saved = await comms.put('/api/monitoring/lexicon', { lexicon, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<TLexiconState>()).toMatchObject({ version: 1, updatedBy: expect.any(String) });
    expect((await thu.get('/api/monitoring/lexicon')).json<TLexiconState>().lexicon.groups.book_trading).toContain(
      'thu gom sổ BHXH',
    );
    const stale = await admin.put('/api/monitoring/lexicon', { lexicon: DEFAULT_LEXICON, version: 0 });
    expect(stale.statusCode).toBe(409);
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([['update', 'monitoring_lexicon', '1']]);
    // Put back to the default for the training below (version 2).
    expect((await admin.put('/api/monitoring/lexicon', { lexicon: DEFAULT_LEXICON, version: 1 })).statusCode).toBe(200);
  });
});

const article = (title: string, body: string) => ({ title, lead: '', body });
const provinces = ['Hà Nội', 'Nghệ An', 'Đà Nẵng', 'Cần Thơ', 'Bình Định', 'Thái Bình', 'Hải Dương', 'Gia Lai'];
/** Labelled examples: contribution debts (thu), fraud on BHYT (thanhtra), car insurance and football (unrelated). */
const EXAMPLES = provinces.flatMap((place, i) => [
  {
    ...article(
      `${place}: doanh nghiệp nợ đọng BHXH hơn ${10 + i} tỷ đồng`,
      `Nhiều doanh nghiệp tại ${place} chậm đóng, trốn đóng bảo hiểm xã hội cho người lao động.\nCơ quan BHXH đề nghị xử lý nợ đọng.`,
    ),
    label: { relevance: 'core', sentiment: 'negative', flags: ['evasion_debt'], unit: 'thu' },
  },
  {
    ...article(
      `Phát hiện trục lợi quỹ BHYT tại ${place}`,
      `Thanh tra phát hiện bệnh viện ở ${place} lập khống hồ sơ, gian lận thanh toán bảo hiểm y tế.\nVụ việc được chuyển công an.`,
    ),
    label: { relevance: 'core', sentiment: 'negative', flags: ['fraud'], unit: 'thanhtra' },
  },
  {
    ...article(`Giá bảo hiểm xe ô tô tại ${place} tăng`, `Các công ty bảo hiểm tăng phí bảo hiểm vật chất xe ô tô.`),
    label: { relevance: 'unrelated', sentiment: 'na', flags: [], unit: 'none' },
  },
]);
const maternity = (place: string) =>
  article(
    `Lao động nữ ở ${place} hỏi về chế độ thai sản`,
    `Chị hỏi mức hưởng chế độ thai sản khi sinh con, thời gian nghỉ thai sản và trợ cấp một lần.`,
  );

describe('model', () => {
  const latestModel = async () =>
    (
      await t.db.pool.query<{ id: number; model: ClassifierModel; examples: number; corrections: number }>(
        'SELECT id, model, examples, corrections FROM monitoring_models ORDER BY id DESC LIMIT 1',
      )
    ).rows[0];

  it('cannot be trained before labelled articles are stored, nor by other roles', async () => {
    expect((await thu.post('/api/monitoring/model/train')).statusCode).toBe(403);
    const none = await comms.post('/api/monitoring/model/train');
    expect(none.statusCode).toBe(409);
    expect(none.json<TProblem>().code).toBe('monitoring.no_training_examples');
    const state = (await thu.get('/api/monitoring/model')).json<TModelState>();
    expect(state).toMatchObject({ trainedAt: null, training: false, canTrain: false });
  });

  it('is trained by the job after a request, into a new model row, once', async () => {
    const counts = await t.services.monitoringClassifier.importExamples(
      { userId: null, username: 'cli', fullName: 'CLI', roles: ['admin'], orgUnitId: null, scopePath: '/' },
      EXAMPLES.map((e, i) => ({
        externalId: `ex-${i}`,
        title: e.title,
        lead: e.lead,
        body: e.body,
        label: e.label as never,
      })),
    );
    expect(counts).toEqual({ inserted: EXAMPLES.length, updated: 0 });
    const since = await t.lastAuditSeq();
    const requested = await comms.post('/api/monitoring/model/train');
    expect(requested.statusCode).toBe(202);
    expect(requested.json<TModelState>()).toMatchObject({ training: true, trainedAt: null });
    // A second request while one waits adds no second run.
    expect((await admin.post('/api/monitoring/model/train')).statusCode).toBe(202);
    expect((await t.db.pool.query('SELECT 1 FROM monitoring_training_runs')).rowCount).toBe(1);

    const modelId = await t.services.monitoringClassifier.runPendingTraining();
    expect(modelId).not.toBeNull();
    expect(await t.services.monitoringClassifier.runPendingTraining()).toBeNull();
    const stored = await latestModel();
    expect(stored).toMatchObject({ id: modelId, examples: EXAMPLES.length, corrections: 0 });
    const state = (await comms.get('/api/monitoring/model')).json<TModelState>();
    expect(state).toMatchObject({ training: false, examples: EXAMPLES.length, corrections: 0, pendingCorrections: 0 });
    expect(state.trainedAt).not.toBeNull();
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type])).toEqual([
      ['train', 'monitoring_model'],
      ['create', 'monitoring_model'],
    ]);
  });

  it('learns from officers’ corrections: after retraining, a similar article goes where they said', async () => {
    const unseen = maternity('Quảng Ninh');
    const before = (await latestModel())!;
    expect(classify(unseen, before.model, DEFAULT_LEXICON).unit).not.toBe('csxh');

    for (const place of ['Hà Nam', 'Huế', 'Long An']) {
      const a = maternity(place);
      const { rows } = await t.db.pool.query<{ id: string }>(
        `INSERT INTO monitoring_articles (source_name, url, url_key, title, lead, body, sort_at, cluster_id,
           relevance_level, relevance_score, sentiment, unit, predicted)
         VALUES ('VnExpress', $1, $1, $2, '', $3, now(), gen_random_uuid(), 'peripheral', 0.5, 'neutral', 'thu', '{}')
         RETURNING id`,
        [`https://vnexpress.net/${encodeURIComponent(place)}`, a.title, a.body],
      );
      const id = rows[0]!.id;
      // An earlier correction of the same field is superseded by the latest.
      await t.db.pool.query(
        `INSERT INTO monitoring_corrections (article_id, field, before, after, created_at) VALUES
           ($1, 'unit', '"thu"', '"cshyt"', now() - interval '1 hour'),
           ($1, 'unit', '"cshyt"', '"csxh"', now()),
           ($1, 'relevance', '"peripheral"', '{"level": "core", "score": 1}', now())`,
        [id],
      );
    }
    expect((await comms.get('/api/monitoring/model')).json<TModelState>().pendingCorrections).toBe(6); // the hour-old ones predate the model

    // The nightly retrain notices the corrections and trains.
    expect(await t.services.monitoringClassifier.requestNightlyTraining()).toBe(true);
    await t.services.monitoringClassifier.runPendingTraining();
    const after = (await latestModel())!;
    expect(after).toMatchObject({ examples: EXAMPLES.length, corrections: 3 });
    expect(classify(unseen, after.model, DEFAULT_LEXICON)).toMatchObject({
      relevance: { level: 'core' },
      unit: 'csxh',
    });
    // Nothing new since: the next night does nothing.
    expect(await t.services.monitoringClassifier.requestNightlyTraining()).toBe(false);
  });

  it('imports the same examples again without adding any', async () => {
    const again = await t.services.monitoringClassifier.importExamples(
      { userId: null, username: 'cli', fullName: 'CLI', roles: ['admin'], orgUnitId: null, scopePath: '/' },
      EXAMPLES.slice(0, 3).map((e, i) => ({
        externalId: `ex-${i}`,
        title: e.title,
        lead: e.lead,
        body: e.body,
        label: e.label as never,
      })),
    );
    expect(again).toEqual({ inserted: 0, updated: 3 });
    expect((await t.db.pool.query('SELECT 1 FROM monitoring_training_examples')).rowCount).toBe(EXAMPLES.length);
  });
});
