import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { REVIEW_SECTION_LABELS, REVIEW_SECTIONS, type TReviewEntry, type TReviewSection } from '@loa/contracts';
import { Card, Typography } from 'antd';
import { useMemo, useState, type ReactNode, type Ref } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ReviewEntryCard, type EntryActions } from './review-entry-card';
import {
  containerOf,
  dropTarget,
  moveEntry,
  orderOf,
  printedNumbers,
  sameOrder,
  shiftEntry,
  type SectionOrder,
} from './review-order';

interface Props {
  entries: readonly TReviewEntry[];
  editable: boolean;
  /** Saves a new order (every entry, section by section). */
  onOrder: (order: SectionOrder) => void;
  onEdit: (entry: TReviewEntry) => void;
  onExclude: (entry: TReviewEntry, excluded: boolean) => void;
  /** The entry whose exclusion is being saved. */
  busyId?: string | null;
}

/**
 * The edition's sections in print order with their stories as cards. Editors drag a card (mouse, touch, or the
 * keyboard: Space on the handle, arrows, Space again) inside a section or into another one, or use the buttons.
 */
export function ReviewBoard({ entries, editable, onOrder, onEdit, onExclude, busyId }: Props) {
  const { t, locale } = useI18n();
  const saved = useMemo(() => orderOf(entries), [entries]);
  // While dragging, the order as the card moves over the lists; the saved order otherwise.
  const [dragOrder, setDragOrder] = useState<SectionOrder | null>(null);
  const order = dragOrder ?? saved;
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const excluded = useMemo(() => new Set(entries.filter((e) => e.excluded).map((e) => e.id)), [entries]);
  const numbers = printedNumbers(order, excluded);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const sectionLabel = (section: TReviewSection) => REVIEW_SECTION_LABELS[section][locale];
  const headline = (id: UniqueIdentifier) => byId.get(String(id))?.headline ?? '';
  const place = (id: UniqueIdentifier, within: SectionOrder) => {
    const section = containerOf(within, String(id));
    if (!section) return '';
    if (section === id) return t('reviews.dnd.endOf', { section: sectionLabel(section) });
    const position = within[section].indexOf(String(id)) + 1;
    return t('reviews.dnd.place', { position, section: sectionLabel(section) });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('reviews.dnd.picked', { headline: headline(active.id), place: place(active.id, order) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('reviews.dnd.over', { headline: headline(active.id), place: place(over.id, order) })
        : t('reviews.dnd.outside', { headline: headline(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('reviews.dnd.dropped', { headline: headline(active.id), place: place(over.id, order) })
        : t('reviews.dnd.cancelled', { headline: headline(active.id) }),
    onDragCancel: ({ active }) => t('reviews.dnd.cancelled', { headline: headline(active.id) }),
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const current = dragOrder ?? saved;
    const from = containerOf(current, String(active.id));
    const to = containerOf(current, String(over.id));
    // Across sections the card joins the other list at once; within one, dnd-kit shows the move until the drop.
    if (!from || !to || from === to) return;
    const target = dropTarget(current, String(active.id), String(over.id));
    if (target) setDragOrder(moveEntry(current, String(active.id), target.section, target.index));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    let final = dragOrder ?? saved;
    if (over) {
      const target = dropTarget(final, String(active.id), String(over.id));
      if (target) final = moveEntry(final, String(active.id), target.section, target.index);
    }
    if (over && !sameOrder(final, saved)) onOrder(final);
    setDragOrder(null);
  };

  const actionsFor = (entry: TReviewEntry): EntryActions => ({
    moveUp: () => {
      const next = shiftEntry(saved, entry.id, -1);
      if (next) onOrder(next);
    },
    moveDown: () => {
      const next = shiftEntry(saved, entry.id, 1);
      if (next) onOrder(next);
    },
    edit: () => onEdit(entry),
    setExcluded: (value) => onExclude(entry, value),
  });

  const sections = REVIEW_SECTIONS.map((section) => {
    const ids = order[section].filter((id) => byId.has(id) && (editable || !excluded.has(id)));
    const cards = ids.map((id, index) => {
      const entry = byId.get(id)!;
      const common = { entry, number: numbers.get(id), isFirst: index === 0, isLast: index === ids.length - 1 };
      return editable ? (
        <SortableEntry key={id} {...common} actions={actionsFor(entry)} busy={busyId === id} />
      ) : (
        <ReviewEntryCard key={id} {...common} />
      );
    });
    return (
      <SectionList
        key={section}
        section={section}
        ids={ids}
        kept={ids.filter((id) => !excluded.has(id)).length}
        editable={editable}
        label={sectionLabel(section)}
      >
        {cards}
      </SectionList>
    );
  });

  if (!editable) return <>{sections}</>;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('reviews.dnd.instructions') } }}
      onDragStart={() => setDragOrder(saved)}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragOrder(null)}
    >
      {sections}
    </DndContext>
  );
}

function SectionList(props: {
  section: TReviewSection;
  ids: string[];
  /** Entries printed (not left out). */
  kept: number;
  editable: boolean;
  label: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = `review-section-${props.section}`;
  const body = (listRef?: Ref<HTMLOListElement>) => (
    <ol ref={listRef} aria-labelledby={headingId} style={{ margin: 0, padding: 0, minHeight: props.editable ? 48 : 0 }}>
      {props.children}
      {props.ids.length === 0 && (
        <li style={{ listStyle: 'none' }}>
          <Typography.Text type="secondary">
            {props.editable ? t('reviews.section.dropHere') : t('reviews.section.empty')}
          </Typography.Text>
        </li>
      )}
    </ol>
  );
  return (
    <section data-testid="review-section" data-section={props.section} aria-labelledby={headingId}>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Typography.Title level={2} id={headingId} style={{ fontSize: 17, margin: 0 }}>
            {props.label} ({t('reviews.section.count', { count: props.kept })})
          </Typography.Title>
        }
      >
        {props.editable ? (
          <SortableContext id={props.section} items={props.ids} strategy={verticalListSortingStrategy}>
            <DroppableList section={props.section}>{body}</DroppableList>
          </SortableContext>
        ) : (
          body()
        )}
      </Card>
    </section>
  );
}

/** Lets an empty section (or the space below its last card) receive a card. */
function DroppableList({
  section,
  children,
}: {
  section: TReviewSection;
  children: (ref: Ref<HTMLOListElement>) => ReactNode;
}) {
  const { setNodeRef } = useDroppable({ id: section });
  return <>{children(setNodeRef)}</>;
}

function SortableEntry(props: Omit<Parameters<typeof ReviewEntryCard>[0], 'handle' | 'itemRef' | 'style'>) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: props.entry.id,
    attributes: { roleDescription: t('reviews.dnd.roleDescription') },
  });
  return (
    <ReviewEntryCard
      {...props}
      itemRef={setNodeRef}
      handle={{ ...attributes, ...listeners }}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        opacity: isDragging ? 0.5 : undefined,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
      }}
    />
  );
}
