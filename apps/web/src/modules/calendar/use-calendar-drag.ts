import type { TCalendarItem } from '@loa/contracts';
import { useRef, useState, type DragEvent } from 'react';

interface Drag {
  item: TCalendarItem;
  fromDay: string;
}

/** Props a day cell spreads to accept dropped items. */
export interface DropTargetProps {
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
}

/**
 * HTML5 drag and drop of calendar items between day cells: `start` when an item is picked up (from the cell of
 * its day), `target(day)` for each cell, `overDay` to highlight the cell under the pointer; a drop on another
 * day calls `onMove(item, fromDay, toDay)`.
 */
export function useCalendarDrag(onMove: (item: TCalendarItem, fromDay: string, toDay: string) => void) {
  // A ref as well as state: the drop handler must see the drag even before React re-renders.
  const drag = useRef<Drag | null>(null);
  const [overDay, setOverDay] = useState<string | null>(null);

  const end = () => {
    drag.current = null;
    setOverDay(null);
  };

  const target = (day: string): DropTargetProps => ({
    onDragOver: (event) => {
      if (!drag.current) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (overDay !== day) setOverDay(day);
    },
    onDragLeave: (event) => {
      // Leaving for a child of the same cell is not leaving the cell.
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setOverDay((current) => (current === day ? null : current));
    },
    onDrop: (event) => {
      const current = drag.current;
      if (!current) return;
      event.preventDefault();
      end();
      if (current.fromDay !== day) onMove(current.item, current.fromDay, day);
    },
  });

  return {
    overDay,
    start: (item: TCalendarItem, fromDay: string) => {
      drag.current = { item, fromDay };
    },
    end,
    target,
  };
}
