import {
  recurrenceRule,
  type TCalendarItem,
  type TCalendarPage,
  type TUpdateCalendarItemRequest,
} from '@loa/contracts';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDay, rescheduledDates } from './calendar-days';
import { withItemMoved } from './calendar-cache';
import { calendarKeys, updateCalendarItem } from './calendar.api';
import { movedRule } from './recurrence-form';
import { useScopeChoice } from './use-scope-choice';

interface Move {
  item: TCalendarItem;
  request: TUpdateCalendarItemRequest & { startsOn: string; endsOn: string | null };
}

/**
 * Rescheduling by drag and drop: asks "this one / this and later" for an occurrence of a series, shows the item on
 * its new day at once, saves it, and puts it back (with the server's reason) when saving fails.
 */
export function useReschedule(): {
  move: (item: TCalendarItem, fromDay: string, toDay: string) => Promise<void>;
  pendingIds: ReadonlySet<string>;
  dialog: ReactNode;
} {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { ask, dialog } = useScopeChoice();
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());
  const setPending = (id: string, pending: boolean) =>
    setPendingIds((current) => {
      const next = new Set(current);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });

  const mutation = useMutation({
    mutationFn: ({ item, request }: Move) => updateCalendarItem(item.id, request),
    onMutate: async ({ item, request }) => {
      setPending(item.id, true);
      await queryClient.cancelQueries({ queryKey: calendarKeys.lists });
      const snapshot: [QueryKey, TCalendarPage | undefined][] = queryClient.getQueriesData<TCalendarPage>({
        queryKey: calendarKeys.lists,
      });
      queryClient.setQueriesData<TCalendarPage>({ queryKey: calendarKeys.lists }, (page) =>
        withItemMoved(page, item.id, request),
      );
      return { snapshot };
    },
    onError: (error, { item }, context) => {
      for (const [key, page] of context?.snapshot ?? []) queryClient.setQueryData(key, page);
      message.error(t('calendar.moveFailed', { title: item.title, reason: errorText(error, t) }));
    },
    onSuccess: (saved) => {
      message.success(t('calendar.moved', { title: saved.title, date: formatDay(saved.startsOn) }));
    },
    onSettled: async (_saved, _error, { item }) => {
      setPending(item.id, false);
      await queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    },
  });

  const move = async (item: TCalendarItem, fromDay: string, toDay: string) => {
    const dates = rescheduledDates(item, fromDay, toDay);
    if (dates.startsOn === item.startsOn) return;
    const request: Move['request'] = { ...dates, version: item.version };
    if (item.series) {
      // A series whose rule fixes its days moves "this and later" only with the rule moved along (15th → 20th).
      const rule = item.series.shiftable ? null : movedRule(item.series.recurrence, item.startsOn, dates.startsOn);
      const scope = await ask({
        title: t('calendar.scope.moveTitle'),
        text: t('calendar.scope.moveText', { title: item.title, date: formatDay(dates.startsOn) }),
        futureAllowed: item.series.shiftable || rule !== null,
        futureBlocked: t('calendar.scope.fixedDays'),
        futureHint: t('calendar.scope.futureMoveHint'),
      });
      if (!scope) return;
      request.scope = scope;
      if (scope === 'future' && rule) request.recurrence = recurrenceRule(rule);
    }
    mutation.mutate({ item, request });
  };

  return { move, pendingIds, dialog };
}
