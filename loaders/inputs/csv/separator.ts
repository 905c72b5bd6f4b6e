/**
 * What to say about a header line (its raw bytes, up to the first line break)
 * that has no comma but a semicolon or a tab: the file was saved with another
 * separator (a spreadsheet in a locale with decimal commas, R's write.csv2, a
 * TSV export). Read as CSV it is one column, and listing the "missing" columns
 * would hide the real mistake. Null when the header looks comma-separated.
 */
export function separatorProblem(headerLine: Uint8Array): string | null {
  let semicolons = 0;
  let tabs = 0;
  for (const c of headerLine) {
    if (c === comma) return null;
    if (c === semicolon) ++semicolons;
    else if (c === tab) ++tabs;
  }
  if (semicolons === 0 && tabs === 0) return null;
  const [what, kind] = semicolons >= tabs ? ['";"', "semicolon"] : ["a tab", "tab"];
  return `the header is one column containing ${what}: the file looks ${kind}-separated; the log must be comma-separated`;
}

const comma = 44;
const semicolon = 59;
const tab = 9;
