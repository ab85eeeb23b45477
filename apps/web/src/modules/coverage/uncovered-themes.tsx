import type { TGuidanceCoverage } from '@loa/contracts';
import { Card, Typography } from 'antd';
import { useId } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { NONE_COLOUR } from './coverage-values';

/** "Nội dung chưa được truyền thông": the themes no column addressed in the period, in the guidance's order. */
export function UncoveredThemes({ coverage, loading }: { coverage: TGuidanceCoverage | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const names = new Map(coverage?.themes.map((theme) => [theme.code, theme.name[locale]]) ?? []);
  const uncovered = coverage?.uncoveredThemes ?? [];

  return (
    <Card
      size="small"
      loading={loading}
      data-testid="coverage-uncovered"
      title={
        <Typography.Title level={2} id={headingId} style={{ fontSize: 15, margin: 0 }}>
          {t('coverage.uncovered.title')}
        </Typography.Title>
      }
    >
      {coverage && uncovered.length === 0 && (
        <Typography.Text type="success">{t('coverage.uncovered.none')}</Typography.Text>
      )}
      {coverage && uncovered.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">
            {t('coverage.uncovered.count', {
              count: uncovered.length,
              measure: t(`coverage.measure.${coverage.measure}`).toLowerCase(),
            })}
          </Typography.Paragraph>
          <ul aria-labelledby={headingId} style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
            {uncovered.map((code) => (
              <li key={code} style={{ padding: '4px 0', display: 'flex', gap: 8, alignItems: 'baseline' }}>
                <span
                  style={{ background: NONE_COLOUR, color: '#a8071a', padding: '0 6px', borderRadius: 4, flex: 'none' }}
                >
                  {code}
                </span>
                <span>{names.get(code) ?? code}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
