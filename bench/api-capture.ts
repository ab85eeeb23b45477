// The baseline runs exactly the SQL Loa runs: each benchmark URL is answered once through Loa's own products service
// on a drizzle instance whose logger records every statement (text and parameters) it sends to PostgreSQL.
import { ZProductListQuery } from '@loa/contracts';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import { compose } from '../apps/server/src/composition-root.js';
import type { Officer } from './api-data.js';
import { SEARCHES } from './api-data.js';

export interface Statement {
  text: string;
  params: unknown[];
}

/** One request of the load: the URL, who sends it, and the statements Loa's service runs for it. */
export interface BenchRequest {
  url: string;
  officer: number;
  statements: Statement[];
}

export type Endpoint = 'list' | 'search' | 'detail';

/** The URLs of each endpoint, varied over the officers, pages, filters, searches and products. */
export function benchUrls(officers: Officer[]): Record<Endpoint, { url: string; officer: number }[]> {
  const list: { url: string; officer: number }[] = [];
  const search: { url: string; officer: number }[] = [];
  const detail: { url: string; officer: number }[] = [];
  const filters = ['', '&status=published', '&sort=title', '&status=draft', '&sort=-createdAt'];
  officers.forEach((officer, i) => {
    for (let k = 0; k < 4; k++) {
      const page = 1 + ((i + k * 3) % 5);
      list.push({ url: `/api/products?page=${page}&pageSize=20${filters[(i + k) % filters.length]}`, officer: i });
      const q = encodeURIComponent(SEARCHES[(i * 5 + k) % SEARCHES.length]!);
      search.push({ url: `/api/products?q=${q}&page=1&pageSize=20`, officer: i });
    }
    for (const id of officer.productIds.slice(0, 10)) detail.push({ url: `/api/products/${id}`, officer: i });
  });
  return { list, search, detail };
}

/** Answers every URL through the products service of a recording drizzle instance; returns what each ran. */
export async function captureStatements(
  pool: Pool,
  officers: Officer[],
  urls: Record<Endpoint, { url: string; officer: number }[]>,
): Promise<Record<Endpoint, BenchRequest[]>> {
  let recorded: Statement[] = [];
  const db = drizzle({ client: pool, logger: { logQuery: (text, params) => recorded.push({ text, params }) } });
  const services = compose(db, { sessionHours: 12 });
  const run = async (endpoint: Endpoint, url: string, officer: Officer) => {
    recorded = [];
    const parsed = new URL(url, 'http://bench');
    if (endpoint === 'detail') {
      await services.products.getProduct(officer.actor, parsed.pathname.split('/').pop()!);
    } else {
      const query = ZProductListQuery.parse(Object.fromEntries(parsed.searchParams));
      await services.products.listProducts(officer.actor, query);
    }
    if (recorded.length === 0) throw new Error(`no statement recorded for ${url}`);
    return recorded;
  };
  const result = { list: [], search: [], detail: [] } as Record<Endpoint, BenchRequest[]>;
  for (const endpoint of Object.keys(urls) as Endpoint[]) {
    for (const { url, officer } of urls[endpoint]) {
      result[endpoint].push({ url, officer, statements: await run(endpoint, url, officers[officer]!) });
    }
  }
  return result;
}
