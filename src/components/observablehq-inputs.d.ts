// The few parts of @observablehq/inputs (which ships no types) that the components use.
declare module "@observablehq/inputs" {
  type Column<T> = keyof T & string;

  /** Options of Inputs.table, typed by the row: a column's format gets that column's value. */
  export interface TableOptions<T> {
    columns?: readonly Column<T>[];
    header?: {[K in Column<T>]?: string | Node};
    /** (value, index of the row in `data`, data): what the cell shows. */
    format?: {[K in Column<T>]?: (value: T[K], i: number, data: readonly T[]) => string | Node};
    align?: {[K in Column<T>]?: "left" | "right" | "center"};
    width?: number | string | {[K in Column<T>]?: number | string};
    /** Rows shown before the table scrolls (default 11.5). */
    rows?: number;
    layout?: "auto" | "fixed";
    /** Whether rows can be selected (a checkbox column). */
    select?: boolean;
    sort?: Column<T>;
    reverse?: boolean;
  }

  export function table<T extends object>(data: readonly T[], options?: TableOptions<T>): HTMLFormElement;

  /** Options of Inputs.range and Inputs.number. */
  export interface NumberOptions {
    label?: string;
    value?: number;
    step?: number;
  }
  export function range(extent: [number, number], options?: NumberOptions): HTMLFormElement & {value: number};
  export function number(extent: [number, number], options?: NumberOptions): HTMLFormElement & {value: number};

  /** Options of Inputs.radio: `format` names a choice, `value` is the one chosen first. */
  export interface ChoiceOptions<T> {
    label?: string;
    format?: (choice: T) => string;
    value?: T;
  }
  export function radio<T>(choices: readonly T[], options?: ChoiceOptions<T>): HTMLFormElement & {value: T};
}
