/**
 * The HTTPS certificate for npm start: made with openssl, or in JS when openssl is missing; either
 * way a localhost certificate whose key matches, judged by the files (not by exit codes).
 */
import { execFileSync } from "child_process";
import { createPrivateKey, X509Certificate } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const script = path.resolve(__dirname, "..", "..", "scripts", "dev-certs.js");

function makeIn(home: string, noOpenssl: boolean): { cert: string; key: string; source: string } {
  const code = `require(${JSON.stringify(script)}).ensureCertificate({ tryInstall: false, noOpenssl: ${noOpenssl} })
    .then((c) => process.stdout.write(JSON.stringify(c)))`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", code], { env: { ...process.env, HOME: home, USERPROFILE: home } }).toString(),
  );
}

test.each([
  ["openssl", false, /openssl/],
  ["pure JS (no openssl)", true, /selfsigned/],
])("%s: a localhost certificate with its matching key", (_label, noOpenssl, source) => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-home-"));
  try {
    const made = makeIn(home, noOpenssl);
    expect(made.source).toMatch(source);
    expect(made.cert.startsWith(home)).toBe(true);
    const cert = new X509Certificate(fs.readFileSync(made.cert));
    expect(cert.subjectAltName).toContain("DNS:localhost");
    expect(cert.checkPrivateKey(createPrivateKey(fs.readFileSync(made.key)))).toBe(true);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 30 * 24 * 3600 * 1000);
    // A second run reuses the files instead of making new ones.
    expect(makeIn(home, noOpenssl).source).toMatch(/earlier run/);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test("certificates office-addin-dev-certs really installed are preferred", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-home-"));
  try {
    const own = makeIn(home, false);
    const officeDir = path.join(home, ".office-addin-dev-certs");
    fs.mkdirSync(officeDir);
    fs.copyFileSync(own.cert, path.join(officeDir, "localhost.crt"));
    fs.copyFileSync(own.key, path.join(officeDir, "localhost.key"));
    const made = makeIn(home, false);
    expect(made.source).toBe("office-addin-dev-certs");
    expect(made.cert).toBe(path.join(officeDir, "localhost.crt"));
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test("a certificate of an earlier run that expires within a week is made anew", () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-home-"));
  try {
    const dir = path.join(home, ".jixiao-ziping-dev-certs");
    fs.mkdirSync(dir, { recursive: true });
    // An openssl certificate valid for 2 days, where an earlier run would have left one.
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-keyout",
        path.join(dir, "localhost.key"),
        "-out",
        path.join(dir, "localhost.crt"),
      ],
      { stdio: "ignore" },
    );
    const made = makeIn(home, false);
    expect(made.source).not.toMatch(/earlier run/);
    const cert = new X509Certificate(fs.readFileSync(made.cert));
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 30 * 24 * 3600 * 1000);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
