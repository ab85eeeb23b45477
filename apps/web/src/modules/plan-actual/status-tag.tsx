import { PLAN_ACTUAL_STATUS_LABELS, type TPlanActualStatus } from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { STATUS_COLORS } from './plan-actual-values';

/** A status in its colour: late red, at risk orange, done green, on track blue. */
export function StatusTag({ status }: { status: TPlanActualStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {PLAN_ACTUAL_STATUS_LABELS[status][locale]}
    </Tag>
  );
}
