// A certificate for https://localhost:3000. office-addin-dev-certs when it really installed one
// (Windows, macOS); otherwise (Linux, where its CA install needs sudo) a self-signed certificate
// made with openssl, or — without openssl — with the pure-JS `selfsigned` package that
// webpack-dev-server brings along. Success is judged by the files existing, never by a tool's exit code:
// office-addin-dev-certs exits 0 when it fails.
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const officeDir = path.join(os.homedir(), ".office-addin-dev-certs");
const ownDir = path.join(os.homedir(), ".jixiao-ziping-dev-certs");

/** Days a certificate must still be valid to be reused; an older one is made anew. */
const MIN_DAYS_LEFT = 7;

/** True while the certificate file parses and stays valid for MIN_DAYS_LEFT more days. */
function notExpiring(certFile) {
  try {
    const { validTo } = new crypto.X509Certificate(fs.readFileSync(certFile));
    return Date.parse(validTo) - Date.now() > MIN_DAYS_LEFT * 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

const usable = (dir) =>
  fs.existsSync(path.join(dir, "localhost.crt")) &&
  fs.existsSync(path.join(dir, "localhost.key")) &&
  fs.statSync(path.join(dir, "localhost.key")).size > 0 &&
  notExpiring(path.join(dir, "localhost.crt"));

function files(dir, source) {
  return { cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key"), source };
}

/** Make a self-signed localhost certificate with openssl; null when openssl is missing or fails. */
function selfSigned() {
  fs.mkdirSync(ownDir, { recursive: true });
  const cert = path.join(ownDir, "localhost.crt");
  const key = path.join(ownDir, "localhost.key");
  const r = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-sha256",
      "-days",
      "365",
      "-keyout",
      key,
      "-out",
      cert,
      "-subj",
      "/CN=localhost",
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { encoding: "utf8" },
  );
  if (r.error || r.status !== 0 || !usable(ownDir)) return null;
  return files(ownDir, "openssl (self-signed)");
}

/** The same without openssl: `selfsigned` (present as webpack-dev-server's dependency). */
async function selfSignedInJs() {
  let selfsigned;
  try {
    selfsigned = require("selfsigned");
  } catch {
    return null;
  }
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  fs.mkdirSync(ownDir, { recursive: true });
  fs.writeFileSync(path.join(ownDir, "localhost.key"), pems.private, { mode: 0o600 });
  fs.writeFileSync(path.join(ownDir, "localhost.crt"), pems.cert);
  return usable(ownDir) ? files(ownDir, "selfsigned (self-signed, no openssl)") : null;
}

/**
 * @param {{ tryInstall: boolean, noOpenssl?: boolean }} opts tryInstall: run office-addin-dev-certs install first (desktop hosts).
 * @returns {{cert: string, key: string, source: string}}
 */
async function ensureCertificate(opts = { tryInstall: false }) {
  if (usable(officeDir)) return files(officeDir, "office-addin-dev-certs");
  if (opts.tryInstall) {
    const bin = path.join(__dirname, "..", "node_modules", ".bin", "office-addin-dev-certs");
    spawnSync(bin, ["install"], { stdio: "inherit", shell: process.platform === "win32" });
    if (usable(officeDir)) return files(officeDir, "office-addin-dev-certs");
  }
  if (usable(ownDir)) return files(ownDir, "self-signed (earlier run)");
  const made = (!opts.noOpenssl && selfSigned()) || (await selfSignedInJs());
  if (made) return made;
  throw new Error(
    "无法生成 HTTPS 证书：office-addin-dev-certs 未能安装证书，且找不到可用的 openssl。" +
      "请安装 openssl（例如 apt-get install openssl）后重试。",
  );
}

module.exports = { ensureCertificate };

if (require.main === module) {
  ensureCertificate({ tryInstall: process.argv.includes("--install") }).then(
    (c) => console.log(`certificate: ${c.cert}\nkey: ${c.key}\nsource: ${c.source}`),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
