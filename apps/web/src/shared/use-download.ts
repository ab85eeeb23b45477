import { App } from 'antd';
import { useState } from 'react';
import { useI18n } from '../app/i18n/i18n';
import { errorText } from './errors';

/** Runs a download (an Excel export) with a busy flag for its button; a failure is shown as a message. */
export function useDownload(download: () => Promise<void>): { running: boolean; run: () => Promise<void> } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      await download();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setRunning(false);
    }
  };
  return { running, run };
}
