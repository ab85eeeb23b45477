import { CloseOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { ARTICLE_SORTS } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Flex,
  Input,
  Pagination,
  Row,
  Select,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { articleKeys, exportArticles, searchArticles } from './articles.api';
import { SearchFacets } from './search-facets';
import { SearchResultItem } from './search-result-item';
import { filtersFromParams, viewParams } from './search-url';
import { useUrlListState } from '../../shared/use-url-list-state';
import { SearchViews } from './search-views';

/** Theo dõi báo chí: search the monitored articles, narrow them with facets, and triage them. */
export function SearchPage() {
  const { t, locale } = useI18n();
  const { params, page, pageSize, update, updateLater, replace } = useUrlListState();
  const urlQuery = params.get('q') ?? '';
  const [search, setSearch] = useState(urlQuery);
  const [seenQuery, setSeenQuery] = useState(urlQuery);
  if (urlQuery !== seenQuery) {
    // The URL changed under the box (a saved view, a cluster link, back/forward): show its words.
    setSeenQuery(urlQuery);
    if (search.trim() !== urlQuery) setSearch(urlQuery);
  }
  const filters = filtersFromParams(params);

  const result = useQuery({
    queryKey: articleKeys.search(filters, page, pageSize, locale),
    queryFn: () => searchArticles(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportArticles(filters));
  const pagination = tablePagination(t, { page, pageSize, total: result.data?.total ?? 0 }, (next, size) =>
    update({ page: next, pageSize: size }, true),
  );

  return (
    <>
      <PageHeader
        title={t('monArticles.title')}
        subtitle={t('monArticles.subtitle')}
        actions={
          <>
            <SearchViews current={viewParams(params)} onApply={replace} />
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={4} style={{ marginBottom: 12, maxWidth: 760 }}>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          data-testid="monitoring-search"
          aria-label={t('monArticles.searchLabel')}
          aria-describedby="monitoring-search-hint"
          placeholder={t('monArticles.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          onPressEnter={() => update({ q: search.trim() })}
        />
        <Typography.Text type="secondary" id="monitoring-search-hint" style={{ fontSize: 13 }}>
          {t('monArticles.searchHint')}
        </Typography.Text>
      </Flex>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <Checkbox
          checked={filters.collapse}
          onChange={(event) => update({ collapse: event.target.checked ? undefined : 'false' })}
        >
          {t('monArticles.collapse')}
        </Checkbox>
        <Checkbox
          checked={filters.corrected}
          onChange={(event) => update({ corrected: event.target.checked ? 'true' : undefined })}
        >
          {t('monArticles.correctedOnly')}
        </Checkbox>
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          aria-label={t('monArticles.facet.period')}
          placeholder={[t('monArticles.facet.from'), t('monArticles.facet.to')]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Flex gap={8} align="center">
          <label htmlFor="monitoring-sort">{t('monArticles.sort')}</label>
          <Select
            id="monitoring-sort"
            value={filters.sort}
            onChange={(value) => update({ sort: value === '-publishedAt' ? undefined : value })}
            options={ARTICLE_SORTS.map((value) => ({ value, label: t(`monArticles.sort.${value}`) }))}
            style={{ width: 220 }}
          />
        </Flex>
      </Flex>
      {filters.cluster && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('monArticles.clusterFilter')}
          action={
            <Button
              size="small"
              icon={<CloseOutlined />}
              onClick={() => update({ cluster: undefined, collapse: undefined })}
            >
              {t('monArticles.clusterFilterClear')}
            </Button>
          }
        />
      )}
      <Row gutter={[24, 16]}>
        <Col xs={24} md={8} xl={6}>
          <SearchFacets facets={result.data?.facets} filters={filters} onChange={update} />
        </Col>
        <Col xs={24} md={16} xl={18}>
          <section aria-label={t('monArticles.results')} aria-busy={result.isFetching}>
            <Spin spinning={result.isFetching && result.data !== undefined}>
              {result.isPending && <Spin />}
              {result.isError && <Alert type="error" showIcon title={errorText(result.error, t)} />}
              {result.data && result.data.items.length === 0 && <Empty description={t('monArticles.empty')} />}
              {result.data?.items.map((article) => (
                <SearchResultItem key={article.id} article={article} />
              ))}
            </Spin>
            {result.data && result.data.total > 0 && (
              <Pagination
                style={{ marginTop: 16 }}
                align="end"
                current={pagination.current}
                pageSize={pagination.pageSize}
                total={pagination.total}
                showSizeChanger={pagination.showSizeChanger}
                pageSizeOptions={pagination.pageSizeOptions}
                showTotal={pagination.showTotal}
                onChange={pagination.onChange}
              />
            )}
          </section>
        </Col>
      </Row>
    </>
  );
}
