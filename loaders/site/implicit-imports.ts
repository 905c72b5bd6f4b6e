/**
 * Framework's implicit imports that it fetches from the npm CDN (its
 * recommended libraries: a page naming `Plot` without importing it gets
 * `npm:@observablehq/plot`). No CDN is reachable where the report is built,
 * so a page must import the package from node_modules, as the report's pages
 * do; each entry is the import to write. `FileAttachment`, `display`,
 * `resize`, `width` and the rest of Framework's own library need no network.
 */
export const implicitImports: Readonly<Record<string, string>> = {
  Plot: 'import * as Plot from "@observablehq/plot";',
  d3: 'import * as d3 from "d3";',
  Inputs: 'import * as Inputs from "@observablehq/inputs";',
  html: 'import {html} from "htl";',
  svg: 'import {svg} from "htl";',
  htl: 'import * as htl from "htl";',
  aq: 'import * as aq from "arquero";',
  // Not installed here: the hint names the package to add first.
  _: 'npm install lodash, then import _ from "lodash";',
  Arrow: 'npm install apache-arrow, then import * as Arrow from "apache-arrow";',
  duckdb: 'npm install @duckdb/duckdb-wasm, then import * as duckdb from "@duckdb/duckdb-wasm";',
  echarts: 'npm install echarts, then import * as echarts from "echarts";',
  L: 'npm install leaflet, then import * as L from "leaflet";',
  mapboxgl: 'npm install mapbox-gl, then import mapboxgl from "mapbox-gl";',
  React: 'npm install react, then import * as React from "react";',
  ReactDOM: 'npm install react-dom, then import * as ReactDOM from "react-dom";',
  topojson: 'npm install topojson-client, then import * as topojson from "topojson-client";',
};
