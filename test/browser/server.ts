// The browser suites serve a built site the same plain static way the build's
// render check does (a path names a file or a folder's index.html; no clean
// URLs, so /drift is a 404 as on `python3 -m http.server`): one server.
export {serveFolder as serve} from "../../loaders/site/static-server.js";
