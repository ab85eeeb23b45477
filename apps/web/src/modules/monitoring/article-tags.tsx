import {
  FLAG_LABELS,
  OWNING_UNIT_LABELS,
  RELEVANCE_LABELS,
  SENTIMENT_LABELS,
  type TClassification,
} from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { flagColor, RELEVANCE_COLORS, SENTIMENT_COLORS } from './article-values';

/** An article's classification as tags: relevance (with its score), sentiment, flags and the owning unit. */
export function ClassificationTags({ value, showScore = false }: { value: TClassification; showScore?: boolean }) {
  const { t, locale } = useI18n();
  const level = value.relevance.level;
  return (
    <>
      <Tag color={RELEVANCE_COLORS[level]} style={{ marginBlock: 2 }}>
        {RELEVANCE_LABELS[level][locale]}
        {showScore && ` · ${Math.round(value.relevance.score * 100)}%`}
      </Tag>
      {value.sentiment !== 'na' && (
        <Tag color={SENTIMENT_COLORS[value.sentiment]} style={{ marginBlock: 2 }}>
          {SENTIMENT_LABELS[value.sentiment][locale]}
        </Tag>
      )}
      {value.flags.map((flag) => (
        <Tag key={flag} color={flagColor(flag)} style={{ marginBlock: 2 }}>
          {FLAG_LABELS[flag][locale]}
        </Tag>
      ))}
      {value.unit !== 'none' && (
        <Tag color="purple" style={{ marginBlock: 2 }} title={t('monArticles.field.unit')}>
          {OWNING_UNIT_LABELS[value.unit][locale]}
        </Tag>
      )}
    </>
  );
}
