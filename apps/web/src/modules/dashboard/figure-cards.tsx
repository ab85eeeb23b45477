import {
  DASHBOARD_FIGURES,
  FIGURE_LABELS,
  NATIONAL_TARGETS,
  type TDashboardFigure,
  type TFigureValue,
} from '@loa/contracts';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { changeOf, changeTone, formatFigure, formatPercent } from './dashboard-values';

const TONE_COLOURS = { good: '#237804', bad: '#a8071a', neutral: 'rgba(0, 0, 0, 0.65)' } as const;

/** The change against last year: ▲/▼ with a percentage, "new" or "unchanged", coloured by what it means. */
function ChangeText({ item }: { item: TFigureValue }) {
  const { t, locale } = useI18n();
  const change = changeOf(item.value, item.previous);
  const colour = TONE_COLOURS[changeTone(item.figure, change)];
  if (change.kind === 'same') return <Typography.Text type="secondary">{t('dashboard.card.same')}</Typography.Text>;
  const percent = change.kind === 'new' ? '' : formatPercent(change.percent, locale);
  const up = change.kind === 'up';
  const shown =
    change.kind === 'new' ? t('dashboard.card.new') : t(up ? 'dashboard.card.up' : 'dashboard.card.down', { percent });
  const spoken =
    change.kind === 'new'
      ? t('dashboard.card.newLabel')
      : t(up ? 'dashboard.card.upLabel' : 'dashboard.card.downLabel', { percent });
  // The arrows mean nothing read aloud: screen readers get the words instead.
  return (
    <Typography.Text strong style={{ color: colour }} data-change={change.kind}>
      <span aria-hidden>{shown}</span>
      <span className="loa-visually-hidden">{spoken}</span>
    </Typography.Text>
  );
}

function FigureCard({
  item,
  allocated,
  onOpen,
}: {
  item: TFigureValue;
  allocated: number | undefined;
  onOpen: (figure: TDashboardFigure) => void;
}) {
  const { t, locale } = useI18n();
  const label = FIGURE_LABELS[item.figure][locale];
  const targets = NATIONAL_TARGETS.filter((target) => target.figure === item.figure);
  const open = () => onOpen(item.figure);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      title={t('dashboard.card.open', { figure: label })}
      onClick={open}
      onKeyDown={onKeyDown}
      style={{ height: '100%' }}
      data-testid="figure-card"
      data-figure={item.figure}
    >
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }} data-testid="figure-value">
        {formatFigure(item.figure, item.value, locale)}
      </div>
      <div>
        <ChangeText item={item} />{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.card.previous', { value: formatFigure(item.figure, item.previous, locale) })}
        </Typography.Text>
      </div>
      {item.figure === 'budgetSpent' && allocated !== undefined && allocated > 0 && (
        <Typography.Text style={{ fontSize: 12 }}>
          {t('dashboard.card.budgetUse', { percent: formatPercent((item.value / allocated) * 100, locale) })}
        </Typography.Text>
      )}
      {targets.map((target) => (
        <Typography.Paragraph key={target.source} type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
          {t('dashboard.card.target')}: {target.text[locale]} ({target.source})
        </Typography.Paragraph>
      ))}
    </Card>
  );
}

/** The figure cards in the contract's order; a click (or Enter) opens the records behind a figure. */
export function FigureCards({
  figures,
  loading,
  onOpen,
}: {
  figures: readonly TFigureValue[] | undefined;
  loading: boolean;
  onOpen: (figure: TDashboardFigure) => void;
}) {
  const byFigure = new Map(figures?.map((item) => [item.figure, item]));
  const allocated = byFigure.get('budgetAllocated')?.value;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 24 }}>
      {DASHBOARD_FIGURES.map((figure) => {
        const item = byFigure.get(figure);
        return (
          <Col key={figure} xs={24} sm={12} lg={8} xxl={6}>
            {item ? (
              <FigureCard item={item} allocated={allocated} onOpen={onOpen} />
            ) : (
              <Card size="small" style={{ height: '100%' }}>
                <Skeleton active={loading} paragraph={{ rows: 2 }} title={false} />
              </Card>
            )}
          </Col>
        );
      })}
    </Row>
  );
}
