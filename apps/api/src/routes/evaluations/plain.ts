import type { ActionView, BoardView, GroupView } from "@samsyn/db";

/** The readonly arrays of the db's views as the plain arrays the response schemas declare. */
export function plainGroup(group: GroupView) {
  return { ...group, items: [...group.items] };
}

export function plainBoard(board: BoardView) {
  return {
    ...board,
    organisations: [...board.organisations],
    steps: [...board.steps],
    items: [...board.items],
    groups: board.groups.map(plainGroup),
    previousActions: [...board.previousActions],
  };
}

export function plainAction(action: ActionView) {
  return { ...action };
}
