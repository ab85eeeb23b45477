// Random records for the rollups' db test (decision 0042): products, publications with readings, events with
// check-ins, expenditures with reversals and incidents over several units and months, then random changes (new
// records, edits, moves between units and months, deletions). Random with a fixed seed (setseed on one connection),
// so a failure can be replayed; the test compares the rollups against direct aggregation, never against numbers here.
/** One connection of the test pool (setseed holds for its session). */
interface Client {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface RandomUnits {
  /** Units records are attributed to (centre, provinces, districts). */
  ids: string[];
  /** The two product type codes of the newest guidance catalog, and its year. */
  types: string[];
  year: number;
}

/** From 1 September 2023 to the end of June 2025 (Vietnam), spread over instants so some fall near month edges. */
const AT = `'2023-08-31T17:00:00Z'::timestamptz + random() * interval '668 days'`;
const pick = (array: string) => `(${array})[1 + floor(random() * cardinality(${array}))::int]`;

export async function storeRandomRecords(client: Client, units: RandomUnits, seed: number): Promise<void> {
  const ids = `$1::uuid[]`;
  const q = (text: string, values: unknown[] = [units.ids]) => client.query(text, values);
  await q(`SELECT setseed($1)`, [seed]);
  await q(
    `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, created_at, updated_at)
     SELECT $2, ${pick('$3::text[]')}, 'Sản phẩm ' || g, ${pick(ids)}, t, t
       FROM generate_series(1, 160) g, LATERAL (SELECT ${AT} + g * interval '0 s' AS t) x`,
    [units.ids, units.year, units.types],
  );
  await q(
    `INSERT INTO publications (product_id, channel, outlet, published_at, org_unit_id)
     SELECT p.id, (ARRAY['press', 'tv', 'radio', 'printed'])[1 + floor(random() * 4)::int], 'Báo ' || p.title,
            p.created_at + random() * interval '40 days', ${pick(ids)}
       FROM products p, generate_series(1, 2) g WHERE random() < 0.6`,
  );
  await q(
    `INSERT INTO publication_metrics (publication_id, metric, value, read_on, source)
     SELECT pb.id, (ARRAY['views', 'listeners', 'shares'])[1 + floor(random() * 3)::int], floor(random() * 900)::bigint,
            (pb.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + g, 'manual'
       FROM publications pb, generate_series(0, 2) g WHERE random() < 0.5
     ON CONFLICT DO NOTHING`,
    [],
  );
  await q(
    `INSERT INTO events (kind, title, org_unit_id, status, starts_at, extra_attendance, new_voluntary, new_household_bhyt)
     SELECT (ARRAY['conference', 'dialogue', 'group_household'])[1 + floor(random() * 3)::int], 'Hội nghị ' || g,
            ${pick(ids)}, (ARRAY['planned', 'held', 'reported', 'reported', 'cancelled'])[1 + floor(random() * 5)::int],
            ${AT} + g * interval '0 s', floor(random() * 50)::int, floor(random() * 6)::int, floor(random() * 6)::int
       FROM generate_series(1, 160) g`,
  );
  await q(
    `INSERT INTO event_check_ins (event_id, full_name, sex)
     SELECT e.id, 'Người ' || g, 'female' FROM events e, generate_series(1, 3) g WHERE random() < 0.4`,
    [],
  );
  // Balances large enough for any spending (the ledger's CHECK), then spending and some reversals (negative, later).
  await q(`INSERT INTO budget_fiscal_years (year) VALUES (2023), (2024), (2025), (2026) ON CONFLICT DO NOTHING`, []);
  await q(
    `INSERT INTO budget_balances (unit_id, fiscal_year, category, allocated_in)
     SELECT u, y, c, 1e15 FROM unnest(${ids}) u, generate_series(2023, 2026) y, unnest(ARRAY['event', 'printing']) c
     ON CONFLICT (unit_id, fiscal_year, category) DO UPDATE SET allocated_in = 1e15`,
  );
  await q(
    `INSERT INTO budget_expenditures (unit_id, fiscal_year, category, amount, spent_on, voucher_no, description,
       created_by_name)
     SELECT unit, extract(year FROM day)::int, cat, amount, day, 'C' || g, 'Chi ' || g, 'Kế toán'
       FROM generate_series(1, 200) g,
            LATERAL (SELECT ${pick(ids)} AS unit, (${AT} + g * interval '0 s')::date AS day,
                            (ARRAY['event', 'printing'])[1 + floor(random() * 2)::int] AS cat,
                            (1 + floor(random() * 100)::bigint) * 100000 AS amount) x`,
  );
  await reverseSome(client, 0.1);
  await q(
    `INSERT INTO incidents (code, title, severity, guide, status, owning_unit_id, assess_due_at, respond_due_at, opened_at)
     SELECT 'R-' || g || '-' || floor(random() * 1e9), 'Sự cố ' || g,
            (ARRAY['low', 'medium', 'high'])[1 + floor(random() * 3)::int], '{}', 'open', unit, at + interval '1 day',
            at + interval '2 days', at
       FROM generate_series(1, 40) g, LATERAL (SELECT ${pick(ids)} AS unit, ${AT} + g * interval '0 s' AS at) x`,
  );
}

async function reverseSome(client: Client, share: number): Promise<void> {
  await client.query(
    `INSERT INTO budget_expenditures (unit_id, fiscal_year, category, amount, spent_on, voucher_no, description,
       reverses_id, reason, created_by_name)
     SELECT x.unit_id, x.fiscal_year, x.category, -x.amount, x.spent_on + floor(random() * 60)::int,
            x.voucher_no || '-HUY', x.description, x.id, 'Sai', 'Kế toán'
       FROM budget_expenditures x
      WHERE x.reverses_id IS NULL AND x.amount > 0 AND random() < $1
        AND NOT EXISTS (SELECT 1 FROM budget_expenditures r WHERE r.reverses_id = x.id)`,
    [share],
  );
}

/** Random changes of every kind the triggers must notice. */
export async function changeRandomly(client: Client, units: RandomUnits, seed: number): Promise<void> {
  const q = (text: string, values: unknown[] = [units.ids]) => client.query(text, values);
  const ids = `$1::uuid[]`;
  await q(`SELECT setseed($1)`, [seed]);
  // Moves between units and months, edits of what is counted, deletions (publications and readings cascade).
  await q(`UPDATE products SET owner_unit_id = ${pick(ids)} WHERE random() < 0.1`);
  await q(`UPDATE products SET created_at = created_at + interval '20 days' WHERE random() < 0.1`, []);
  await q(`UPDATE products SET type_code = $1 WHERE random() < 0.1`, [units.types[0]]);
  await q(`DELETE FROM products WHERE random() < 0.05`, []);
  await q(`UPDATE publications SET org_unit_id = ${pick(ids)}, channel = 'tv' WHERE random() < 0.1`);
  await q(`UPDATE publications SET published_at = published_at - interval '9 days' WHERE random() < 0.1`, []);
  await q(`UPDATE publication_metrics SET value = value + 77 WHERE random() < 0.2`, []);
  await q(`DELETE FROM publication_metrics WHERE random() < 0.1`, []);
  await q(`DELETE FROM publications WHERE random() < 0.05`, []);
  await q(`UPDATE events SET status = 'reported' WHERE status = 'planned' AND random() < 0.3`, []);
  await q(
    `UPDATE events SET org_unit_id = ${pick(ids)}, starts_at = starts_at + interval '16 days' WHERE random() < 0.1`,
  );
  await q(`UPDATE events SET new_voluntary = new_voluntary + 3, extra_attendance = 0 WHERE random() < 0.1`, []);
  await q(`DELETE FROM event_check_ins WHERE random() < 0.2`, []);
  await q(
    `INSERT INTO event_check_ins (event_id, full_name, sex) SELECT id, 'Mới', 'male' FROM events WHERE random() < 0.2`,
    [],
  );
  await q(
    `DELETE FROM events WHERE random() < 0.05 AND NOT EXISTS
             (SELECT 1 FROM budget_expenditures x WHERE x.event_id = events.id)`,
    [],
  );
  await q(`UPDATE incidents SET owning_unit_id = ${pick(ids)}, opened_at = opened_at + interval '11 days'
            WHERE random() < 0.2`);
  await q(`DELETE FROM incidents WHERE random() < 0.1`, []);
  await reverseSome(client, 0.1);
  await q(
    `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, created_at, updated_at)
     SELECT $2, $3, 'Mới ' || g, ${pick(ids)}, t, t
       FROM generate_series(1, 20) g, LATERAL (SELECT ${AT} + g * interval '0 s' AS t) x`,
    [units.ids, units.year, units.types[1]],
  );
}
