import { Flex, Spin } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

/** What a screen shows while its code or first data loads. */
export function PageFallback() {
  const { t } = useI18n();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin description={t('common.loading')} />
    </Flex>
  );
}
