import { matchesVi, type TGuidanceItem } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, Tag, Tooltip, type SelectProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { guidanceKeys, listItems, listYears, type GuidanceSegment } from '../guidance/guidance.api';

/** The guidance years, newest first, cached for the session. */
export function useGuidanceYears() {
  return useQuery({ queryKey: guidanceKeys.years, queryFn: listYears, staleTime: 10 * 60_000 });
}

/** One kind of a year's guidance catalog (themes, audiences, forms, channels), cached. */
export function useGuidanceItems(year: number | undefined, segment: GuidanceSegment) {
  return useQuery({
    queryKey: guidanceKeys.items(year ?? 0, segment),
    queryFn: () => listItems(year!, segment),
    enabled: year !== undefined,
    staleTime: 10 * 60_000,
  });
}

type Props = Omit<SelectProps<string | string[]>, 'options' | 'showSearch'> & {
  year: number | undefined;
  segment: GuidanceSegment;
};

/** Picks codes of one kind from the year's catalog, shown as "code — name"; search ignores accents. */
export function GuidanceCodeSelect({ year, segment, ...props }: Props) {
  const { t, locale } = useI18n();
  const items = useGuidanceItems(year, segment);
  const options = (items.data ?? []).map((item: TGuidanceItem) => ({
    value: item.code,
    label: `${item.code} — ${locale === 'vi' ? item.nameVi : item.nameEn}`,
  }));
  return (
    <Select<string | string[]>
      allowClear
      loading={items.isLoading}
      options={options}
      showSearch={{ filterOption: (input, option) => matchesVi(String(option?.label ?? ''), input) }}
      notFoundContent={items.isError ? t('proposals.catalogFailed') : t('common.noMatch')}
      placeholder={t('proposals.codesPlaceholder')}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}

/** Codes as tags, each naming its catalog entry on hover. */
export function GuidanceCodeTags({
  year,
  segment,
  codes,
}: {
  year: number;
  segment: GuidanceSegment;
  codes: string[];
}) {
  const { t, locale } = useI18n();
  const items = useGuidanceItems(year, segment);
  if (codes.length === 0) return <>{t('common.none')}</>;
  const names = new Map((items.data ?? []).map((item) => [item.code, locale === 'vi' ? item.nameVi : item.nameEn]));
  return (
    <>
      {codes.map((code) => (
        <Tooltip key={code} title={names.get(code)}>
          <Tag>{names.has(code) ? `${code} — ${names.get(code)}` : code}</Tag>
        </Tooltip>
      ))}
    </>
  );
}
