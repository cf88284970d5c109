/**
 * Progress of review and check on stderr: on a terminal one bar redrawn in place with an ETA from
 * the time per file so far; in a log (not a terminal) about twenty plain lines, no carriage return.
 */
import { reviewProgress } from "../../src/cli/review/progress";

function run(total: number, isTTY: boolean, options: Parameters<typeof reviewProgress>[3] = {}) {
  let clock = 0;
  const out: string[] = [];
  const p = reviewProgress(total, { stderr: (t) => out.push(t), isTTY }, "zh-CN", { ...options, now: () => clock });
  for (let i = 0; i < total; i++) {
    clock += 2000; // two seconds a file
    p.tick();
  }
  return out;
}

test("on a terminal: a bar redrawn in place, with the ETA of the files left, a newline at the end", () => {
  const out = run(60, true);
  expect(out).toHaveLength(60);
  expect(out.every((t) => t.startsWith("\r"))).toBe(true);
  expect(out[0]).toMatch(/^\r░{24} 已审核 1\/60 {2}预计剩余 1:58$/); // 59 files × 2 s
  expect(out[29]).toMatch(/█{12}░{12} 已审核 30\/60 {2}预计剩余 1:00$/);
  expect(out[59]).toMatch(/█{24} 已审核 60\/60 {2}预计剩余 0:00\n$/);
});

test("not a terminal: about twenty plain lines, never a carriage return", () => {
  const out = run(100, false);
  expect(out).toHaveLength(20);
  expect(out[0]).toBe("已审核 5/100\n");
  expect(out.at(-1)).toBe("已审核 100/100\n");
  expect(out.join("")).not.toContain("\r");
});

test("check's wording, and nothing for fewer files than asked", () => {
  expect(run(12, false, { label: { zh: "已检查", en: "checked" }, from: 10 }).at(-1)).toBe("已检查 12/12\n");
  expect(run(9, true, { label: { zh: "已检查", en: "checked" }, from: 10 })).toEqual([]);
});
