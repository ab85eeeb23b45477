import { QuestionCircleOutlined } from '@ant-design/icons';
import { QUERY_MAX_NEAR_DISTANCE } from '@loa/contracts';
import { Button, Popover, Table, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';

const SYNTAX: { example: string; key: MessageKey }[] = [
  { example: 'bảo hiểm AND nợ đóng', key: 'monQueries.syntax.and' },
  { example: 'trốn đóng OR chậm đóng', key: 'monQueries.syntax.or' },
  { example: 'bhxh NOT "bảo hiểm nhân thọ"', key: 'monQueries.syntax.not' },
  { example: '(rút OR hưởng) AND "một lần"', key: 'monQueries.syntax.group' },
  { example: '"sổ bảo hiểm xã hội"', key: 'monQueries.syntax.phrase' },
  { example: 'lừa NEAR/5 "giả mạo"', key: 'monQueries.syntax.near' },
  { example: 'bhx*', key: 'monQueries.syntax.prefix' },
  { example: 'title:"thẻ bhyt"', key: 'monQueries.syntax.titleField' },
  { example: 'source:vnexpress', key: 'monQueries.syntax.source' },
];

/** The query language in one table: operator, example, what it does. */
export function QuerySyntaxHelp() {
  const { t } = useI18n();
  const content = (
    <div style={{ maxWidth: 560 }}>
      <Table
        size="small"
        rowKey="example"
        pagination={false}
        dataSource={SYNTAX}
        columns={[
          {
            title: t('monQueries.syntax.example'),
            dataIndex: 'example',
            render: (example: string) => <Typography.Text code>{example}</Typography.Text>,
          },
          {
            title: t('monQueries.syntax.meaning'),
            dataIndex: 'key',
            render: (key: MessageKey) => t(key, { max: QUERY_MAX_NEAR_DISTANCE }),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('monQueries.syntax.note')}
      </Typography.Paragraph>
    </div>
  );
  return (
    <Popover content={content} title={t('monQueries.syntax.title')} trigger="click" placement="bottomLeft">
      <Button size="small" type="link" icon={<QuestionCircleOutlined />} data-testid="query-syntax-help">
        {t('monQueries.syntax.open')}
      </Button>
    </Popover>
  );
}
