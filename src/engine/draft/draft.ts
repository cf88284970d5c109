/**
 * draftReport: a 自评报告 draft for one form, in the outline published reports follow. Project:
 * 一、基本情况 (项目背景, 主要内容, 资金来源) 二、绩效目标完成情况 (资金投入, 指标完成情况, 偏差原因)
 * 三、存在问题和改进措施 四、自评得分和等级, then the form as a table and, when the form has
 * slips, an appendix listing them (the report uses the computed values). 部门整体 forms get the
 * same outline with 部门概况 and 重点工作任务. Pure; never throws on user input.
 */
import { detectForms } from "../detect/detect";
import type { DetectedForm } from "../detect/form";
import { formatFinding } from "../i18n/messages";
import { readFormHeader } from "../review/header";
import type { RuleSet } from "../rules/schema";
import { parseA1, SheetView, type SheetSnapshot } from "../sheet/snapshot";
import { evaluateForm } from "../validate/evaluate";
import type { Finding } from "../validate/finding";
import { FindingSink } from "../validate/sink";
import { findingsOfEvaluation } from "../validate/validate";
import { FormCells } from "./cells";
import { formTable } from "./formTable";
import { textBelow, yearOf } from "./labels";
import { settledEvaluation } from "./settle";
import { heading, paragraph, placeholder, text, type Block, type ReportDraft } from "./model";
import * as S from "./sections";

export interface DraftInput {
  view: SheetView;
  form: DetectedForm;
  ruleSet: RuleSet;
}

/** Every form on the sheet → its draft (in form order). */
export function draftReports(snapshot: SheetSnapshot, ruleSet: RuleSet): ReportDraft[] {
  const view = new SheetView(snapshot);
  return detectForms(snapshot).map((form) => {
    try {
      return draftReport({ view, form, ruleSet });
    } catch (e) {
      // A bug of ours: the user gets a draft that says so, never a stack trace.
      return failedDraft(form, e instanceof Error ? e.message : String(e));
    }
  });
}

function failedDraft(form: DetectedForm, detail: string): ReportDraft {
  const subject = form.name || "绩效自评表";
  const blocks: Block[] = [
    { kind: "title", text: `${subject}绩效自评报告` },
    paragraph(text(`本表未能生成报告草稿（${detail}），请用“检查”查看该表的问题。`)),
  ];
  return {
    title: blocks[0].kind === "title" ? blocks[0].text : subject,
    subject,
    kind: form.kind,
    blocks,
    placeholders: 0,
  };
}

export function draftReport({ view, form, ruleSet }: DraftInput): ReportDraft {
  const sheet = view.snapshot.name;
  const ev = evaluateForm(view, form, ruleSet, sheet, false);
  const cells = new FormCells(view, settledEvaluation(view, form, ruleSet).computed);
  const header = readFormHeader(view, form);
  const subject = header.name || form.name || sheet;
  const year = yearOf(form.title);
  const isProject = form.kind === "project";
  // "2023年曲靖市…专项资金" already names its year: no "2023年度" in front of it.
  const yearPrefix = year && !subject.startsWith(year) ? `${year}年度` : "";
  const title = `${yearPrefix}${subject}${isProject ? "" : "部门整体支出"}绩效自评报告`;
  const body = isProject ? projectBody(cells, form, header) : departmentBody(cells, form);
  const slips = findingsOfEvaluation(ev, new FindingSink(sheet)).filter(
    (f) => f.severity === "error" && stillWrong(cells, f),
  );
  const blocks: Block[] = [
    { kind: "title", text: title },
    ...body,
    heading(1, "四、自评得分和等级"),
    ...S.totalParagraph(cells, form, isProject ? "本项目" : "本部门"),
    heading(1, "附件1：绩效自评表"),
    { kind: "table", caption: form.title || `${subject}绩效自评表`, rows: formTable(cells, form) },
    ...slipsAppendix(slips),
  ];
  return { title, subject, kind: form.kind, blocks, placeholders: countPlaceholders(blocks) };
}

function projectBody(cells: FormCells, form: DetectedForm, header: { department?: string; unit?: string }): Block[] {
  const goal = textBelow(cells.view, form, "预期目标");
  const done = textBelow(cells.view, form, "实际完成情况");
  const facts = S.indicatorFacts(cells, form);
  const who = [header.department && `主管部门：${header.department}`, header.unit && `实施单位：${header.unit}`].filter(
    Boolean,
  );
  return [
    heading(1, "一、基本情况"),
    heading(2, "（一）项目背景"),
    ...(who.length > 0 ? [paragraph(text(`${who.join("；")}。`))] : []),
    paragraph(placeholder("项目背景")),
    heading(2, "（二）主要内容"),
    paragraph(goal ? text(`年度总体目标：${goal}`) : placeholder("项目主要内容和年度总体目标")),
    heading(2, "（三）资金来源"),
    ...S.fundingSources(cells, form),
    heading(1, "二、绩效目标完成情况"),
    heading(2, "（一）资金投入情况"),
    ...S.fundsInput(cells, form),
    heading(2, "（二）绩效指标完成情况"),
    ...(done ? [paragraph(text(`总体完成情况：${done}`))] : []),
    ...S.indicatorParagraphs(facts),
    heading(2, "（三）偏差原因分析"),
    ...S.deviationParagraphs(facts),
    heading(1, "三、存在问题和改进措施"),
    paragraph(placeholder("存在的问题")),
    paragraph(placeholder("改进措施")),
  ];
}

function departmentBody(cells: FormCells, form: DetectedForm): Block[] {
  const facts = S.indicatorFacts(cells, form);
  const tasks = S.taskParagraphs(cells, form);
  return [
    heading(1, "一、基本情况"),
    heading(2, "（一）部门概况"),
    paragraph(placeholder("部门职责、机构设置和人员情况")),
    heading(2, "（二）部门整体收支情况"),
    paragraph(placeholder("收入合计、支出合计（基本支出、项目支出）")),
    heading(1, "二、绩效目标完成情况"),
    heading(2, "（一）部门年度重点工作任务完成情况"),
    ...(tasks.length > 0 ? tasks : [paragraph(placeholder("重点工作任务完成情况"))]),
    heading(2, "（二）部门整体支出绩效指标完成情况"),
    ...S.indicatorParagraphs(facts),
    heading(2, "（三）偏差原因分析"),
    ...S.deviationParagraphs(facts),
    heading(1, "三、存在问题和改进措施"),
    paragraph(placeholder("存在的问题")),
    paragraph(placeholder("改进措施")),
  ];
}

/** The slips of the form: the report used the computed values instead. */
function slipsAppendix(slips: Finding[]): Block[] {
  if (slips.length === 0) return [];
  return [
    heading(1, "附件2：自评表计算问题"),
    paragraph(
      text(
        "下列单元格的填写与评分规则不一致，本报告及附件1中已采用按规则计算的值（附件1中以底色标注），请核对自评表：",
      ),
    ),
    ...slips.map((f, i) => paragraph(text(`${i + 1}. ${f.cell ?? ""} ${formatFinding(f)}`))),
  ];
}

/**
 * A slip on a computed cell that the computed values put right anyway (a 总分 of 100 that is
 * correct once a wrong 得分 is corrected) is not listed: the typed value is what the report uses.
 */
function stillWrong(cells: FormCells, f: Finding): boolean {
  const at = f.cell ? parseA1(f.cell) : null;
  if (!at || !cells.computedAt(at.row, at.col)) return true;
  return cells.replaced(at.row, at.col);
}

function countPlaceholders(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + (b.kind === "paragraph" ? b.runs.filter((r) => "placeholder" in r).length : 0), 0);
}
