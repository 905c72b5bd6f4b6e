// See https://observablehq.com/framework/config for documentation.
export default {
  title: "TechMart price model: deployment review",
  root: "src",
  // The default stylesheet pulls web fonts from a CDN; builds here are offline.
  globalStylesheets: [],
  pager: false,
  search: false,
  footer: "",
};
