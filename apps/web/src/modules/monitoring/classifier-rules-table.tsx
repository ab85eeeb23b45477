import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FLAG_LABELS,
  MONITORING_FLAGS,
  OWNING_UNIT_LABELS,
  OWNING_UNITS,
  RELEVANCE_LABELS,
  RELEVANCE_LEVELS,
  SENTIMENT_LABELS,
  SENTIMENTS,
} from '@loa/contracts';
import { Button, Checkbox, Flex, Input, Select, Table } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { rowKey, type RuleRow } from './classifier-helpers';

interface Props {
  rules: RuleRow[];
  canEdit: boolean;
  onChange: (rules: RuleRow[]) => void;
}

/** The rules: each fires when all of its term groups occur, and then sets a flag, relevance, sentiment or unit. */
export function ClassifierRulesTable({ rules, canEdit, onChange }: Props) {
  const { t, locale } = useI18n();
  const patch = (key: string, change: Partial<RuleRow>) =>
    onChange(rules.map((rule) => (rule.key === key ? { ...rule, ...change } : rule)));
  const pickOptions = <T extends string>(values: readonly T[], labels: Record<T, { vi: string; en: string }>) =>
    values.map((value) => ({ value, label: labels[value][locale] }));
  const optional = <T extends string>(value: T | undefined) => value ?? undefined;

  return (
    <Flex vertical gap={8}>
      <Table<RuleRow>
        size="small"
        rowKey="key"
        pagination={false}
        aria-label={t('monClassifier.rules.title')}
        dataSource={rules}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('monClassifier.rules.name'),
            key: 'name',
            width: 180,
            render: (_: unknown, rule) => (
              <Input
                value={rule.name}
                disabled={!canEdit}
                status={rule.name.trim() === '' ? 'error' : undefined}
                aria-label={t('monClassifier.rules.name')}
                onChange={(event) => patch(rule.key, { name: event.target.value })}
              />
            ),
          },
          {
            title: t('monClassifier.rules.allOf'),
            key: 'allOf',
            width: 420,
            render: (_: unknown, rule) => (
              <Flex vertical gap={4}>
                {rule.allOf.map((group, index) => (
                  <Flex key={index} gap={4} align="center">
                    <Select
                      mode="tags"
                      value={group}
                      disabled={!canEdit}
                      open={false}
                      tokenSeparators={[',', ';']}
                      status={group.length === 0 ? 'error' : undefined}
                      aria-label={t('monClassifier.rules.group', { n: index + 1 })}
                      style={{ flex: 1 }}
                      onChange={(terms: string[]) =>
                        patch(rule.key, { allOf: rule.allOf.map((g, i) => (i === index ? terms : g)) })
                      }
                    />
                    {canEdit && rule.allOf.length > 1 && (
                      <Button
                        type="text"
                        size="small"
                        icon={<MinusCircleOutlined />}
                        aria-label={t('monClassifier.rules.removeGroup', { n: index + 1 })}
                        onClick={() => patch(rule.key, { allOf: rule.allOf.filter((_g, i) => i !== index) })}
                      />
                    )}
                  </Flex>
                ))}
                {canEdit && (
                  <Button
                    size="small"
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => patch(rule.key, { allOf: [...rule.allOf, []] })}
                  >
                    {t('monClassifier.rules.addGroup')}
                  </Button>
                )}
              </Flex>
            ),
          },
          {
            title: t('monClassifier.rules.titleOrLead'),
            key: 'titleOrLead',
            width: 110,
            render: (_: unknown, rule) => (
              <Checkbox
                checked={rule.titleOrLead ?? false}
                disabled={!canEdit}
                aria-label={t('monClassifier.rules.titleOrLead')}
                onChange={(event) => patch(rule.key, { titleOrLead: event.target.checked })}
              />
            ),
          },
          {
            title: t('monClassifier.rules.flag'),
            key: 'flag',
            width: 200,
            render: (_: unknown, rule) => (
              <Select
                allowClear
                value={optional(rule.flag)}
                disabled={!canEdit}
                style={{ width: '100%' }}
                aria-label={t('monClassifier.rules.flag')}
                options={pickOptions(MONITORING_FLAGS, FLAG_LABELS)}
                onChange={(flag?: string) => patch(rule.key, { flag })}
              />
            ),
          },
          {
            title: t('monClassifier.rules.minRelevance'),
            key: 'minRelevance',
            width: 150,
            render: (_: unknown, rule) => (
              <Select
                allowClear
                value={optional(rule.minRelevance)}
                disabled={!canEdit}
                style={{ width: '100%' }}
                aria-label={t('monClassifier.rules.minRelevance')}
                options={pickOptions(RELEVANCE_LEVELS, RELEVANCE_LABELS)}
                onChange={(minRelevance?: RuleRow['minRelevance']) => patch(rule.key, { minRelevance })}
              />
            ),
          },
          {
            title: t('monClassifier.rules.sentiment'),
            key: 'sentiment',
            width: 140,
            render: (_: unknown, rule) => (
              <Select
                allowClear
                value={optional(rule.sentiment)}
                disabled={!canEdit}
                style={{ width: '100%' }}
                aria-label={t('monClassifier.rules.sentiment')}
                options={pickOptions(SENTIMENTS, SENTIMENT_LABELS)}
                onChange={(sentiment?: string) => patch(rule.key, { sentiment })}
              />
            ),
          },
          {
            title: t('monClassifier.rules.unit'),
            key: 'unit',
            width: 220,
            render: (_: unknown, rule) => (
              <Select
                allowClear
                value={optional(rule.unit)}
                disabled={!canEdit}
                style={{ width: '100%' }}
                aria-label={t('monClassifier.rules.unit')}
                options={pickOptions(OWNING_UNITS, OWNING_UNIT_LABELS)}
                onChange={(unit?: string) => patch(rule.key, { unit })}
              />
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, rule: RuleRow) => (
                    <Button
                      danger
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={`${t('common.delete')} ${rule.name}`}
                      onClick={() => onChange(rules.filter((r) => r.key !== rule.key))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...rules, { key: rowKey(), name: '', allOf: [[]] }])}
        >
          {t('monClassifier.rules.add')}
        </Button>
      )}
    </Flex>
  );
}
