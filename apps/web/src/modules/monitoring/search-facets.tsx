import {
  FLAG_LABELS,
  OWNING_UNIT_LABELS,
  RELEVANCE_LABELS,
  SENTIMENT_LABELS,
  type TArticleFacet,
  type TFacetValue,
} from '@loa/contracts';
import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import type { ListChanges } from '../../shared/use-url-list-state';
import { facetRows, isDayInRange, toggleDay, toggleValue, type ArticleFilters, type ListFacet } from './search-url';

/** How many values a facet shows before "show more". */
const SHOWN = 8;

const FACET_TITLES: Record<TArticleFacet, MessageKey> = {
  source: 'monArticles.facet.source',
  day: 'monArticles.facet.day',
  relevance: 'monArticles.facet.relevance',
  sentiment: 'monArticles.facet.sentiment',
  flag: 'monArticles.facet.flag',
  unit: 'monArticles.facet.unit',
  query: 'monArticles.facet.query',
};

/** The facets sidebar: per facet, checkboxes with the counts under the other filters. */
export function SearchFacets({
  facets,
  filters,
  onChange,
}: {
  facets: Partial<Record<TArticleFacet, TFacetValue[]>> | undefined;
  filters: ArticleFilters;
  onChange: (changes: ListChanges) => void;
}) {
  const { t, locale } = useI18n();
  const vocabulary: Partial<Record<ListFacet, (value: string) => string>> = {
    relevance: (v) => RELEVANCE_LABELS[v as keyof typeof RELEVANCE_LABELS]?.[locale] ?? v,
    sentiment: (v) => SENTIMENT_LABELS[v as keyof typeof SENTIMENT_LABELS]?.[locale] ?? v,
    flag: (v) => FLAG_LABELS[v as keyof typeof FLAG_LABELS]?.[locale] ?? v,
    unit: (v) => OWNING_UNIT_LABELS[v as keyof typeof OWNING_UNIT_LABELS]?.[locale] ?? v,
  };
  const listFacet = (facet: ListFacet) => (
    <FacetList
      key={facet}
      facet={facet}
      title={t(FACET_TITLES[facet])}
      rows={facetRows(facets?.[facet], filters[facet], vocabulary[facet] ?? ((v) => v))}
      isChecked={(value) => filters[facet].includes(value)}
      onToggle={(value) => onChange({ [facet]: toggleValue(filters[facet], value) })}
    />
  );

  return (
    <Flex vertical gap={12} role="group" aria-label={t('monArticles.facets')}>
      {listFacet('relevance')}
      {listFacet('sentiment')}
      {listFacet('flag')}
      {listFacet('unit')}
      {listFacet('source')}
      {listFacet('query')}
      <FacetList
        facet="day"
        title={t(FACET_TITLES.day)}
        rows={facets?.day ?? []}
        isChecked={(day) => isDayInRange(filters, day)}
        onToggle={(day) => onChange(toggleDay(filters, day))}
      />
    </Flex>
  );
}

function FacetList({
  facet,
  title,
  rows,
  isChecked,
  onToggle,
}: {
  facet: TArticleFacet;
  title: string;
  rows: TFacetValue[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string) => void;
}) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  if (rows.length === 0) return null;
  const shown = expanded ? rows : rows.filter((row, index) => index < SHOWN || isChecked(row.value));
  return (
    <Card size="small" title={title}>
      <Flex vertical gap={2} role="group" aria-label={title}>
        {shown.map((row) => (
          <Checkbox
            key={row.value}
            checked={isChecked(row.value)}
            onChange={() => onToggle(row.value)}
            data-testid={`facet-${facet}-${row.value}`}
          >
            <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
              <span>{row.label}</span>
              <Typography.Text type="secondary">{row.count.toLocaleString('vi-VN')}</Typography.Text>
            </Flex>
          </Checkbox>
        ))}
        {rows.length > shown.length || expanded ? (
          <Button
            type="link"
            size="small"
            style={{ alignSelf: 'flex-start', padding: 0 }}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded
              ? t('monArticles.facet.less')
              : t('monArticles.facet.more', { count: rows.length - shown.length })}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}
