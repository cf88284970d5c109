/**
 * scripts/setup-system.sh waits for another apt that holds the lock instead of failing, and asks
 * apt to wait for the dpkg lock too. Runs against stand-ins for dpkg-query and apt-get on PATH.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const script = path.resolve(__dirname, "..", "..", "scripts", "setup-system.sh");

function fakeBin(dir: string, name: string, body: string) {
  fs.writeFileSync(path.join(dir, name), `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
}

function runWithFakeApt(lockedTries: number, failure = "E: Could not get lock /var/lib/apt/lists/lock") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-apt-"));
  const log = path.join(dir, "apt.log");
  fakeBin(dir, "dpkg-query", "exit 1"); // nothing installed
  fakeBin(dir, "id", "echo 0"); // root: no sudo
  fakeBin(
    dir,
    "apt-get",
    `echo "$*" >> ${log}
if [[ "$*" == *" update"* ]]; then
  n=$(grep -c " update" ${log})
  if [ "$n" -le ${lockedTries} ]; then echo "${failure}" >&2; exit 100; fi
fi
exit 0`,
  );
  const r = spawnSync("bash", [script], {
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, SETUP_SYSTEM_LOCK_POLL: "0.05" },
    encoding: "utf8",
  });
  const calls = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : [];
  fs.rmSync(dir, { recursive: true, force: true });
  return { code: r.status, out: r.stdout + r.stderr, calls };
}

test("waits while another apt holds the lock, then installs", () => {
  const r = runWithFakeApt(2);
  expect(r.code).toBe(0);
  expect(r.out).toContain("waiting");
  expect(r.calls.filter((c) => c.includes(" update"))).toHaveLength(3);
  const install = r.calls.find((c) => c.includes(" install"))!;
  expect(install).toContain("DPkg::Lock::Timeout=600");
  expect(install).toContain("chromium");
});

test("any other apt failure is reported at once, not waited on", () => {
  const r = runWithFakeApt(5, "E: The repository is not signed.");
  expect(r.code).not.toBe(0);
  expect(r.out).toContain("not signed");
  expect(r.calls).toHaveLength(1);
});
