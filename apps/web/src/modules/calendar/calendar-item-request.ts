import {
  recurrenceRule,
  type TCalendarItem,
  type TCalendarStatus,
  type TCreateCalendarItemRequest,
  type TEditScope,
  type TRecurrence,
  type TUpdateCalendarItemRequest,
} from '@loa/contracts';

/** The item form's values, with days as `yyyy-mm-dd` and blanks as null. */
export interface ItemDraft {
  title: string;
  description: string | null;
  startsOn: string;
  endsOn: string | null;
  ownerUnitId: string | null;
  assigneeId: string | null;
  status: TCalendarStatus;
  channelCode: string | null;
  formCode: string | null;
  themeCodes: string[];
  audienceCodes: string[];
  regulationId: string | null;
}

/** A new item (or series, with a rule); the catalog year is the one the form's codes came from. */
export function createRequest(
  draft: ItemDraft,
  guidanceYear: number | undefined,
  rule: TRecurrence | null,
): TCreateCalendarItemRequest {
  const { ownerUnitId, ...rest } = draft;
  return {
    ...rest,
    ...(ownerUnitId ? { ownerUnitId } : {}),
    ...(guidanceYear !== undefined ? { guidanceYear } : {}),
    recurrence: rule ? recurrenceRule(rule) : null,
  };
}

/** The draft of an existing item, as the form starts. */
export function draftOf(item: TCalendarItem): ItemDraft {
  return {
    title: item.title,
    description: item.description,
    startsOn: item.startsOn,
    endsOn: item.endsOn,
    ownerUnitId: item.ownerUnit.id,
    assigneeId: item.assignee?.id ?? null,
    status: item.status,
    channelCode: item.channelCode,
    formCode: item.formCode,
    themeCodes: item.themeCodes,
    audienceCodes: item.audienceCodes,
    regulationId: item.regulation?.id ?? null,
  };
}

/**
 * The PATCH of an edit: only the fields that changed, with the version the user saw. A rule is sent only when the
 * user changed the repeat choices; for an occurrence of a series the scope goes along, and a new rule always
 * applies to this occurrence and the later ones.
 */
export function updateRequest(
  item: TCalendarItem,
  draft: ItemDraft,
  repeat: { changed: boolean; rule: TRecurrence | null },
  scope: TEditScope,
): TUpdateCalendarItemRequest {
  const before = draftOf(item);
  const patch: TUpdateCalendarItemRequest = { version: item.version };
  for (const key of Object.keys(draft) as (keyof ItemDraft)[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(before[key])) Object.assign(patch, { [key]: draft[key] });
  }
  const newRule = repeat.changed && repeat.rule ? recurrenceRule(repeat.rule) : null;
  if (newRule && newRule !== item.series?.rule) patch.recurrence = newRule;
  if (item.series) patch.scope = patch.recurrence ? 'future' : scope;
  return patch;
}

/** Whether a PATCH changes anything beyond naming the version and scope. */
export function changesSomething(patch: TUpdateCalendarItemRequest): boolean {
  return Object.keys(patch).some((key) => key !== 'version' && key !== 'scope');
}
