/**
 * The CSV syntax errors csv-parse raises with the options the input contract
 * uses, kept as data so a worker that does not know its absolute line numbers
 * yet can report one, and worded exactly as csv-parse words them.
 */
export type CsvSyntaxError =
  | {kind: "opening-quote"; line: number; field: number; value: string}
  | {kind: "closing-quote"; line: number; byte: number}
  | {kind: "quote-not-closed"; line: number};

export function csvSyntaxMessage(error: CsvSyntaxError): string {
  switch (error.kind) {
    case "opening-quote":
      return `Invalid Opening Quote: a quote is found on field ${error.field} at line ${error.line}, value is ${JSON.stringify(error.value)}${error.value === "\ufeff" ? " (utf8 bom)" : ""}`;
    case "closing-quote":
      return `Invalid Closing Quote: got "${String.fromCharCode(error.byte)}" at line ${error.line} instead of delimiter, record delimiter, trimable character (if activated) or comment`;
    case "quote-not-closed":
      return `Quote Not Closed: the parsing is finished with an opening quote at line ${error.line}`;
  }
}

/** The same error with its line moved by `offset` (a worker's lines count from its own start). */
export function shiftLine(error: CsvSyntaxError, offset: number): CsvSyntaxError {
  return {...error, line: error.line + offset};
}
