/**
 * 文表一致: report texts against the forms of seeds/001 (three 项目支出 forms, one 部门整体 form).
 * Clean texts (seed 001's own report, our own correct paragraphs) give no finding; each planted
 * contradiction gives exactly its finding, quoting the sentence and the cell. Seed 002's report
 * carries a real slip in its prose (1326.27 − 1304.57 is 21.70, the report says 21.76).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  ALL_REPORT_CODES,
  checkReport,
  formatMessage,
  getRuleSet,
  subjectsOfSheet,
  type ReportFinding,
  type Subject,
} from "../../../src/engine";
import { seedAllOnOneSheet, seedDepartmentForm, seedProjectForms } from "../../fixtures/seed001";

const RULES = getRuleSet("mof-2020");
const SEEDS = "/work/shared/seeds";
const seedText = (prefix: string) => {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, file), "utf8");
};
const hasSeeds = (() => {
  try {
    return readdirSync(SEEDS).length > 0;
  } catch {
    return false;
  }
})();
const itSeed = hasSeeds ? it : it.skip;

const SUBJECTS: Subject[] = [...seedProjectForms(), seedDepartmentForm()].flatMap((s) => subjectsOfSheet(s, RULES));
const check = (text: string, subjects = SUBJECTS) => checkReport(text, subjects, RULES).findings;
const codes = (fs: ReportFinding[]) => fs.map((f) => f.code);

describe("the forms as subjects", () => {
  it("reads each project's funds, total and grade and each 重点工作任务 row", () => {
    const p3 = SUBJECTS.find((s) => s.name === "三届三次人代会工作费")!;
    const byMetric = Object.fromEntries(p3.facts.map((f) => [f.metric, f.value]));
    expect(byMetric).toMatchObject({
      initial: 41.61,
      budget: 41.61,
      spent: 41.61,
      rate: 1,
      execScore: 10,
      totalScore: 100,
      grade: "优",
    });
    expect(p3.facts.find((f) => f.metric === "spent")!.cell).toMatch(/^项目3!/);
    const task = SUBJECTS.find((s) => s.kind === "task" && s.name === "曲靖市沾益区人代会会议经费")!;
    expect(task.facts.map((f) => f.value)).toEqual([41.61, 41.61, 1]);
  });
  it("finds the same subjects on one sheet holding all four forms", () => {
    expect(
      subjectsOfSheet(seedAllOnOneSheet(), RULES)
        .map((s) => s.name)
        .sort(),
    ).toEqual(SUBJECTS.map((s) => s.name).sort());
  });
});

describe("clean texts", () => {
  itSeed("seed 001's own report against its four forms: no finding", () => {
    expect(check(seedText("001"))).toEqual([]);
  });
  it("a correct paragraph per project: figures matched, no finding", () => {
    const text = [
      "（一）三届三次人代会工作费",
      "该项目年初预算41.61万元，全年预算41.61万元，实际支出41.61万元，预算执行率100%，预算执行率得分10分。",
      "项目自评总分100分，自评等级为“优”。",
      "人大代表履职能力提升专项资金全年预算10.56万元，实际支出105600元，执行率100.00%。",
      "曲靖市沾益区人代会会议经费批复金额41.61万元，实际支出41.6万元。",
      "二、其他说明",
      "应支出150万元，实际支出148万元，执行率98.67%。",
      "2024年支出1304.57万元，比上年1336.76万元减少32.19万元，减少2.41%。",
      "满意度达到100%，总分92分，等级为优。",
    ].join("\n");
    const r = checkReport(text, SUBJECTS, RULES);
    expect(r.findings).toEqual([]);
    expect(r.attributed).toBeGreaterThanOrEqual(11);
  });
});

describe("planted contradictions, one of each kind", () => {
  const head = "（一）三届三次人代会工作费\n";
  it.each([
    ["实际支出38.7万元。", "report-amount-mismatch", "38.7万元", "41.61万元", /^项目3!/],
    ["全年预算数为60万元。", "report-amount-mismatch", "60万元", "41.61万元", /^项目3!/],
    ["预算执行率为93%。", "report-rate-mismatch", "93%", "100.00%", /^项目3!/],
    ["项目自评得分95分。", "report-score-mismatch", "95分", "100分", /^项目3!/],
    ["自评等级为良。", "report-grade-mismatch", "良", "优", /^项目3!/],
  ])("%s", (sentence, code, stated, expected, cell) => {
    const fs = check(head + "该项目" + sentence);
    expect(codes(fs)).toEqual([code]);
    expect(fs[0].data).toMatchObject({ stated, expected, subject: "三届三次人代会工作费" });
    expect(fs[0].cell).toMatch(cell);
    expect(fs[0].sentence).toBe("该项目" + sentence);
  });
  it("a task row of the 部门整体 form named in the sentence", () => {
    const fs = check("曲靖市沾益区人大专项工作经费实际支出25.77万元，执行率100%。");
    expect(codes(fs)).toEqual(["report-amount-mismatch"]);
    expect(fs[0].data).toMatchObject({ subject: "曲靖市沾益区人大专项工作经费", expected: "29.77万元" });
  });
  it("the 人大会议 project stated two ways where the form holds no amounts", () => {
    const subjects: Subject[] = [{ name: "人大会议经费", kind: "project", sheet: "S", facts: [] }];
    const text =
      "（一）人大会议经费项目\n该项目实际支出38.7万元。\n二、其他\n人大会议经费项目全年预算60万元，实际支出60万元，执行率100%。";
    const fs = check(text, subjects);
    expect(codes(fs)).toEqual(["report-text-inconsistent"]);
    expect(fs[0].data).toMatchObject({ stated: "60万元", earlier: "38.7万元" });
  });
  it("arithmetic inside a sentence: 执行率 that is not 支出 ÷ 预算", () => {
    const fs = check("应支出150万元，实际支出148万元，执行率95.33%。");
    expect(codes(fs)).toEqual(["report-prose-rate"]);
    expect(fs[0].data).toMatchObject({ stated: "95.33%", expected: "98.67%" });
  });
  it("a difference and a change rate that are not the arithmetic of the two years", () => {
    expect(codes(check("本年支出1304.57万元，比上年1336.76万元减少30.19万元。"))).toEqual(["report-prose-difference"]);
    expect(codes(check("本年支出1304.57万元，比上年1336.76万元增加32.19万元。"))).toEqual(["report-prose-difference"]);
    expect(codes(check("本年支出1304.57万元，比上年1336.76万元减少32.19万元，减少3.41%。"))).toEqual([
      "report-prose-change-rate",
    ]);
  });
  it("a grade that the stated total does not earn", () => {
    const fs = check("项目总分85分，等级为优。");
    expect(codes(fs)).toEqual(["report-grade-score"]);
    expect(fs[0].data).toMatchObject({ expected: "良" });
  });
  itSeed("seed 002's report: the one slip in its prose (21.76 for 21.70), nothing else", () => {
    const fs = check(seedText("002"), []);
    expect(codes(fs)).toEqual(["report-prose-difference"]);
    expect(fs[0].data).toMatchObject({ stated: "21.76万元", prior: "1326.27万元", current: "1304.57万元" });
    expect(fs[0].sentence).toContain("减少21.76万元");
  });
});

describe("robust and rendered", () => {
  it("odd input never throws", () => {
    for (const t of [
      "",
      "。。。",
      "%%%分万元",
      "１２３．４５万元，执行率９８％",
      "\u0000\n\n",
      "1,304.57万元".repeat(50),
    ]) {
      expect(() => checkReport(t, SUBJECTS, RULES)).not.toThrow();
    }
    expect(() => checkReport(undefined as unknown as string, [], RULES)).not.toThrow();
  });
  it("every code renders in both locales, no placeholder left", () => {
    const data = {
      subject: "项目",
      what: "spent",
      stated: "1万元",
      expected: "2万元",
      cell: "S!A1",
      earlier: "3",
      earlierSentence: "句",
      budget: "1",
      spent: "1",
      current: "1",
      prior: "2",
      total: "85分",
    };
    for (const code of ALL_REPORT_CODES) {
      for (const locale of ["zh-CN", "en"] as const) {
        const m = formatMessage(code, data, locale);
        expect(m).not.toMatch(/[{}]|undefined/);
      }
    }
    expect(formatMessage("report-amount-mismatch", data)).toContain("实际支出");
  });
});
