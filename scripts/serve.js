// A small HTTPS static server over dist/ for `npm start` (the add-in's files and manifest), built on
// sirv. Started detached by scripts/start.js; prints LISTENING once the port is bound, so start.js
// knows the answer it then checks comes from this server and not from something else.
//
// It is a developer's server on a developer's machine, so it is careful about what it exposes:
// - loopback only (127.0.0.1 and ::1), never another interface;
// - no request path can crash it (malformed escapes, NUL bytes, dot segments: 400/404);
// - nothing outside dist/, also not through a symlink inside dist/, and no dot files;
// - CORS only for Office's own origins, never `*`.
const fs = require("fs");
const https = require("https");
const path = require("path");
const sirv = require("sirv");
const { corsHeaders } = require("./cors");

/** Decodes a request path; undefined when it is malformed or names something we never serve. */
function safePath(url) {
  const raw = String(url || "/").split(/[?#]/)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  // NUL, backslashes and characters that would be read again as escapes or URL parts: never in dist/.
  if (!decoded.startsWith("/") || /[\0\\%?#]/.test(decoded)) return undefined;
  // Dot files and dot segments (.., .git, .env): never served.
  if (decoded.split("/").some((segment) => segment.startsWith("."))) return undefined;
  return decoded;
}

/** False for a directory, or for a file that (after following every symlink) lies outside `realRoot`. */
function servable(realRoot, file) {
  let real;
  try {
    real = fs.realpathSync(file);
  } catch {
    return true; // Missing: sirv answers 404, nothing is read.
  }
  return real.startsWith(realRoot + path.sep) && !fs.statSync(real).isDirectory();
}

/** The request handler: checks first, then sirv (re-reading dist/ on every request, as builds replace it). */
function createHandler(root, token) {
  const realRoot = fs.realpathSync(root);
  const files = sirv(realRoot, { dev: true, dotfiles: false, extensions: [] });
  return (req, res) => {
    res.setHeader("X-Ziping-Server", token);
    res.setHeader("Cache-Control", "no-store");
    for (const [name, value] of Object.entries(corsHeaders(req.headers.origin))) res.setHeader(name, value);
    const wanted = safePath(req.url);
    if (wanted === undefined) return void res.writeHead(400).end();
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { Allow: "GET, HEAD" }).end();
    const name = wanted === "/" ? "/taskpane.html" : wanted;
    if (!servable(realRoot, path.join(realRoot, name))) return void res.writeHead(404).end();
    req.url = name;
    files(req, res, () => res.writeHead(404).end());
  };
}

/** Listens on 127.0.0.1 (required) and ::1 (when the machine has IPv6), never on other interfaces. */
function listenLoopback(options, handler, port, onReady) {
  const v4 = https.createServer(options, handler);
  const v6 = https.createServer(options, handler);
  const fatal = (e) => {
    console.error(e.code === "EADDRINUSE" ? `端口 ${port} 已被占用。` : `HTTPS 服务器出错：${e.message}`);
    process.exit(1);
  };
  v4.on("error", fatal);
  v4.listen(port, "127.0.0.1", () => {
    v6.on("error", (e) => (e.code === "EADDRINUSE" ? fatal(e) : onReady()));
    v6.listen(port, "::1", onReady);
  });
  // A client that drops the connection mid-response must not end the server.
  for (const server of [v4, v6]) server.on("clientError", (_e, socket) => socket.destroy());
}

if (require.main === module) {
  const [root, port, certFile, keyFile, token] = process.argv.slice(2);
  // A file deleted by a rebuild between sirv's stat and its read fails that one response only.
  process.on("uncaughtException", (e) => console.error(`请求处理出错：${e.message}`));
  const options = { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
  listenLoopback(options, createHandler(root, token), Number(port), () => console.log("LISTENING"));
}

module.exports = { safePath, createHandler };
