import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { AGENT_TYPE_LABELS, formatVnPhone, type TPublicAgent, type TPublicAgentPage } from '@loa/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { LangSwitch } from '../../app/layout/lang-switch';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import {
  agentKeys,
  findPublicAgents,
  listPublicPlaces,
  listPublicProvinces,
  type PublicAgentFilters,
} from './agents.api';

const CODE = /^\d{2,5}$/;

function AgentCard({ agent }: { agent: TPublicAgent }) {
  const { t, locale } = useI18n();
  const place = [agent.communeName, agent.districtName, agent.provinceName].filter(Boolean).join(', ');
  return (
    <Card size="small" data-testid="public-agent" styles={{ body: { padding: 14 } }}>
      <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }} data-testid="public-agent-name">
        {agent.name}
      </Typography.Title>
      <Tag style={{ marginTop: 4 }}>{AGENT_TYPE_LABELS[agent.type][locale]}</Tag>
      <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
        <EnvironmentOutlined aria-hidden /> {agent.address}
        <br />
        <Typography.Text type="secondary">{place}</Typography.Text>
      </Typography.Paragraph>
      {agent.workingHours && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('publicAgents.hours')}: {agent.workingHours}
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        {agent.phones.map((phone) => (
          <Button
            key={phone}
            type="primary"
            size="large"
            icon={<PhoneOutlined />}
            href={`tel:${phone}`}
            aria-label={t('publicAgents.call', { phone: formatVnPhone(phone) })}
            data-testid="public-agent-phone"
          >
            {formatVnPhone(phone)}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}

/**
 * Tra cứu đại lý thu — the citizens' page, without login: pick a province and a place, or type a commune's name
 * without accents, and call the agent. Mobile first: one column of cards with large tap-to-call buttons.
 */
export function PublicAgentsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const province = CODE.test(params.get('province') ?? '') ? params.get('province')! : undefined;
  const place = CODE.test(params.get('place') ?? '') ? params.get('place')! : undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search.trim(), 300);

  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const provinces = useQuery({ queryKey: agentKeys.publicProvinces, queryFn: listPublicProvinces, staleTime: 300_000 });
  const places = useQuery({
    queryKey: agentKeys.publicPlaces(province ?? ''),
    queryFn: () => listPublicPlaces(province!),
    enabled: Boolean(province),
    staleTime: 300_000,
  });
  const placeLevel = places.data?.find((p) => p.code === place)?.level;
  const filters: PublicAgentFilters = {
    province,
    district: placeLevel === 2 ? place : undefined,
    commune: placeLevel === 3 ? place : undefined,
    q: q || undefined,
  };
  const agents = useInfiniteQuery({
    queryKey: agentKeys.public(filters),
    queryFn: ({ pageParam }) => findPublicAgents(filters, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last: TPublicAgentPage, pages) =>
      pages.reduce((n, p) => n + p.items.length, 0) < last.total ? pages.length + 1 : undefined,
    staleTime: 60_000,
  });
  const items = agents.data?.pages.flatMap((p) => p.items) ?? [];
  const total = agents.data?.pages[0]?.total ?? 0;

  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: '16px 12px 32px' }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('publicAgents.title')}
        </Typography.Title>
        <LangSwitch />
      </Flex>
      <Typography.Paragraph type="secondary">{t('publicAgents.intro')}</Typography.Paragraph>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Select
          size="large"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('publicAgents.province')}
          placeholder={t('publicAgents.allProvinces')}
          data-testid="public-agents-province"
          loading={provinces.isFetching}
          value={province}
          onChange={(value?: string) => set({ province: value, place: undefined })}
          options={(provinces.data ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.count})` }))}
        />
        {province && (
          <Select
            size="large"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('publicAgents.place')}
            placeholder={t('publicAgents.allPlaces')}
            data-testid="public-agents-place"
            loading={places.isFetching}
            value={place}
            onChange={(value?: string) => set({ place: value })}
            options={(places.data ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.count})` }))}
          />
        )}
        <Input.Search
          size="large"
          allowClear
          inputMode="search"
          aria-label={t('publicAgents.search')}
          placeholder={t('publicAgents.searchPlaceholder')}
          data-testid="public-agents-search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            set({ q: event.target.value.trim() || undefined });
          }}
        />
      </Flex>
      {agents.isError ? (
        <Alert type="error" showIcon title={t('publicAgents.failed')} />
      ) : agents.isPending ? (
        <Spin description={t('common.loading')} />
      ) : (
        <section aria-live="polite" aria-busy={agents.isFetching}>
          <Typography.Paragraph strong data-testid="public-agents-total">
            {total > 0 ? t('publicAgents.results', { total }) : t('publicAgents.none')}
          </Typography.Paragraph>
          <Flex vertical gap={12}>
            {items.map((agent, index) => (
              <AgentCard key={`${index}-${agent.name}`} agent={agent} />
            ))}
          </Flex>
          {agents.hasNextPage && (
            <Button
              block
              size="large"
              style={{ marginTop: 12 }}
              loading={agents.isFetchingNextPage}
              onClick={() => void agents.fetchNextPage()}
            >
              {t('publicAgents.more')}
            </Button>
          )}
        </section>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, textAlign: 'center' }}>
        <a href="tel:19009068">{t('publicAgents.hotline')}</a>
      </Typography.Paragraph>
    </main>
  );
}
