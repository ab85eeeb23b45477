import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import { ClassifierLexiconEditor } from './classifier-lexicon-editor';
import { ClassifierModelCard } from './classifier-model-card';
import { classifierKeys, getLexicon } from './classifier.api';

/** Bộ phân loại tin: the trained model's state and retraining, and the lexicon administrators edit. */
export function ClassifierPage() {
  const { t } = useI18n();
  const lexicon = useQuery({ queryKey: classifierKeys.lexicon, queryFn: getLexicon, refetchOnWindowFocus: false });
  return (
    <>
      <PageHeader title={t('monClassifier.title')} subtitle={t('monClassifier.subtitle')} />
      <ClassifierModelCard />
      {lexicon.isError && <Alert type="error" showIcon title={errorText(lexicon.error, t)} />}
      {lexicon.isPending && <Spin />}
      {lexicon.data && (
        // A new version from the server (after a save or a reload) starts a fresh draft.
        <ClassifierLexiconEditor key={lexicon.data.version} state={lexicon.data} reload={() => lexicon.refetch()} />
      )}
    </>
  );
}
