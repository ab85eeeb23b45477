// The national data set of the API load benchmark: ≥ 1 million communication products (the table officers list,
// search and open most) and as many publications, generated with set-based SQL; and the officers who use it.
import type { Pool } from 'pg';
import type { TRole } from '@loa/contracts';
import type { Actor } from '../apps/server/src/platform/actor.js';

export const SCALE = Number(process.env.LOA_BENCH_SCALE ?? 1);
export const PRODUCTS = Math.round(1_000_000 * SCALE);
export const BENCH_PASSWORD = 'Bench-password-2026';

/** Words of product titles and summaries, as officers write them; searches pick from the same words. */
const TOPICS = [
  'Truyền thông chính sách BHXH tự nguyện',
  'Tuyên truyền BHYT hộ gia đình',
  'Hỏi đáp chế độ thai sản',
  'Phóng sự về người lao động tự do',
  'Tọa đàm chính sách bảo hiểm thất nghiệp',
  'Bản tin hưu trí và trợ cấp',
  'Infographic BHYT học sinh sinh viên',
  'Video hướng dẫn VssID',
  'Tin bài chi trả lương hưu qua tài khoản',
  'Chuyên mục an sinh xã hội',
  'Hội nghị đối thoại doanh nghiệp nợ đóng',
  'Tờ gấp chính sách Luật BHXH 2024',
];
const PLACES = ['Hà Nội', 'Đà Nẵng', 'TP Hồ Chí Minh', 'Nghệ An', 'Thanh Hóa', 'Cần Thơ', 'Lào Cai', 'Gia Lai'];
const AUTHORS = ['Nguyễn Thu Hằng', 'Trần Minh Đức', 'Lê Thị Lan', 'Phạm Quốc Việt', 'Hoàng Ngọc Trang'];
/** Searches: broad single words, two-word phrases and selective ones (a place with a topic). */
export const SEARCHES = [
  'tu nguyen',
  'bhyt',
  'thai san',
  'vssid',
  'hoc sinh',
  'luong huu',
  'doi thoai doanh nghiep',
  'that nghiep',
  'nghe an',
  'lao cai an sinh',
  'infographic',
  'huu tri',
];

const list = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(',')}]`;

/** Generates the products and their publications (triggers off while loading, indexes kept); returns the counts. */
export async function generateProducts(pool: Pool): Promise<{ products: number; publications: number }> {
  const client = await pool.connect();
  try {
    const q = (text: string) => client.query(text);
    await q(`SELECT setseed(0.2026)`);
    await q(`SET session_replication_role = replica`);
    await q(`CREATE TEMP TABLE bench_units AS
               SELECT array_agg(id ORDER BY code) AS ids FROM org_units WHERE kind IN ('district', 'province')`);
    const { rows: types } = await client.query<{ year: number; codes: string[] }>(
      `SELECT year, array_agg(code ORDER BY code) AS codes FROM guidance_items WHERE kind = 'product_type'
        GROUP BY year ORDER BY year DESC LIMIT 1`,
    );
    const { year, codes } = types[0]!;
    // Five years of products, spread evenly over every province and district; 40 % published.
    await q(`INSERT INTO products (guidance_year, type_code, title, summary, body, owner_unit_id, authors, status,
               created_at, updated_at)
             SELECT ${year}, (${list(codes)})[1 + g % ${codes.length}],
                    t.topics[1 + g % 12] || ' tại ' || t.places[1 + (g / 12) % 8] || ' số ' || g,
                    'Sản phẩm truyền thông về ' || lower(t.topics[1 + (g * 7) % 12]),
                    'Nội dung sản phẩm số ' || g || '. ' || repeat('Người dân được hướng dẫn tham gia BHXH, BHYT. ', 8),
                    u.ids[1 + (g::bigint * 7919) % cardinality(u.ids)], ARRAY[t.authors[1 + g % 5]],
                    (ARRAY['published', 'published', 'draft', 'in_appraisal', 'ready'])[1 + g % 5], at, at
               FROM bench_units u, generate_series(1, ${PRODUCTS}) g,
                    (SELECT ${list(TOPICS)} AS topics, ${list(PLACES)} AS places, ${list(AUTHORS)} AS authors) t,
                    LATERAL (SELECT '2020-12-31T17:00:00Z'::timestamptz + (g::float8 / ${PRODUCTS}) * interval '1826 days'
                                    + random() * interval '20 hours' AS at) x`);
    await q(`INSERT INTO publications (product_id, channel, outlet, published_at, org_unit_id)
             SELECT id, (ARRAY['press', 'tv', 'radio', 'loudspeaker', 'printed', 'sms'])[1 + floor(random() * 6)::int],
                    'Báo Nhân Dân', created_at + random() * interval '10 days', owner_unit_id
               FROM products`);
    await q(`SET session_replication_role = origin`);
    await q(`VACUUM ANALYZE products`);
    await q(`VACUUM ANALYZE publications`);
    const { rows } = await client.query<{ products: number; publications: number }>(
      `SELECT (SELECT count(*) FROM products)::int AS products, (SELECT count(*) FROM publications)::int AS publications`,
    );
    return rows[0]!;
  } finally {
    client.release();
  }
}

export interface Officer {
  username: string;
  actor: Actor;
  /** Products this officer may open (of their subtree). */
  productIds: string[];
}

/**
 * The officers at work: as in the country, mostly district and province officers and a few of the Communication
 * Center (whole country in scope). `count` users, each with the products of their scope they open.
 */
export async function createOfficers(pool: Pool, passwordHash: string, count: number): Promise<Officer[]> {
  const { rows: units } = await pool.query<{ id: string; path: string; code: string; kind: string }>(
    `SELECT id, path, code, kind FROM org_units WHERE kind IN ('province', 'district') OR code = 'TT' ORDER BY code`,
  );
  const byKind = (kind: string) => units.filter((u) => u.kind === kind);
  const [center] = units.filter((u) => u.code === 'TT');
  const provinces = byKind('province');
  const districts = byKind('district');
  const officers: Officer[] = [];
  for (let i = 0; i < count; i++) {
    // 5 % Communication Center, 35 % provinces, 60 % districts.
    const share = i % 20;
    const [unit, role]: [{ id: string; path: string }, TRole] =
      share === 0
        ? [center!, 'comms_center']
        : share < 8
          ? [provinces[(i * 7) % provinces.length]!, 'province_officer']
          : [districts[(i * 13) % districts.length]!, 'district_officer'];
    const username = `bench${i}`;
    const { rows } = await pool.query<{ id: string; full_name: string }>(
      `INSERT INTO users (username, full_name, roles, org_unit_id, password_hash)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, full_name`,
      [username, `Cán bộ ${i}`, [role], unit.id, passwordHash],
    );
    const scopePath = role === 'comms_center' ? '/' : unit.path;
    const { rows: ids } = await pool.query<{ id: string }>(
      `SELECT p.id FROM products p JOIN org_units o ON o.id = p.owner_unit_id
        WHERE o.path LIKE $1 || '%' ORDER BY p.created_at DESC LIMIT 40`,
      [scopePath === '/' ? '' : scopePath],
    );
    officers.push({
      username,
      actor: {
        userId: rows[0]!.id,
        username,
        fullName: rows[0]!.full_name,
        roles: [role],
        orgUnitId: unit.id,
        scopePath: unit.path,
      },
      productIds: ids.map((r) => r.id),
    });
  }
  return officers;
}
