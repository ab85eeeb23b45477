import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Spin, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { metricRows } from './classifier-helpers';
import { classifierKeys, getModel, trainModel } from './classifier.api';

/** How often the model state is read again while a retraining runs. */
const TRAINING_POLL_MS = 3000;

/** The trained model: when, on what, its held-out figures, and "retrain" (followed until it is done). */
export function ClassifierModelCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const model = useQuery({
    queryKey: classifierKeys.model,
    queryFn: getModel,
    refetchInterval: (query) => (query.state.data?.training ? TRAINING_POLL_MS : false),
  });
  const train = useMutation({
    mutationFn: trainModel,
    onSuccess: async () => {
      message.info(t('monClassifier.model.trainStarted'));
      await queryClient.invalidateQueries({ queryKey: classifierKeys.model });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const state = model.data;
  const format = (value: number) =>
    value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 3 });
  return (
    <Card
      size="small"
      title={t('monClassifier.model.title')}
      style={{ marginBottom: 16 }}
      extra={
        state?.canTrain && (
          <Button
            icon={<ReloadOutlined />}
            loading={train.isPending}
            disabled={state.training}
            data-testid="classifier-train"
            onClick={() => train.mutate()}
          >
            {t('monClassifier.model.train')}
          </Button>
        )
      }
    >
      {model.isError && <Alert type="error" showIcon title={errorText(model.error, t)} />}
      {!state && model.isPending && <Spin />}
      {state && (
        <Flex vertical gap={12}>
          {state.training && (
            <Alert
              type="info"
              showIcon
              icon={<Spin size="small" />}
              title={t('monClassifier.model.training')}
              data-testid="classifier-training"
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} bordered>
            <Descriptions.Item label={t('monClassifier.model.trainedAt')}>
              {state.trainedAt ? formatDateTime(state.trainedAt) : t('monClassifier.model.shipped')}
            </Descriptions.Item>
            <Descriptions.Item label={t('monClassifier.model.examples')}>{state.examples}</Descriptions.Item>
            <Descriptions.Item label={t('monClassifier.model.corrections')}>{state.corrections}</Descriptions.Item>
            <Descriptions.Item label={t('monClassifier.model.pending')}>
              {state.pendingCorrections > 0 ? <Tag color="orange">{state.pendingCorrections}</Tag> : 0}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('monClassifier.model.metrics')}</Typography.Title>
            {state.metrics ? (
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                style={{ maxWidth: 480 }}
                aria-label={t('monClassifier.model.metrics')}
                dataSource={metricRows(state.metrics)}
                columns={[
                  { title: t('monClassifier.model.metric'), dataIndex: 'name' },
                  {
                    title: t('monClassifier.model.value'),
                    dataIndex: 'value',
                    align: 'right',
                    render: (value: number) => format(value),
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('monClassifier.model.noMetrics')}</Typography.Text>
            )}
          </div>
        </Flex>
      )}
    </Card>
  );
}
