import {
  FLAG_LABELS,
  OWNING_UNIT_LABELS,
  RELEVANCE_LABELS,
  SENTIMENT_LABELS,
  ZArticleDetail,
  ZArticleSearchQuery,
  ZArticleSearchResult,
  ZCorrectArticleRequest,
  ZCreateSavedViewRequest,
  ZId,
  ZSavedView,
  type TArticleSummary,
  type TLocale,
  WORKING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, streamWorkbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { MonitoringArticlesService } from './monitoring-articles.service.js';
import { localDateTime } from './present.js';
import type { SavedViewsService } from './saved-views.service.js';

const tags = ['monitoring-articles'];
const ZIdParams = z.strictObject({ id: ZId });

type Header = { vi: string; en: string };
const column = (
  key: string,
  header: Header,
  width: number,
  value: ExcelColumn<TArticleSummary>['value'],
): ((lang: TLocale) => ExcelColumn<TArticleSummary>) => {
  return (lang) => ({ key, header: header[lang], width, value });
};

/** The export's columns; headers and labels in the caller's language. */
function exportColumns(lang: TLocale): ExcelColumn<TArticleSummary>[] {
  const at = (iso: string | null) => (iso ? localDateTime(iso, lang) : null);
  return [
    column('title', { vi: 'Tiêu đề', en: 'Title' }, 60, (a) => a.title),
    column('source', { vi: 'Nguồn', en: 'Source' }, 24, (a) => a.source.name),
    column('publishedAt', { vi: 'Ngày đăng', en: 'Published' }, 18, (a) => at(a.publishedAt)),
    column('relevance', { vi: 'Mức liên quan', en: 'Relevance' }, 16, (a) => RELEVANCE_LABELS[a.relevance.level][lang]),
    column('score', { vi: 'Điểm liên quan', en: 'Score' }, 12, (a) => Math.round(a.relevance.score * 1000) / 1000),
    column('sentiment', { vi: 'Sắc thái', en: 'Sentiment' }, 14, (a) => SENTIMENT_LABELS[a.sentiment][lang]),
    column('flags', { vi: 'Dấu hiệu rủi ro', en: 'Risk flags' }, 36, (a) =>
      a.flags.map((f) => FLAG_LABELS[f][lang]).join('; '),
    ),
    column('unit', { vi: 'Đơn vị xử lý', en: 'Owning unit' }, 28, (a) => OWNING_UNIT_LABELS[a.unit][lang]),
    column('queries', { vi: 'Truy vấn khớp', en: 'Matched queries' }, 30, (a) =>
      a.matchedQueries.map((q) => q.name).join('; '),
    ),
    column('clusterSize', { vi: 'Số bài cùng nội dung', en: 'Cluster size' }, 12, (a) => a.clusterSize),
    column('url', { vi: 'Đường dẫn', en: 'URL' }, 50, (a) => ({ text: a.url, hyperlink: a.url })),
    column('correctedAt', { vi: 'Đã hiệu chỉnh', en: 'Corrected' }, 18, (a) => at(a.correctedAt)),
  ].map((make) => make(lang));
}

export function registerMonitoringArticlesRoutes(
  app: HttpApp,
  service: MonitoringArticlesService,
  views: SavedViewsService,
): void {
  app.get(
    '/api/monitoring/articles',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Search articles: accent-insensitive words and "phrases", filters, facets, highlights',
        querystring: ZArticleSearchQuery,
        response: { 200: ZArticleSearchResult },
      },
    },
    async (request) => service.search(actorOf(request), request.query, request.locale),
  );

  app.get(
    '/api/monitoring/articles/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Every article matching the search, as Excel (streamed, not truncated)',
        querystring: ZArticleSearchQuery,
      },
    },
    async (request, reply) => {
      const chunks = service.exportChunks(actorOf(request), request.query);
      const vi = request.locale === 'vi';
      const body = streamWorkbook(vi ? 'Bai bao' : 'Articles', exportColumns(request.locale), chunks);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(vi ? 'bai-bao.xlsx' : 'articles.xlsx'))
        .send(body);
    },
  );

  app.get(
    '/api/monitoring/articles/:id',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'One article: text, classification and prediction, evidence, corrections, cluster',
        params: ZIdParams,
        response: { 200: ZArticleDetail },
      },
    },
    async (request) => service.getArticle(actorOf(request), request.params.id),
  );

  app.post(
    '/api/monitoring/articles/:id/corrections',
    {
      config: allow(WORKING_ROLES, 'global'),
      schema: {
        tags,
        summary: "Correct an article's relevance, sentiment, flags or owning unit",
        params: ZIdParams,
        body: ZCorrectArticleRequest,
        response: { 200: ZArticleDetail },
      },
    },
    async (request) => service.correct(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/monitoring/views',
    {
      config: allow('signed-in', 'self'),
      schema: { tags, summary: 'My saved searches', response: { 200: z.array(ZSavedView) } },
    },
    async (request) => views.listViews(actorOf(request)),
  );

  app.post(
    '/api/monitoring/views',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags,
        summary: 'Save a search under a name of mine',
        body: ZCreateSavedViewRequest,
        response: { 201: ZSavedView },
      },
    },
    async (request, reply) => reply.status(201).send(await views.createView(actorOf(request), request.body)),
  );

  app.delete(
    '/api/monitoring/views/:id',
    {
      config: allow('signed-in', 'self'),
      schema: { tags, summary: 'Delete one of my saved searches', params: ZIdParams },
    },
    async (request, reply) => {
      await views.deleteView(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
