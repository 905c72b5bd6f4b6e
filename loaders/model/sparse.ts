/**
 * Columns of a Matrix::dgCMatrix (compressed sparse column): slot p holds
 * where each column's entries start in i (row indices) and x (values); rows
 * without an entry are zeros (drop0() removes explicit zeros from the slots).
 */
import {classOf, integers, numbers, slot, type RValue} from "../rds/index.js";
import {ModelError} from "./types.js";

export interface SparseColumns {
  nrow: number;
  ncol: number;
  rowNames: (string | null)[] | null;
  column(j: number): Float64Array;
}

export function sparseColumns(m: RValue): SparseColumns {
  if (m.type !== "S4" || !classOf(m).includes("dgCMatrix")) {
    throw new ModelError(`expected a sparse dgCMatrix of coefficients, found ${classOf(m).join("/") || m.type}`);
  }
  const i = integers(slot(m, "i"));
  const p = integers(slot(m, "p"));
  const x = numbers(slot(m, "x"));
  const dim = integers(slot(m, "Dim"));
  if (dim.length !== 2) throw new ModelError("the coefficient matrix does not have two dimensions");
  const [nrow, ncol] = dim;
  if (p.length !== ncol + 1 || p[0] !== 0 || p[ncol] !== i.length || i.length !== x.length) {
    throw new ModelError("the sparse coefficient matrix is inconsistent (slots i, p and x disagree)");
  }
  for (let j = 0; j < ncol; j++) {
    if (p[j + 1] < p[j]) throw new ModelError("the sparse coefficient matrix is inconsistent (column pointers decrease)");
  }
  for (const r of i) {
    if (r < 0 || r >= nrow) throw new ModelError("the sparse coefficient matrix has a row index out of range");
  }
  const dn = slot(m, "Dimnames");
  const rows = dn.type === "list" && dn.values[0]?.type === "character" ? dn.values[0].values : null;
  return {
    nrow,
    ncol,
    rowNames: rows,
    column(j: number): Float64Array {
      const out = new Float64Array(nrow);
      for (let k = p[j]; k < p[j + 1]; k++) out[i[k]] = x[k];
      return out;
    },
  };
}
