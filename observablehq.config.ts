// See https://observablehq.com/framework/config for documentation.
export default {
  title: "TechMart price model: deployment review",
  root: "src",
  // `npm run build` builds into a temporary folder and swaps it in on success.
  output: process.env.REPORT_BUILD_OUTPUT || "dist",
  // The default stylesheet pulls web fonts from a CDN; builds here are offline.
  globalStylesheets: [],
  // An inline icon: no request for /favicon.ico, so no 404 in the console.
  head: '<link rel="icon" href="data:,">',
  pager: false,
  search: false,
  footer: "",
};
