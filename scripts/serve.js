// A small HTTPS static server over dist/ for `npm start` (the add-in's files and manifest).
// Started detached by scripts/start.js; prints LISTENING once the port is bound, so start.js
// knows the answer it then checks comes from this server and not from something else.
const fs = require("fs");
const https = require("https");
const path = require("path");

const [root, port, certFile, keyFile, token] = process.argv.slice(2);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "text/xml; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

const server = https.createServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) }, (req, res) => {
  const urlPath = decodeURIComponent((req.url || "/").split("?")[0]);
  const file = path.resolve(root, "." + (urlPath === "/" ? "/taskpane.html" : urlPath));
  // Never serve outside dist/.
  if (!file.startsWith(path.resolve(root) + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.readFile(file, (err, data) => {
    const headers = { "Access-Control-Allow-Origin": "*", "X-Ziping-Server": token, "Cache-Control": "no-store" };
    if (err) {
      res.writeHead(404, headers).end("not found");
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(data);
  });
});
server.on("error", (e) => {
  console.error(e.code === "EADDRINUSE" ? `端口 ${port} 已被占用。` : `HTTPS 服务器出错：${e.message}`);
  process.exit(1);
});
server.listen(Number(port), () => console.log("LISTENING"));
