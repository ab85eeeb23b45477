import { PRODUCT_STATUS_LABELS, type TProductStatus } from '@loa/contracts';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { useGuidanceItems } from '../proposals/guidance-codes';

const STATUS_COLORS: Record<TProductStatus, string> = {
  draft: 'default',
  in_appraisal: 'gold',
  ready: 'blue',
  published: 'green',
  archived: 'purple',
};

export function ProductStatusTag({ status }: { status: TProductStatus }) {
  const { locale } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{PRODUCT_STATUS_LABELS[status][locale]}</Tag>;
}

/** A product type by its name in the guidance of its year, the code on hover. */
export function ProductTypeLabel({ year, code }: { year: number; code: string }) {
  const { locale } = useI18n();
  const items = useGuidanceItems(year, 'product-types');
  const item = items.data?.find((entry) => entry.code === code);
  if (!item) return <>{code}</>;
  return (
    <Tooltip title={code}>
      <span>{locale === 'vi' ? item.nameVi : item.nameEn}</span>
    </Tooltip>
  );
}
