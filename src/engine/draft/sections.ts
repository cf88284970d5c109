/**
 * The parts of a 自评报告 that come from the form: 资金来源, 资金投入 (预算数 / 执行数 / 执行率 /
 * 得分), each indicator with target, actual and whether it was met, 偏差原因, 重点工作任务, 总分 and
 * 等级. Every figure is FormCells.show of its cell; what the form does not say is a placeholder.
 */
import type { DetectedForm, FundsRow, IndicatorRow } from "../detect/form";
import type { FormCells } from "./cells";
import { paragraph, placeholder, text, type Block, type Run } from "./model";

const SUB_LABEL: Record<string, string> = { fiscal: "当年财政拨款", carryover: "上年结转资金", other: "其他资金" };

function fundsRow(form: DetectedForm, kind: FundsRow["kind"]): FundsRow | undefined {
  return form.funds?.rows.find((r) => r.kind === kind);
}

/** 资金来源: 全年预算数 and the sub-rows that carry money. */
export function fundingSources(cells: FormCells, form: DetectedForm): Block[] {
  const total = fundsRow(form, "total");
  const c = form.funds?.columns;
  if (!total || !c) return [paragraph(placeholder("资金来源"))];
  const runs: Run[] = [text(`本项目全年预算数 ${cells.show(total.row, c.budget) || "—"} 万元`)];
  const subs = (form.funds?.rows ?? []).filter((r) => r.kind !== "total" && (cells.number(r.row, c.budget) ?? 0) !== 0);
  if (subs.length > 0) {
    runs.push(
      text(`，其中：${subs.map((r) => `${SUB_LABEL[r.kind]} ${cells.show(r.row, c.budget)} 万元`).join("，")}`),
    );
  }
  runs.push(text("。"));
  return [paragraph(...runs)];
}

/** 资金投入: 年初预算数, 全年预算数, 全年执行数, 执行率 and its 得分. */
export function fundsInput(cells: FormCells, form: DetectedForm): Block[] {
  const total = fundsRow(form, "total");
  const c = form.funds?.columns;
  if (!total || !c) return [];
  const at = (col: number | undefined) => cells.show(total.row, col) || "—";
  const parts = [
    c.initial !== undefined ? `年初预算数 ${at(c.initial)} 万元` : "",
    `全年预算数 ${at(c.budget)} 万元`,
    `全年执行数 ${at(c.spent)} 万元`,
    `预算执行率 ${at(c.rate)}`,
  ].filter((p) => p !== "");
  const score = c.score !== undefined ? `，分值 ${at(c.weight)} 分，得分 ${at(c.score)} 分` : "";
  return [paragraph(text(`本项目${parts.join("，")}${score}。`))];
}

function indicatorName(r: IndicatorRow): string {
  return [r.level1, r.level2, r.level3].filter((x) => x !== "").join("—");
}

/** "95.00%" and unit "%" read once; "2" and unit "次" read "2次". */
function withUnit(value: string, unit: string): string {
  if (value === "" || unit === "" || value.endsWith(unit) || /%$/.test(value)) return value;
  return /^[\d.-]+$/.test(value) ? `${value}${unit}` : value;
}

interface IndicatorFacts {
  name: string;
  target: string;
  actual: string;
  weight?: number;
  score?: number;
  weightText: string;
  scoreText: string;
  reason: string;
}

export function indicatorFacts(cells: FormCells, form: DetectedForm): IndicatorFacts[] {
  const t = form.indicators;
  if (!t) return [];
  const c = t.columns;
  return t.rows.map((r) => {
    const unit = cells.show(r.row, c.unit);
    const nature = cells.show(r.row, c.nature);
    const target = withUnit(cells.show(r.row, c.target), unit);
    const op = /^[≥≤=＝﹦><]$/.test(nature) && !/^[≥≤=＝﹦><]/.test(target) ? nature : "";
    return {
      name: indicatorName(r),
      target: `${op}${target}`,
      actual: withUnit(cells.show(r.row, c.actual), unit),
      weight: cells.number(r.row, c.weight),
      score: cells.number(r.row, c.score),
      weightText: cells.show(r.row, c.weight),
      scoreText: cells.show(r.row, c.score),
      reason: cells.show(r.row, c.reason),
    };
  });
}

const shortfall = (f: IndicatorFacts) => f.weight !== undefined && f.score !== undefined && f.score < f.weight - 1e-9;

/** One paragraph per indicator: target, actual, met or not, weight and score. */
export function indicatorParagraphs(facts: IndicatorFacts[]): Block[] {
  if (facts.length === 0) return [paragraph(placeholder("绩效指标完成情况"))];
  return facts.map((f, i) => {
    const met = f.weight === undefined || f.score === undefined ? "" : shortfall(f) ? "，未完全达成" : "，已达成";
    const score = f.scoreText !== "" ? `，分值 ${f.weightText || "—"} 分，得分 ${f.scoreText} 分` : "";
    return paragraph(
      text(`${i + 1}. ${f.name}：指标值 ${f.target || "—"}，实际完成值 ${f.actual || "—"}${met}${score}。`),
    );
  });
}

/** 偏差原因: each indicator scored below its weight, with the form's reason or a placeholder. */
export function deviationParagraphs(facts: IndicatorFacts[]): Block[] {
  const short = facts.filter(shortfall);
  if (short.length === 0) return [paragraph(text("各项绩效指标均已达成，无偏差。"))];
  return short.map((f) => {
    const reason =
      f.reason !== "" && !/^(无|无偏差|—|-|\/)$/.test(f.reason)
        ? text(f.reason)
        : placeholder(`「${f.name}」的偏差原因`);
    return paragraph(text(`${f.name}（得分 ${f.scoreText} 分，分值 ${f.weightText} 分）：`), reason);
  });
}

/** 部门年度重点工作任务: each task's 批复金额, 实际支出 and 执行率. */
export function taskParagraphs(cells: FormCells, form: DetectedForm): Block[] {
  const t = form.tasks;
  if (!t) return [];
  const c = t.columns;
  return t.rows.map((row, i) =>
    paragraph(
      text(
        `${i + 1}. ${cells.show(row, c.name) || "—"}：批复金额 ${cells.show(row, c.approvedTotal) || "—"} 万元，` +
          `实际支出 ${cells.show(row, c.spent) || "—"} 万元，预算执行率 ${cells.show(row, c.rate) || "—"}。`,
      ),
    ),
  );
}

/** 自评得分和等级. */
export function totalParagraph(cells: FormCells, form: DetectedForm, subject: string): Block[] {
  const t = form.total;
  if (!t || t.scoreCol === undefined) {
    // A total stated only in the header lines (`自评总分: 95`) is said as the form states it.
    const h = form.headerTotal;
    if (!h) return [paragraph(placeholder("自评得分和等级"))];
    return [paragraph(text(`经自评，${subject}总分 ${h.value} 分。`))];
  }
  const grade = t.gradeCol !== undefined ? cells.show(t.row, t.gradeCol) : "";
  return [
    paragraph(
      text(`经自评，${subject}总分 ${cells.show(t.row, t.scoreCol) || "—"} 分`),
      grade !== "" ? text(`，自评等级为“${grade}”。`) : text("。"),
    ),
  ];
}
