import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ZReportSection, type TReportSection } from '@loa/contracts';
import { Button, Card, Flex, Form, Select, Tooltip, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { requiredRule, schemaRule } from '../../shared/validation';
import { PlaceholderField, placeholderRule } from './placeholder-field';

type TableKind = TReportSection['table'];
export const SECTION_TABLES: readonly TableKind[] = [
  'none',
  'figures',
  'children',
  'plan_actual',
  'coverage',
  'budget',
  'press',
];
const MAX_SECTIONS = 30;
const shape = ZReportSection.shape;

/**
 * The body of a report or template (Form.List `sections`): each section's heading, text (with placeholders) and the
 * generated table after it; sections are added, removed and moved up or down. `disabled` is passed explicitly (not
 * only through the Form's), since the move buttons set their own.
 */
export function SectionsEditor({ disabled }: { disabled: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Form.List
      name="sections"
      rules={[
        {
          validator: async (_rule, sections: unknown[] | undefined) => {
            if (!sections || sections.length === 0) throw new Error(t('reports.sections.required'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={12}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              data-testid="report-section"
              title={t('reports.sections.item', { number: index + 1 })}
              extra={
                !disabled && (
                  <Flex gap={4}>
                    <Tooltip title={t('reports.sections.up')}>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('reports.sections.up')}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                    </Tooltip>
                    <Tooltip title={t('reports.sections.down')}>
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('reports.sections.down')}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                    </Tooltip>
                    <Tooltip title={t('reports.sections.remove')}>
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('reports.sections.remove')}
                        disabled={fields.length === 1}
                        onClick={() => remove(index)}
                      />
                    </Tooltip>
                  </Flex>
                )
              }
            >
              <Form.Item
                name={[field.name, 'heading']}
                label={t('reports.sections.heading')}
                rules={[requiredRule(locale), schemaRule(shape.heading, locale), placeholderRule(t)]}
              >
                <PlaceholderField disabled={disabled} maxLength={300} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'text']}
                label={t('reports.sections.text')}
                extra={!disabled && t('reports.sections.textHint')}
                rules={[schemaRule(shape.text, locale), placeholderRule(t)]}
              >
                <PlaceholderField multiline disabled={disabled} />
              </Form.Item>
              <Form.Item name={[field.name, 'table']} label={t('reports.sections.table')} style={{ marginBottom: 0 }}>
                <Select<TableKind>
                  disabled={disabled}
                  options={SECTION_TABLES.map((table) => ({ value: table, label: t(`reports.table.${table}`) }))}
                  style={{ maxWidth: 360 }}
                />
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {!disabled && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_SECTIONS}
              onClick={() => add({ heading: '', text: '', table: 'none' } satisfies TReportSection)}
            >
              {t('reports.sections.add')}
            </Button>
          )}
          {fields.length >= MAX_SECTIONS && (
            <Typography.Text type="secondary">{t('reports.sections.max', { max: MAX_SECTIONS })}</Typography.Text>
          )}
        </Flex>
      )}
    </Form.List>
  );
}
