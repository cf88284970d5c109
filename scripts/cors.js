// Which web pages may read the dev server's files from another origin: Office's own (Excel on the
// web loads the manifest's functions.json and pages from there), never `*` — any site the developer
// visits could otherwise read what the local server serves.
const OFFICE_ORIGIN =
  /^https:\/\/([a-z0-9-]+\.)*(officeapps\.live\.com|office\.com|office365\.com|office\.net|sharepoint\.com|microsoft\.com|cloud\.microsoft)$/i;
const LOCAL_ORIGIN = /^https:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** The CORS headers for a request from `origin`: that origin echoed when it is allowed, else none. */
function corsHeaders(origin) {
  if (typeof origin !== "string" || !(OFFICE_ORIGIN.test(origin) || LOCAL_ORIGIN.test(origin))) return {};
  return { "Access-Control-Allow-Origin": origin, Vary: "Origin" };
}

module.exports = { corsHeaders };
