import { CAMPAIGN_LINK_TYPE_LABELS, CAMPAIGN_LINK_TYPES, type TCampaignLinkType } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { campaignKeys, linkItem, listCandidates } from './campaigns.api';

/** Picks a product, publication, calendar item or event of a participating unit and links it to the campaign. */
export function CampaignLinkModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [type, setType] = useState<TCampaignLinkType>('product');
  const [itemId, setItemId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [error, setError] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: campaignKeys.candidates(campaignId, type, q),
    queryFn: () => listCandidates(campaignId, type, q),
  });
  const mutation = useMutation({
    mutationFn: () => linkItem(campaignId, { type, id: itemId! }),
    onSuccess: async () => {
      message.success(t('campaigns.linked'));
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      onClose();
    },
    onError: (e) => setError(errorText(e, t)),
  });

  return (
    <Modal
      open
      title={t('campaigns.linkTitle')}
      okText={t('campaigns.link')}
      okButtonProps={{ disabled: !itemId, loading: mutation.isPending, 'data-testid': 'campaign-link-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => {
        setError(null);
        mutation.mutate();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('campaigns.linkType')}>
          <Select<TCampaignLinkType>
            aria-label={t('campaigns.linkType')}
            value={type}
            onChange={(value) => {
              setType(value);
              setItemId(undefined);
            }}
            options={CAMPAIGN_LINK_TYPES.map((k) => ({ value: k, label: CAMPAIGN_LINK_TYPE_LABELS[k][locale] }))}
          />
        </Form.Item>
        <Form.Item label={t('campaigns.linkItem')} extra={t('campaigns.linkHint')} required>
          <Select<string>
            aria-label={t('campaigns.linkItem')}
            data-testid="campaign-link-item"
            placeholder={t('campaigns.linkItemPlaceholder')}
            value={itemId}
            onChange={setItemId}
            loading={candidates.isFetching}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            notFoundContent={candidates.isError ? errorText(candidates.error, t) : t('common.noMatch')}
            options={(candidates.data?.items ?? []).map((c) => ({
              value: c.id,
              label: (
                <span>
                  {c.title}{' '}
                  <Typography.Text type="secondary">
                    — {c.unit.name}
                    {c.date ? `, ${formatDate(c.date)}` : ''}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
