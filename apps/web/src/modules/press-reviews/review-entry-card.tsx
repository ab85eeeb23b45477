import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  EditOutlined,
  ExportOutlined,
  HolderOutlined,
  MinusCircleOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { FLAG_LABELS, SENTIMENT_LABELS, type TReviewEntry } from '@loa/contracts';
import { Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import type { CSSProperties, HTMLAttributes, Ref } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { flagColor, SENTIMENT_COLORS } from '../monitoring/article-values';

export interface EntryActions {
  moveUp: () => void;
  moveDown: () => void;
  edit: () => void;
  setExcluded: (excluded: boolean) => void;
}

interface Props {
  entry: TReviewEntry;
  /** The number it is printed with; none when left out. */
  number: number | undefined;
  /** Edit controls (absent: read-only). */
  actions?: EntryActions | undefined;
  isFirst?: boolean;
  isLast?: boolean;
  busy?: boolean;
  /** The drag handle's props from the sortable list. */
  handle?: HTMLAttributes<HTMLButtonElement> | undefined;
  itemRef?: Ref<HTMLLIElement>;
  style?: CSSProperties;
}

/** One story of the edition: headline, outlets, extract, links, the editor's comment and its tags. */
export function ReviewEntryCard({ entry, number, actions, handle, itemRef, style, ...props }: Props) {
  const { t, locale } = useI18n();
  const excluded = entry.excluded;
  return (
    <li
      ref={itemRef}
      style={{ listStyle: 'none', marginBottom: 8, ...style }}
      data-testid="review-entry"
      data-entry-id={entry.id}
      data-headline={entry.headline}
      data-excluded={excluded ? 'true' : undefined}
    >
      <Card size="small" style={excluded ? { borderStyle: 'dashed', background: '#fafafa' } : undefined}>
        <Flex gap={8} align="flex-start">
          {actions && handle && (
            <button
              type="button"
              aria-label={t('reviews.entry.drag', { headline: entry.headline })}
              title={t('reviews.entry.drag', { headline: entry.headline })}
              style={{
                cursor: 'grab',
                touchAction: 'none',
                background: 'transparent',
                border: 'none',
                padding: 4,
                lineHeight: 1,
              }}
              {...handle}
            >
              <HolderOutlined aria-hidden />
            </button>
          )}
          <Typography.Text strong style={{ minWidth: 24 }} aria-hidden={number === undefined}>
            {number !== undefined ? `${number}.` : '—'}
          </Typography.Text>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Typography.Title level={3} delete={excluded} style={{ fontSize: 15, margin: 0 }}>
              {entry.headline}
            </Typography.Title>
            <div>
              {excluded && <Tag style={{ marginBlock: 2 }}>{t('reviews.entry.excludedTag')}</Tag>}
              {entry.sentiment !== 'na' && (
                <Tag color={SENTIMENT_COLORS[entry.sentiment]} style={{ marginBlock: 2 }}>
                  {SENTIMENT_LABELS[entry.sentiment][locale]}
                </Tag>
              )}
              {entry.flags.map((flag) => (
                <Tag key={flag} color={flagColor(flag)} style={{ marginBlock: 2 }}>
                  {FLAG_LABELS[flag][locale]}
                </Tag>
              ))}
              {entry.province && (
                <Tag color="purple" style={{ marginBlock: 2 }}>
                  {entry.province.name}
                </Tag>
              )}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('reviews.entry.outlets', { outlets: entry.outlets.join(', ') || t('common.none') })} ·{' '}
              {formatDateTime(entry.publishedAt)}
            </Typography.Text>
            {entry.extract && <Typography.Paragraph style={{ margin: 0 }}>{entry.extract}</Typography.Paragraph>}
            {entry.comment && (
              <Typography.Paragraph italic style={{ margin: 0 }}>
                {t('reviews.entry.commentLabel')}: {entry.comment}
              </Typography.Paragraph>
            )}
            {entry.links.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} aria-label={t('reviews.entry.links')}>
                {entry.links.map((link) => (
                  <li key={link.articleId}>
                    <Typography.Link href={link.url} target="_blank" rel="noopener noreferrer">
                      {link.sourceName}: {link.title} <ExportOutlined aria-hidden />
                    </Typography.Link>
                  </li>
                ))}
              </ul>
            )}
          </Flex>
          {actions && <EntryButtons entry={entry} actions={actions} {...props} />}
        </Flex>
      </Card>
    </li>
  );
}

function EntryButtons({
  entry,
  actions,
  isFirst,
  isLast,
  busy,
}: {
  entry: TReviewEntry;
  actions: EntryActions;
  isFirst?: boolean | undefined;
  isLast?: boolean | undefined;
  busy?: boolean | undefined;
}) {
  const { t } = useI18n();
  const moveUp = t('reviews.entry.moveUp');
  const moveDown = t('reviews.entry.moveDown');
  const edit = t('reviews.entry.edit');
  const exclude = t('reviews.entry.exclude');
  const include = t('reviews.entry.include');
  return (
    <Flex vertical gap={4} align="flex-end">
      <Flex gap={4}>
        <Tooltip title={moveUp}>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={moveUp}
            disabled={isFirst}
            onClick={actions.moveUp}
          />
        </Tooltip>
        <Tooltip title={moveDown}>
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={moveDown}
            disabled={isLast}
            onClick={actions.moveDown}
          />
        </Tooltip>
        <Tooltip title={edit}>
          <Button size="small" icon={<EditOutlined />} aria-label={edit} onClick={actions.edit} />
        </Tooltip>
      </Flex>
      {entry.excluded ? (
        <Button
          size="small"
          icon={<UndoOutlined />}
          aria-label={include}
          loading={busy}
          onClick={() => actions.setExcluded(false)}
        >
          {include}
        </Button>
      ) : (
        <Button
          size="small"
          danger
          icon={<MinusCircleOutlined />}
          aria-label={exclude}
          loading={busy}
          onClick={() => actions.setExcluded(true)}
        >
          {exclude}
        </Button>
      )}
    </Flex>
  );
}
