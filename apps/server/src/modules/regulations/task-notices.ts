import { viDate, type TNotificationKind, type TTaskStatus } from '@loa/contracts';

/** What a notice needs to know of a task. */
export interface TaskFacts {
  taskId: string;
  regulationId: string;
  regulationNumber: string;
  title: string;
  ownerUnitId: string;
  assigneeUserId: string | null;
  dueOn: string;
}

export interface TaskNotice {
  recipients: { userIds?: string[]; orgUnitIds?: string[] };
  kind: TNotificationKind;
  title: { vi: string; en: string };
  link: string;
  entityType: string;
  entityId: string;
}

const STATUS_LABELS: Record<TTaskStatus, { vi: string; en: string }> = {
  todo: { vi: 'chưa làm', en: 'to do' },
  in_progress: { vi: 'đang làm', en: 'in progress' },
  done: { vi: 'hoàn thành', en: 'done' },
  cancelled: { vi: 'đã hủy', en: 'cancelled' },
};

/** The task's own page in the web app: the document with its timeline. */
export const taskLink = (task: Pick<TaskFacts, 'regulationId'>) => `/regulations?id=${task.regulationId}`;

/** Who hears about a task: its assignee when there is one, otherwise the users of its owner unit. */
export function taskRecipients(task: Pick<TaskFacts, 'ownerUnitId' | 'assigneeUserId'>): TaskNotice['recipients'] {
  return task.assigneeUserId ? { userIds: [task.assigneeUserId] } : { orgUnitIds: [task.ownerUnitId] };
}

/** A task was given to a unit or a person. */
export function assignmentNotice(task: TaskFacts): TaskNotice {
  const due = viDate(task.dueOn);
  return {
    recipients: taskRecipients(task),
    kind: 'assignment',
    title: {
      vi: `Nhiệm vụ mới (${task.regulationNumber}): ${task.title} — hạn ${due}`,
      en: `New task (${task.regulationNumber}): ${task.title} — due ${due}`,
    },
    link: taskLink(task),
    entityType: 'regulation_task',
    entityId: task.taskId,
  };
}

/** Tasks generated for a document: one notice per owner unit, however many tasks it got. */
export function generatedNotices(tasks: TaskFacts[]): TaskNotice[] {
  const byUnit = new Map<string, TaskFacts[]>();
  for (const task of tasks) byUnit.set(task.ownerUnitId, [...(byUnit.get(task.ownerUnitId) ?? []), task]);
  return [...byUnit.entries()].map(([unitId, own]) => {
    const first = own[0]!;
    const earliest = viDate(own.map((t) => t.dueOn).sort()[0]!);
    return {
      recipients: { orgUnitIds: [unitId] },
      kind: 'assignment',
      title: {
        vi: `${first.regulationNumber}: ${own.length} nhiệm vụ truyền thông trước, trong, sau khi ban hành — hạn sớm nhất ${earliest}`,
        en: `${first.regulationNumber}: ${own.length} communication task(s) before, during and after it takes effect — first due ${earliest}`,
      },
      link: taskLink(first),
      entityType: 'regulation',
      entityId: first.regulationId,
    };
  });
}

/** A task's status changed (told to whoever the task belongs to; the one who changed it is left out). */
export function statusNotice(task: TaskFacts, status: TTaskStatus): TaskNotice {
  const label = STATUS_LABELS[status];
  return {
    recipients: taskRecipients(task),
    kind: 'status_change',
    title: {
      vi: `${task.regulationNumber}: "${task.title}" chuyển sang ${label.vi}`,
      en: `${task.regulationNumber}: "${task.title}" is now ${label.en}`,
    },
    link: taskLink(task),
    entityType: 'regulation_task',
    entityId: task.taskId,
  };
}
