import type { TReview, TReviewKind, TReviewSection, TUpdateReviewEntryRequest } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { addEntry, approveReview, reorderReview, reviewKeys, updateEntry, updateReview } from './press-reviews.api';
import { isReview, reorderRequest, withOrder, type SectionOrder } from './review-order';

type EntryChanges = Omit<TUpdateReviewEntryRequest, 'version'>;

/**
 * Every edit of one edition: they run one after the other (one mutation scope), each with the version the previous
 * one left, so quick successive moves do not trip over each other. A version conflict (someone else saved first) or an
 * edition approved meanwhile reloads it with a message; a failed move puts the old order back.
 */
export function useReviewEditing(kind: TReviewKind, id: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = reviewKeys.detail(kind, id);
  const scope = { id: `press-review:${id}` };
  const current = () => queryClient.getQueryData<TReview>(key);
  const version = () => current()?.version ?? 0;
  const queuedOrders = useRef(0);

  const refreshLists = () => queryClient.invalidateQueries({ queryKey: ['press-reviews', 'list'] });
  const settle = async (result: unknown) => {
    if (isReview(result)) queryClient.setQueryData(key, result);
    else await queryClient.invalidateQueries({ queryKey: key });
    void refreshLists();
  };

  /** A conflict reloads the edition; anything else is shown as a message unless a form shows it in place. */
  const failed = (error: unknown, showOther: boolean, prefix?: string) => {
    if (error instanceof ApiError && error.status === 409) {
      if (error.code === 'conflict.version') message.warning(t('reviews.conflict'));
      else message.error(errorText(error, t));
      void queryClient.invalidateQueries({ queryKey: key });
      return;
    }
    if (showOther) message.error(prefix ? `${prefix}: ${errorText(error, t)}` : errorText(error, t));
  };

  const reorder = useMutation({
    scope,
    mutationFn: ({ order }: { order: SectionOrder; previous: TReview }) =>
      reorderReview(kind, id, reorderRequest(order, version())),
    onSuccess: async (result) => {
      if (!isReview(result)) return settle(result);
      // Moves still queued keep what the screen shows; only the version moves on.
      queryClient.setQueryData<TReview>(key, (old) =>
        old && queuedOrders.current > 1 ? { ...old, version: result.version, updatedAt: result.updatedAt } : result,
      );
      void refreshLists();
    },
    onError: (error, { previous }) => {
      queryClient.setQueryData(key, previous);
      failed(error, true, t('reviews.order.failed'));
    },
    onSettled: () => {
      queuedOrders.current -= 1;
    },
  });

  const entry = useMutation({
    scope,
    mutationFn: ({ entryId, changes }: { entryId: string; changes: EntryChanges; inForm?: boolean }) =>
      updateEntry(kind, id, entryId, { ...changes, version: version() }),
    onSuccess: settle,
    onError: (error, { inForm }) => failed(error, !inForm),
  });

  const header = useMutation({
    scope,
    mutationFn: (changes: { title: string; intro: string | null }) =>
      updateReview(kind, id, { ...changes, version: version() }),
    onSuccess: settle,
    onError: (error) => failed(error, false),
  });

  const add = useMutation({
    scope,
    mutationFn: (request: { articleId: string; section?: TReviewSection }) =>
      addEntry(kind, id, { ...request, version: version() }),
    onSuccess: settle,
    onError: (error) => failed(error, true),
  });

  const approve = useMutation({
    scope,
    mutationFn: () => approveReview(kind, id, version()),
    onSuccess: async (result) => {
      await settle(result);
      message.success(t('reviews.approve.done'));
    },
    onError: (error) => failed(error, true),
  });

  /** Shows the new order at once and saves it. */
  const saveOrder = (order: SectionOrder) => {
    const previous = current();
    if (!previous) return;
    void queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData(key, withOrder(previous, order));
    queuedOrders.current += 1;
    reorder.mutate({ order, previous });
  };

  return { saveOrder, entry, header, add, approve, ordering: reorder.isPending };
}
